"""The first screen loads only what it shows: the editor, the picker, the history and
plan windows and the session's engine are read in when first opened, so start-up stays
quick (bench/startup.py measures it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LATER = (
    "backtimer.gui.editor.window",
    "backtimer.gui.editor.picker",
    "backtimer.gui.editor.delete_routine",
    "backtimer.core.library.loader",
    "backtimer.core.routines.exchange",
    "backtimer.gui.history.history_window",
    "backtimer.gui.history.goals_window",
    "backtimer.gui.programme.plan_window",
    "backtimer.gui.session",
    "backtimer.core.session.engine",
)

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.main_window import MainWindow
window = MainWindow(load_builtin(), data_folder=Path(sys.argv[1]), silent=True)
window.show()
app.processEvents()
print(json.dumps(sorted(m for m in sys.modules if m.startswith("backtimer."))))
"""


def test_the_first_screen_reads_in_none_of_the_later_windows(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert "backtimer.gui.main_window" in loaded  # the window did come up
    assert sorted(loaded.intersection(LATER)) == []
