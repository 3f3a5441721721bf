"""Goals: status computed from the history as the module docstring promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from backtimer.core.history.goals import DAY, GoalKind, GoalStatus, progress
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import Outcome

from ..store_helpers import T0, hold, pain

DUE = (dt.datetime.fromtimestamp(T0) + dt.timedelta(days=28)).date()


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    result = HistoryStore.open(tmp_path)
    assert result.store is not None
    return result.store


def session(store: HistoryStore, at: float, right: float, left: float, hurt: bool = False) -> None:
    sid = store.begin_session("gentle-back", "Gentle back", at, gentle=False)
    store.add_hold(sid, hold(at, right, side=Side.RIGHT))
    store.add_hold(sid, hold(at + 40, left, side=Side.LEFT))
    if hurt:
        store.add_pain(sid, pain(at + 60))
    store.finish_session(sid, Outcome.COMPLETED, at + 100)


def status_at(store: HistoryStore, goal_id: int, now: float) -> GoalStatus:
    goal = store.goal(goal_id)
    assert goal is not None
    return progress(goal, store.group_sessions(goal.muscle_group), now).status


def test_hold_goal_met_only_on_both_sides_without_pain(store: HistoryStore) -> None:
    """30 s on one side, or with pain, does not meet a 30 s goal; both sides pain-free does."""
    goal = store.add_goal("hamstrings", GoalKind.HOLD, 30, DUE, created_at=T0)
    session(store, T0 + DAY, right=30, left=20)
    session(store, T0 + 2 * DAY, right=31, left=30, hurt=True)
    assert status_at(store, goal.id, T0 + 2 * DAY + 200) is not GoalStatus.MET
    session(store, T0 + 3 * DAY, right=30, left=30)
    assert status_at(store, goal.id, T0 + 3 * DAY + 200) is GoalStatus.MET


def test_one_side_goal_is_met_by_that_side_without_pain_there(store: HistoryStore) -> None:
    """A left-side goal: the left hold counts, and pain on the left (not the right) spoils it."""
    left = store.add_goal("hamstrings", GoalKind.HOLD, 30, DUE, created_at=T0, side=Side.LEFT)
    right = store.add_goal("hamstrings", GoalKind.HOLD, 30, DUE, created_at=T0, side=Side.RIGHT)
    session(store, T0 + DAY, right=30, left=35, hurt=True)  # the pain is on the left
    assert status_at(store, left.id, T0 + DAY + 200) is not GoalStatus.MET
    assert status_at(store, right.id, T0 + DAY + 200) is GoalStatus.MET
    session(store, T0 + 2 * DAY, right=10, left=30)
    assert status_at(store, left.id, T0 + 2 * DAY + 200) is GoalStatus.MET


def test_hold_goal_on_track_then_behind_then_overdue(store: HistoryStore) -> None:
    """Holding steady at 20 s is on track early, behind later, overdue after the due date."""
    goal = store.add_goal("hamstrings", GoalKind.HOLD, 30, DUE, created_at=T0)
    session(store, T0 - DAY, right=20, left=20)  # the starting point
    for day in range(1, 40):
        session(store, T0 + day * DAY, right=20, left=20)
    assert status_at(store, goal.id, T0 + 1 * DAY + 200) is GoalStatus.ON_TRACK
    assert status_at(store, goal.id, T0 + 20 * DAY) is GoalStatus.BEHIND
    assert status_at(store, goal.id, T0 + 35 * DAY) is GoalStatus.OVERDUE


def test_sessions_per_week_goal(store: HistoryStore) -> None:
    """Three sessions within seven days meet a three-a-week goal; two do not."""
    goal = store.add_goal("hamstrings", GoalKind.SESSIONS_PER_WEEK, 3, DUE, created_at=T0)
    session(store, T0 + DAY, 20, 20)
    session(store, T0 + 3 * DAY, 20, 20)
    assert status_at(store, goal.id, T0 + 3 * DAY + 200) is not GoalStatus.MET
    session(store, T0 + 5 * DAY, 20, 20)
    assert status_at(store, goal.id, T0 + 5 * DAY + 200) is GoalStatus.MET


def test_goal_edit_finish_delete(store: HistoryStore) -> None:
    """Goals can be edited, finished (kept, listed last) and deleted."""
    a = store.add_goal("hamstrings", GoalKind.HOLD, 30, DUE, note="physio", created_at=T0)
    b = store.add_goal("psoas", GoalKind.SESSIONS_PER_WEEK, 3, DUE, created_at=T0)
    store.update_goal(type(a)(a.id, "piriformis", GoalKind.HOLD, 45, DUE, a.created_at, None, ""))
    store.finish_goal(a.id, at=T0 + DAY)
    assert [(g.id, g.muscle_group, g.target, g.finished) for g in store.goals()] == [
        (b.id, "psoas", 3, False),
        (a.id, "piriformis", 45, True),
    ]
    assert [g.id for g in store.goals(include_finished=False)] == [b.id]
    store.delete_goal(b.id)
    assert [g.id for g in store.goals()] == [a.id]


@pytest.mark.parametrize(
    ("group", "kind", "target", "words"),
    [
        ("hamstring", GoalKind.HOLD, 30, "Unknown muscle group"),
        ("hamstrings", GoalKind.HOLD, 500, "between 5 and 180 seconds"),
        ("hamstrings", GoalKind.SESSIONS_PER_WEEK, 0, "sessions a week"),
    ],
)
def test_bad_goal_values_are_refused_with_a_message(
    store: HistoryStore, group: str, kind: GoalKind, target: float, words: str
) -> None:
    """A typo'd group or an impossible target is refused, saying what is wrong."""
    with pytest.raises(ValueError, match=words):
        store.add_goal(group, kind, target, DUE)
    assert store.goals() == []
