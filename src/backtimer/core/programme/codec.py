"""A schedule as plain JSON-ready values and back: how the history keeps the plan.

``to_plain`` and ``from_plain`` are inverse for every schedule; ``from_plain`` raises
ValueError for a document it cannot read (the store then leaves that entry out).
"""

from __future__ import annotations

import datetime as dt

from backtimer.core.programme.schedule import Schedule, Slot, Weekday, format_time, parse_time


def to_plain(schedule: Schedule) -> dict[str, object]:
    return {
        "slots": [
            {"at": format_time(s.at), "exercises": list(s.exercises)} for s in schedule.slots
        ],
        "days": [d.value for d in Weekday if d in schedule.days],
        "start": schedule.start.isoformat() if schedule.start else None,
        "end": schedule.end.isoformat() if schedule.end else None,
        "pain_limit": schedule.pain_limit,
    }


def from_plain(doc: object) -> Schedule:
    if not isinstance(doc, dict):
        raise ValueError("a schedule is a mapping")
    slots: list[Slot] = []
    for item in doc.get("slots") or []:
        at = parse_time(str(item.get("at", ""))) if isinstance(item, dict) else None
        if at is None:
            raise ValueError(f"bad slot {item!r}")
        slots.append(Slot(at, tuple(str(x) for x in item.get("exercises") or [])))
    if not slots:
        raise ValueError("a schedule needs a time")
    days = frozenset(Weekday(str(d)) for d in doc.get("days") or [d.value for d in Weekday])
    start, end = doc.get("start"), doc.get("end")
    limit = doc.get("pain_limit")
    return Schedule(
        slots=tuple(sorted(slots)),
        days=days,
        start=dt.date.fromisoformat(start) if isinstance(start, str) else None,
        end=dt.date.fromisoformat(end) if isinstance(end, str) else None,
        pain_limit=int(limit) if isinstance(limit, int) else None,
    )
