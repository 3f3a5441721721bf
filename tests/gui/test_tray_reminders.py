"""Reminders on a real private D-Bus session bus, to a real notification server.

The server (tests/gui/notification_server.py) is GDBus through python3-gi: it owns
org.freedesktop.Notifications, checks every call's signature as desktop servers do,
answers Notify with an id and emits ActionInvoked when told to, as a person's click
would. dbus-monitor watches the bus. The tray's wall clock is injected (real seconds,
shifted to just before 08:00 in Berlin), so a due time comes seconds after the start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.programme.notifier_choice import choose_notifier
from backtimer.gui.programme.tray import Tray
from backtimer.gui.programme.tray_app import TrayWindowOpener

from .app_process import Home, sessions
from .dbus_bus import need, need_tool, running_daemon

pytestmark = [
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="org.freedesktop.Notifications is Linux"
    ),
    # The offscreen platform has no tray and says so when a QSystemTrayIcon is made.
    pytest.mark.qt_log_ignore("systemTrayWindowChanged"),
]

BERLIN = ZoneInfo("Europe/Berlin")
SERVER = Path(__file__).with_name("notification_server.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def _have_gi() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    check = [SYSTEM_PYTHON, "-c", "from gi.repository import Gio"]
    return subprocess.run(check, capture_output=True, check=False).returncode == 0


class Server:
    """The notification server process: its output lines, and a way to act on it."""

    def __init__(self, process: subprocess.Popen[str], log: Path) -> None:
        self.process = process
        self.log = log

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()

    def notifies(self) -> list[tuple[int, str, str, str, list[str]]]:
        """(id, app, summary, body, action keys) of each Notify it answered."""
        out = []
        for line in self.lines():
            found = re.match(r"notify (\d+) \S+ ([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$", line)
            if found:
                nid, app, summary, body, keys = found.groups()
                out.append((int(nid), app, summary, body, keys.split(",")))
        return out

    def invoke(self, nid: int, action: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"invoke {nid} {action}\n")
        self.process.stdin.flush()


@contextmanager
def notification_server(address: str, folder: Path, qtbot: QtBot) -> Iterator[Server]:
    need(_have_gi(), "python3-gi for the test notification server (apt-get install python3-gi)")
    log = folder / "server.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [SYSTEM_PYTHON, str(SERVER)],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address},
        )
    server = Server(process, log)
    try:
        qtbot.waitUntil(lambda: "ready" in server.lines(), timeout=10_000)
        yield server
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def monitor(address: str, log: Path, qtbot: QtBot) -> Iterator[Path]:
    need_tool("dbus-monitor")
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            ["dbus-monitor", "--address", address, "interface='org.freedesktop.Notifications'"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        qtbot.waitUntil(lambda: "member=NameLost" in log.read_text(encoding="utf-8"))
        yield log
    finally:
        process.terminate()
        process.wait(timeout=10)


def shifted_clock(to: dt.datetime) -> Callable[[], dt.datetime]:
    """A wall clock that reads ``to`` now and runs on in real seconds."""
    offset = to - dt.datetime.now(dt.UTC)

    def now() -> dt.datetime:
        return dt.datetime.now(dt.UTC) + offset

    return now


def berlin_zone() -> dt.tzinfo:
    return BERLIN


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with running_daemon(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


def make_tray(data: Path, clock: Callable[[], dt.datetime]) -> Tray:
    store = HistoryStore.open(data).store
    assert store is not None
    return Tray(
        store=store,
        builtin=load_builtin(),
        extra=(),
        notifier_factory=choose_notifier,
        now=clock,
        zone=berlin_zone,
    )


def test_notify_names_the_routine_within_seconds_of_the_due_time(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """Started at 07:59:57 (Berlin): Notify reaches the server with the routine's name and
    the three actions within 3 s after 08:00, and dbus-monitor sees that call on the bus."""
    due = dt.datetime(2026, 3, 29, 8, 0, tzinfo=BERLIN)
    clock = shifted_clock(due - dt.timedelta(seconds=3))
    with (
        notification_server(bus, tmp_path, qtbot) as server,
        monitor(bus, tmp_path / "monitor.log", qtbot) as watched,
    ):
        tray = make_tray(tmp_path / "data", clock)
        try:
            tray.begin()
            assert server.notifies() == []
            qtbot.waitUntil(lambda: bool(server.notifies()), timeout=10_000)
            late = clock() - due
            (nid, app, summary, body, keys) = server.notifies()[0]
            assert dt.timedelta(0) <= late < dt.timedelta(seconds=3), late
            assert app == "BackTimer"
            assert body == "Gentle back routine at 08:00"
            assert summary == "Time to stretch"
            assert keys == ["default", "start", "snooze", "skip"]
            # dbus-monitor writes its log on its own time: the call may be on the bus (the
            # server answered) before its lines are in the file.
            body_arg = 'string "Gentle back routine at 08:00"'  # Notify's fifth argument
            qtbot.waitUntil(lambda: body_arg in watched.read_text(encoding="utf-8"))
            bus_log = watched.read_text(encoding="utf-8")
            assert "member=Notify" in bus_log
            assert "uint32 0" in bus_log  # replaces_id, typed as the spec says
        finally:
            tray.stop()


def test_start_now_from_the_notification_starts_the_session(
    qtbot: QtBot, bus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server emits ActionInvoked(id, "start"), as a click on Start now does: the
    window opens and starts the built-in routine hands-free (its session is in the history)."""
    home = Home(tmp_path)
    for name in (
        "QT_QPA_PLATFORM",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_RUNTIME_DIR",
        "PYTHONPATH",
    ):
        monkeypatch.setenv(name, home.env[name])
    data = tmp_path / "data"
    clock = shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    opener = TrayWindowOpener(argparse.Namespace(data_dir=data, silent=True))
    with notification_server(bus, tmp_path, qtbot) as server:
        tray = make_tray(data, clock)
        tray.start_requested.connect(opener.open)
        try:
            with qtbot.waitSignal(tray.reminded, timeout=10_000):
                tray.begin()
            qtbot.waitUntil(lambda: bool(server.notifies()), timeout=10_000)
            nid = server.notifies()[0][0]
            assert sessions(data) == []
            with qtbot.waitSignal(tray.start_requested, timeout=10_000):
                server.invoke(nid, "start")
            qtbot.waitUntil(lambda: bool(sessions(data)), timeout=30_000)
            assert [s.routine_id for s in sessions(data)] == ["gentle-back"]
            assert tray.menu.next_action.text() == "Next: Gentle back routine at 11:00"
        finally:
            tray.stop()
            for pid in opener.pids:
                _end(qtbot, pid)


def test_without_a_notification_service_the_tray_shows_its_own_message(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """No one owns org.freedesktop.Notifications: the reminder goes to the tray message."""
    tray = make_tray(
        tmp_path / "data", shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    )
    try:
        with qtbot.waitSignal(tray.notifier.shown, timeout=10_000) as shown:
            tray.begin()
        assert shown.args[1] == "tray"
    finally:
        tray.stop()


def _end(qtbot: QtBot, pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return

    def gone() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    qtbot.waitUntil(gone, timeout=20_000)


@pytest.mark.parametrize("action", ["snooze", "skip"])
def test_in_ten_minutes_and_skip_from_the_notification(
    qtbot: QtBot, bus: str, tmp_path: Path, action: str
) -> None:
    """ActionInvoked(id, "snooze") brings the session back 10 minutes later on the tray's
    clock; ActionInvoked(id, "skip") never does."""
    clock = shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    with notification_server(bus, tmp_path, qtbot) as server:
        tray = make_tray(tmp_path / "data", clock)
        try:
            with qtbot.waitSignal(tray.reminded, timeout=10_000) as first:
                tray.begin()
            qtbot.waitUntil(lambda: bool(server.notifies()), timeout=10_000)
            with qtbot.waitSignal(tray.notifier.action_invoked, timeout=10_000) as got:
                server.invoke(server.notifies()[0][0], action)
            assert got.args == [first.args[0].key, action]
            snoozed = tray.book.snoozed()
            if action == "snooze":
                (until,) = snoozed.values()
                assert dt.timedelta(minutes=9) < until - clock() <= dt.timedelta(minutes=10)
            else:
                assert snoozed == {}
            later = clock() + dt.timedelta(minutes=11)
            back = tray.book.wake(later, BERLIN)
            assert (back is not None) == (action == "snooze")
        finally:
            tray.stop()
