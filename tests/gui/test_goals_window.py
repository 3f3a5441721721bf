"""The goals window: add, edit, finish and delete goals; status shown from history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.core.history.goals import GoalKind
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.gui.history.goals_window import GoalDialog, GoalsWindow, GoalValues

from .history_data import TODAY, at, make_history

NOW = at(TODAY, 20)


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return make_history(tmp_path)


def answer(monkeypatch: pytest.MonkeyPatch, values: GoalValues | None) -> None:
    monkeypatch.setattr(GoalsWindow, "ask_goal", classmethod(lambda c, p, g, t: values))


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
