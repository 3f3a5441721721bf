"""The pain panel fits a 1024x600 screen in every language, with the safety note showing:
all four choices, the rating and the note in sight, nothing to scroll. (Its fonts once
grew with its own height, which grew with its fonts, until half the choices scrolled
out of sight.) Each language runs in its own process: texts are chosen at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import json, sys
from pathlib import Path
from backtimer.core.i18n import use_language
use_language(sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.main_window import MainWindow
window = MainWindow(load_builtin(), data_folder=Path(sys.argv[2]), silent=True)
window.resize(1024, 600)
window.show()
app.processEvents()
window.start_session()
app.processEvents()
window.pain_stop()
for _ in range(10):
    app.processEvents()
page, panel = window.parts.pain_page, window.parts.pain_panel
view = page.viewport().rect()
parts = [*panel.buttons.values(), *panel.rating_buttons, panel.note, panel.red_flags_button]
outside = [w.accessibleName() or w.text() for w in parts
           if not view.contains(w.mapTo(page.viewport(), w.rect().bottomRight()))]
print(json.dumps({
    "size": [window.width(), window.height()],
    "banner": window.parts.safety.isVisible(),
    "scrolls": page.verticalScrollBar().isVisible() or page.horizontalScrollBar().isVisible(),
    "outside": outside,
}))
window.close()
"""


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_the_pain_panel_fits_a_netbook_screen(language: str, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, language, str(tmp_path / "history")],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["size"] == [1024, 600]
    assert seen["banner"], "the first-run safety note shows above the stage, as on a first start"
    assert not seen["scrolls"]
    assert seen["outside"] == []
