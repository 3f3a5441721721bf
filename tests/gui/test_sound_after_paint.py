"""The sound modules and players are made once the window has painted: the window shows
first, then sound starts, and what is missing is told as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.main_window import VISUAL_ONLY, MainWindow
from backtimer.gui.sound.voice import NO_ESPEAK


def test_a_missing_voice_is_told_once_the_window_is_up(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without espeak-ng the window paints, then says the cues are visual only and why."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no espeak-ng to be found
    window = MainWindow(load_builtin(), data_folder=tmp_path / "history")
    qtbot.addWidget(window)
    try:
        assert window.cues.problems == []  # nothing known before the window is up
        with qtbot.waitSignal(window.cues.problems_changed, timeout=10_000):
            window.show()
        told = VISUAL_ONLY.format(problems=" ".join(window.cues.problems))
        assert NO_ESPEAK in window.cues.problems
        qtbot.waitUntil(lambda: window.parts.banner.text() == told)
    finally:
        window.close()
