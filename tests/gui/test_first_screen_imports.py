"""The first screen loads only what it shows: the editor, the picker, the history and
plan windows and the session's engine are read in when first opened, so start-up stays
quick (bench/startup.py measures it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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
    "backtimer.core.session.events",
    "backtimer.core.routine_file.draft",
    "backtimer.core.routine_file.writer",
    "backtimer.core.session.phrases",
    "backtimer.core.session.cue_schedule",
    "backtimer.gui.listen.listener",
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
    loaded = set(_last_json_line(CHILD, tmp_path))
    assert "backtimer.gui.main_window" in loaded  # the window did come up
    assert sorted(loaded.intersection(LATER)) == []


#: Modules the real program (``backtimer`` as launched) reads in only once its window is
#: painted: the single-instance server (QtNetwork) listens, the sound starts, and the
#: pain panel with its body map is built (sooner only if pain — stop asks for it).
AFTER_FIRST_PAINT = (
    "PySide6.QtNetwork",
    "backtimer.gui.care.body_map",
    "backtimer.gui.sound.beeps",
    "backtimer.gui.sound.choice",
    "backtimer.gui.sound.output",
    "backtimer.gui.sound.voice",
    "backtimer.gui.stage.pain_panel",
)

PROGRAM = """
import json, sys
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from backtimer.cli import main
seen = []
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen and hasattr(watched, "first_painted"):
            seen.append(sorted(sys.modules))
            # what waits for the first paint has run once the window says it was painted
            watched.first_painted.connect(
                QApplication.instance().quit, Qt.ConnectionType.QueuedConnection
            )
        return False
real_exec = QApplication.exec
def exec_with_probe(app):
    probe = FirstPaint(app)
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.installEventFilter(probe)
    return real_exec()
QApplication.exec = exec_with_probe
main(["--data-dir", sys.argv[1]])
print(json.dumps({"first_paint": seen[0], "after": sorted(sys.modules)}))
"""


def test_the_program_serves_later_launches_and_sounds_only_once_painted(tmp_path: Path) -> None:
    """Launched for real, BackTimer paints its window before it loads QtNetwork for the
    single-instance server, the sound modules and the pain panel's, and loads them right
    after."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    modules = _last_json_line(
        PROGRAM,
        tmp_path,
        XDG_DATA_HOME=str(tmp_path / "share"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    assert "backtimer.gui.main_window" in modules["first_paint"]  # the window did paint
    assert sorted(set(modules["first_paint"]).intersection(AFTER_FIRST_PAINT)) == []
    assert sorted(set(modules["after"]).intersection(AFTER_FIRST_PAINT)) == list(AFTER_FIRST_PAINT)


#: What a later launch takes as parsed at the first one (parse_cache), not parsing again.
PARSED_AT_FIRST_LAUNCH = ("yaml", "backtimer.core.routine_file.routine_checks")


def test_a_later_launch_paints_without_parsing_yaml(tmp_path: Path) -> None:
    """The first launch reads the built-in routine and its poses from YAML; a later one
    paints the same first screen from what the first kept, loading neither PyYAML nor
    the routine checker before its first paint."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    folders = {
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    first, later = (_last_json_line(PROGRAM, tmp_path, **folders) for _ in range(2))
    assert set(PARSED_AT_FIRST_LAUNCH) <= set(first["first_paint"])
    assert "backtimer.gui.main_window" in later["first_paint"]
    assert sorted(set(later["first_paint"]).intersection(PARSED_AT_FIRST_LAUNCH)) == []


def _last_json_line(script: str, tmp_path: Path, **env: str) -> Any:
    """Run ``script`` offscreen in a child Python with its own settings folder (and
    ``env``), its data folder as argument; what its last line of output says."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])
