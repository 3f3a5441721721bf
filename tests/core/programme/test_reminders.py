"""Reminders on an injected wall clock: on time, once, and never a burst."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core.programme.reminders import MAX_SLEEP, SNOOZE, ReminderBook

from .helpers import BERLIN, berlin, plan

THREE = plan("08:00", "13:00", "19:00")


def local(at: dt.datetime) -> str:
    return at.astimezone(BERLIN).strftime("%H:%M")


def test_nothing_is_said_before_the_due_time_and_it_is_said_at_it() -> None:
    """07:59: nothing; 08:00: the 08:00 session, on time, nothing missed."""
    book = ReminderBook(THREE)
    assert book.wake(berlin(2026, 3, 29, 7, 59), BERLIN) is None
    reminder = book.wake(berlin(2026, 3, 29, 8, 0), BERLIN)
    assert reminder is not None
    assert local(reminder.due.at) == "08:00"
    assert (reminder.missed, reminder.late) == (0, False)


def test_a_due_is_told_once_however_often_the_tray_wakes() -> None:
    book = ReminderBook(THREE)
    assert book.wake(berlin(2026, 3, 29, 8, 0), BERLIN) is not None
    for minute in range(1, 30):
        assert book.wake(berlin(2026, 3, 29, 8, minute), BERLIN) is None


def test_suspend_across_two_due_times_tells_one_late_reminder_naming_the_missed() -> None:
    """Asleep from 07:00 to 14:30: on waking one reminder, for 13:00, one missed (08:00)."""
    book = ReminderBook(THREE)
    assert book.wake(berlin(2026, 3, 29, 7, 0), BERLIN) is None
    reminder = book.wake(berlin(2026, 3, 29, 14, 30), BERLIN)
    assert reminder is not None
    assert local(reminder.due.at) == "13:00"
    assert (reminder.missed, reminder.late) == (1, True)
    assert book.wake(berlin(2026, 3, 29, 14, 31), BERLIN) is None


def test_clock_set_back_never_repeats_a_reminder() -> None:
    """Told at 13:00, the clock is set back to 12:00 and runs on: 13:00 is not told again."""
    book = ReminderBook(THREE)
    assert book.wake(berlin(2026, 3, 29, 13, 0), BERLIN) is not None
    assert book.wake(berlin(2026, 3, 29, 12, 0), BERLIN) is None
    assert book.wake(berlin(2026, 3, 29, 13, 1), BERLIN) is None
    reminder = book.wake(berlin(2026, 3, 29, 19, 0), BERLIN)
    assert reminder is not None
    assert local(reminder.due.at) == "19:00"


def test_clock_set_forward_past_a_due_tells_it_once_late() -> None:
    """The clock jumps from 07:50 to 09:10: the 08:00 session, late, once."""
    book = ReminderBook(THREE)
    assert book.wake(berlin(2026, 3, 29, 7, 50), BERLIN) is None
    reminder = book.wake(berlin(2026, 3, 29, 9, 10), BERLIN)
    assert reminder is not None
    assert (local(reminder.due.at), reminder.missed, reminder.late) == ("08:00", 0, True)


def test_yesterdays_missed_sessions_are_not_told_today() -> None:
    """Woken at 07:00 after a night (and a day) away: nothing, until today's 08:00."""
    book = ReminderBook(THREE)
    assert book.wake(berlin(2026, 3, 28, 7, 0), BERLIN) is None
    assert book.wake(berlin(2026, 3, 29, 7, 0), BERLIN) is None
    assert book.wake(berlin(2026, 3, 29, 8, 0), BERLIN) is not None


def test_a_session_already_done_is_not_reminded_of() -> None:
    book = ReminderBook(THREE)
    done = {(dt.date(2026, 3, 29), 0, 0)}
    assert book.wake(berlin(2026, 3, 29, 8, 0), BERLIN, done) is None


def test_in_ten_minutes_brings_it_back_once_and_skip_drops_it() -> None:
    book = ReminderBook(THREE)
    first = book.wake(berlin(2026, 3, 29, 8, 0), BERLIN)
    assert first is not None
    book.snooze(first.due, berlin(2026, 3, 29, 8, 1))
    assert book.next_wake(berlin(2026, 3, 29, 8, 2), BERLIN) == berlin(2026, 3, 29, 8, 3)
    assert book.wake(berlin(2026, 3, 29, 8, 10), BERLIN) is None
    again = book.wake(berlin(2026, 3, 29, 8, 11), BERLIN)
    assert again is not None
    assert again.snoozed
    assert again.due == first.due
    assert book.wake(berlin(2026, 3, 29, 8, 30), BERLIN) is None
    book.snooze(again.due, berlin(2026, 3, 29, 8, 30))
    book.skip(again.due)
    assert book.wake(berlin(2026, 3, 29, 8, 30) + SNOOZE, BERLIN) is None


def test_the_next_wake_is_the_due_time_or_a_minute_whichever_is_sooner() -> None:
    book = ReminderBook(THREE)
    assert book.next_wake(berlin(2026, 3, 29, 7, 59), BERLIN) == berlin(2026, 3, 29, 8, 0)
    now = berlin(2026, 3, 29, 9, 0)
    assert book.next_wake(now, BERLIN) == now + MAX_SLEEP


def test_next_due_skips_what_was_told() -> None:
    book = ReminderBook(THREE)
    book.wake(berlin(2026, 3, 29, 13, 0), BERLIN)
    due = book.next_due(berlin(2026, 3, 29, 12, 0), BERLIN)  # clock set back an hour
    assert due is not None
    assert local(due.at) == "19:00"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3 * 24 * 60), min_size=1, max_size=40))
def test_whatever_the_clock_does_each_due_is_told_at_most_once(minutes: list[int]) -> None:
    """Wakes at arbitrary wall-clock readings (forward, back, repeated) over three days
    including the spring change: no due is ever told twice, and each wake tells one at most."""
    book = ReminderBook(THREE)
    start = berlin(2026, 3, 28, 0)
    told = []
    for m in minutes:
        reminder = book.wake(start + dt.timedelta(minutes=m), BERLIN)
        if reminder is not None:
            told.append(reminder.due.key)
    assert len(told) == len(set(told))


def test_a_changed_plan_tells_only_what_comes_after_the_change() -> None:
    """At 12:00 the plan changes to 09:00 and 15:00: 09:00 is not told (it is past), 15:00 is."""
    book = ReminderBook(THREE)
    assert book.wake(berlin(2026, 3, 29, 8, 0), BERLIN) is not None
    book.set_plan(plan("09:00", "15:00"), berlin(2026, 3, 29, 12, 0), BERLIN)
    assert book.wake(berlin(2026, 3, 29, 12, 1), BERLIN) is None
    reminder = book.wake(berlin(2026, 3, 29, 15, 0), BERLIN)
    assert reminder is not None
    assert (local(reminder.due.at), reminder.missed) == ("15:00", 0)
