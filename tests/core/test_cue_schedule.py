"""When each cue inside a phase is due: a table of phases and their inner cues."""

from __future__ import annotations

import pytest

from backtimer.core.session.cue_schedule import cues_left, inner_cues
from backtimer.core.session.events import Cue
from backtimer.core.session.timeline import Phase, PhaseKind

H, T = Cue.HALFWAY, Cue.TEN_LEFT
C3, C2, C1 = Cue.COUNT_3, Cue.COUNT_2, Cue.COUNT_1


@pytest.mark.parametrize(
    ("kind", "seconds", "spoken", "expected"),
    [
        # holds: halfway, ten left, 3-2-1
        (PhaseKind.HOLD, 30, 0, [(15, H), (20, T), (27, C3), (28, C2), (29, C1)]),
        (PhaseKind.HOLD, 20, 0, [(10, H), (17, C3), (18, C2), (19, C1)]),  # 10 left = halfway
        (PhaseKind.HOLD, 10, 0, [(7, C3), (8, C2), (9, C1)]),
        # timed movements: the same milestones, no 3-2-1 (the next movement's beep follows)
        (PhaseKind.WARMUP, 60, 0, [(30, H), (50, T)]),
        (PhaseKind.COOLDOWN, 30, 0, [(15, H), (20, T)]),
        (PhaseKind.WARMUP, 15, 0, []),
        # never while the opening words are said, nor within a second after them
        (PhaseKind.WARMUP, 60, 11.5, [(30, H), (50, T)]),
        (PhaseKind.WARMUP, 40, 19.5, [(30, T)]),
        (PhaseKind.WARMUP, 40, 29.5, []),
        (PhaseKind.COOLDOWN, 24, 11.5, [(14, T)]),  # halfway (12) dropped: 14 is said
        # prepare, switch, rest: quiet until they end
        (PhaseKind.PREPARE, 60, 0, []),
        (PhaseKind.SWITCH, 30, 0, []),
        (PhaseKind.REST, 60, 0, []),
    ],
)
def test_inner_cues(kind: PhaseKind, seconds: float, spoken: float, expected) -> None:
    """Each kind of phase gets the inner cues of the table, at those seconds."""
    assert inner_cues(Phase(kind, seconds, "x"), spoken) == expected


def test_cues_left_after_a_change_keep_milestones_said_once() -> None:
    """A movement's halfway already said is not said again when the plan changes."""
    march = Phase(PhaseKind.WARMUP, 60, "March")
    assert cues_left(march, 31, {H}) == [(50, T)]
    assert cues_left(march, 10, set(), spoken=12) == [(30, H), (50, T)]
