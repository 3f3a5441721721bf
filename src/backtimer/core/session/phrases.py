"""What the voice says for each cue: plain words, decided here, spoken by ``gui.sound.director``.

Qt-free so the words can be tested (and changed) without sound. A cue's words are one
utterance: the voice renders it as one file, so its length is known before it is due.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.i18n import _
from backtimer.core.routine import Side, step_text
from backtimer.core.session.cue_schedule import END_CUES, MILESTONE_KINDS, START_CUES
from backtimer.core.session.cues import Cue
from backtimer.core.session.timeline import Phase, PhaseKind

#: Each sentence is whole, one per side where a side is named: in German and Spanish a
#: side word's form depends on the noun it goes with, so no sentence is built from parts.
GET_READY = _("Get ready.")
WARMUP_HEADING = _("Warm-up: {title}")
COOLDOWN_HEADING = _("Cool-down: {title}")
#: How a side is said on its own, before a stretch's steps.
SIDE_ALONE: dict[Side, str] = {Side.RIGHT: _("Right side."), Side.LEFT: _("Left side.")}
HOLD = _("Hold.")
#: The first hold of an exercise's last rep (when it has more than one).
HOLD_LAST_REP = _("Last rep. Hold.")
REST = _("Rest.")
#: What a rest says comes next: the next exercise, or the next rep of this one.
REST_NEXT_EXERCISE = _("Rest. Next: {exercise}.")
REST_NEXT_REP = _("Rest. Next: rep {rep} of {reps}.")
REST_NEXT_REP_SIDE: dict[Side, str] = {
    Side.RIGHT: _("Rest. Next: rep {rep} of {reps}, right side."),
    Side.LEFT: _("Rest. Next: rep {rep} of {reps}, left side."),
}
REST_NEXT_LAST_REP = _("Rest. Next: the last rep.")
REST_NEXT_LAST_REP_SIDE: dict[Side, str] = {
    Side.RIGHT: _("Rest. Next: the last rep, right side."),
    Side.LEFT: _("Rest. Next: the last rep, left side."),
}
SWITCH_TO: dict[Side, str] = {
    Side.RIGHT: _("Switch to the right side."),
    Side.LEFT: _("Switch to the left side."),
}
SWITCH_TO_OTHER = _("Switch to the other side.")
#: The switch to an exercise's last side (in its last rep).
SWITCH_LAST_SIDE: dict[Side, str] = {
    Side.RIGHT: _("Switch to the right side. Last side."),
    Side.LEFT: _("Switch to the left side. Last side."),
}
#: Halfway through a hold, or a timed warm-up or cool-down movement (said whatever the
#: hold setting).
HALFWAY = _("Halfway.")
MOVEMENT_HALFWAY = HALFWAY
TEN_LEFT = _("Ten seconds left.")
RELEASE = _("Release.")
WELL_DONE = _("Well done.")
#: The English side words that expand a step's ``{side}`` (the screen reader's line
#: still uses them; a sentence of the voice never does).
SIDE_NAMES: dict[Side, str] = {Side.RIGHT: "right", Side.LEFT: "left"}


@dataclass(frozen=True)
class Announcements:
    """The optional things the voice says; the rest is always said when the voice is on."""

    halfway: bool = False
    ten_left: bool = True


def _sentence(text: str) -> str:
    """``text`` ending in a full stop, so the voice pauses after it."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?" else text + "."


def _side_words(side: Side | None) -> tuple[str, ...]:
    return () if side is None else (SIDE_ALONE[side],)


def _name(title: str) -> str:
    """A title set inside a sentence: no full stop of its own."""
    return " ".join(title.split()).rstrip(".!?;:, ")


def _last_rep(phase: Phase) -> bool:
    return phase.reps > 1 and phase.rep == phase.reps


def _rest_words(following: Phase | None) -> str:
    """What a rest says: what comes after it, when that is known."""
    if following is None or following.kind is PhaseKind.DONE:
        return REST
    if following.kind is PhaseKind.HOLD:  # the next rep of the same exercise
        side = following.side
        if _last_rep(following):
            return REST_NEXT_LAST_REP if side is None else REST_NEXT_LAST_REP_SIDE[side]
        template = REST_NEXT_REP if side is None else REST_NEXT_REP_SIDE[side]
        return template.format(rep=following.rep, reps=following.reps)
    name = _name(following.title)
    return REST_NEXT_EXERCISE.format(exercise=name) if name else REST


def _hold_words(phase: Phase, following: Phase | None) -> str:
    """The words a hold begins with: "Last rep. Hold." at the first hold of the last rep
    (a hold followed by a switch is its rep's first side; a one-sided exercise has one
    hold a rep), else "Hold."."""
    first_of_rep = phase.side is None or (
        following is not None and following.kind is PhaseKind.SWITCH
    )
    return HOLD_LAST_REP if _last_rep(phase) and first_of_rep else HOLD


def cue_phrases(
    cue: Cue,
    phase: Phase,
    announcements: Announcements = Announcements(),
    following: Phase | None = None,
) -> tuple[str, ...]:
    """The sentences said for ``cue`` in ``phase``, in order; empty when nothing is said.

    ``following`` is the phase the plan has after ``phase`` (what a rest announces, and
    how a hold knows it begins its rep).
    """
    if cue is Cue.GET_READY:
        return (GET_READY,)
    if cue in (Cue.WARMUP_START, Cue.COOLDOWN_START):
        heading = WARMUP_HEADING if cue is Cue.WARMUP_START else COOLDOWN_HEADING
        return (_sentence(heading.format(title=phase.title)),) + tuple(
            _sentence(step_text(s, None)) for s in phase.steps
        )
    if cue is Cue.PREPARE_START:
        return (
            (_sentence(phase.title),)
            + _side_words(phase.side)
            + tuple(_sentence(step_text(s, phase.side)) for s in phase.steps)
        )
    if cue is Cue.HOLD_START:
        return (_hold_words(phase, following),)
    if cue is Cue.SWITCH_SIDES:
        if phase.side is not None and phase.rep == phase.reps:
            return (SWITCH_LAST_SIDE[phase.side],)
        return (SWITCH_TO[phase.side] if phase.side is not None else SWITCH_TO_OTHER,)
    if cue is Cue.REST_START:
        return (_rest_words(following),)
    if cue is Cue.HALFWAY:
        if phase.kind is not PhaseKind.HOLD:
            return (MOVEMENT_HALFWAY,)
        return (HALFWAY,) if announcements.halfway else ()
    if cue is Cue.TEN_LEFT:
        return (TEN_LEFT,) if announcements.ten_left else ()
    if cue is Cue.RELEASE:
        return (RELEASE,)
    if cue is Cue.SESSION_DONE:
        return (WELL_DONE,)
    return ()  # COUNT_3/2/1 and REST_OVER are beeps only


def utterance(
    cue: Cue,
    phase: Phase,
    announcements: Announcements = Announcements(),
    following: Phase | None = None,
) -> str:
    """The cue's sentences as the one text the voice renders ("" when silent)."""
    return " ".join(cue_phrases(cue, phase, announcements, following))


def phase_cues(kind: PhaseKind) -> tuple[Cue, ...]:
    """Every cue a phase of ``kind`` may give with words: its start, milestones, its end."""
    inner = (Cue.HALFWAY, Cue.TEN_LEFT) if kind in MILESTONE_KINDS else ()
    end = (END_CUES[kind],) if kind in END_CUES else ()
    return (START_CUES[kind], *inner, *end)


def session_utterances(
    phases: Sequence[Phase], announcements: Announcements = Announcements()
) -> list[str]:
    """Every distinct utterance a session of ``phases`` may say, in the order first needed."""
    seen: dict[str, None] = {}
    for i, phase in enumerate(phases):
        following = phases[i + 1] if i + 1 < len(phases) else None
        for cue in phase_cues(phase.kind):
            text = utterance(cue, phase, announcements, following)
            if text:
                seen.setdefault(text)
    return list(seen)
