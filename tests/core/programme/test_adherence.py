"""Adherence counts done against prescribed, per day and per week."""

from __future__ import annotations

import datetime as dt

from backtimer.core.programme.adherence import DoneSession, daily, done_keys, weekly

from .helpers import BERLIN, berlin, plan

THREE = plan("08:00", "13:00", "19:00")


def session(at: dt.datetime, routine: str = "gentle-back", holds: int = 4) -> DoneSession:
    return DoneSession(routine, at.timestamp(), holds)


def test_one_session_done_of_three_is_one_of_three() -> None:
    days = daily(
        THREE, dt.date(2026, 3, 29), dt.date(2026, 3, 29), [session(berlin(2026, 3, 29, 9))], BERLIN
    )
    assert [(d.planned, d.done, d.extra) for d in days] == [(3, 1, 0)]


def test_an_early_session_fulfils_the_first_due_of_the_day() -> None:
    keys = done_keys(THREE, dt.date(2026, 3, 29), [session(berlin(2026, 3, 29, 7, 50))], BERLIN)
    assert keys == {(dt.date(2026, 3, 29), 0, 0)}


def test_extra_sessions_and_empty_ones_do_not_inflate_done() -> None:
    """Five sessions (one with no hold, one of another routine) on a day of three: 3 of 3."""
    day = dt.date(2026, 3, 29)
    done = [session(berlin(2026, 3, 29, h)) for h in (8, 10, 13, 19)]
    done += [session(berlin(2026, 3, 29, 20), holds=0), session(berlin(2026, 3, 29, 21), "other")]
    (d,) = daily(THREE, day, day, done, BERLIN)
    assert (d.planned, d.done, d.extra) == (3, 3, 2)


def test_a_session_late_in_the_evening_counts_for_its_local_day() -> None:
    """23:30 Berlin on 29 March is 21:30 UTC: it counts for the 29th, not the 30th."""
    days = daily(
        THREE,
        dt.date(2026, 3, 29),
        dt.date(2026, 3, 30),
        [session(berlin(2026, 3, 29, 23, 30))],
        BERLIN,
    )
    assert [d.done for d in days] == [1, 0]


def test_weeks_start_on_monday_and_sum_their_days() -> None:
    """Mon 23 .. Sun 29 March is one week: 21 planned; 2 done; Mon 30 starts the next."""
    done = [
        session(berlin(2026, 3, 23, 8)),
        session(berlin(2026, 3, 29, 8)),
        session(berlin(2026, 3, 30, 8)),
    ]
    weeks = weekly(daily(THREE, dt.date(2026, 3, 23), dt.date(2026, 3, 30), done, BERLIN))
    assert [(w.monday, w.planned, w.done) for w in weeks] == [
        (dt.date(2026, 3, 23), 21, 2),
        (dt.date(2026, 3, 30), 3, 1),
    ]
    assert weeks[0].share == 2 / 21
