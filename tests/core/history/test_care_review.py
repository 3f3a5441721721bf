"""The care rules over a real history: a painful session makes the next one gentler, once;
an undone change is gone; calm sessions with the goal met offer a progression."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from backtimer.core.care.body import BodyRegion, BodySide, PainSite
from backtimer.core.care.changes import ChangeKind, ChangeStatus
from backtimer.core.care.checkins import CheckIn, CheckInKind
from backtimer.core.history.care_review import (
    morning_session,
    previous_site,
    review_session,
    routine_today,
)
from backtimer.core.history.goals import DAY, GoalKind
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Exercise, Routine, Side, Step
from backtimer.core.session.record import Outcome, PainChoice

from ..store_helpers import T0, hold, open_store, pain

STEP = (Step("Stand tall."),)
ROUTINE = Routine(
    "r", "R", (Exercise("hamstring", "Hamstring stretch", "hamstrings", STEP, 30, 20, 2, 10, 8),)
)


def session(
    store: HistoryStore, at: float, *, worst: int | None = None, before: int = 2, after: int = 2
) -> int:
    sid = store.begin_session("r", "R", at, gentle=False)
    store.add_checkin(CheckIn(at - 5, CheckInKind.BEFORE, before, sid))
    for n, side in enumerate((Side.RIGHT, Side.LEFT)):
        store.add_hold(sid, hold(at + 40 * n, 30.0, side=side))
    if worst is not None:
        pid = store.add_pain(sid, pain(at + 90))
        store.resolve_pain(pid, pain(at + 90, rating=worst, choice=PainChoice.RESUME))
    store.finish_session(sid, Outcome.COMPLETED, at + 200)
    store.add_checkin(CheckIn(at + 210, CheckInKind.AFTER, after, sid))
    return sid


def test_painful_session_makes_the_next_one_gentler_once(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    sid = session(store, T0, worst=7)
    (change,) = review_session(store, ROUTINE, sid, pain_limit=None, now=T0 + 300)
    assert (change.proposal.kind, change.status) == (ChangeKind.SHORTER_HOLD, ChangeStatus.APPLIED)
    assert "7/10" in change.proposal.reason
    assert routine_today(store, ROUTINE, T0 + DAY).exercises[0].hold == 25
    # The same session reviewed again (the morning check-in) adds no second change.
    store.add_checkin(CheckIn(T0 + DAY, CheckInKind.MORNING, 6, sid))
    assert review_session(store, ROUTINE, sid, pain_limit=None, now=T0 + DAY) == []
    store.set_change_status(change.id, ChangeStatus.UNDONE, T0 + DAY)
    assert routine_today(store, ROUTINE, T0 + DAY).exercises[0].hold == 30


def test_the_routine_limit_is_used(tmp_path: Path) -> None:
    """Pain 5 is within the traffic light but above a routine's "stop above 4/10"."""
    store = open_store(tmp_path)
    sid = session(store, T0, worst=5)
    assert review_session(store, ROUTINE, sid, pain_limit=None, now=T0 + 300) == []
    sid = session(store, T0 + DAY, worst=5)
    (change,) = review_session(store, ROUTINE, sid, pain_limit=4, now=T0 + DAY + 300)
    assert "limit of 4/10" in change.proposal.reason


def test_calm_sessions_with_the_goal_met_offer_a_progression(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.add_goal("hamstrings", GoalKind.HOLD, 30, dt.date(2030, 1, 1), created_at=T0 - 10)
    sids = [session(store, T0 + n * DAY) for n in range(3)]
    assert review_session(store, ROUTINE, sids[1], pain_limit=None, now=T0 + 2 * DAY) == []
    (offer,) = review_session(store, ROUTINE, sids[2], pain_limit=None, now=T0 + 3 * DAY)
    assert (offer.proposal.kind, offer.status) == (ChangeKind.LONGER_HOLD, ChangeStatus.OFFERED)
    assert routine_today(store, ROUTINE, T0 + 3 * DAY).exercises[0].hold == 30  # not yet
    store.set_change_status(offer.id, ChangeStatus.APPLIED, T0 + 3 * DAY)
    assert routine_today(store, ROUTINE, T0 + 3 * DAY).exercises[0].hold == 35


def test_previous_site_and_morning_due(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    sid = session(store, T0)
    site = PainSite(BodyRegion.THIGH, BodySide.LEFT)
    pid = store.add_pain(sid, pain(T0 + 100))
    store.resolve_pain(pid, dataclasses.replace(pain(T0 + 100, rating=4), site=site))
    assert previous_site(store, "hamstring", T0 + 150) == site
    assert previous_site(store, "hamstring", T0 + 50) is None
    next_day = dt.datetime.combine(
        dt.datetime.fromtimestamp(T0).date() + dt.timedelta(days=1), dt.time(8)
    ).timestamp()
    assert morning_session(store, next_day) == sid
    store.add_checkin(CheckIn(next_day, CheckInKind.MORNING, 3, sid))
    assert morning_session(store, next_day + 60) is None


def test_the_morning_question_is_put_once_answered_or_not(tmp_path: Path) -> None:
    """Asked already about this session (by the window or the tray): not due again; a
    question put about an earlier session does not count for this one."""
    store = open_store(tmp_path)
    sid = session(store, T0)
    next_day = dt.datetime.combine(
        dt.datetime.fromtimestamp(T0).date() + dt.timedelta(days=1), dt.time(8)
    ).timestamp()
    assert morning_session(store, next_day, asked_for=sid) is None
    assert morning_session(store, next_day, asked_for=sid - 1) == sid
    assert morning_session(store, next_day, asked_for=None) == sid
