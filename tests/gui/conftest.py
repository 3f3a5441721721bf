"""GUI test fixtures: every test gets its own data and settings folders, and may not
leave a QTimer running (napari's ``_dangling_qtimers``)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.main_window import MainWindow

from .helpers import FakeClock


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[None]:
    """Data and settings in the test's own folder; QSettings caches its path per process,
    so it is pointed there explicitly."""
    from PySide6.QtCore import QCoreApplication, QSettings

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    QCoreApplication.setOrganizationName("BackTimerTests")
    QCoreApplication.setApplicationName("BackTimerTests")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    return


@pytest.fixture(autouse=True)
def _no_dangling_qtimers(qapp: object) -> Iterator[None]:
    """A timer still running after a test is a leak a long session would pay for."""
    from PySide6.QtCore import QCoreApplication, QTimer

    yield
    QCoreApplication.processEvents()
    timers = {id(t): t for t in gc.get_objects() if isinstance(t, QTimer)}
    app = QCoreApplication.instance()
    if app is not None:
        timers.update({id(t): t for t in app.findChildren(QTimer)})
    running = []
    for timer in timers.values():
        try:
            if timer.isActive():
                running.append(timer)
        except RuntimeError:  # its C++ object is already gone: not running
            continue
    for timer in running:
        timer.stop()
    assert not running, f"test left {len(running)} QTimer(s) running: " + ", ".join(
        f"{t.objectName() or type(t.parent()).__name__}" for t in running
    )


@pytest.fixture
def clock() -> FakeClock:
    """The injected monotonic clock every window test drives time with."""
    return FakeClock()


@pytest.fixture
def make_window(qtbot, tmp_path: Path, clock: FakeClock) -> Iterator[Callable[[], MainWindow]]:
    """Build real, shown main windows on the built-in routine, silent, on ``clock``, with
    their history in the test's folder; each is closed at the end of the test."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(load_builtin(), data_folder=tmp_path / "history", silent=True, clock=clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()
