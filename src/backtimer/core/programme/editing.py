"""Checking a schedule the person edited (in the Plan window) before it is kept.

``problem`` returns the one sentence to show, or None when the schedule may be saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from backtimer.core.i18n import _
from backtimer.core.programme.schedule import MAX_TIMES, Slot, Weekday, format_time

NO_TIME = _("Give at least one time of day.")
TOO_MANY = _("At most {count} sessions a day.")
TWICE = _("{time} is in the list twice.")
NO_DAY = _("Tick at least one day.")
BACKWARDS = _("The last day ({end}) is before the first ({start}).")
UNKNOWN = _("{time}: this routine has no exercise '{exercise}'.")


def problem(
    slots: Sequence[Slot],
    days: Collection[Weekday],
    start: dt.date | None,
    end: dt.date | None,
    exercises: Collection[str],
) -> str | None:
    if not slots:
        return NO_TIME
    if len(slots) > MAX_TIMES:
        return TOO_MANY.format(count=MAX_TIMES)
    seen: set[dt.time] = set()
    for slot in slots:
        if slot.at in seen:
            return TWICE.format(time=format_time(slot.at))
        seen.add(slot.at)
        for name in slot.exercises:
            if exercises and name not in exercises:
                return UNKNOWN.format(time=format_time(slot.at), exercise=name)
    if not days:
        return NO_DAY
    if start is not None and end is not None and end < start:
        return BACKWARDS.format(start=start.isoformat(), end=end.isoformat())
    return None
