"""The one line under the routine's name that says how each open goal stands."""

from __future__ import annotations

import logging
import time

from backtimer.core import formats
from backtimer.core.history.goal_week import goal_week
from backtimer.core.history.goals import GoalStatus, progress
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.programme.due import local_zone

log = logging.getLogger(__name__)

GOAL_LINE = _("{goal} — {status} (due {due})")
#: a sessions-per-week goal, with its week beside the plan ("This week: 3 of 5 sessions …")
GOAL_LINE_WEEK = _("{goal} — {status} (due {due}); {week}")
GOALS = _("Goals: {goals}")
GOALS_SEPARATOR = _("; ")
#: How a goal stands, inside the line (lower case, unlike the goals window's column).
STATUS_IN_LINE = {
    GoalStatus.ON_TRACK: _("on track"),
    GoalStatus.BEHIND: _("behind"),
    GoalStatus.MET: _("met"),
    GoalStatus.OVERDUE: _("overdue"),
}


def goals_text(store: HistoryStore | None, now: float | None = None) -> str:
    """Open goals and how each stands, e.g. "Hamstrings: hold 30 s … — on track (due 12 Dec)"."""
    if store is None:
        return ""
    now = time.time() if now is None else now
    lines = []
    try:
        plan = store.plan()
        for goal in store.goals(include_finished=False):
            sessions = store.group_sessions(goal.muscle_group)
            status = STATUS_IN_LINE[progress(goal, sessions, now).status]
            due = formats.date(goal.due)
            week = goal_week(goal, sessions, plan, now, local_zone())
            if week is None:
                lines.append(GOAL_LINE.format(goal=goal.describe(), status=status, due=due))
            else:
                words = week.describe()
                line = GOAL_LINE_WEEK.format(
                    goal=goal.describe(), status=status, due=due, week=words
                )
                lines.append(line)
    except Exception as error:  # noqa: BLE001 - a goal line must never stop the window
        log.warning("could not read goals: %s", error)
        return ""
    return GOALS.format(goals=GOALS_SEPARATOR.join(lines)) if lines else ""
