"""Due times follow the local wall clock: days, dates, and both daylight-saving changes."""

from __future__ import annotations

import datetime as dt

import pytest

from backtimer.core.programme.due import dues_between, dues_on, local_instant, next_due
from backtimer.core.programme.schedule import Weekday, spread

from .helpers import BERLIN, berlin, hm, plan


def utc(y: int, mo: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("day", "expected_utc"),
    [
        # winter (CET, +1): 08:00 is 07:00 UTC
        (dt.date(2026, 3, 28), utc(2026, 3, 28, 7)),
        # the day clocks go forward at 02:00: 08:00 is already summer time (+2)
        (dt.date(2026, 3, 29), utc(2026, 3, 29, 6)),
        # the day clocks go back at 03:00: 08:00 is winter time again
        (dt.date(2026, 10, 25), utc(2026, 10, 25, 7)),
        (dt.date(2026, 10, 24), utc(2026, 10, 24, 6)),
    ],
)
def test_eight_oclock_is_eight_on_the_wall_clock_across_dst(
    day: dt.date, expected_utc: dt.datetime
) -> None:
    """08:00 in Berlin is the instant the wall clock shows 08:00, before and after DST."""
    (due,) = dues_on(plan("08:00"), day, BERLIN)
    assert due.at == expected_utc
    assert due.at.astimezone(BERLIN).strftime("%H:%M") == "08:00"


def test_a_time_the_spring_change_skips_comes_an_hour_later_on_the_new_clock() -> None:
    """02:30 does not exist on 2026-03-29 in Berlin: it is due at 03:30 summer time."""
    at = local_instant(dt.date(2026, 3, 29), hm("02:30"), BERLIN)
    assert at == utc(2026, 3, 29, 1, 30)
    assert at.astimezone(BERLIN).strftime("%H:%M") == "03:30"


def test_a_time_the_autumn_change_repeats_is_due_once_the_first_time() -> None:
    """02:30 happens twice on 2026-10-25 in Berlin: one due, at the first (summer) 02:30."""
    dues = dues_between(plan("02:30"), utc(2026, 10, 24, 12), utc(2026, 10, 25, 12), BERLIN)
    assert [d.at for d in dues] == [utc(2026, 10, 25, 0, 30)]


def test_days_between_two_dst_changes_have_their_times_each_day() -> None:
    """Three times a day over the spring change: every day has all three, in order."""
    p = plan("08:00", "13:00", "19:00")
    dues = dues_between(p, berlin(2026, 3, 27, 0), berlin(2026, 3, 31, 0), BERLIN)
    shown = [d.at.astimezone(BERLIN).strftime("%m-%d %H:%M") for d in dues]
    assert shown == [f"03-{d} {t}" for d in (27, 28, 29, 30) for t in ("08:00", "13:00", "19:00")]


def test_weekdays_only_skips_the_weekend() -> None:
    """days: mon..fri prescribes nothing on Saturday 2026-03-28 and Sunday 29."""
    weekdays = frozenset(d for d in Weekday if d not in (Weekday.SAT, Weekday.SUN))
    p = plan("08:00", days=weekdays)
    assert dues_on(p, dt.date(2026, 3, 28), BERLIN) == []
    assert dues_on(p, dt.date(2026, 3, 29), BERLIN) == []
    assert len(dues_on(p, dt.date(2026, 3, 30), BERLIN)) == 1


def test_start_and_end_dates_bound_the_prescription() -> None:
    """Nothing before start or after end; both days themselves are included."""
    p = plan("08:00", start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 3))
    got = [d.day for d in dues_between(p, berlin(2026, 3, 30, 0), berlin(2026, 4, 6, 0), BERLIN)]
    assert got == [dt.date(2026, 4, 1), dt.date(2026, 4, 2), dt.date(2026, 4, 3)]


def test_next_due_after_the_last_of_the_day_is_tomorrows_first() -> None:
    """After 19:00 the next is 08:00 the next morning."""
    due = next_due(plan("08:00", "19:00"), berlin(2026, 10, 24, 19, 30), BERLIN)
    assert due is not None
    assert due.at == berlin(2026, 10, 25, 8)


def test_next_due_of_a_plan_that_has_ended_is_none() -> None:
    assert next_due(plan("08:00", end=dt.date(2026, 1, 1)), berlin(2026, 3, 1, 0), BERLIN) is None


@pytest.mark.parametrize(
    ("count", "first", "last", "expected"),
    [
        (1, "08:00", "20:00", ["08:00"]),
        (2, "08:00", "20:00", ["08:00", "20:00"]),
        (3, "08:00", "20:00", ["08:00", "14:00", "20:00"]),
        (5, "09:00", "17:00", ["09:00", "11:00", "13:00", "15:00", "17:00"]),
        (4, "08:00", "09:00", ["08:00", "08:20", "08:40", "09:00"]),
    ],
)
def test_n_per_day_spreads_evenly_over_the_window(
    count: int, first: str, last: str, expected: list[str]
) -> None:
    assert [t.strftime("%H:%M") for t in spread(count, hm(first), hm(last))] == expected
