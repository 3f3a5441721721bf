"""The rules that adapt the next session, from pain during it and the check-ins.

For one exercise, from the sessions since its last change (oldest first), at most one
change (one change at a time):

Gentler, made at once (regression), when the newest session had
  1. pain above the routine's own limit ("stop above N/10") during the exercise;
  2. pain of 6 or more during it (traffic light: change the exercise);
  3. the back 2 or more points worse after the session than before (a change that
     matters, Childs et al. 2005);
  4. pain that had not settled by the next morning (the 24-hour rule).
  Gentler means a hold 5 s shorter, down to 10 s; then one rep fewer; with nothing left
  to take away, a note to ask the clinician.

Harder, offered (progression), when the last ``PROGRESS_AFTER`` sessions all had low,
steady pain (no stop, 0–3 during, not 2 points worse after, settled next morning) and
the goal for the exercise's muscle group is met: a hold 5 s longer, or, at the longest
hold, one rep more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.care.changes import HOLD_FLOOR, HOLD_STEP, ChangeKind, Dose, Proposal
from backtimer.core.care.reasons import Reason, ReasonCode, render
from backtimer.core.care.traffic import MEANINGFUL_CHANGE, SETTLED_MAX, Zone, settled, zone
from backtimer.core.formats import decimal
from backtimer.core.i18n import _
from backtimer.core.routine import HOLD_RANGE, REPS_RANGE

PROGRESS_AFTER = 3  #: calm sessions in a row before a progression is offered

# The reasons' sentences are in core/care/reasons.py (the history says them again).
CHANGE_TEXT = {
    ChangeKind.SHORTER_HOLD: _("{exercise}: hold {amount} s shorter next time ({hold} s)."),
    ChangeKind.FEWER_REPS: _("{exercise}: one repetition fewer next time ({reps})."),
    ChangeKind.LONGER_HOLD: _("{exercise}: try holding {amount} s longer ({hold} s)?"),
    ChangeKind.MORE_REPS: _("{exercise}: try one more repetition ({reps})?"),
    ChangeKind.STOP_FOR_TODAY: _("{exercise}: stopped for today."),
    ChangeKind.SEE_CLINICIAN: _(
        "{exercise} is already as gentle as BackTimer makes it: ask your clinician "
        "before doing it again."
    ),
}


@dataclass(frozen=True)
class ExerciseOutcome:
    """One session as far as one exercise is concerned."""

    session_id: int
    worst: int | None  #: highest rating of a pain event during the exercise (None: none)
    stopped: bool  #: the person stopped for pain during it
    before: int | None  #: "How is your back now?" before the session
    after: int | None  #: ... after it
    morning: int | None  #: ... the next morning
    goal_met: bool  #: the goal of its muscle group is met (False: none set, or not met)


def gentler_why(
    outcome: ExerciseOutcome, pain_limit: int | None, exercise_name: str
) -> Reason | None:
    """Why the next session should be gentler for this exercise, or None."""
    worst = outcome.worst
    if worst is not None and pain_limit is not None and worst > pain_limit:
        return Reason(ReasonCode.PAIN_ABOVE_LIMIT, exercise_name, rating=worst, limit=pain_limit)
    if worst is not None and zone(worst) is Zone.CHANGE:
        return Reason(ReasonCode.PAIN_CHANGE, exercise_name, rating=worst)
    if (
        outcome.before is not None
        and outcome.after is not None
        and outcome.after - outcome.before >= MEANINGFUL_CHANGE
    ):
        return Reason(
            ReasonCode.WORSE_AFTER, exercise_name, before=outcome.before, after=outcome.after
        )
    if settled(outcome.before, outcome.morning) is False:
        return Reason(
            ReasonCode.NOT_SETTLED, exercise_name, before=outcome.before, morning=outcome.morning
        )
    return None


def gentler_reason(
    outcome: ExerciseOutcome, pain_limit: int | None, exercise_name: str
) -> str | None:
    """:func:`gentler_why` as the sentence in the language in use."""
    why = gentler_why(outcome, pain_limit, exercise_name)
    return None if why is None else render(why)


def _calm(outcome: ExerciseOutcome) -> bool:
    worst_ok = outcome.worst is None or outcome.worst <= SETTLED_MAX
    after_ok = (
        outcome.before is None
        or outcome.after is None
        or outcome.after - outcome.before < MEANINGFUL_CHANGE
    )
    after_low = outcome.after is None or outcome.after <= SETTLED_MAX
    return (
        not outcome.stopped
        and worst_ok
        and after_ok
        and after_low
        and settled(outcome.before, outcome.morning) is not False
    )


def regression(dose: Dose) -> tuple[ChangeKind, float]:
    """The one gentler step from ``dose``: shorter hold, else fewer reps, else none."""
    if dose.hold > HOLD_FLOOR:
        return ChangeKind.SHORTER_HOLD, min(HOLD_STEP, dose.hold - HOLD_FLOOR)
    if dose.reps > REPS_RANGE[0]:
        return ChangeKind.FEWER_REPS, 1.0
    return ChangeKind.SEE_CLINICIAN, 0.0


def progression(dose: Dose) -> tuple[ChangeKind, float] | None:
    """The one harder step from ``dose``: longer hold, else one more rep, else none."""
    if dose.hold + HOLD_STEP <= HOLD_RANGE[1]:
        return ChangeKind.LONGER_HOLD, HOLD_STEP
    if dose.reps < REPS_RANGE[1]:
        return ChangeKind.MORE_REPS, 1.0
    return None


def review(
    exercise_id: str,
    exercise_name: str,
    since_last_change: Sequence[ExerciseOutcome],
    dose: Dose,
    *,
    pain_limit: int | None = None,
) -> Proposal | None:
    """At most one change for this exercise (see the module docstring).

    ``since_last_change`` are the sessions that did this exercise after its last change
    was made (all of them if it never changed), oldest first; ``dose`` is what it is now;
    ``pain_limit`` is the routine's "stop above N/10", if it has one.
    """
    if not since_last_change:
        return None
    newest = since_last_change[-1]
    why = gentler_why(newest, pain_limit, exercise_name)
    if why is not None:
        kind, amount = regression(dose)
        return Proposal(exercise_id, kind, amount, render(why), True, newest.session_id, why)
    recent = since_last_change[-PROGRESS_AFTER:]
    if len(recent) == PROGRESS_AFTER and newest.goal_met and all(_calm(o) for o in recent):
        step = progression(dose)
        if step is None:
            return None
        why = Reason(ReasonCode.CALM, exercise_name, sessions=PROGRESS_AFTER)
        return Proposal(exercise_id, step[0], step[1], render(why), False, newest.session_id, why)
    return None


def describe(proposal: Proposal, exercise_name: str, dose: Dose) -> str:
    """What the change does, in words ("Hamstring stretch: hold 5 s shorter next time
    (20 s)."); ``dose`` is the dose before the change."""
    kind, amount = proposal.kind, proposal.amount
    hold = dose.hold - amount if kind is ChangeKind.SHORTER_HOLD else dose.hold + amount
    reps = dose.reps - 1 if kind is ChangeKind.FEWER_REPS else dose.reps + 1
    return CHANGE_TEXT[kind].format(
        exercise=exercise_name, amount=decimal(amount), hold=decimal(hold), reps=reps
    )
