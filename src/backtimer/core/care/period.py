"""The period a report covers, checked before anything is drawn: a report is never
empty or about a time that has not happened yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backtimer.core.i18n import _

DEFAULT_DAYS = 28  #: with no --since: the four weeks up to the end

END_BEFORE_START = _("The period ends ({until}) before it starts ({since}): swap the two dates.")
IN_THE_FUTURE = _(
    "{day} is in the future (today is {today}): a report can only cover days gone by."
)
NO_SESSIONS = _("There are no sessions from {since} to {until}, so there is nothing to report.")
BAD_DATE = _("{text} is not a date: write it as YYYY-MM-DD, e.g. {example}.")


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date


def parse_day(text: str, today: dt.date) -> dt.date | str:
    """The date in ``text`` (YYYY-MM-DD), or a message saying what is wrong."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return BAD_DATE.format(text=repr(text), example=today.isoformat())


def check_period(since: dt.date | None, until: dt.date | None, today: dt.date) -> Period | str:
    """The period to report on, or a message: the end before the start, or a day in the
    future. Without ``until``: today; without ``since``: four weeks up to the end."""
    last = today if until is None else until
    first = last - dt.timedelta(days=DEFAULT_DAYS - 1) if since is None else since
    for day in (first, last):
        if day > today:
            return IN_THE_FUTURE.format(day=day.isoformat(), today=today.isoformat())
    if last < first:
        return END_BEFORE_START.format(until=last.isoformat(), since=first.isoformat())
    return Period(first, last)


def no_sessions(period: Period) -> str:
    return NO_SESSIONS.format(since=period.first.isoformat(), until=period.last.isoformat())
