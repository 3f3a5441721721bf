"""Figures drawn from the history: streaks and per-period aggregates (pure, no SQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def streak(days: Iterable[dt.date], today: dt.date) -> int:
    """Consecutive days with a session, ending today — or yesterday, so that a streak is
    not shown as broken in the morning before today's session."""
    have = set(days)
    day = today if today in have else today - dt.timedelta(days=1)
    count = 0
    while day in have:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def longest_streak(days: Iterable[dt.date]) -> int:
    best = run = 0
    previous: dt.date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == dt.timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


@dataclass(frozen=True)
class Bucket:
    """One point of a chart: a period starting on ``start``."""

    start: dt.date
    seconds: float  #: total seconds held
    longest: float  #: longest single hold
    pains: int  #: pain events
    longest_right: float = 0.0  #: longest hold on the right side (0: none)
    longest_left: float = 0.0


def bucket_start(day: dt.date, size: str) -> dt.date:
    """The first day of the ``day``/``week`` (Monday)/``month`` holding ``day``."""
    if size == "week":
        return day - dt.timedelta(days=day.weekday())
    if size == "month":
        return day.replace(day=1)
    return day


def bucket_size(first: dt.date, last: dt.date) -> str:
    """Days for up to ~3 months, weeks up to ~2 years, months beyond: charts stay legible."""
    span = (last - first).days
    if span <= 92:
        return "day"
    if span <= 730:
        return "week"
    return "month"


def buckets(
    totals: Sequence[tuple[str, str, float, float, int]],
    pains: Sequence[tuple[str, str, int]],
    group: str | None,
    first: dt.date,
    last: dt.date,
    size: str,
    sides: Sequence[tuple[str, str, str, float]] = (),
) -> list[Bucket]:
    """Aggregate the store's daily rows for ``group`` (None: all groups) in [first, last];
    ``sides`` (``daily_side_longest``) adds the longest hold per side of ``group``, so a
    chart can show both sides of a muscle group (not for all groups at once)."""
    keys_of: dict[str, dt.date | None] = {}  # a day's bucket, or None outside the range

    def key_of(day_text: str) -> dt.date | None:
        # Ten years of rows name each day many times (groups, sides): parse it once.
        if day_text not in keys_of:
            day = dt.date.fromisoformat(day_text)
            keys_of[day_text] = bucket_start(day, size) if first <= day <= last else None
        return keys_of[day_text]

    per_side: dict[tuple[dt.date, str], float] = {}
    for day_text, row_group, side, best in sides if group is not None else ():
        if row_group == group and (k := key_of(day_text)) is not None:
            per_side[(k, side)] = max(per_side.get((k, side), 0.0), best)
    seconds: dict[dt.date, float] = {}
    longest: dict[dt.date, float] = {}
    pain_count: dict[dt.date, int] = {}
    for day_text, row_group, held, best, _completed in totals:
        if (group is None or row_group == group) and (key := key_of(day_text)) is not None:
            seconds[key] = seconds.get(key, 0.0) + held
            longest[key] = max(longest.get(key, 0.0), best)
    for day_text, row_group, count in pains:
        if (group is None or row_group == group) and (key := key_of(day_text)) is not None:
            pain_count[key] = pain_count.get(key, 0) + count
    keys = sorted(set(seconds) | set(pain_count))
    return [
        Bucket(
            k,
            seconds.get(k, 0.0),
            longest.get(k, 0.0),
            pain_count.get(k, 0),
            per_side.get((k, "right"), 0.0),
            per_side.get((k, "left"), 0.0),
        )
        for k in keys
    ]
