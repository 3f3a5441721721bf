"""Changes to an exercise's dose made by the care rules, and a routine with them applied.

A change is one step: 5 s shorter or longer hold, one rep fewer or more, or an exercise
stopped for the rest of the day. Regressions are made at once (``APPLIED``) and can be
undone; progressions are ``OFFERED`` until the person accepts (``APPLIED``) or declines
them. An undone or declined change has no effect. The routine file is never rewritten:
the changes are applied to the loaded routine each time a session is planned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from backtimer.core.care.reasons import Reason
from backtimer.core.routine import (
    DEFAULT_GENTLE_FLOOR,
    HOLD_RANGE,
    REPS_RANGE,
    Exercise,
    Routine,
)

HOLD_STEP = 5.0  #: seconds a hold changes by, either way
HOLD_FLOOR = float(DEFAULT_GENTLE_FLOOR)  #: regressions never make a hold shorter than this


class ChangeKind(enum.Enum):
    SHORTER_HOLD = "shorter_hold"
    FEWER_REPS = "fewer_reps"
    LONGER_HOLD = "longer_hold"
    MORE_REPS = "more_reps"
    STOP_FOR_TODAY = "stop_for_today"
    #: nothing is left to take away: the person is told to ask their clinician
    SEE_CLINICIAN = "see_clinician"

    @property
    def gentler(self) -> bool:
        return self in (ChangeKind.SHORTER_HOLD, ChangeKind.FEWER_REPS, ChangeKind.STOP_FOR_TODAY)


class ChangeStatus(enum.Enum):
    APPLIED = "applied"
    OFFERED = "offered"
    DECLINED = "declined"
    UNDONE = "undone"


@dataclass(frozen=True)
class Proposal:
    """A change the rules want: made at once when ``automatic``, else offered."""

    exercise_id: str
    kind: ChangeKind
    amount: float  #: seconds (holds) or reps, always positive; 0 for stops and notices
    reason: str  #: plain words for the person and the clinician
    automatic: bool
    source_session: int | None  #: the session whose outcome led to it
    #: ``reason`` as a code and its values, so it can be said in another language;
    #: None for a change stored before codes were kept (then ``reason`` is as stored)
    why: Reason | None = None


@dataclass(frozen=True)
class CareChange:
    """A proposal as stored, with its id, time and what became of it."""

    id: int
    made_at: float  #: wall-clock seconds
    day: dt.date  #: the local day it was made (a stop lasts this day only)
    proposal: Proposal
    status: ChangeStatus
    decided_at: float | None = None

    @property
    def in_effect(self) -> bool:
        return self.status is ChangeStatus.APPLIED


@dataclass(frozen=True)
class Dose:
    hold: float
    reps: int


def dose_of(exercise: Exercise, changes: Iterable[CareChange]) -> Dose:
    """The hold and reps of ``exercise`` with every change in effect applied, in order."""
    hold, reps = exercise.hold, exercise.reps
    for change in changes:
        p = change.proposal
        if not change.in_effect or p.exercise_id != exercise.id:
            continue
        if p.kind is ChangeKind.SHORTER_HOLD:
            hold -= p.amount
        elif p.kind is ChangeKind.LONGER_HOLD:
            hold += p.amount
        elif p.kind is ChangeKind.FEWER_REPS:
            reps -= int(p.amount)
        elif p.kind is ChangeKind.MORE_REPS:
            reps += int(p.amount)
    hold = min(float(HOLD_RANGE[1]), max(float(HOLD_RANGE[0]), hold))
    reps = min(REPS_RANGE[1], max(REPS_RANGE[0], reps))
    return Dose(hold, reps)


def stopped_today(changes: Iterable[CareChange], today: dt.date) -> frozenset[str]:
    """Exercise ids stopped for the rest of ``today``."""
    return frozenset(
        c.proposal.exercise_id
        for c in changes
        if c.in_effect and c.proposal.kind is ChangeKind.STOP_FOR_TODAY and c.day == today
    )


def adjusted_routine(routine: Routine, changes: Sequence[CareChange], today: dt.date) -> Routine:
    """``routine`` with every change in effect: doses changed, today's stops left out.

    The result may have no exercises left (every one stopped today); the caller says so
    rather than starting a session of warm-up and cool-down only.
    """
    stopped = stopped_today(changes, today)
    exercises = []
    for ex in routine.exercises:
        if ex.id in stopped:
            continue
        dose = dose_of(ex, changes)
        if (dose.hold, dose.reps) != (ex.hold, ex.reps):
            ex = dataclasses.replace(
                ex, hold=dose.hold, reps=dose.reps, gentle_hold=min(ex.gentle_hold, dose.hold)
            )
        exercises.append(ex)
    return dataclasses.replace(routine, exercises=tuple(exercises))
