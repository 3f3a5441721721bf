"""PySide6's per-import check answers as before, without keeping each module's source."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from backtimer.gui import import_scan


@pytest.fixture
def module_folder(tmp_path: Path) -> Path:
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))


def test_a_module_imported_after_pyside_leaves_no_source_in_memory(module_folder: Path) -> None:
    assert import_scan.install()  # this PySide6 has the check, so the fix is in place
    (module_folder / "bt_scan_qt.py").write_text("from PySide6 import QtCore\nVALUE = 1\n")
    (module_folder / "bt_scan_plain.py").write_text("VALUE = 2\n")
    # Through the import statement's own path (``__import__``), which PySide6 hooks.
    qt_module = __import__("bt_scan_qt")
    plain_module = __import__("bt_scan_plain")
    try:
        assert qt_module.__file__ not in linecache.cache
        assert plain_module.__file__ not in linecache.cache
        # PySide6's own record: a module using PySide6 follows its feature switches
        # (0), any other is left alone (-1), exactly as its source-reading check decides.
        features = sys.modules["shibokensupport.feature"].pyside_feature_dict
        assert features["bt_scan_qt"] == 0
        assert features["bt_scan_plain"] == -1
    finally:
        del sys.modules["bt_scan_qt"], sys.modules["bt_scan_plain"]


def test_a_module_without_a_source_file_does_not_use_pyside() -> None:
    assert not import_scan.mentions_pyside(sys)  # built in
    assert import_scan.mentions_pyside(import_scan)  # it imports PySide6
