"""Every way a session can end is told in plain words: history window, PDF report, summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from backtimer.core.history.store import HistoryStore
from backtimer.core.session.record import Outcome
from backtimer.gui.history.history_window import HistoryWindow
from backtimer.gui.history.report_pdf import write_report
from backtimer.gui.stage.summary_panel import SummaryPanel

from .history_data import TODAY, at
from .pdf_text import pdf_text


def one_session_per_outcome(folder: Path) -> HistoryStore:
    """A session for each outcome, one a day; the interrupted one is never finished."""
    store = HistoryStore.open(folder).store
    assert store is not None
    for days_back, outcome in enumerate(Outcome):
        t = at(TODAY - dt.timedelta(days=days_back))
        sid = store.begin_session("gentle-back", "Gentle back", t, gentle=False)
        if outcome is not Outcome.INTERRUPTED:
            store.finish_session(sid, outcome, t + 300)
    return store


def test_history_window_names_every_outcome(qtbot: QtBot, tmp_path: Path) -> None:
    """Each session's row says how it ended; a system end reads "Ended by the system"."""
    window = HistoryWindow(one_session_per_outcome(tmp_path), today=TODAY)
    qtbot.addWidget(window)
    words = {
        window.model.session(row).outcome: window.model.index(row, 2).data()
        for row in range(window.model.rowCount())
    }
    assert set(words) == set(Outcome)
    assert words[Outcome.ENDED_BY_SYSTEM] == "Ended by the system"
    assert all(isinstance(w, str) and w for w in words.values())


def test_report_counts_a_system_end_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    """The PDF's session count lists every outcome, the system end in plain words."""
    out = tmp_path / "report.pdf"
    write_report(
        one_session_per_outcome(tmp_path / "data"), out, TODAY - dt.timedelta(days=29), TODAY
    )
    text = " ".join(pdf_text(out).split())
    assert "1 ended by the system (shutdown or logout)" in text
    assert "1 interrupted (program closed)" in text


def test_summary_heading_of_a_system_end(qtbot: QtBot) -> None:
    """The summary after a logout says the computer stopped the session, not the person."""
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.set_values(Outcome.ENDED_BY_SYSTEM, [], [], 10)
    assert panel.heading.text() == "Session stopped: the computer shut down or logged out"
