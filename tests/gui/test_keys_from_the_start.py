"""Keys work from the moment the window is on screen: the window watches keys
application-wide from the turn after its first frame, and a key that comes before that
reaches the window and does the same."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.main_window import MainWindow

from .helpers import FakeClock


def test_space_before_the_first_frames_turn_is_over_starts_the_session(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    """Space pressed as the window appears starts the session; once the event loop has
    run, Space pauses it, as always."""
    window = MainWindow(load_builtin(), data_folder=tmp_path / "history", silent=True, clock=clock)
    qtbot.addWidget(window)
    window.show()  # no event loop yet: the application-wide key filter is not in
    try:
        qtbot.keyClick(window, Qt.Key.Key_Space)
        session = window.session
        assert session is not None
        assert session.active
        with qtbot.waitSignal(window.first_painted, timeout=5000):
            window.update()
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert session.paused
    finally:
        window.close()
