"""The prescription: when a routine is to be done, as frozen values.

A schedule names times of day, or a number of sessions spread evenly over a window of
the day; the days of the week (every day unless it says otherwise); optional first and
last dates; and a pain limit (stop if pain is above N/10). A time may be a
*micro-session*: only some of the routine's exercises, named by id.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

MAX_TIMES = 24  #: sessions a day; a few short ones are fine, dozens are not a prescription
PAIN_LIMIT_RANGE = (0, 10)  #: "stop if pain is above N/10"
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


class Weekday(enum.Enum):
    """Days as a routine file names them; ``index`` is ``date.weekday()`` (Monday 0)."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def index(self) -> int:
        return list(Weekday).index(self)

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        return list(cls)[day.weekday()]


EVERY_DAY: frozenset[Weekday] = frozenset(Weekday)


@dataclass(frozen=True, order=True)
class Slot:
    """One session at a time of day; ``exercises`` (ids) makes it a micro-session, and
    empty means the whole routine."""

    at: dt.time
    exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class Schedule:
    """When to do one routine. ``slots`` are sorted by time and never empty."""

    slots: tuple[Slot, ...]
    days: frozenset[Weekday] = EVERY_DAY
    start: dt.date | None = None
    end: dt.date | None = None
    pain_limit: int | None = None  #: stop if pain is above this many tenths

    def applies_on(self, day: dt.date) -> bool:
        """The schedule prescribes sessions on ``day`` (its weekday and its date range)."""
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day > self.end:
            return False
        return Weekday.of(day) in self.days


def parse_time(text: str) -> dt.time | None:
    """ "08:00" or "8:00" → 08:00; anything else (25:00, 12:60, 8h) → None."""
    found = _TIME.fullmatch(text.strip())
    if found is None:
        return None
    return dt.time(int(found.group(1)), int(found.group(2)))


def format_time(at: dt.time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def spread(count: int, first: dt.time, last: dt.time) -> tuple[dt.time, ...]:
    """``count`` times spread evenly from ``first`` to ``last`` inclusive, to the minute
    (one session: at ``first``). ``first`` must not be after ``last``."""
    a = first.hour * 60 + first.minute
    b = last.hour * 60 + last.minute
    if count == 1:
        return (first,)
    step = (b - a) / (count - 1)
    minutes = [round(a + i * step) for i in range(count)]
    return tuple(dt.time(m // 60, m % 60) for m in minutes)
