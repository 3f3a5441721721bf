"""The pain panel is built on the event loop's turn after the window's first paint, and at
once whenever pain — stop comes sooner: the session freezes exactly as it always does,
the panel shows, and the pain is kept in the history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QScrollArea

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.record import Outcome, PainChoice
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import MainWindow
from backtimer.gui.screen_reader import PAIN_STOPPED
from backtimer.gui.stage.pain_panel import OVER_LIMIT

from .accessibility import problems
from .helpers import FakeClock, run_for, run_until

if TYPE_CHECKING:
    from backtimer.gui.session import Session

#: Every way to ask for pain — stop, pressed on the window before its event loop has run.
STOPS = ("Escape", "P", "B", "button", "voice")


class FrozenWhenThePageArrives(QObject):
    """Watches the window's pages: says, for each scroll area put among them, whether the
    session was already frozen for pain at that moment."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.frozen: list[bool] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's
        if event.type() == QEvent.Type.ChildAdded and isinstance(event.child(), QScrollArea):
            self.frozen.append(self.session.in_pain)
        return False


def _stop(qtbot, window: MainWindow, how: str) -> None:
    if how == "button":
        qtbot.mouseClick(window.parts.pain_button, Qt.MouseButton.LeftButton)
    elif how == "voice":  # what voice stop's listener reports on hearing "stop"
        window.voice_stop.heard.emit("stop")
    else:
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{how}"))


@pytest.mark.parametrize("how", STOPS)
def test_pain_stop_before_the_panel_is_built_freezes_shows_it_and_logs_the_pain(
    qtbot, tmp_path: Path, clock: FakeClock, how: str
) -> None:
    """Shown, the event loop not yet run (so neither the first paint's turn nor the
    panel's build has come): Space starts, the hold comes, and pain — stop freezes the
    countdown (frozen before the panel is built), is announced to a screen reader, shows
    the panel with everything it needs (the routine's pain limit, names for a screen
    reader), and the choice made on it is kept with the rating."""
    window = MainWindow(load_builtin(), data_folder=tmp_path / "history", silent=True, clock=clock)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.keyClick(window, Qt.Key.Key_Space)
        session = window.session
        assert session is not None
        run_until(window, clock, PhaseKind.HOLD)
        run_for(window, clock, 3)
        assert not window.parts.pain.built  # what this test is about
        watch = FrozenWhenThePageArrives(session)
        window.parts.pages.installEventFilter(watch)
        said: list[str] = []
        window.screen_reader.announced.connect(said.append)
        _stop(qtbot, window, how)
        window.parts.pages.removeEventFilter(watch)
        assert watch.frozen == [True]  # frozen first, then the panel built
        assert said == [PAIN_STOPPED]
        assert session.in_pain
        assert window.parts.countdown.is_frozen()
        assert window.pain_panel_shown
        assert window.parts.pain_panel.isVisible()
        shown, left = window.parts.countdown.text(), session.remaining()
        run_for(window, clock, 3)
        assert session.remaining() == pytest.approx(left)
        assert window.parts.countdown.text() == shown
        assert problems(window) == []
        panel = window.parts.pain_panel
        qtbot.mouseClick(panel.rating_buttons[6], Qt.MouseButton.LeftButton)
        assert panel.advice.text() == OVER_LIMIT.format(limit=window._routine.pain_limit)
        qtbot.keyClick(panel, Qt.Key.Key_E)
        assert session.engine.record.outcome is Outcome.ENDED_FOR_PAIN
        assert not window.pain_panel_shown
    finally:
        window.close()
    store = HistoryStore.open(tmp_path / "history").store
    assert store is not None
    pains = store.pains()
    store.close()
    assert [(p.pain.rating, p.pain.choice) for p in pains] == [(6, PainChoice.END)]


def test_the_panel_is_built_on_the_turn_after_the_first_paint(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    """With no pain — stop, the panel is not there as the first frame is shown, is built
    right after, between the stage and the summary, and the stage stays on screen."""
    window = MainWindow(load_builtin(), data_folder=tmp_path / "history", silent=True, clock=clock)
    qtbot.addWidget(window)
    built_at_first_paint: list[bool] = []
    window.first_painted.connect(lambda: built_at_first_paint.append(window.parts.pain.built))
    window.show()
    try:
        qtbot.waitUntil(lambda: window.parts.pain.built, timeout=5000)
        assert built_at_first_paint == [False]
        pages = window.parts.pages
        assert pages.currentIndex() == 0
        assert pages.indexOf(window.parts.pain_page) == 1
        assert pages.indexOf(window.parts.summary_page) == 2
        assert not window.pain_panel_shown
        assert not window.parts.pain_panel.isVisible()
    finally:
        window.close()
