"""The report's period: bad input gets a message, never an empty report."""

from __future__ import annotations

import datetime as dt

import pytest

from backtimer.core.care.checkins import morning_due
from backtimer.core.care.period import Period, check_period, parse_day

TODAY = dt.date(2026, 3, 10)
D = dt.date


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (None, None, Period(D(2026, 2, 11), TODAY)),  # four weeks up to today
        (D(2026, 3, 1), None, Period(D(2026, 3, 1), TODAY)),
        (D(2026, 3, 1), D(2026, 3, 5), Period(D(2026, 3, 1), D(2026, 3, 5))),
        (TODAY, TODAY, Period(TODAY, TODAY)),
        (D(2026, 3, 5), D(2026, 3, 1), "before it starts"),
        (None, D(2026, 3, 11), "in the future"),
        (D(2026, 3, 11), None, "in the future"),
    ],
)
def test_check_period(since: dt.date | None, until: dt.date | None, expected: Period | str) -> None:
    got = check_period(since, until, TODAY)
    if isinstance(expected, Period):
        assert got == expected
    else:
        assert isinstance(got, str)
        assert expected in got


def test_parse_day_says_how_to_write_a_date() -> None:
    assert parse_day("2026-03-01", TODAY) == D(2026, 3, 1)
    message = parse_day("1/3/26", TODAY)
    assert isinstance(message, str)
    assert "YYYY-MM-DD" in message


@pytest.mark.parametrize(
    ("last_day", "answered", "expected"),
    [
        (TODAY - dt.timedelta(days=1), False, True),
        (TODAY - dt.timedelta(days=1), True, False),
        (TODAY, False, False),  # same day: not morning yet
        (TODAY - dt.timedelta(days=3), False, False),  # too late to judge 24 hours
        (None, False, False),
    ],
)
def test_morning_check_in_due(last_day: dt.date | None, answered: bool, expected: bool) -> None:
    """Asked at the first launch the day after a session, once."""
    assert morning_due(last_day, answered, TODAY) is expected
