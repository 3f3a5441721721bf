"""Stopped by the system (SIGTERM, Ctrl+C, SIGHUP, logout): the session ends as *ended by
the system* with every hold kept, and the program exits 0."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL
from pytestqt.qtbot import QtBot

from backtimer.core.history.store import HistoryStore
from backtimer.core.session.record import Outcome
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import MainWindow
from backtimer.gui.system_end import STOP_SIGNALS, SystemEnd

from .app_process import EXIT_S, START_S, TINY_ROUTINE, Home, holds, sessions, stop
from .helpers import FakeClock, run_for, run_until

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


# ----- in this process ----------------------------------------------------------------


@pytest.fixture
def ending(qapp: object) -> Iterator[SystemEnd]:
    made = SystemEnd(qapp)  # type: ignore[arg-type]
    made.install()
    yield made
    made.uninstall()
    made.deleteLater()


@posix_only
def test_a_stop_signal_wakes_the_event_loop(qtbot: QtBot, ending: SystemEnd) -> None:
    """SIGTERM to this process arrives as stop_requested, through the wake-up socket; a
    second one would then get the default action (it ends the process at once)."""
    with qtbot.waitSignal(ending.stop_requested, timeout=5000):
        os.kill(os.getpid(), signal.SIGTERM)
    assert all(signal.getsignal(s) is signal.SIG_DFL for s in STOP_SIGNALS)


def test_uninstall_puts_back_the_handlers_it_found(qapp: object) -> None:
    """After uninstall, Ctrl+C is Python's KeyboardInterrupt again."""
    before = signal.getsignal(signal.SIGINT)
    made = SystemEnd(qapp)  # type: ignore[arg-type]
    made.install()
    assert signal.getsignal(signal.SIGINT) is not before
    made.uninstall()
    assert signal.getsignal(signal.SIGINT) is before
    made.deleteLater()


def test_the_session_manager_is_listened_to(qapp: object) -> None:
    """A logout's commitDataRequest reaches the SystemEnd (no session manager runs here to
    send a real one)."""
    app = qapp
    signature = SIGNAL("commitDataRequest(QSessionManager&)")
    before = app.receivers(signature)  # type: ignore[attr-defined]
    made = SystemEnd(app)  # type: ignore[arg-type]
    assert app.receivers(signature) == before + 1  # type: ignore[attr-defined]
    made.deleteLater()


def test_end_by_system_saves_the_session_with_its_holds(
    window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """Mid-session, the window's end_by_system keeps the finished hold and the cut one
    and records the session as ended by the system, with its end time."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, window.session.current.seconds + 0.5)
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 2)
    window.end_by_system()
    assert window.parts.pages.currentWidget() is window.parts.summary_page
    store = HistoryStore.open(tmp_path / "history").store
    assert store is not None
    (session,) = store.sessions()
    kept = [h.hold.completed for h in store.holds()]
    store.close()
    assert (session.outcome, session.ended_at is not None) == (Outcome.ENDED_BY_SYSTEM, True)
    assert kept == [True, False]


# ----- the real program ---------------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path)


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY_ROUTINE, encoding="utf-8")
    return path


@posix_only
@pytest.mark.slow
def test_sigterm_mid_session_keeps_every_hold(
    qtbot: QtBot, home: Home, routine: Path, tmp_path: Path
) -> None:
    """SIGTERM after the first hold: exit 0, the session ended by the system, the hold
    done kept (about 20 s: the lead-in and a hold run in real time)."""
    data = tmp_path / "data"
    app = home.launch(data, "--routine", str(routine), "--start")
    try:
        qtbot.waitUntil(lambda: any(h.hold.completed for h in holds(data)), timeout=60_000)
        app.send_signal(signal.SIGTERM)
        assert app.wait(EXIT_S) == 0, home.logs()
    finally:
        stop(app)
    (session,) = sessions(data)
    assert session.outcome is Outcome.ENDED_BY_SYSTEM
    assert session.ended_at is not None
    kept = holds(data)
    assert kept[0].hold.completed
    assert kept[0].hold.held == pytest.approx(5.0, abs=0.1)


@posix_only
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGHUP], ids=["ctrl-c", "hangup"])
def test_ctrl_c_and_hangup_end_the_session_by_the_system(
    qtbot: QtBot, home: Home, tmp_path: Path, number: signal.Signals
) -> None:
    """Ctrl+C in the terminal (or the terminal going away) during the lead-in: exit 0 and
    the session reads ended by the system, not interrupted."""
    data = tmp_path / "data"
    app = home.launch(data, "--start")
    try:
        qtbot.waitUntil(lambda: len(sessions(data)) == 1, timeout=int(START_S * 1000))
        app.send_signal(number)
        assert app.wait(EXIT_S) == 0, home.logs()
    finally:
        stop(app)
    (session,) = sessions(data)
    assert session.outcome is Outcome.ENDED_BY_SYSTEM


@posix_only
def test_sigterm_with_no_session_just_closes(qtbot: QtBot, home: Home, tmp_path: Path) -> None:
    """Nothing running: SIGTERM closes the window, exit 0, no session written."""
    data = tmp_path / "data"
    app = home.launch(data)
    try:
        history = data / "history.sqlite3"  # the window opens it as it is built
        qtbot.waitUntil(history.exists, timeout=int(START_S * 1000))
        app.send_signal(signal.SIGTERM)
        assert app.wait(EXIT_S) == 0, home.logs()
    finally:
        stop(app)
    assert sessions(data) == []
