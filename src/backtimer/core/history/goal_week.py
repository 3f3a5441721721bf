"""A sessions-per-week goal's current week, set beside the person's plan.

The week runs Monday to Sunday in the local zone, as adherence's weeks do. "Done" is the
goal's group's sessions this week that count by the adherence rule (``GroupSession.counts``);
"planned" is the sessions the plan prescribes this week (``adherence.daily``), from the
day each routine was first planned, that work the goal's muscle group: as "done" counts
only sessions that held a stretch of that group, a session of other stretches is no
session planned for it (``planned_groups``). A plan's weekly number, offered as a new
goal's target, is a full week of it: next week's, when every routine planned today is
planned all week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.history.goals import SESSIONS_RANGE, Goal, GoalKind, GroupSession
from backtimer.core.history.planned_groups import RoutineOf, planned_routine, working
from backtimer.core.i18n import ngettext
from backtimer.core.programme.adherence import daily
from backtimer.core.programme.plan import Plan

WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class GoalWeek:
    monday: dt.date
    done: int  #: the group's sessions this week that count
    target: int  #: the goal's sessions a week
    planned: int  #: what the plan prescribes this week for the group (0: nothing)

    def describe(self) -> str:
        """E.g. "This week: 3 of 5 sessions (goal 4; 5 planned for this muscle group)"."""
        if self.planned:
            return ngettext(
                "This week: {done} of {planned} session "
                "(goal {target}; {planned} planned for this muscle group)",
                "This week: {done} of {planned} sessions "
                "(goal {target}; {planned} planned for this muscle group)",
                self.planned,
            ).format(done=self.done, planned=self.planned, target=self.target)
        return ngettext(
            "This week: {done} of {target} session",
            "This week: {done} of {target} sessions",
            self.target,
        ).format(done=self.done, target=self.target)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def planned_in_week(plan: Plan, monday: dt.date, zone: dt.tzinfo) -> int:
    """Sessions ``plan`` prescribes in the week from ``monday`` (adherence's count)."""
    days = daily(plan, monday, monday + dt.timedelta(days=6), (), zone)
    return sum(d.planned for d in days)


def goal_week(
    goal: Goal,
    sessions: Sequence[GroupSession],
    plan: Plan,
    now: float,
    zone: dt.tzinfo,
    routine_of: RoutineOf = planned_routine,
) -> GoalWeek | None:
    """This week of a sessions-per-week goal at wall-clock ``now``; None for other kinds.
    ``routine_of`` gives each plan entry's routine (by default, read from its file)."""
    if goal.kind is not GoalKind.SESSIONS_PER_WEEK:
        return None
    monday = monday_of(_local_date(now, zone))
    done = sum(
        1 for s in sessions if s.counts and monday_of(_local_date(s.started_at, zone)) == monday
    )
    for_group = working(plan, goal.muscle_group, routine_of) if plan.entries else plan
    return GoalWeek(monday, done, round(goal.target), planned_in_week(for_group, monday, zone))


def plan_weekly_target(
    plan: Plan,
    today: dt.date,
    zone: dt.tzinfo,
    group: str | None = None,
    routine_of: RoutineOf = planned_routine,
) -> int | None:
    """The plan's sessions in a full week (those that work ``group``, when given), as a
    new goal's target (within the goal's range); None when the plan prescribes none."""
    if group is not None:
        plan = working(plan, group, routine_of)
    planned = planned_in_week(plan, monday_of(today) + WEEK, zone)
    if not planned:
        return None
    low, high = SESSIONS_RANGE
    return min(max(planned, low), high)


def _local_date(t: float, zone: dt.tzinfo) -> dt.date:
    return dt.datetime.fromtimestamp(t, dt.UTC).astimezone(zone).date()
