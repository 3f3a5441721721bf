"""Planned against done, where the history is shown: the calendar's days and a section
of the clinician's PDF report. Both count against the person's own plan only (the
history's plan), from the day each routine was first planned."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCalendarWidget

from backtimer.core.history.shown_names import routine_name
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _, ngettext, pgettext
from backtimer.core.programme.adherence import DayAdherence, DoneSession, daily, weekly
from backtimer.core.programme.due import local_zone
from backtimer.core.programme.plan import Plan
from backtimer.core.programme.schedule import Weekday, format_time
from backtimer.gui.programme.texts import DAY_NAMES

log = logging.getLogger(__name__)

DAY_TIP = _("Planned {planned} · done {done}")
ALL_DONE = QColor("#cdebd3")  #: every planned session done
NONE_DONE = QColor("#fbe3c8")  #: planned, none done
HEADING = _("Plan and adherence")
NO_PLAN = _("No plan was kept in this period.")
PRESCRIPTION = _("{routine}: {times}; {days}")
PRESCRIPTION_LIMIT = _("{routine}: {times}; {days}; stop if pain is above {limit}/10")
EVERY_DAY = _("every day")
MICRO = _("{time} ({exercises})")
WEEK_HEADERS = (
    pgettext("report column", "Week of"),
    pgettext("report column", "Planned"),
    pgettext("report column", "Done"),
    pgettext("report column", "Share"),
)
#: a week's Monday in the report's table: "16 Jun 2025"
WEEK_DATE = _("{day} {month} {year}")
MONTHS = (
    pgettext("month", "Jan"),
    pgettext("month", "Feb"),
    pgettext("month", "Mar"),
    pgettext("month", "Apr"),
    pgettext("month", "May"),
    pgettext("month", "Jun"),
    pgettext("month", "Jul"),
    pgettext("month", "Aug"),
    pgettext("month", "Sep"),
    pgettext("month", "Oct"),
    pgettext("month", "Nov"),
    pgettext("month", "Dec"),
)


def total_words(done: int, planned: int, share: float, first: dt.date, last: dt.date) -> str:
    """The period's total: "3 of 5 planned sessions done (60%) from … to …"."""
    return ngettext(
        "{done} of {planned} planned session done ({share:.0%}) from {first} to {last}.",
        "{done} of {planned} planned sessions done ({share:.0%}) from {first} to {last}.",
        planned,
    ).format(done=done, planned=planned, share=share, first=first, last=last)


def week_date(day: dt.date) -> str:
    return WEEK_DATE.format(day=f"{day.day:02d}", month=MONTHS[day.month - 1], year=day.year)


def _days(store: HistoryStore, first: dt.date, last: dt.date) -> tuple[Plan, list[DayAdherence]]:
    plan = store.plan()
    if not plan.entries or last < first:
        return plan, []
    done = [DoneSession(s.routine_id, s.started_at, s.holds) for s in store.sessions()]
    return plan, daily(plan, first, last, done, local_zone())


def mark_calendar(calendar: QCalendarWidget, store: HistoryStore | None, today: dt.date) -> None:
    """Give each planned day up to ``today`` a tooltip "Planned 3 · done 1", green when
    all were done and amber when none was (other days keep their marks)."""
    if store is None:
        return
    try:
        plan = store.plan()
        if not plan.entries:
            return
        first = min((e.since or today) for e in plan.entries)
        _plan, days = _days(store, first, today)
    except Exception as error:  # noqa: BLE001 - the calendar must open all the same
        log.warning("could not read the plan for the calendar: %s", error)
        return
    for d in days:
        if not d.planned:
            continue
        qdate = QDate(d.day.year, d.day.month, d.day.day)
        fmt = calendar.dateTextFormat(qdate)
        fmt.setToolTip(DAY_TIP.format(planned=d.planned, done=d.done))
        if d.done >= d.planned:
            fmt.setBackground(ALL_DONE)
        elif d.done == 0:
            fmt.setBackground(NONE_DONE)
        calendar.setDateTextFormat(qdate, fmt)


def summary_lines(store: HistoryStore, first: dt.date, last: dt.date) -> list[str]:
    """The prescription of each planned routine and the period's total, as lines for the
    report's first page; none when no plan was kept (the page then counts sessions)."""
    plan, days = _days(store, first, last)
    if not plan.entries:
        return []
    lines = []
    for e in plan.entries:
        s = e.schedule
        times = ", ".join(
            MICRO.format(time=format_time(slot.at), exercises=", ".join(slot.exercises))
            if slot.exercises
            else format_time(slot.at)
            for slot in s.slots
        )
        named = [DAY_NAMES[d] for d in Weekday if d in s.days]
        shown = EVERY_DAY if len(named) == 7 else ", ".join(named)
        template = PRESCRIPTION if s.pain_limit is None else PRESCRIPTION_LIMIT
        lines.append(
            template.format(
                routine=routine_name(e.routine_id, e.routine_name),
                times=times,
                days=shown,
                limit=s.pain_limit,
            )
        )
    planned = sum(d.planned for d in days)
    if not planned:
        return [*lines, NO_PLAN]
    done = sum(d.done for d in days)
    lines.append(total_words(done, planned, done / planned, first, last))
    return lines


def report_section(pages: Any, store: HistoryStore, first: dt.date, last: dt.date) -> None:
    """The report's "Plan and adherence": the prescription, the period's total and a
    table by week. ``pages`` is the report's page cursor (heading, text, table)."""
    pages.heading(HEADING)
    for line in summary_lines(store, first, last) or [NO_PLAN]:
        pages.text(line)
    _plan, days = _days(store, first, last)
    rows = [
        [
            week_date(w.monday),
            str(w.planned),
            str(w.done),
            f"{w.share:.0%}" if w.share is not None else "",
        ]
        for w in weekly(days)
        if w.planned
    ]
    if rows:
        pages.table(WEEK_HEADERS, (0.4, 0.2, 0.2, 0.2), rows)
