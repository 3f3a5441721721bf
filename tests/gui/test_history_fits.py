"""The history window opens whole on a small screen: at most nine tenths of it, the size
the editor opens at too (one helper, gui/screen_fit.py), in every language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from backtimer.gui.history.history_window import HistoryWindow
from backtimer.gui.screen_fit import fitted_size

from .history_data import TODAY, make_history

OPEN = """
import json, sys
from pathlib import Path
from backtimer.core.i18n import use_language
use_language(sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from backtimer.core.history.store import HistoryStore
from backtimer.gui.history.history_window import HistoryWindow
window = HistoryWindow(HistoryStore.open(Path(sys.argv[2])).store)
window.show()
app.processEvents()
free, frame = app.primaryScreen().availableGeometry(), window.frameGeometry()
print(json.dumps({"inside": free.contains(frame), "size": list(window.size().toTuple()),
                  "minimum": list(window.minimumSizeHint().toTuple())}))
"""


def test_a_window_takes_at_most_nine_tenths_of_a_smaller_screen() -> None:
    wanted = QSize(1100, 760)
    assert fitted_size(wanted, QSize(1024, 600)) == QSize(921, 540)
    assert fitted_size(wanted, QSize(1920, 1050)) == wanted
    assert fitted_size(wanted, None) == wanted


def test_the_history_window_fits_the_screen_it_opens_on(qtbot: QtBot, tmp_path: Path) -> None:
    window = HistoryWindow(make_history(tmp_path), today=TODAY)
    qtbot.addWidget(window)
    free = window.screen().availableSize()
    assert window.width() <= free.width() * 0.9
    assert window.height() <= free.height() * 0.9


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_the_history_window_is_whole_on_a_1024x600_screen(tmp_path: Path, language: str) -> None:
    """On a real 1024×600 (offscreen) screen, frame included, in each language."""
    screens = {"screens": [{"name": "netbook", "x": 0, "y": 0, "width": 1024, "height": 600}]}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    make_history(tmp_path / "data").close()
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", OPEN, language, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["inside"], shown
    assert shown["size"] == [921, 540]
    assert shown["minimum"][1] <= 540, "the layout cannot shrink to the screen"
