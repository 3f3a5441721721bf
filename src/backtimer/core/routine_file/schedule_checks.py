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
from collections.abc import Collection

from backtimer.core.i18n import _
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
from backtimer.core.routine_file.node_checks import NodeChecker, Thing, node_kind
from backtimer.core.routine_file.routine_format import SCHEDULE_KEYS, SLOT_KEYS
from backtimer.core.routine_file.safe_yaml import Map, Node, Scalar

_DAY_NAMES = tuple(d.value for d in Weekday)

# What a person reads about a schedule (problem messages and hints).
THE_SCHEDULE = Thing(
    _("the schedule must be a mapping of keys ({keys}…), not {kind}"),
    _("write the schedule as 'key: value' lines, indented under it"),
    _("unknown key '{key}' in the schedule"),
    _("the schedule is missing '{key}'"),
)
A_SESSION = Thing(
    _("a session in the schedule must be a mapping of keys ({keys}…), not {kind}"),
    _("write the session as 'at: \"11:00\"' and, if you like, an 'exercises:' list"),
    _("unknown key '{key}' in a session in the schedule"),
    _("a session in the schedule is missing '{key}'"),
)
BOTH_TIMES_AND_PER_DAY = _("the schedule gives both times and per_day")
NO_TIMES = _("the schedule gives no times")
TIMES_OR_PER_DAY_HINT = _(
    "give either 'times: [\"08:00\", \"19:00\"]' or 'per_day: 3' with a window"
)
WINDOW_BACKWARDS = _("the window ends at {last}, not after it starts ({first})")
WINDOW_BACKWARDS_HINT = _('give the earlier time first, e.g. ["08:00", "20:00"]')
ENDS_BEFORE_START = _("the schedule ends ({end}) before it starts ({start})")
ENDS_BEFORE_START_HINT = _("make end the same day as start or later")
PER_DAY_NO_WINDOW = _("per_day needs a window")
PER_DAY_NO_WINDOW_HINT = _('add \'window: ["08:00", "20:00"]\'')
TIME_TWICE = _("{time} is in the schedule twice")
TIME_TWICE_HINT = _("give each time once")
AN_EXERCISE_ID = _("an exercise id")
NOT_AN_EXERCISE = _("the micro-session names '{name}', which is not an exercise of this routine")
NOT_AN_EXERCISE_HINT = _("use the id of one of: {ids}")
NOT_AN_EXERCISE_CLOSE_HINT = _("did you mean '{close}'? use the id of one of: {ids}")
A_TIME_OF_DAY = _("a time of day")
WINDOW_START = _("the window's start")
WINDOW_END = _("the window's end")
A_DAY = _("a day")
TIME_AS_NUMBER = _("{what} must be in quotes: YAML read this time as the number {number}")
TIME_AS_NUMBER_HINT = _('put the time in quotes, e.g. "13:00"')
NOT_A_TIME = _('{what} must be a time like "08:00", not {kind}')
NOT_A_TIME_HINT = _('write "HH:MM"')
BAD_TIME = _("'{value}' is not a time of day")
BAD_TIME_HINT = _('write the time as "HH:MM", from "00:00" to "23:59"')
BAD_DATE_TEXT = _("{what} cannot be '{value}'")
BAD_DATE_KIND = _("{what} cannot be {kind}")
BAD_DATE_HINT = _("write a date as YYYY-MM-DD, e.g. 2026-01-05")


class ScheduleChecker:
    """Checks one ``schedule:`` mapping; ``exercises`` are the ids a micro-session may name."""

    def __init__(self, nodes: NodeChecker, exercises: Collection[str] | None) -> None:
        self.n = nodes
        self.check_names = exercises is not None
        self.exercises = tuple(exercises or ())

    def schedule(self, node: Node) -> Schedule | None:
        s = self.n.mapping(node, THE_SCHEDULE, SCHEDULE_KEYS, ())
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
            message = ENDS_BEFORE_START.format(end=end.isoformat(), start=start.isoformat())
            self.n.error(s["end"], message, ENDS_BEFORE_START_HINT)
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
                TIMES_OR_PER_DAY_HINT,
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
        self.n.error(s["per_day"], PER_DAY_NO_WINDOW, PER_DAY_NO_WINDOW_HINT)
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
                self.n.error(item, TIME_TWICE.format(time=format_time(slot.at)), TIME_TWICE_HINT)
                good = False
                continue
            seen[slot.at] = item
            slots.append(slot)
        return tuple(sorted(slots)) if good else None

    def slot(self, node: Node) -> Slot | None:
        if not isinstance(node, Map):
            at = self.time(node, A_TIME_OF_DAY)
            return None if at is None else Slot(at)
        m = self.n.mapping(node, A_SESSION, SLOT_KEYS, ("at",))
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
            name = self.n.slug(item, AN_EXERCISE_ID)
            if name is None:
                return None
            if self.check_names and name not in self.exercises:
                import difflib  # only when a name is wrong: not at start-up

                close = difflib.get_close_matches(name, self.exercises, n=1)
                ids = ", ".join(self.exercises)
                hint = (
                    NOT_AN_EXERCISE_CLOSE_HINT.format(close=close[0], ids=ids)
                    if close
                    else NOT_AN_EXERCISE_HINT.format(ids=ids)
                )
                self.n.error(item, NOT_AN_EXERCISE.format(name=name), hint)
                return None
            names.append(name)
        return tuple(names)

    def time(self, node: Node, what: str) -> dt.time | None:
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 13:00 as the number 780 (base 60).
            message = TIME_AS_NUMBER.format(what=what, number=value)
            self.n.error(node, message, TIME_AS_NUMBER_HINT)
            return None
        if not isinstance(value, str):
            message = NOT_A_TIME.format(what=what, kind=node_kind(node))
            self.n.error(node, message, NOT_A_TIME_HINT)
            return None
        at = parse_time(value)
        if at is None:
            self.n.error(node, BAD_TIME.format(value=value[:40]), BAD_TIME_HINT)
        return at

    def window(self, node: Node) -> tuple[dt.time, dt.time] | None:
        items = self.n.sequence(node, "window", 2, 2, "times")
        if items is None:
            return None
        first, last = self.time(items[0], WINDOW_START), self.time(items[1], WINDOW_END)
        if first is None or last is None:
            return None
        if last <= first:
            self.n.error(
                items[1],
                WINDOW_BACKWARDS.format(last=format_time(last), first=format_time(first)),
                WINDOW_BACKWARDS_HINT,
            )
            return None
        return first, last

    def days(self, node: Node) -> frozenset[Weekday] | None:
        items = self.n.sequence(node, "days", 1, 7, "days")
        if items is None:
            return None
        picked = [self.n.choice(item, A_DAY, _DAY_NAMES) for item in items]
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
        message = (
            BAD_DATE_TEXT.format(what=what, value=value[:40])
            if isinstance(value, str)
            else BAD_DATE_KIND.format(what=what, kind=node_kind(node))
        )
        self.n.error(node, message, BAD_DATE_HINT)
        return None
