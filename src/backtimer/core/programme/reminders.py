"""What to remind of, and when to wake next, on an injected wall clock.

``ReminderBook`` is asked at every wake ("it is now X: anything to say?") and answers
with at most one ``Reminder``. The rules a person would expect:

* each prescribed session is reminded of at most once (by its ``Due.key``), so setting
  the clock back never repeats a reminder, and a due already done is never reminded of;
* several dues passed while the machine slept, was logged out or had its clock set
  forward are told once, as one reminder for the latest, saying how many were missed:
  never a burst;
* dues of earlier days are not reminded of on a later day (the history shows them);
* "In 10 minutes" (``snooze``) brings the same session back once, "Skip" drops it.

The caller arms one timer to ``next_wake`` and calls ``wake`` when it fires; it wakes at
least every ``MAX_SLEEP`` so a suspend or a clock change is noticed within a minute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from backtimer.core.programme.due import Due, dues_on, next_due
from backtimer.core.programme.plan import Plan

MAX_SLEEP = dt.timedelta(minutes=1)  #: the longest the tray sleeps without looking
LATE = dt.timedelta(minutes=2)  #: a reminder this long after its time is "late"
SNOOZE = dt.timedelta(minutes=10)

Key = tuple[dt.date, int, int]


@dataclass(frozen=True)
class Reminder:
    due: Due  #: the session to start (the latest of those passed)
    missed: int = 0  #: earlier sessions today passed without a reminder
    late: bool = False  #: told after its time (woken from sleep, clock moved on)
    snoozed: bool = False  #: brought back by "In 10 minutes"


class ReminderBook:
    """See the module docstring. ``zone`` is the local zone at each call's time."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._told: set[Key] = set()
        self._snoozed: dict[Key, tuple[Due, dt.datetime]] = {}

    def set_plan(self, plan: Plan, now: dt.datetime, zone: dt.tzinfo) -> None:
        """A changed plan: its entries may be others now, so what was told starts over
        from ``now``: dues of the new plan up to ``now`` count as told (a new plan is
        never a burst of reminders), later ones will be told, snoozes are dropped."""
        self.plan = plan
        self._snoozed.clear()
        self._told = {
            d.key for d in dues_on(plan, now.astimezone(zone).date(), zone) if d.at <= now
        }

    def wake(
        self, now: dt.datetime, zone: dt.tzinfo, done: Collection[Key] = ()
    ) -> Reminder | None:
        """What to tell at ``now`` (aware), given the dues already ``done``; marks it told."""
        today = now.astimezone(zone).date()
        passed = [
            d
            for d in dues_on(self.plan, today, zone)
            if d.at <= now and d.key not in self._told and d.key not in done
        ]
        for d in passed:
            self._told.add(d.key)
        back = [due for key, (due, at) in self._snoozed.items() if at <= now and key not in done]
        for due in back:
            del self._snoozed[due.key]
        if passed:
            latest = passed[-1]
            return Reminder(latest, missed=len(passed) - 1, late=now - latest.at > LATE)
        if back:
            return Reminder(max(back), snoozed=True)
        return None

    def forget_done(self, now: dt.datetime, zone: dt.tzinfo) -> None:
        """Mark every due up to ``now`` as told (a session was started: nothing pending is
        worth a reminder any more)."""
        for d in dues_on(self.plan, now.astimezone(zone).date(), zone):
            if d.at <= now:
                self._told.add(d.key)

    def snooze(self, due: Due, now: dt.datetime) -> None:
        self._snoozed[due.key] = (due, now + SNOOZE)

    def snoozed(self) -> dict[Due, dt.datetime]:
        """The sessions put off with "In 10 minutes", and when each comes back."""
        return {due: at for due, at in self._snoozed.values()}

    def skip(self, due: Due) -> None:
        self._snoozed.pop(due.key, None)
        self._told.add(due.key)

    def next_due(self, now: dt.datetime, zone: dt.tzinfo) -> Due | None:
        """The next session not yet told, after ``now`` (what the tray shows as next)."""
        after = now
        for _ in range(64):
            due = next_due(self.plan, after, zone)
            if due is None or due.key not in self._told:
                return due
            after = due.at
        return None

    def next_wake(self, now: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
        """When to wake next: the next due or snooze, and never later than ``MAX_SLEEP``."""
        wake = now + MAX_SLEEP
        due = self.next_due(now, zone)
        if due is not None:
            wake = min(wake, due.at)
        for _due, at in self._snoozed.values():
            wake = min(wake, max(at, now))
        return wake
