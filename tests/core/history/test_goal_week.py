"""A sessions-per-week goal's week beside the plan: counted as adherence counts."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from backtimer.core.history.goal_week import goal_week, plan_weekly_target
from backtimer.core.history.goals import Goal, GoalKind, GoalStatus, GroupSession, progress
from backtimer.core.programme.adherence import try_id
from backtimer.core.programme.day import effective_plan
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Weekday
from backtimer.core.routine_file.loader import load_builtin

from ..programme.helpers import BERLIN, berlin, plan, schedule

WEEKDAYS = frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI})
FIVE = plan("08:00", days=WEEKDAYS)  #: five sessions a week
#: Thursday 4 December 2025, evening; the week runs from Monday 1 December
NOW = berlin(2025, 12, 4, 20).timestamp()
MONDAY = dt.date(2025, 12, 1)


MINIMAL = Path(__file__).parents[2] / "data" / "routines" / "good-minimal.yaml"


def goal(
    target: float = 4, kind: GoalKind = GoalKind.SESSIONS_PER_WEEK, group: str = "hamstrings"
) -> Goal:
    created = berlin(2025, 11, 20, 9).timestamp()
    return Goal(1, group, kind, target, dt.date(2025, 12, 31), created)


def done(at: dt.datetime, routine: str = "gentle-back") -> GroupSession:
    return GroupSession(at.timestamp(), 30.0, 30.0, 0.0, False, routine_id=routine)


THIS_WEEK = [done(berlin(2025, 12, d, 8)) for d in (1, 2, 4)]


def test_this_weeks_sessions_against_the_goal_and_the_plan() -> None:
    sessions = [done(berlin(2025, 11, 28, 8)), *THIS_WEEK]
    week = goal_week(goal(4), sessions, FIVE, NOW, BERLIN)
    assert week is not None
    assert (week.monday, week.done, week.target, week.planned) == (MONDAY, 3, 4, 5)
    assert week.describe() == "This week: 3 of 5 sessions (goal 4; 5 planned for this muscle group)"


def test_try_it_runs_never_count_toward_the_week_nor_the_goal() -> None:
    tries = [done(berlin(2025, 12, d, 9), try_id("gentle-back")) for d in (1, 2, 3, 4)]
    week = goal_week(goal(4), [*THIS_WEEK, *tries], FIVE, NOW, BERLIN)
    assert week is not None
    assert week.done == 3
    status = progress(goal(4), [*THIS_WEEK, *tries], NOW)
    assert status.current == 3.0
    assert status.status is not GoalStatus.MET
    assert progress(goal(3), [*THIS_WEEK, *tries], NOW).status is GoalStatus.MET


def test_the_week_starts_on_monday_in_the_local_zone() -> None:
    """Sunday 23:30 in Berlin is Sunday 22:30 UTC: last week, whatever UTC says."""
    late_sunday = done(berlin(2025, 11, 30, 23, 30))
    early_monday = done(berlin(2025, 12, 1, 0, 30))  # Sunday 23:30 UTC
    week = goal_week(goal(), [late_sunday, early_monday], FIVE, NOW, BERLIN)
    assert week is not None
    assert week.done == 1


def test_without_a_plan_the_week_is_against_the_goal_only() -> None:
    week = goal_week(goal(4), THIS_WEEK[:1], Plan(), NOW, BERLIN)
    assert week is not None
    assert week.planned == 0
    assert week.describe() == "This week: 1 of 4 sessions"
    one = goal_week(goal(1), [], Plan(), NOW, BERLIN)
    assert one is not None
    assert one.describe() == "This week: 0 of 1 session"


def test_a_routine_planned_midweek_counts_from_that_day() -> None:
    """Planned from Wednesday: three of this week's weekdays; a full week is still five."""
    entry = PlanEntry(
        "gentle-back", "Gentle back", schedule("08:00", days=WEEKDAYS), since=dt.date(2025, 12, 3)
    )
    since_wednesday = Plan((entry,))
    week = goal_week(goal(), THIS_WEEK, since_wednesday, NOW, BERLIN)
    assert week is not None
    assert week.planned == 3
    assert plan_weekly_target(since_wednesday, dt.date(2025, 12, 4), BERLIN) == 5


def test_the_plans_weekly_number_as_a_target() -> None:
    today = dt.date(2025, 12, 4)
    assert plan_weekly_target(FIVE, today, BERLIN) == 5
    assert plan_weekly_target(Plan(), today, BERLIN) is None
    three_a_day = plan("08:00", "13:00", "19:00")  # 21 a week: more than a goal may ask
    assert plan_weekly_target(three_a_day, today, BERLIN) == 14


def test_a_hold_goal_has_no_week() -> None:
    assert goal_week(goal(30, GoalKind.HOLD), THIS_WEEK, FIVE, NOW, BERLIN) is None


def _with_lower_back_routine(tmp_path: Path) -> Plan:
    """The built-in routine's prescription (08:00 and 19:00 whole, 11:00 the psoas
    stretch alone, every day) and, from a real file, a lower-back routine every weekday."""
    path = tmp_path / "minimal" / "routine.yaml"
    path.parent.mkdir()
    shutil.copyfile(MINIMAL, path)
    knees = PlanEntry("minimal", "Minimal routine", schedule("07:00", days=WEEKDAYS), path)
    builtin = effective_plan(Plan(), load_builtin())
    return Plan((*builtin.entries, knees))


def test_the_plan_counts_only_its_sessions_that_work_the_goals_group(tmp_path: Path) -> None:
    """A hamstrings goal: the two whole built-in sessions a day (14 a week), not the
    psoas micro-session nor the lower-back routine; each group gets its own number."""
    both = _with_lower_back_routine(tmp_path)
    week = goal_week(goal(4), THIS_WEEK, both, NOW, BERLIN)
    assert week is not None
    assert week.planned == 14
    assert week.describe() == (
        "This week: 3 of 14 sessions (goal 4; 14 planned for this muscle group)"
    )
    psoas = goal_week(goal(4, group="psoas"), [], both, NOW, BERLIN)
    lower_back = goal_week(goal(4, group="lower_back"), [], both, NOW, BERLIN)
    assert psoas is not None
    assert lower_back is not None
    assert (psoas.planned, lower_back.planned) == (21, 5)


def test_a_group_no_planned_routine_works_is_against_the_goal_only(tmp_path: Path) -> None:
    week = goal_week(goal(3, group="neck"), [], _with_lower_back_routine(tmp_path), NOW, BERLIN)
    assert week is not None
    assert week.planned == 0
    assert week.describe() == "This week: 0 of 3 sessions"


def test_a_planned_routine_whose_file_is_gone_counts_for_no_group(tmp_path: Path) -> None:
    both = _with_lower_back_routine(tmp_path)
    shutil.rmtree(tmp_path / "minimal")
    lower_back = goal_week(goal(4, group="lower_back"), [], both, NOW, BERLIN)
    hamstrings = goal_week(goal(4), [], both, NOW, BERLIN)
    assert lower_back is not None
    assert hamstrings is not None
    assert (lower_back.planned, hamstrings.planned) == (0, 14)


def test_the_plans_weekly_number_for_one_group(tmp_path: Path) -> None:
    both = _with_lower_back_routine(tmp_path)
    today = dt.date(2025, 12, 4)
    assert plan_weekly_target(both, today, BERLIN, "hamstrings") == 14
    assert plan_weekly_target(both, today, BERLIN, "lower_back") == 5
    assert plan_weekly_target(both, today, BERLIN, "neck") is None
    assert plan_weekly_target(both, today, BERLIN) == 14  # 26 in all, above the range


def test_the_builtin_routine_counts_wherever_its_install_path_was(tmp_path: Path) -> None:
    """The Plan window stores the built-in routine's file as installed; after an upgrade
    that path is gone, and the entry still plans the built-in routine (as the tray opens
    it), by its id."""
    builtin = load_builtin()
    moved = tmp_path / "old-venv" / "gentle-back.yaml"  # never existed here
    entry = PlanEntry(builtin.id, builtin.name, schedule("08:00", days=WEEKDAYS), moved)
    week = goal_week(goal(4), [], Plan((entry,)), NOW, BERLIN)
    assert week is not None
    assert week.planned == 5
