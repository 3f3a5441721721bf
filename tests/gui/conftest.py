"""GUI test fixtures: every test gets its own data and settings folders, and may not
leave a QTimer running (napari's ``_dangling_qtimers``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def _no_dangling_qtimers(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication, QTimer

    yield
    QCoreApplication.processEvents()
    app = QCoreApplication.instance()
    running = [t for t in app.findChildren(QTimer) if t.isActive()] if app else []
    assert not running, f"test left {len(running)} QTimer(s) running"
