"""The end-of-session summary: outcome, holds, time, pain events, what was cut short."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backtimer.core.routine import Side
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.record import (
    HoldRecord,
    Outcome,
    PainChoice,
    PainRecord,
    SessionRecord,
)
from backtimer.gui.stage.durations import duration_text
from backtimer.gui.stage.summary_panel import SummaryPanel


def _hold(ex: str, side: Side | None, completed: bool, held: float = 25) -> HoldRecord:
    return HoldRecord(ex, "hamstrings", side, 1, 25, held, False, completed, 0.0, 0.0)


def _record(outcome: Outcome = Outcome.COMPLETED) -> SessionRecord:
    return SessionRecord(
        "gentle-back",
        started_at=1000.0,
        ended_at=1862.0,
        holds=[
            _hold("gluteus", None, True),
            _hold("hamstring", Side.RIGHT, True),
            _hold("hamstring", Side.LEFT, False, 12.4),
        ],
        pains=[
            PainRecord(
                1.0,
                "hold",
                "hamstring",
                "hamstrings",
                Side.LEFT,
                12.4,
                4,
                "knee",
                PainChoice.GENTLER,
            )
        ],
        outcome=outcome,
    )


def _panel(qtbot) -> SummaryPanel:
    panel = SummaryPanel(load_builtin())
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    return panel


def test_summary_lists_holds_time_pain_and_cut_short(qtbot) -> None:
    """The summary counts holds, gives the time, and names the pain and the cut-short hold."""
    panel = _panel(qtbot)
    panel.set_summary(_record())
    text = panel.text()
    assert "Well done" in text
    assert "Holds: 2 done, 1 cut short" in text
    assert "Time: 14 min 22 s" in text
    assert "Hamstring stretch, left side, rating 4 — continued gentler" in text
    assert "Hamstring stretch, left side: 12 of 25 s" in text


def test_outcome_changes_the_heading(qtbot) -> None:
    """Ending for pain says so in the heading."""
    panel = _panel(qtbot)
    panel.set_summary(_record(Outcome.ENDED_FOR_PAIN))
    assert panel.heading.text() == "Session ended after pain"


def test_a_clean_session_says_no_pain_and_lists_nothing_cut(qtbot) -> None:
    """Without pain or cut-short holds, there is no cut-short list."""
    panel = _panel(qtbot)
    panel.set_values(Outcome.COMPLETED, [_hold("gluteus", None, True)], [], 300)
    assert "No pain events." in panel.text()
    assert "Cut short" not in panel.text()


def test_history_button_emits_history_requested(qtbot) -> None:
    """The History… button asks for the history."""
    panel = _panel(qtbot)
    with qtbot.waitSignal(panel.history_requested):
        qtbot.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)


def test_names_from_a_routine_file_are_plain_text(qtbot) -> None:
    """An id the routine does not know is shown literally, never as markup."""
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.set_values(Outcome.ENDED_BY_USER, [_hold("<b>x</b>", None, False)], [], 10)
    assert "<b>x</b>: 25 of 25 s" in panel.text()
    assert panel.cut_list.textFormat() == Qt.TextFormat.PlainText


def test_duration_text() -> None:
    """Durations read as a person says them."""
    assert [duration_text(s) for s in (45, 120, 862, 3720)] == [
        "45 s",
        "2 min",
        "14 min 22 s",
        "1 h 2 min",
    ]
