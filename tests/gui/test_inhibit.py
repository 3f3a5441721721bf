"""The screen inhibitor against a real D-Bus daemon, watched by a real dbus-monitor: the
screensaver service is asked to stay awake, and the ask goes away with the connection."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from backtimer.gui.inhibit import ScreenInhibitor

from .dbus_bus import need_tool, running_daemon

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="org.freedesktop.ScreenSaver is Linux"
)


@dataclass
class BusMessage:
    """One message as dbus-monitor prints it: its header line and its string arguments."""

    header: str
    strings: list[str]

    def field(self, name: str) -> str:
        found = re.search(rf"\b{name}=(\S+)", self.header)
        return found.group(1).rstrip(";") if found else ""


@dataclass
class Monitor:
    """A running dbus-monitor writing to ``log``."""

    log: Path

    def messages(self) -> list[BusMessage]:
        out: list[BusMessage] = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line and not line[0].isspace():
                out.append(BusMessage(line, []))
            elif out and line.strip().startswith('string "'):
                out[-1].strings.append(line.strip()[len('string "') : -1])
        return out

    def inhibits(self) -> list[BusMessage]:
        return [
            m
            for m in self.messages()
            if m.header.startswith("method call") and m.field("member") == "Inhibit"
        ]

    def gone(self, unique_name: str) -> bool:
        """The bus said ``unique_name`` has no owner any more (its connection closed)."""
        return any(
            m.field("member") == "NameOwnerChanged" and m.strings == [unique_name, unique_name, ""]
            for m in self.messages()
        )


@contextmanager
def watching(address: str, log: Path, qtbot) -> Iterator[Monitor]:
    """dbus-monitor on ``address`` for screensaver calls and name changes, once listening."""
    need_tool("dbus-monitor")
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [
                "dbus-monitor",
                "--address",
                address,
                "interface='org.freedesktop.ScreenSaver'",
                "type='signal',member='NameOwnerChanged'",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        # Becoming a monitor drops its own name: NameLost is printed once it is listening.
        qtbot.waitUntil(lambda: "member=NameLost" in log.read_text(encoding="utf-8"))
        yield Monitor(log)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One daemon for the module, named as the session bus. One, because libdbus keeps the
    session address it first saw for the whole process (see the xfail test below)."""
    with (
        running_daemon(tmp_path_factory.mktemp("dbus")) as address,
        pytest.MonkeyPatch.context() as mp,
    ):
        mp.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


@pytest.fixture
def monitor(bus: str, tmp_path: Path, qtbot) -> Iterator[Monitor]:
    with watching(bus, tmp_path / "monitor.log", qtbot) as watch:
        yield watch


def test_hold_asks_the_screensaver_and_release_drops_the_ask(qtbot, monitor: Monitor) -> None:
    """hold() sends Inhibit("BackTimer", reason); release() closes that connection, which
    the bus announces, so the screensaver forgets the inhibit."""
    inhibitor = ScreenInhibitor()
    inhibitor.hold()
    assert inhibitor.held
    qtbot.waitUntil(lambda: bool(monitor.inhibits()), timeout=10_000)
    (call,) = monitor.inhibits()
    assert call.field("destination") == "org.freedesktop.ScreenSaver"
    assert call.field("path") == "/org/freedesktop/ScreenSaver"
    application, reason = call.strings
    assert application == "BackTimer"
    assert reason.strip()
    sender = call.field("sender")
    assert sender.startswith(":"), "the call came from no unique bus name"
    assert not monitor.gone(sender)
    inhibitor.release()
    assert not inhibitor.held
    qtbot.waitUntil(lambda: monitor.gone(sender), timeout=10_000)


def test_hold_twice_asks_once(qtbot, monitor: Monitor) -> None:
    """A second hold() while holding sends no second Inhibit; one release() drops it."""
    assert not monitor.inhibits()
    inhibitor = ScreenInhibitor()
    inhibitor.hold()
    inhibitor.hold()
    qtbot.waitUntil(lambda: bool(monitor.inhibits()), timeout=10_000)
    sender = monitor.inhibits()[0].field("sender")
    inhibitor.release()
    qtbot.waitUntil(lambda: monitor.gone(sender), timeout=10_000)
    assert len(monitor.inhibits()) == 1


NO_BUS_SCRIPT = """
import logging, sys
from PySide6.QtCore import QCoreApplication
from backtimer.gui.inhibit import ScreenInhibitor
logging.basicConfig(level=logging.INFO, stream=sys.stderr)
app = QCoreApplication([])
inhibitor = ScreenInhibitor()
inhibitor.hold()
print("held", inhibitor.held)
inhibitor.release()
print("held", inhibitor.held)
"""


def test_hold_without_a_bus_is_harmless(tmp_path: Path) -> None:
    """With the session bus address pointing at nothing, hold() and release() return and
    only log. (A fresh process: libdbus keeps the first session address it sees.)"""
    env = dict(os.environ)
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-such-socket'}"
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", NO_BUS_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard, not a measurement
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.split() == ["held", "True", "held", "False"]
    assert "cannot keep the screen awake" in done.stderr


def test_hold_uses_the_bus_named_at_hold_time(
    qtbot, bus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hold reaches the session bus the environment names at that moment, not the one
    named when the process first used D-Bus (after the bus restarted at a new address)."""
    with running_daemon(tmp_path) as other, watching(other, tmp_path / "m.log", qtbot) as seen:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", other)
        inhibitor = ScreenInhibitor()
        inhibitor.hold()
        try:
            qtbot.waitUntil(lambda: bool(seen.inhibits()), timeout=3_000)
        finally:
            inhibitor.release()
