"""A routine file's ``schedule:`` section, checked: a composed YAML tree → a Schedule.

Shape (see ``resources/routine.schema.json``)::

    schedule:
      times: ["08:00", {at: "11:00", exercises: [psoas]}, "19:00"]   # or:
      per_day: 3
      window: ["08:00", "20:00"]      # per_day sessions spread evenly over it
      days: [mon, tue, wed, thu, fri] # every day if not given
      start: "2026-01-05"             # optional first and last dates
      end: "2026-03-31"
      pain_limit: 3                   # stop if pain is above 3/10

Every problem is recorded with its line and column, as the rest of the file's are.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection

from backtimer.core.programme.schedule import (
    EVERY_DAY,
    MAX_TIMES,
    PAIN_LIMIT_RANGE,
    Schedule,
    Slot,
    Weekday,
    format_time,
    parse_time,
    spread,
)
from backtimer.core.routine_file.node_checks import NodeChecker, node_kind
from backtimer.core.routine_file.routine_format import SCHEDULE_KEYS, SLOT_KEYS
from backtimer.core.routine_file.safe_yaml import Map, Node, Scalar

_DAY_NAMES = tuple(d.value for d in Weekday)

BOTH_TIMES_AND_PER_DAY = "the schedule gives both times and per_day"
NO_TIMES = "the schedule gives no times"
WINDOW_BACKWARDS = "the window ends at {last}, not after it starts ({first})"


class ScheduleChecker:
    """Checks one ``schedule:`` mapping; ``exercises`` are the ids a micro-session may name."""

    def __init__(self, nodes: NodeChecker, exercises: Collection[str] | None) -> None:
        self.n = nodes
        self.check_names = exercises is not None
        self.exercises = tuple(exercises or ())

    def schedule(self, node: Node) -> Schedule | None:
        s = self.n.mapping(node, "the schedule", SCHEDULE_KEYS, ())
        if s is None:
            return None
        slots = self.slots(node, s)
        days = self.days(s["days"]) if "days" in s else EVERY_DAY
        start = self.date(s["start"], "start") if "start" in s else None
        end = self.date(s["end"], "end") if "end" in s else None
        limit = (
            self.n.number(s["pain_limit"], "pain_limit", PAIN_LIMIT_RANGE, whole=True)
            if "pain_limit" in s
            else None
        )
        if start is not None and end is not None and end < start:
            self.n.error(
                s["end"],
                f"the schedule ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                "make end the same day as start or later",
            )
            return None
        bad = ("start" in s and start is None) or ("end" in s and end is None)
        if slots is None or days is None or bad or ("pain_limit" in s and limit is None):
            return None
        return Schedule(
            slots=slots,
            days=days,
            start=start,
            end=end,
            pain_limit=int(limit) if limit is not None else None,
        )

    def slots(self, node: Node, s: dict[str, Node]) -> tuple[Slot, ...] | None:
        if ("times" in s) == ("per_day" in s):
            self.n.error(
                node,
                BOTH_TIMES_AND_PER_DAY if "times" in s else NO_TIMES,
                "give either 'times: [\"08:00\", \"19:00\"]' or 'per_day: 3' with a window",
            )
            return None
        if "times" in s:
            return self.times(s["times"])
        if "window" in s and "per_day" in s:
            count = self.n.number(s["per_day"], "per_day", (1, MAX_TIMES), whole=True)
            window = self.window(s["window"])
            if count is None or window is None:
                return None
            return tuple(Slot(t) for t in spread(int(count), *window))
        self.n.error(s["per_day"], "per_day needs a window", 'add \'window: ["08:00", "20:00"]\'')
        return None

    def times(self, node: Node) -> tuple[Slot, ...] | None:
        items = self.n.sequence(node, "times", 1, MAX_TIMES, "times")
        if items is None:
            return None
        slots: list[Slot] = []
        seen: dict[dt.time, Node] = {}
        good = True
        for item in items:
            slot = self.slot(item)
            if slot is None:
                good = False
                continue
            if slot.at in seen:
                self.n.error(
                    item,
                    f"{format_time(slot.at)} is in the schedule twice",
                    "give each time once",
                )
                good = False
                continue
            seen[slot.at] = item
            slots.append(slot)
        return tuple(sorted(slots)) if good else None

    def slot(self, node: Node) -> Slot | None:
        if not isinstance(node, Map):
            at = self.time(node, "a time of day")
            return None if at is None else Slot(at)
        m = self.n.mapping(node, "a session in the schedule", SLOT_KEYS, ("at",))
        if m is None or "at" not in m:
            return None
        at = self.time(m["at"], "at")
        names = self.micro(m["exercises"]) if "exercises" in m else ()
        if at is None or names is None:
            return None
        return Slot(at, names)

    def micro(self, node: Node) -> tuple[str, ...] | None:
        items = self.n.sequence(node, "exercises", 1, 100, "exercises")
        if items is None:
            return None
        names: list[str] = []
        for item in items:
            name = self.n.slug(item, "an exercise id")
            if name is None:
                return None
            if self.check_names and name not in self.exercises:
                close = difflib.get_close_matches(name, self.exercises, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.n.error(
                    item,
                    f"the micro-session names '{name}', which is not an exercise of this routine",
                    f"{hint}use the id of one of: {', '.join(self.exercises)}",
                )
                return None
            names.append(name)
        return tuple(names)

    def time(self, node: Node, what: str) -> dt.time | None:
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 13:00 as the number 780 (base 60).
            self.n.error(
                node,
                f"{what} must be in quotes: YAML read this time as the number {value}",
                'put the time in quotes, e.g. "13:00"',
            )
            return None
        if not isinstance(value, str):
            self.n.error(
                node, f'{what} must be a time like "08:00", not {node_kind(node)}', 'write "HH:MM"'
            )
            return None
        at = parse_time(value)
        if at is None:
            self.n.error(
                node,
                f"'{value[:40]}' is not a time of day",
                'write the time as "HH:MM", from "00:00" to "23:59"',
            )
        return at

    def window(self, node: Node) -> tuple[dt.time, dt.time] | None:
        items = self.n.sequence(node, "window", 2, 2, "times")
        if items is None:
            return None
        first, last = self.time(items[0], "the window's start"), self.time(items[1], "its end")
        if first is None or last is None:
            return None
        if last <= first:
            self.n.error(
                items[1],
                WINDOW_BACKWARDS.format(last=format_time(last), first=format_time(first)),
                'give the earlier time first, e.g. ["08:00", "20:00"]',
            )
            return None
        return first, last

    def days(self, node: Node) -> frozenset[Weekday] | None:
        items = self.n.sequence(node, "days", 1, 7, "days")
        if items is None:
            return None
        picked = [self.n.choice(item, "a day", _DAY_NAMES) for item in items]
        if any(p is None for p in picked):
            return None
        return frozenset(Weekday(p) for p in picked if p is not None)

    def date(self, node: Node, what: str) -> dt.date | None:
        value = node.value if isinstance(node, Scalar) else None
        try:
            if isinstance(value, str):
                return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        shown = f"'{value[:40]}'" if isinstance(value, str) else node_kind(node)
        self.n.error(
            node, f"{what} cannot be {shown}", "write a date as YYYY-MM-DD, e.g. 2026-01-05"
        )
        return None
