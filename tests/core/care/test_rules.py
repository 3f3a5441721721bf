"""The rules that adapt the next session: one change at a time, each with its reason."""

from __future__ import annotations

import datetime as dt

import pytest

from backtimer.core.care.changes import (
    CareChange,
    ChangeKind,
    ChangeStatus,
    Dose,
    Proposal,
    adjusted_routine,
    dose_of,
    stopped_today,
)
from backtimer.core.care.rules import PROGRESS_AFTER, ExerciseOutcome, describe, review
from backtimer.core.routine import Exercise, Routine, Step

K = ChangeKind


def outcome(
    sid: int = 1,
    worst: int | None = None,
    *,
    stopped: bool = False,
    before: int | None = None,
    after: int | None = None,
    morning: int | None = None,
    goal_met: bool = False,
) -> ExerciseOutcome:
    return ExerciseOutcome(sid, worst, stopped, before, after, morning, goal_met)


CALM = outcome(worst=None, before=2, after=2, morning=2, goal_met=True)

GENTLER_CASES = [
    # (name, newest outcome, pain limit, dose, expected kind, expected amount, words in reason)
    (
        "red zone during",
        outcome(worst=6, stopped=True),
        None,
        Dose(30, 2),
        K.SHORTER_HOLD,
        5,
        "6/10",
    ),
    (
        "above the routine's limit",
        outcome(worst=5),
        4,
        Dose(30, 2),
        K.SHORTER_HOLD,
        5,
        "limit of 4/10",
    ),
    (
        "at the limit is fine",
        outcome(worst=4, before=3, after=3, morning=3),
        4,
        Dose(30, 2),
        None,
        0,
        "",
    ),
    (
        "2 points worse after",
        outcome(before=2, after=4),
        None,
        Dose(30, 2),
        K.SHORTER_HOLD,
        5,
        "4/10 after",
    ),
    ("1 point worse after", outcome(before=2, after=3), None, Dose(30, 2), None, 0, ""),
    (
        "not settled next morning",
        outcome(worst=5, before=2, after=3, morning=5),
        None,
        Dose(30, 2),
        K.SHORTER_HOLD,
        5,
        "24 hours",
    ),
    (
        "settled next morning",
        outcome(worst=5, before=2, after=3, morning=3),
        None,
        Dose(30, 2),
        None,
        0,
        "",
    ),
    ("hold near the floor", outcome(worst=7), None, Dose(12, 2), K.SHORTER_HOLD, 2, "7/10"),
    ("hold at the floor: fewer reps", outcome(worst=7), None, Dose(10, 2), K.FEWER_REPS, 1, "7/10"),
    ("nothing left to take away", outcome(worst=7), None, Dose(10, 1), K.SEE_CLINICIAN, 0, "7/10"),
]


@pytest.mark.parametrize(
    ("newest", "limit", "dose", "kind", "amount", "words"),
    [c[1:] for c in GENTLER_CASES],
    ids=[c[0] for c in GENTLER_CASES],
)
def test_regression_table(
    newest: ExerciseOutcome,
    limit: int | None,
    dose: Dose,
    kind: ChangeKind | None,
    amount: float,
    words: str,
) -> None:
    """Pain during, after and next morning decide one gentler step, made at once."""
    proposal = review("ham", "Hamstring stretch", [newest], dose, pain_limit=limit)
    if kind is None:
        assert proposal is None
        return
    assert proposal is not None
    assert (proposal.kind, proposal.amount, proposal.automatic) == (kind, amount, True)
    assert words in proposal.reason


PROGRESS_CASES = [
    ("calm sessions, goal met", [CALM] * PROGRESS_AFTER, Dose(30, 1), K.LONGER_HOLD),
    ("too few sessions", [CALM] * (PROGRESS_AFTER - 1), Dose(30, 1), None),
    ("goal not met", [CALM] * 2 + [outcome(before=2, after=2)], Dose(30, 1), None),
    ("one with pain 4", [outcome(worst=4)] + [CALM] * 2, Dose(30, 1), None),
    ("one stopped", [outcome(worst=2, stopped=True)] + [CALM] * 2, Dose(30, 1), None),
    ("longest hold: one more rep", [CALM] * PROGRESS_AFTER, Dose(178, 1), K.MORE_REPS),
    ("nothing more to add", [CALM] * PROGRESS_AFTER, Dose(180, 20), None),
]


@pytest.mark.parametrize(
    ("history", "dose", "kind"),
    [c[1:] for c in PROGRESS_CASES],
    ids=[c[0] for c in PROGRESS_CASES],
)
def test_progression_table(
    history: list[ExerciseOutcome], dose: Dose, kind: ChangeKind | None
) -> None:
    """Low steady pain over several sessions with the goal met: a progression is offered."""
    proposal = review("ham", "Hamstring stretch", history, dose)
    if kind is None:
        assert proposal is None
        return
    assert proposal is not None
    assert (proposal.kind, proposal.automatic) == (kind, False)
    assert "low, steady pain" in proposal.reason


def _routine() -> Routine:
    step = (Step("Stand tall."),)
    return Routine(
        "r",
        "R",
        (
            Exercise("ham", "Hamstring stretch", "hamstrings", step, 30, 20, 2, 10, 8),
            Exercise("pir", "Piriformis stretch", "piriformis", step, 25, 15, 1, 10, 8),
        ),
    )


TODAY = dt.date(2026, 3, 2)


def change(
    kind: ChangeKind,
    amount: float,
    status: ChangeStatus = ChangeStatus.APPLIED,
    *,
    ex: str = "ham",
    day: dt.date = TODAY,
) -> CareChange:
    return CareChange(1, 0.0, day, Proposal(ex, kind, amount, "why", True, 1), status)


def test_changes_in_effect_change_the_routine_and_undone_ones_do_not() -> None:
    """Applied changes add up; undone, declined and offered ones leave the dose alone."""
    changes = [
        change(K.SHORTER_HOLD, 5),
        change(K.SHORTER_HOLD, 5),
        change(K.FEWER_REPS, 1, ChangeStatus.UNDONE),
        change(K.LONGER_HOLD, 5, ChangeStatus.OFFERED),
        change(K.MORE_REPS, 1, ChangeStatus.DECLINED),
    ]
    routine = adjusted_routine(_routine(), changes, TODAY)
    ham = routine.exercises[0]
    assert (ham.hold, ham.reps, ham.gentle_hold) == (20, 2, 20)
    assert routine.exercises[1] == _routine().exercises[1]


def test_a_stop_lasts_the_day_it_was_made() -> None:
    """Today's stop leaves the exercise out; yesterday's does not."""
    today_stop = change(K.STOP_FOR_TODAY, 0, ex="pir")
    yesterday_stop = change(K.STOP_FOR_TODAY, 0, ex="ham", day=TODAY - dt.timedelta(days=1))
    routine = adjusted_routine(_routine(), [today_stop, yesterday_stop], TODAY)
    assert [e.id for e in routine.exercises] == ["ham"]
    assert stopped_today([today_stop, yesterday_stop], TODAY) == {"pir"}


def test_dose_stays_in_the_routine_ranges() -> None:
    ham = _routine().exercises[0]
    assert dose_of(ham, [change(K.SHORTER_HOLD, 5)] * 10) == Dose(5, 2)


def test_change_described_with_the_new_dose() -> None:
    p = Proposal("ham", K.SHORTER_HOLD, 5, "why", True, 1)
    assert describe(p, "Hamstring stretch", Dose(30, 2)) == (
        "Hamstring stretch: hold 5 s shorter next time (25 s)."
    )
