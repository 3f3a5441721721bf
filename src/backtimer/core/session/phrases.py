"""What the voice says for each cue: plain words, decided here, spoken by ``gui.sound.director``.

Qt-free so the words can be tested (and changed) without sound. A cue's words are one
utterance: the voice renders it as one file, so its length is known before it is due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backtimer.core.routine import Side, step_text
from backtimer.core.session.cue_schedule import START_CUES
from backtimer.core.session.events import Cue
from backtimer.core.session.timeline import Phase, PhaseKind


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
    return () if side is None else (f"{side.value.capitalize()} side.",)


def cue_phrases(
    cue: Cue, phase: Phase, announcements: Announcements = Announcements()
) -> tuple[str, ...]:
    """The sentences said for ``cue`` in ``phase``, in order; empty when nothing is said."""
    if cue is Cue.GET_READY:
        return ("Get ready.",)
    if cue in (Cue.WARMUP_START, Cue.COOLDOWN_START):
        heading = "Warm-up" if cue is Cue.WARMUP_START else "Cool-down"
        return (_sentence(f"{heading}: {phase.title}"),) + tuple(
            _sentence(step_text(s, None)) for s in phase.steps
        )
    if cue is Cue.PREPARE_START:
        return (
            (_sentence(phase.title),)
            + _side_words(phase.side)
            + tuple(_sentence(step_text(s, phase.side)) for s in phase.steps)
        )
    if cue is Cue.HOLD_START:
        return ("Hold.",)
    if cue is Cue.SWITCH_SIDES:
        side = phase.side.value if phase.side is not None else "other"
        return (f"Switch to the {side} side.",)
    if cue is Cue.REST_START:
        return ("Rest.",)
    if cue is Cue.HALFWAY:
        return ("Halfway.",) if announcements.halfway else ()
    if cue is Cue.TEN_LEFT:
        return ("Ten seconds left.",) if announcements.ten_left else ()
    if cue is Cue.RELEASE:
        return ("Release.",)
    if cue is Cue.SESSION_DONE:
        return ("Well done.",)
    return ()  # COUNT_3/2/1 and REST_OVER are beeps only


def utterance(cue: Cue, phase: Phase, announcements: Announcements = Announcements()) -> str:
    """The cue's sentences as the one text the voice renders ("" when silent)."""
    return " ".join(cue_phrases(cue, phase, announcements))


#: Cues that may fire during a phase, besides its start cue (for rendering ahead).
_INNER_CUES: dict[PhaseKind, tuple[Cue, ...]] = {
    PhaseKind.HOLD: (Cue.HALFWAY, Cue.TEN_LEFT, Cue.RELEASE),
}


def session_utterances(
    phases: Iterable[Phase], announcements: Announcements = Announcements()
) -> list[str]:
    """Every distinct utterance a session of ``phases`` may say, in the order first needed."""
    seen: dict[str, None] = {}
    for phase in phases:
        cues = (START_CUES[phase.kind],) + _INNER_CUES.get(phase.kind, ())
        for cue in cues:
            text = utterance(cue, phase, announcements)
            if text:
                seen.setdefault(text)
    return list(seen)
