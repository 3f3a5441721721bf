"""Adherence: sessions done against sessions prescribed, per day and per week.

A day's done sessions of a routine fill that day's prescribed sessions of it in time
order (a session done at 07:50 counts for the 08:00 one), and at most as many as were
prescribed count: a fourth session on a day of three is welcome but not "4 of 3".
A session counts when it held at least one stretch.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from backtimer.core.programme.due import Due, dues_on
from backtimer.core.programme.plan import Plan

Key = tuple[dt.date, int, int]

#: What a *Try it* run's routine id starts with: a routine id is a slug, so no plan can
#: name it, and adherence leaves it out entirely (a try is no session done, nor extra).
TRY_PREFIX = "try:"


def try_id(routine_id: str) -> str:
    """The id a *Try it* run of ``routine_id``'s exercise is recorded under."""
    return TRY_PREFIX + routine_id


@dataclass(frozen=True)
class DoneSession:
    """A session from the history, as adherence needs it."""

    routine_id: str
    started_at: float  #: wall-clock seconds since the epoch
    holds: int


@dataclass(frozen=True)
class DayAdherence:
    day: dt.date
    planned: int
    done: int  #: of the planned ones (never more than ``planned``)
    extra: int = 0  #: sessions done beyond the plan, or of routines it does not plan


@dataclass(frozen=True)
class WeekAdherence:
    monday: dt.date
    planned: int
    done: int

    @property
    def share(self) -> float | None:
        """Done over planned (0..1); None for a week with nothing planned."""
        return self.done / self.planned if self.planned else None


def counts_as_session(session: DoneSession) -> bool:
    """The module's rule: a session held at least one stretch, and was no *Try it* run."""
    return session.holds > 0 and not session.routine_id.startswith(TRY_PREFIX)


def _counts(sessions: Iterable[DoneSession], zone: dt.tzinfo) -> Counter[tuple[dt.date, str]]:
    counts: Counter[tuple[dt.date, str]] = Counter()
    for s in sessions:
        if counts_as_session(s):
            day = dt.datetime.fromtimestamp(s.started_at, dt.UTC).astimezone(zone).date()
            counts[(day, s.routine_id)] += 1
    return counts


def done_keys(
    plan: Plan, day: dt.date, sessions: Iterable[DoneSession], zone: dt.tzinfo
) -> set[Key]:
    """The keys of ``day``'s dues that the day's sessions fulfil (see the module rule)."""
    counts = _counts(sessions, zone)
    out: set[Key] = set()
    for due in dues_on(plan, day, zone):
        routine = plan.entries[due.entry].routine_id
        if counts[(day, routine)] > 0:
            counts[(day, routine)] -= 1
            out.add(due.key)
    return out


def daily(
    plan: Plan, first: dt.date, last: dt.date, sessions: Iterable[DoneSession], zone: dt.tzinfo
) -> list[DayAdherence]:
    """One ``DayAdherence`` per date from ``first`` to ``last`` inclusive."""
    counts = _counts(sessions, zone)
    out: list[DayAdherence] = []
    day = first
    while day <= last:
        planned: Counter[str] = Counter(
            plan.entries[d.entry].routine_id for d in dues_on(plan, day, zone)
        )
        done = sum(min(n, counts[(day, r)]) for r, n in planned.items())
        total = sum(n for (d, _r), n in counts.items() if d == day)
        out.append(DayAdherence(day, sum(planned.values()), done, total - done))
        day += dt.timedelta(days=1)
    return out


def weekly(days: Iterable[DayAdherence]) -> list[WeekAdherence]:
    """Days grouped into weeks from Monday, oldest first."""
    weeks: dict[dt.date, list[int]] = {}
    for d in days:
        monday = d.day - dt.timedelta(days=d.day.weekday())
        w = weeks.setdefault(monday, [0, 0])
        w[0] += d.planned
        w[1] += d.done
    return [WeekAdherence(m, p, n) for m, (p, n) in sorted(weeks.items())]


def today_line(day: DayAdherence) -> tuple[int, int]:
    """(done, planned) for "today 1 of 3"."""
    return day.done, day.planned


def due_routine(plan: Plan, due: Due) -> str:
    return plan.entries[due.entry].routine_id
