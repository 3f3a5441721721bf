"""The data folder failing under a running window: a disk that fills, a disk that turns
read-only, a damaged history at start. The disks are real (see ``tests/disks.py``); the
window runs hands-free on the injected clock and must reach its summary, say once what
happened, and keep what was saved."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from backtimer.core.history.opening import DB_NAME
from backtimer.core.history.store import HistoryStore
from backtimer.core.session.phase_machine import State
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import MainWindow
from backtimer.gui.session import NOT_SAVED_FULL, NOT_SAVED_READ_ONLY, SAVED_AGAIN

from ..disks import FailingDisk, SmallDisk
from .helpers import STEP, FakeClock, run_for, run_until


def run_until_holds(window: MainWindow, clock: FakeClock, count: int) -> None:
    """Run until the engine has recorded ``count`` holds."""
    session = window.session
    assert session is not None
    while len(session.record.holds) < count:
        assert session.engine.state is not State.FINISHED, f"finished before {count} holds"
        clock.now += STEP
        session.driver.poll()


def run_to_the_end(window: MainWindow, clock: FakeClock) -> None:
    run_until(window, clock, PhaseKind.DONE)
    run_for(window, clock, 1)
    session = window.session
    assert session is not None
    assert session.engine.state is State.FINISHED
    assert window.parts.pages.currentWidget() is window.parts.summary_page


def by_start(holds: list[HoldRecord]) -> list[HoldRecord]:
    return sorted(holds, key=lambda h: h.started_at)


def saved_holds(folder: Path) -> tuple[list[HoldRecord], list[Outcome]]:
    """What a fresh store finds in ``folder``: every hold (in the store's order, by start
    time), and each session's outcome."""
    result = HistoryStore.open(folder)
    assert result.store is not None, result.message
    assert result.message is None
    try:
        assert result.store.integrity_ok()
        return [h.hold for h in result.store.holds()], [s.outcome for s in result.store.sessions()]
    finally:
        result.store.close()


def assert_nothing_waits_for_a_click(caplog: pytest.LogCaptureFixture) -> None:
    """No dialog on screen, no error or traceback logged."""
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    assert [d for d in dialogs if d.isVisible()] == []
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def start(window: MainWindow) -> list[str]:
    """Start a session; returns the list the session's problem messages land in."""
    window.start_session()
    session = window.session
    assert session is not None
    told: list[str] = []
    session.problem.connect(told.append)
    return told


def _fault_after_the_first_hold(
    window: MainWindow,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    fault: Callable[[], None],
    message: str,
) -> HoldRecord:
    """Start, let one hold end, cause ``fault``, run to the summary: the banner told
    ``message`` once (and showed it), nothing waited for a click. The first hold."""
    told = start(window)
    run_until_holds(window, clock, 1)
    fault()
    run_until_holds(window, clock, 2)
    assert window.parts.banner.isVisible()
    assert window.parts.banner.text() == message
    run_to_the_end(window, clock)
    assert told == [message]
    assert_nothing_waits_for_a_click(caplog)
    session = window.session
    assert session is not None
    return session.record.holds[0]


def test_full_disk_mid_session_is_told_once_and_the_session_runs_to_its_summary(
    small_disk: SmallDisk,
    make_window: Callable[[], MainWindow],
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The disk filling after the first hold: the banner says so once, the session goes
    on by itself to the summary, and the first hold is still in the history."""
    window = make_window()
    message = NOT_SAVED_FULL.format(folder=small_disk.path)
    first = _fault_after_the_first_hold(window, clock, caplog, small_disk.fill, message)
    assert window.session is not None
    assert len(window.session.record.holds) > 2

    window.close()  # still full: what waits cannot be saved on the way out either
    small_disk.free()
    assert saved_holds(small_disk.path) == ([first], [Outcome.INTERRUPTED])


def test_holds_from_while_the_disk_was_full_are_saved_once_there_is_room(
    small_disk: SmallDisk,
    make_window: Callable[[], MainWindow],
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Holds done while the disk was full wait; once space is freed mid-session they and
    all later ones are saved, the banner says saving works again, and the session is
    saved whole."""
    window = make_window()
    told = start(window)
    run_until_holds(window, clock, 1)
    small_disk.fill()
    run_until_holds(window, clock, 3)
    assert len(saved_holds_read_only(small_disk.path)) == 1  # the other two wait

    small_disk.free()
    run_until_holds(window, clock, 4)
    assert window.parts.banner.text() == SAVED_AGAIN
    run_to_the_end(window, clock)
    assert told == [NOT_SAVED_FULL.format(folder=small_disk.path), SAVED_AGAIN]
    assert_nothing_waits_for_a_click(caplog)
    session = window.session
    assert session is not None
    done = by_start(session.record.holds)

    window.close()
    assert saved_holds(small_disk.path) == (done, [Outcome.COMPLETED])


def test_holds_still_waiting_at_the_summary_are_saved_on_closing_once_there_is_room(
    small_disk: SmallDisk,
    make_window: Callable[[], MainWindow],
    clock: FakeClock,
) -> None:
    """Space freed only after the session ended (the summary is up): closing the window
    saves everything that waited, the end of the session included."""
    window = make_window()
    start(window)
    run_until_holds(window, clock, 1)
    small_disk.fill()
    run_to_the_end(window, clock)
    assert len(saved_holds_read_only(small_disk.path)) == 1
    session = window.session
    assert session is not None
    done = by_start(session.record.holds)

    small_disk.free()
    window.close()
    assert saved_holds(small_disk.path) == (done, [Outcome.COMPLETED])


def saved_holds_read_only(folder: Path) -> list[HoldRecord]:
    """The holds in ``folder`` as a second, read-only reader sees them now."""
    result = HistoryStore.open(folder, read_only=True)
    assert result.store is not None, result.message
    try:
        return [h.hold for h in result.store.holds()]
    finally:
        result.store.close()


def test_disk_turning_read_only_mid_session_is_told_once_and_earlier_holds_are_kept(
    failing_disk: FailingDisk,
    make_window: Callable[[], MainWindow],
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The disk turning read-only after the first hold: the banner says so once, the
    session goes on to the summary, and after the disk is checked the first hold is
    there."""
    window = make_window()
    message = NOT_SAVED_READ_ONLY.format(folder=failing_disk.path)
    first = _fault_after_the_first_hold(window, clock, caplog, failing_disk.fail, message)

    window.close()
    failing_disk.check()
    assert saved_holds(failing_disk.path) == ([first], [Outcome.INTERRUPTED])


def test_damaged_history_at_start_is_named_in_the_banner_and_a_session_is_saved(
    qtbot,
    make_window: Callable[[], MainWindow],
    clock: FakeClock,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A damaged history file: the window starts, its banner says where the old file was
    kept (untouched), and a session runs and is saved in the fresh history."""
    folder = tmp_path / "history"
    folder.mkdir()
    damaged = b"this is not a database, just garbage\x00\xff" * 100
    (folder / DB_NAME).write_bytes(damaged)

    window = make_window()
    qtbot.waitUntil(window.parts.banner.isVisible)
    (kept,) = [p for p in folder.iterdir() if p.name.startswith(DB_NAME + ".damaged-")]
    assert str(kept) in window.parts.banner.text()
    assert "damaged" in window.parts.banner.text()
    assert kept.read_bytes() == damaged

    told = start(window)
    run_to_the_end(window, clock)
    assert told == []
    assert_nothing_waits_for_a_click(caplog)
    session = window.session
    assert session is not None
    done = by_start(session.record.holds)
    assert done

    window.close()
    assert saved_holds(folder) == (done, [Outcome.COMPLETED])
    assert kept.read_bytes() == damaged
