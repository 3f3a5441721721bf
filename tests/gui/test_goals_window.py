"""The goals window: add, edit, finish and delete goals; status shown from history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.core.history.goals import GoalKind
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.adherence import try_id
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot, Weekday
from backtimer.core.routine import MUSCLE_GROUPS, Side
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.gui.history.goals_line import goals_text
from backtimer.gui.history.goals_window import GoalDialog, GoalsWindow, GoalValues

from .history_data import TODAY, at, make_history

NOW = at(TODAY, 20)


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return make_history(tmp_path)


def answer(monkeypatch: pytest.MonkeyPatch, values: GoalValues | None) -> None:
    monkeypatch.setattr(GoalsWindow, "ask_goal", classmethod(lambda c, p, g, t, **kw: values))


def test_add_goal_shows_its_status(
    store: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new 40 s goal, due in a month, from today's 25 s shows as on track, not met."""
    window = GoalsWindow(store, now=NOW)
    qtbot.addWidget(window)
    due = TODAY + dt.timedelta(days=30)
    answer(monkeypatch, GoalValues("hamstrings", GoalKind.HOLD, 40, due, "physio"))
    with qtbot.waitSignal(window.goals_changed):
        window.add_button.click()
    assert window.statuses() == [("Hamstrings: hold 40 s on both sides without pain", "On track")]


def test_edit_finish_delete(
    store: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing changes the goal; finishing greys it; deleting asks first and removes it."""
    store.add_goal(
        "hamstrings", GoalKind.HOLD, 40, TODAY + dt.timedelta(days=30), created_at=NOW - 86400 * 5
    )
    window = GoalsWindow(store, now=NOW)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    answer(monkeypatch, GoalValues("hamstrings", GoalKind.HOLD, 25, TODAY, ""))
    window.edit_button.click()
    assert window.statuses() == [("Hamstrings: hold 25 s on both sides without pain", "Met")]

    window.table.selectRow(0)
    window.finish_button.click()
    assert window.statuses()[0][1] == "Finished"
    assert store.goals()[0].finished

    monkeypatch.setattr(GoalsWindow, "confirm", classmethod(lambda c, p, q: False))
    window.table.selectRow(0)
    window.delete_button.click()
    assert len(store.goals()) == 1
    monkeypatch.setattr(GoalsWindow, "confirm", classmethod(lambda c, p, q: True))
    window.delete_button.click()
    assert store.goals() == []
    assert "No goals yet" in window.message.text()


def test_sessions_goal_counts_the_last_week(store: HistoryStore, qtbot: QtBot) -> None:
    """Three sessions in the last week meet a three-a-week goal set before them."""
    store.add_goal("hamstrings", GoalKind.SESSIONS_PER_WEEK, 3, TODAY, created_at=NOW - 86400 * 6)
    window = GoalsWindow(store, now=NOW)
    qtbot.addWidget(window)
    assert window.statuses() == [("Hamstrings: 3 sessions a week", "Met")]


def test_a_goal_for_one_side(
    store: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A goal for the left side is stored with its side and shown for that side."""
    window = GoalsWindow(store, now=NOW)
    qtbot.addWidget(window)
    due = TODAY + dt.timedelta(days=30)
    answer(monkeypatch, GoalValues("hamstrings", GoalKind.HOLD, 25, due, "", Side.LEFT))
    with qtbot.waitSignal(window.goals_changed):
        window.add_button.click()
    assert store.goals()[0].side is Side.LEFT
    assert window.statuses() == [
        ("Hamstrings: hold 25 s on the left side without pain", "On track")
    ]


def test_goal_dialog_offers_a_side_for_hold_goals_only(qtbot: QtBot) -> None:
    dialog = GoalDialog(None, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.side.setCurrentIndex(2)
    assert dialog.values().side is Side.LEFT
    dialog.kind.setCurrentIndex(1)  # sessions a week
    assert not dialog.side.isEnabled()
    assert dialog.values().side is None


WEEKDAYS = frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI})


def plan_five_a_week(store: HistoryStore) -> None:
    """Gentle back at 08:00 on weekdays, planned since 1 June: five sessions a week."""
    schedule = Schedule(slots=(Slot(dt.time(8, 0)),), days=WEEKDAYS)
    entry = PlanEntry("gentle-back", "Gentle back", schedule, since=dt.date(2025, 6, 1))
    store.save_plan(Plan((entry,)), at=at(dt.date(2025, 6, 1)))


def try_it_run(store: HistoryStore, t: float) -> None:
    """A *Try it* run of the hamstring stretch: held, yet no session done."""
    sid = store.begin_session(try_id("gentle-back"), "Gentle back", t, gentle=False)
    store.add_hold(
        sid,
        HoldRecord("hamstring", "hamstrings", Side.RIGHT, 1, 25, 25.0, False, True, t + 5, t + 30),
    )
    store.finish_session(sid, Outcome.COMPLETED, t + 40)


def test_a_sessions_goal_shows_this_week_beside_the_plan(store: HistoryStore, qtbot: QtBot) -> None:
    """Week of Monday 16 June: sessions on the 17th, 18th and 20th count; a Try it run
    today does not; the plan prescribes five this week and the goal asks four."""
    plan_five_a_week(store)
    try_it_run(store, at(TODAY, 12))
    store.add_goal("hamstrings", GoalKind.SESSIONS_PER_WEEK, 4, TODAY + dt.timedelta(days=20))
    window = GoalsWindow(store, now=NOW)
    qtbot.addWidget(window)
    week = "This week: 3 of 5 sessions (goal 4; 5 planned for this muscle group)"
    assert window.progress_texts() == [f"{week}; 3 in the last 7 days, target 4"]
    assert week in goals_text(store, NOW)


def test_without_a_plan_the_week_is_against_the_goal(store: HistoryStore, qtbot: QtBot) -> None:
    store.add_goal("hamstrings", GoalKind.SESSIONS_PER_WEEK, 4, TODAY + dt.timedelta(days=20))
    window = GoalsWindow(store, now=NOW)
    qtbot.addWidget(window)
    assert window.progress_texts()[0].startswith("This week: 3 of 4 sessions;")
    assert "your plan" not in goals_text(store, NOW)


def test_a_new_sessions_goal_is_offered_the_plans_weekly_number(
    store: HistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_five_a_week(store)
    offered: list[Mapping[str, int] | None] = []

    def ask(
        cls: type,
        parent: object,
        goal: object,
        today: dt.date,
        plan_targets: Mapping[str, int] | None = None,
    ) -> None:
        offered.append(plan_targets)

    monkeypatch.setattr(GoalsWindow, "ask_goal", classmethod(ask))
    window = GoalsWindow(store, now=NOW)
    qtbot.addWidget(window)
    window.add_button.click()
    # Per muscle group: the built-in routine's stretches get the plan's five a week, a
    # group it never works gets none.
    [targets] = offered
    assert targets is not None
    assert targets["hamstrings"] == 5
    assert "neck" not in targets

    dialog = GoalDialog(None, None, TODAY, plan_targets={"hamstrings": 5})
    qtbot.addWidget(dialog)
    assert dialog.plan_hint.isHidden()  # a hold goal: seconds, not the plan's number
    dialog.kind.setCurrentIndex(1)  # sessions a week
    dialog.group.setCurrentIndex(MUSCLE_GROUPS.index("hamstrings"))
    assert dialog.values().target == 5
    assert not dialog.plan_hint.isHidden()
    assert dialog.plan_hint.text() == "Your plan has 5 sessions a week for this muscle group."
    # A group the plan does not work: no plan number offered, and not hamstrings' 5.
    dialog.group.setCurrentIndex(MUSCLE_GROUPS.index("neck"))
    assert dialog.plan_hint.isHidden()
    assert dialog.values().target == 3
    # Back to a hold: its own default seconds, not the sessions number.
    dialog.kind.setCurrentIndex(0)
    assert dialog.values().target == 30
