"""Due times in local wall-clock time.

A plan says "08:00 every weekday"; the zone says what instant that is on a given date.
Two days a year need care (zoneinfo answers both):

* a time that does not exist (02:30 when clocks go forward) is taken with the offset
  from before the change, i.e. that many minutes later on the new clock (03:30);
* a time that happens twice (02:30 when clocks go back) is due once, the first time.

Instants are aware datetimes in UTC, so comparing and sorting them is exact.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from backtimer.core.programme.plan import Plan

UTC = dt.UTC


@dataclass(frozen=True, order=True)
class Due:
    """One prescribed session on one day. Sorted by instant; ``key`` names it for good
    (which entry, which slot, which local date), so it is reminded of at most once."""

    at: dt.datetime  #: aware, UTC
    day: dt.date  #: the local date it belongs to
    entry: int  #: index into the plan's entries
    slot: int  #: index into that entry's schedule slots

    @property
    def key(self) -> tuple[dt.date, int, int]:
        return (self.day, self.entry, self.slot)


def local_instant(day: dt.date, at: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The instant (UTC) that the wall clock in ``zone`` shows ``at`` on ``day``; see the
    module docstring for the times that do not exist or happen twice."""
    naive = dt.datetime.combine(day, at)
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC)


def dues_on(plan: Plan, day: dt.date, zone: dt.tzinfo) -> list[Due]:
    """Every session the plan prescribes on the local date ``day``, in time order."""
    out: list[Due] = []
    for e, entry in enumerate(plan.entries):
        if not entry.applies_on(day):
            continue
        for s, slot in enumerate(entry.schedule.slots):
            out.append(Due(local_instant(day, slot.at, zone), day, e, s))
    return sorted(out)


def dues_between(plan: Plan, start: dt.datetime, end: dt.datetime, zone: dt.tzinfo) -> list[Due]:
    """Dues with ``start < at <= end`` (aware datetimes), in time order."""
    first = start.astimezone(zone).date() - dt.timedelta(days=1)
    last = end.astimezone(zone).date() + dt.timedelta(days=1)
    out: list[Due] = []
    day = first
    while day <= last:
        out.extend(d for d in dues_on(plan, day, zone) if start < d.at <= end)
        day += dt.timedelta(days=1)
    return sorted(out)


def next_due(plan: Plan, after: dt.datetime, zone: dt.tzinfo, horizon_days: int = 8) -> Due | None:
    """The first due strictly after ``after`` within ``horizon_days``, or None."""
    day = after.astimezone(zone).date()
    for offset in range(horizon_days + 1):
        for due in dues_on(plan, day + dt.timedelta(days=offset), zone):
            if due.at > after:
                return due
    return None


def local_zone() -> dt.tzinfo:
    """The machine's time zone with its rules (daylight saving included) where it can be
    named: ``$TZ``, else /etc/localtime. Elsewhere the current fixed offset, which the
    tray asks for again at every wake, so a change of offset is followed the next time."""
    for key in (os.environ.get("TZ", "").lstrip(":"), _localtime_key()):
        if key:
            try:
                return ZoneInfo(key)
            except (KeyError, ValueError, OSError):  # not found is a KeyError
                continue
    try:
        with open("/etc/localtime", "rb") as f:
            return ZoneInfo.from_file(f, key="localtime")
    except (OSError, ValueError):
        pass
    local = dt.datetime.now().astimezone().tzinfo
    return local if local is not None else UTC


def _localtime_key() -> str:
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return ""
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else ""
