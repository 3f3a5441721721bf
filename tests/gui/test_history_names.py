"""After a switch to German, sessions that ran in English show the shipped routine's and
exercises' German names in the history window and the PDF report; the person's own
routine keeps its name. (The window's own texts are translated at import, so they stay
English in this process; the names are looked up when shown.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.core import i18n
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.gui.history.history_window import HistoryWindow
from backtimer.gui.history.report_pdf import write_report

from .history_data import TODAY, at
from .pdf_text import pdf_text

GERMAN_ROUTINE = "Sanfte Rückenroutine"  #: de's "Gentle back routine"
GERMAN_EXERCISE = "Ein Knie zur Brust"  #: de's "Knee to chest" (a library exercise)


@pytest.fixture
def german() -> Iterator[None]:
    i18n.use_language("de")
    yield
    i18n.use_language("en")


def _history(folder: Path) -> HistoryStore:
    """Yesterday the person's own routine; today the shipped one, in English."""
    store = HistoryStore.open(folder).store
    assert store is not None
    for offset, routine_id, name in ((1, "own", "Mine"), (0, "gentle-back", "Gentle back routine")):
        t = at(TODAY - dt.timedelta(days=offset))
        sid = store.begin_session(routine_id, name, t, gentle=False)
        held = HoldRecord("knee-to-chest", "lower_back", Side.RIGHT, 1, 20, 20, False, True, t, t)
        store.add_hold(sid, held)
        store.finish_session(sid, Outcome.COMPLETED, t + 60)
    return store


def test_the_session_list_and_details_use_the_language_in_use(
    qtbot: QtBot, tmp_path: Path, german: None
) -> None:
    window = HistoryWindow(_history(tmp_path), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    names = [window.model.index(row, 1).data() for row in range(window.model.rowCount())]
    assert names == [GERMAN_ROUTINE, "Mine"]  # newest first
    window.select_session(0)
    assert [row[2] for row in window.detail_rows()] == [GERMAN_EXERCISE]


def test_the_report_uses_the_language_in_use(qtbot: QtBot, tmp_path: Path, german: None) -> None:
    store = _history(tmp_path / "data")
    out = tmp_path / "report.pdf"
    write_report(store, out, TODAY - dt.timedelta(days=6), TODAY)
    text = pdf_text(out)
    assert GERMAN_ROUTINE in text  # page one: the routine of the last session
    assert GERMAN_EXERCISE in text
    assert "knee-to-chest" not in text
    store.close()
