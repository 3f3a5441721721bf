"""Planned against done in the history calendar and in the clinician's PDF report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot
from backtimer.gui.history.history_window import HistoryWindow
from backtimer.gui.history.report_pdf import write_report
from backtimer.gui.programme.adherence_views import ALL_DONE, NONE_DONE

from .history_data import TODAY, at, make_history
from .pdf_text import pdf_text

SINCE = TODAY - dt.timedelta(days=4)  # planned daily from 16 June; sessions 17, 18, 20


def planned_history(folder: Path) -> HistoryStore:
    store = make_history(folder)
    schedule = Schedule((Slot(dt.time(8, 0)),), pain_limit=3)
    store.save_plan(Plan((PlanEntry("gentle-back", "Gentle back routine", schedule),)), at(SINCE))
    return store


def test_calendar_days_say_planned_and_done(qtbot: QtBot, tmp_path: Path) -> None:
    """19 June (planned, nothing done): amber, "Planned 1 · done 0"; 20 June: green."""
    window = HistoryWindow(planned_history(tmp_path), today=TODAY)
    qtbot.addWidget(window)
    missed = window.calendar.dateTextFormat(QDate(2025, 6, 19))
    done = window.calendar.dateTextFormat(QDate(2025, 6, 20))
    before = window.calendar.dateTextFormat(QDate(2025, 6, 15))
    assert missed.toolTip() == "Planned 1 · done 0"
    assert missed.background().color() == NONE_DONE
    assert done.toolTip() == "Planned 1 · done 1"
    assert done.background().color() == ALL_DONE
    assert before.toolTip() == ""  # before the plan: nothing was planned


def test_report_has_the_prescription_and_planned_against_done(qtbot: QtBot, tmp_path: Path) -> None:
    store = planned_history(tmp_path / "data")
    out = tmp_path / "report.pdf"
    write_report(store, out, TODAY - dt.timedelta(days=6), TODAY)
    text = " ".join(pdf_text(out).split())
    assert "Plan and adherence" in text
    assert "Gentle back routine: 08:00; every day; stop if pain is above 3/10" in text
    assert "3 of 5 planned sessions done (60%) from 2025-06-14 to 2025-06-20." in text
    assert "Week of Planned Done Share" in text
    assert "16 Jun 2025 5 3 60%" in text
