""" "Today: 1 of 3 planned sessions done · next at 19:00", for the main window.

Empty when the person has no plan (nothing is counted against a plan nobody made).
"""

from __future__ import annotations

import datetime as dt
import logging

from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import ngettext
from backtimer.core.programme.adherence import DoneSession
from backtimer.core.programme.day import sessions_on
from backtimer.core.programme.due import local_instant, local_zone
from backtimer.core.programme.schedule import format_time

log = logging.getLogger(__name__)


def today_words(done: int, planned: int, time: str | None) -> str:
    """The line's words: with the next time, or without when all are past."""
    if time is None:
        text = ngettext(
            "Today: {done} of {planned} planned session done",
            "Today: {done} of {planned} planned sessions done",
            planned,
        )
    else:
        text = ngettext(
            "Today: {done} of {planned} planned session done · next at {time}",
            "Today: {done} of {planned} planned sessions done · next at {time}",
            planned,
        )
    return text.format(done=done, planned=planned, time=time)


def today_text(store: HistoryStore | None, now: dt.datetime | None = None) -> str:
    if store is None:
        return ""
    zone = local_zone()
    now = now or dt.datetime.now(dt.UTC)
    day = now.astimezone(zone).date()
    try:
        plan = store.plan()
        if not plan.entries:
            return ""
        since = local_instant(day, dt.time(0), zone).timestamp()
        until = local_instant(day + dt.timedelta(days=1), dt.time(0), zone).timestamp()
        rows = store.sessions(since, until)
    except Exception as error:  # noqa: BLE001 - this line must never stop the window
        log.warning("could not read today's plan: %s", error)
        return ""
    done_list = [DoneSession(r.routine_id, r.started_at, r.holds) for r in rows]
    today = sessions_on(plan, day, zone, done_list)
    if not today:
        return ""
    done = sum(s.done for s in today)
    later = [s for s in today if not s.done and s.due.at > now]
    if later:
        time = format_time(later[0].due.at.astimezone(zone).time())
        return today_words(done, len(today), time)
    return today_words(done, len(today), None)
