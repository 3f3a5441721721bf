"""The one line under the routine's name that says how each open goal stands."""

from __future__ import annotations

import logging
import time

from backtimer.core.history.goals import progress
from backtimer.core.history.store import HistoryStore

log = logging.getLogger(__name__)


def goals_text(store: HistoryStore | None, now: float | None = None) -> str:
    """Open goals and how each stands, e.g. "Hamstrings: hold 30 s … — on track (due 12 Dec)"."""
    if store is None:
        return ""
    now = time.time() if now is None else now
    lines = []
    try:
        for goal in store.goals(include_finished=False):
            status = progress(goal, store.group_sessions(goal.muscle_group), now).status
            label = status.value.replace("_", " ")
            lines.append(f"{goal.describe()} — {label} (due {goal.due:%d %b %Y})")
    except Exception as error:  # noqa: BLE001 - a goal line must never stop the window
        log.warning("could not read goals: %s", error)
        return ""
    return "Goals: " + "; ".join(lines) if lines else ""
