"""Re-timing planned phases when the session's settings change: gentle mode, the hold
adjustment (±seconds on every hold) and the length of the words said at a phase's start.

Pure functions of the phase and the settings; the plan (``core.plan``) decides *which*
phases to re-time (never those already done, and the one under way only where it says so).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from backtimer.core.routine import HOLD_RANGE, Routine, Side
from backtimer.core.session.timeline import Phase, PhaseKind, hold_seconds, rest_seconds

#: Phases whose opening words the voice reads out (an exercise or a movement and its
#: steps; what comes after a rest; the side to switch to) and that grow to fit them, so
#: the next phase's beep never cuts off a name.
SPOKEN_KINDS = frozenset(
    {PhaseKind.PREPARE, PhaseKind.WARMUP, PhaseKind.COOLDOWN, PhaseKind.REST, PhaseKind.SWITCH}
)
#: Breathing room after the words before the hold begins.
SPOKEN_MARGIN = 1.0
#: A phase never grows past this to wait for its words (a runaway text is cut, not waited on).
SPOKEN_MAX = 90.0

#: What the words said at a phase's start depend on: its kind, its exercise or movement
#: (ids are unique in a routine), its side, and its rep of how many (a rest says which
#: rep comes next, a switch in the last rep says it is the last side).
SpeechKey = tuple[PhaseKind, str | None, Side | None, int, int]
#: How long the words said at phases' starts last, in seconds, by :func:`speech_key`; a
#: phase missing from it has words of unknown length (not rendered yet), so it keeps its own.
SpokenSeconds = Mapping[SpeechKey, float]


def speech_key(phase: Phase) -> SpeechKey:
    """The key ``phase``'s opening words have in :data:`SpokenSeconds`."""
    return (phase.kind, phase.item_id, phase.side, phase.rep, phase.reps)


def gentle_ids(routine: Routine, *, session_gentle: bool, named: Iterable[str]) -> frozenset[str]:
    """The exercises that run gentle: all of them in gentle mode, else those ``named``."""
    if session_gentle:
        return frozenset(ex.id for ex in routine.exercises)
    return frozenset(named)


def fit_words(phase: Phase, spoken: SpokenSeconds) -> Phase:
    """``phase`` long enough for the words said at its start to finish, within a limit.

    Only spoken kinds grow (``spoken`` is looked up for no other phase); nothing shrinks.
    """
    if phase.kind not in SPOKEN_KINDS:
        return phase
    seconds = spoken.get(speech_key(phase))
    if not seconds:
        return phase
    wanted = min(seconds + SPOKEN_MARGIN, SPOKEN_MAX)
    return replace(phase, seconds=wanted) if wanted > phase.seconds else phase


def retime_exercise(
    phase: Phase, routine: Routine, *, gentle: frozenset[str], hold_delta: float
) -> Phase:
    """An exercise's phase as gentle mode and the hold adjustment make it: a hold's and a
    rest's length, and every exercise phase's gentle flag. Other phases are unchanged."""
    if phase.exercise_index is None:
        return phase
    ex = routine.exercises[phase.exercise_index]
    is_gentle = ex.id in gentle
    if phase.kind is PhaseKind.HOLD:
        seconds = hold_seconds(ex, gentle=is_gentle, hold_delta=hold_delta)
        return replace(phase, seconds=seconds, gentle=is_gentle)
    if phase.kind is PhaseKind.REST:
        return replace(phase, seconds=rest_seconds(ex, gentle=is_gentle), gentle=is_gentle)
    return replace(phase, gentle=is_gentle)


def retime(
    phase: Phase,
    routine: Routine,
    *,
    gentle: frozenset[str],
    hold_delta: float,
    spoken: SpokenSeconds,
) -> Phase:
    """``phase`` as gentle mode, the hold adjustment and its spoken words say it should be."""
    return fit_words(retime_exercise(phase, routine, gentle=gentle, hold_delta=hold_delta), spoken)


def clamp_hold_delta(routine: Routine, current: float, change: float) -> float:
    """The hold adjustment after asking to move ``current`` by ``change``.

    It stops where every hold of the routine is already at the 5 s floor (shortening
    further would change nothing), but a delta already past that may still grow back.
    """
    floor = HOLD_RANGE[0] - max(
        (max(ex.hold, ex.gentle_hold) for ex in routine.exercises), default=0.0
    )
    return max(current + change, min(floor, current))


def stretch_hold(phase: Phase, routine: Routine, *, hold_delta: float, elapsed: float) -> Phase:
    """The hold under way re-timed for ``hold_delta``, keeping its gentle flag, and never
    shorter than the ``elapsed`` seconds it has already lasted (then it ends now)."""
    ex = routine.exercises[phase.exercise_index or 0]
    seconds = max(hold_seconds(ex, gentle=phase.gentle, hold_delta=hold_delta), elapsed)
    return replace(phase, seconds=seconds)
