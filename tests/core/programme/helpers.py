"""Plans and instants for the programme's tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import EVERY_DAY, Schedule, Slot, Weekday

BERLIN = ZoneInfo("Europe/Berlin")


def hm(text: str) -> dt.time:
    h, m = text.split(":")
    return dt.time(int(h), int(m))


def schedule(*times: str, days: frozenset[Weekday] = EVERY_DAY, **kw: object) -> Schedule:
    return Schedule(slots=tuple(Slot(hm(t)) for t in times), days=days, **kw)  # type: ignore[arg-type]


def plan(*times: str, routine: str = "gentle-back", **kw: object) -> Plan:
    return Plan((PlanEntry(routine, routine.title(), schedule(*times, **kw)),))


def berlin(y: int, mo: int, d: int, h: int, mi: int = 0, fold: int = 0) -> dt.datetime:
    """A Berlin wall-clock reading as an aware instant in UTC."""
    return dt.datetime(y, mo, d, h, mi, tzinfo=BERLIN, fold=fold).astimezone(dt.UTC)
