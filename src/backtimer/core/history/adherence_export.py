"""Adherence for the export: sessions done against the person's plan, per day and week.

Counted only against the plan the person keeps (the history's ``plan_entries``), from
the day each routine was first planned up to ``today``, with today's plan (the plan's
past versions are not kept). CSV: one ``day`` row per planned routine and day (see
``export``); JSON: ``plan`` and ``adherence`` (``days`` and ``weeks``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from backtimer.core.history.shown_names import routine_name
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.adherence import DayAdherence, DoneSession, daily, weekly
from backtimer.core.programme.codec import to_plain
from backtimer.core.programme.plan import Plan


@dataclass(frozen=True)
class RoutineDay:
    day: dt.date
    routine_id: str
    routine_name: str
    planned: int
    done: int


def routine_days(store: HistoryStore, today: dt.date, zone: dt.tzinfo) -> Iterator[RoutineDay]:
    """Each planned routine's planned and done sessions per day, oldest day first."""
    plan = store.plan()
    if not plan.entries:
        return
    done = [DoneSession(s.routine_id, s.started_at, s.holds) for s in store.sessions()]
    first = min((e.since or today) for e in plan.entries)
    per_routine = {
        e.routine_id: {d.day: d for d in daily(Plan((e,)), first, today, done, zone)}
        for e in plan.entries
    }
    day = first
    while day <= today:
        for e in plan.entries:
            d = per_routine[e.routine_id][day]
            if d.planned:
                yield RoutineDay(day, e.routine_id, e.routine_name, d.planned, d.done)
        day += dt.timedelta(days=1)


def adherence_json(store: HistoryStore, today: dt.date, zone: dt.tzinfo) -> dict[str, Any]:
    plan = store.plan()
    days: dict[dt.date, list[int]] = {}
    for r in routine_days(store, today, zone):
        total = days.setdefault(r.day, [0, 0])
        total[0] += r.planned
        total[1] += r.done
    per_day = [DayAdherence(d, p, n) for d, (p, n) in sorted(days.items())]
    return {
        "plan": [
            {
                "routine_id": e.routine_id,
                "routine": routine_name(e.routine_id, e.routine_name),
                "since": e.since.isoformat() if e.since else None,
                "schedule": to_plain(e.schedule),
            }
            for e in plan.entries
        ],
        "adherence": {
            "days": [
                {"date": d.day.isoformat(), "planned": d.planned, "done": d.done} for d in per_day
            ],
            "weeks": [
                {"week_of": w.monday.isoformat(), "planned": w.planned, "done": w.done}
                for w in weekly(per_day)
            ],
        },
    }
