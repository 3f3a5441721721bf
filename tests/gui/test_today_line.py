"""The main window says how today's plan goes: "Today: 1 of 1 planned session done"."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.gui.main_window import MainWindow


def save_plan(folder: Path) -> None:
    """A plan of one session at midnight, so at any time of the test it is already due."""
    store = HistoryStore.open(folder).store
    assert store is not None
    entry = PlanEntry("gentle-back", "Gentle back routine", Schedule((Slot(dt.time(0, 0)),)))
    store.save_plan(Plan((entry,)), time.time() - 2 * 86400)
    store.close()


def record_session_now(folder: Path) -> None:
    store = HistoryStore.open(folder).store
    assert store is not None
    t = time.time()
    sid = store.begin_session("gentle-back", "Gentle back routine", t, gentle=False)
    store.add_hold(sid, HoldRecord("psoas", "psoas", None, 1, 30, 30, False, True, t, t + 30))
    store.finish_session(sid, Outcome.COMPLETED, t + 60)
    store.close()


def test_no_plan_no_line(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    assert "Today" not in window.parts.goals_label.text()


def test_the_line_counts_todays_sessions_against_the_plan(
    make_window: Callable[[], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    save_plan(tmp_path / "history")
    record_session_now(tmp_path / "history")
    window = make_window()
    assert window.parts.goals_label.text() == "Today: 1 of 1 planned session done"
    assert window.parts.goals_label.isVisible()
