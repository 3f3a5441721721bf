"""The one line under the routine's name that says how each open goal stands."""

from __future__ import annotations

import logging
import time

from backtimer.core import formats
from backtimer.core.history.goals import GoalStatus, progress
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _

log = logging.getLogger(__name__)

GOAL_LINE = _("{goal} — {status} (due {due})")
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
        for goal in store.goals(include_finished=False):
            status = progress(goal, store.group_sessions(goal.muscle_group), now).status
            due = formats.date(goal.due)
            lines.append(
                GOAL_LINE.format(goal=goal.describe(), status=STATUS_IN_LINE[status], due=due)
            )
    except Exception as error:  # noqa: BLE001 - a goal line must never stop the window
        log.warning("could not read goals: %s", error)
        return ""
    return GOALS.format(goals=GOALS_SEPARATOR.join(lines)) if lines else ""
