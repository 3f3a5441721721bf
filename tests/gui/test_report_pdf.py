"""The PDF report: a real PDF whose pages carry the period, goals, holds and pain events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.gui.history.report_pdf import ReportError, write_report

from .history_data import TODAY, make_history
from .pdf_text import pdf_text


def test_report_lists_period_holds_and_every_pain_event(qtbot: QtBot, tmp_path: Path) -> None:
    """The report names the period, counts the sessions and lists the pain event in full."""
    store = make_history(tmp_path / "data")
    out = tmp_path / "report.pdf"
    write_report(
        store,
        out,
        TODAY - dt.timedelta(days=29),
        TODAY,
        exercise_names={"hamstring": "Hamstring stretch"},
    )
    text = pdf_text(out)
    assert "Period: Thursday 22 May 2025 to Friday 20 June 2025 (30 days)" in text
    assert "3 sessions on 3 days" in text
    assert "2 completed, 1 ended for pain" in text
    assert "Hamstring stretch" in text
    assert "sharp behind the knee" in text
    assert "6/10" in text
    assert "Every pain event (1)" in text


def test_report_into_a_missing_folder_raises_report_error(qtbot: QtBot, tmp_path: Path) -> None:
    """Writing where no folder exists gives ReportError naming the path."""
    store = make_history(tmp_path / "data")
    target = tmp_path / "nope" / "r.pdf"
    with pytest.raises(ReportError, match=str(target)):
        write_report(store, target, TODAY, TODAY)
