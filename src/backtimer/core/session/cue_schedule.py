"""Which cue is due when: the cue that opens and closes each kind of phase, and the cues
inside a hold or a timed movement, as offsets from the phase's start.

The engine stamps these offsets onto its absolute deadlines; the voice (``phrases``) reads
the same tables, so the words and the moments can never disagree.
"""

from __future__ import annotations

from collections.abc import Set

from backtimer.core.session.cues import Cue
from backtimer.core.session.timeline import Phase, PhaseKind

#: Holds and timed movements at least this long get "halfway" and "10 seconds left".
LONG_HOLD = 20.0
#: Phases that get those milestones: holds, and the warm-up's and cool-down's timed
#: movements (a 60 s march would otherwise be silent for 45 s after its opening words).
MILESTONE_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.WARMUP, PhaseKind.COOLDOWN})
#: A spoken milestone never comes sooner than this after the phase's opening words end:
#: said late, behind them, it would be wrong; said over them, it would cut them off.
AFTER_WORDS = 1.0

#: The cue given the moment a phase of each kind begins.
START_CUES: dict[PhaseKind, Cue] = {
    PhaseKind.LEAD_IN: Cue.GET_READY,
    PhaseKind.WARMUP: Cue.WARMUP_START,
    PhaseKind.PREPARE: Cue.PREPARE_START,
    PhaseKind.HOLD: Cue.HOLD_START,
    PhaseKind.SWITCH: Cue.SWITCH_SIDES,
    PhaseKind.REST: Cue.REST_START,
    PhaseKind.COOLDOWN: Cue.COOLDOWN_START,
    PhaseKind.DONE: Cue.SESSION_DONE,
}
#: The cue given when a phase of these kinds runs to its end (not when it is cut short).
END_CUES: dict[PhaseKind, Cue] = {PhaseKind.HOLD: Cue.RELEASE, PhaseKind.REST: Cue.REST_OVER}
#: The 3-2-1 before a hold ends, in the order they are said.
COUNT_CUES = (Cue.COUNT_3, Cue.COUNT_2, Cue.COUNT_1)


def inner_cues(phase: Phase, spoken: float = 0.0) -> list[tuple[float, Cue]]:
    """Cues strictly inside ``phase``, as (seconds after its start, cue), in time order.

    Holds and timed movements of 20 s or more get halfway and "10 seconds left" (dropped
    while the phase's opening words, ``spoken`` seconds long, are still being said, and
    "10 left" also when it would come within 2 s of halfway, where it says nothing new);
    holds get 3-2-1 in their last three seconds. Prepare, rest and switch stay quiet until
    they end.
    """
    if phase.kind not in MILESTONE_KINDS:
        return []
    s = phase.seconds
    quiet_until = spoken + AFTER_WORDS if spoken > 0 else 0.0
    cues: list[tuple[float, Cue]] = []
    if s >= LONG_HOLD:
        if s / 2 >= quiet_until:
            cues.append((s / 2, Cue.HALFWAY))
        near_halfway = bool(cues) and abs((s - 10) - s / 2) < 2
        if s - 10 >= quiet_until and not near_halfway:
            cues.append((s - 10, Cue.TEN_LEFT))
    if phase.kind is PhaseKind.HOLD:
        cues += [(s - n, cue) for n, cue in zip((3, 2, 1), COUNT_CUES, strict=True)]
    return sorted((c for c in cues if 0 < c[0] < s), key=lambda c: c[0])


def cues_left(
    phase: Phase, elapsed: float, said: Set[Cue], spoken: float = 0.0
) -> list[tuple[float, Cue]]:
    """The inner cues still to come in ``phase``, ``elapsed`` seconds in, after its length
    changed: those later than now, never repeating a milestone already in ``said``
    (the 3-2-1 count may be said again, since it counts to the new end)."""
    return [
        (off, cue)
        for off, cue in inner_cues(phase, spoken)
        if off > elapsed and (cue in COUNT_CUES or cue not in said)
    ]
