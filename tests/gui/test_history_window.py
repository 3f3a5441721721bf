"""The history window shows what the store holds: streak, calendar, chart, sessions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.gui.history.history_window import PERIODS, HistoryWindow

from .history_data import TODAY, make_history


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> HistoryWindow:
    w = HistoryWindow(
        make_history(tmp_path), today=TODAY, exercise_names={"hamstring": "Hamstring stretch"}
    )
    qtbot.addWidget(w)
    w.show()
    return w


def test_streak_and_calendar_marks(window: HistoryWindow) -> None:
    """The summary gives the current and longest streak; session days are marked."""
    assert window.summary.text().startswith("Streak: 1 day   ·   longest: 2")
    assert window.marked_days() == [
        TODAY - dt.timedelta(days=3),
        TODAY - dt.timedelta(days=2),
        TODAY,
    ]


def test_sessions_newest_first_with_pain_details(window: HistoryWindow, qtbot: QtBot) -> None:
    """Clicking the painful day's session lists its holds and the pain event with its
    rating, side, choice and note."""
    assert window.model.rowCount() == 3
    assert window.model.session(0).started_at > window.model.session(2).started_at
    from PySide6.QtCore import QDate

    day = TODAY - dt.timedelta(days=2)
    window.calendar.clicked.emit(QDate(day.year, day.month, day.day))
    rows = window.detail_rows()
    assert [r[1] for r in rows] == ["Hold", "Hold", "Pain (hold)"]
    pain = rows[2]
    assert pain[2:] == [
        "Hamstring stretch",
        "left",
        "11 s in",
        "6/10",
        "end",
        "sharp behind the knee",
    ]
    assert "cut short" in rows[1][4]


def test_chart_follows_group_and_period(window: HistoryWindow) -> None:
    """The chart shows the chosen group's longest holds and pain events in the period."""
    window.period_box.setCurrentIndex(0)  # last 30 days
    assert window.chart_range() == (TODAY - dt.timedelta(days=29), TODAY)
    by_day = {b.start: (b.longest, b.pains) for b in window.chart.buckets}
    assert by_day[TODAY - dt.timedelta(days=2)] == (25.0, 1)
    assert by_day[TODAY] == (25.0, 0)
    index = window.group_box.findData("hamstrings")
    assert index > 0
    window.group_box.setCurrentIndex(index)
    assert sum(b.pains for b in window.chart.buckets) == 1
    assert len(PERIODS) == window.period_box.count()
    assert not window.chart.grab().isNull()


def test_export_report_writes_a_pdf(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """Export report asks for a path, writes a PDF there and says where it is."""
    target = tmp_path / "report.pdf"
    told: list[str] = []
    monkeypatch.setattr(HistoryWindow, "ask_report_path", classmethod(lambda c, p, s: target))
    monkeypatch.setattr(HistoryWindow, "tell", classmethod(lambda c, p, t, x: told.append(x)))
    with qtbot.waitSignal(window.report_written):
        window.export_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in told[0]


def test_export_report_to_a_missing_folder_says_so(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report path that cannot be written gives a message, not a traceback."""
    target = tmp_path / "missing" / "report.pdf"
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(HistoryWindow, "ask_report_path", classmethod(lambda c, p, s: target))
    monkeypatch.setattr(HistoryWindow, "tell", classmethod(lambda c, p, t, x: told.append((t, x))))
    window.export_button.click()
    assert [title for title, _ in told] == ["Report not saved"]
    assert str(target) in told[0][1]


def test_export_report_of_a_period_without_sessions_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No sessions in the period: a message, and no empty PDF left behind."""
    from backtimer.core.history.store import HistoryStore

    store = HistoryStore.open(tmp_path / "empty").store
    assert store is not None
    w = HistoryWindow(store, today=TODAY)
    qtbot.addWidget(w)
    target = tmp_path / "report.pdf"
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(HistoryWindow, "ask_report_path", classmethod(lambda c, p, s: target))
    monkeypatch.setattr(HistoryWindow, "tell", classmethod(lambda c, p, t, x: told.append((t, x))))
    w.export_button.click()
    assert [title for title, _ in told] == ["Report not saved"]
    assert "no sessions" in told[0][1]
    assert not target.exists()
