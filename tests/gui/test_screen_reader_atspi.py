"""A screen reader hears the session: the real window, on a real X server (Xvfb), speaks
through Qt's AT-SPI bridge to a real accessibility bus (at-spi-bus-launcher), where a
dbus-monitor sees each announcement as an Orca would receive it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.gui.screen_reader import PAIN_STOPPED, phase_line

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="AT-SPI is Linux"),
]

LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
TOOLS = {
    "Xvfb": "xvfb",
    "dbus-daemon": "dbus-daemon",
    "dbus-send": "dbus-bin",
    "dbus-monitor": "dbus-bin",
    LAUNCHER: "at-spi2-core",
}

#: The window, started hands-free; pain — stop a moment into the lead-in, then it quits.
CHILD = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.main_window import MainWindow
window = MainWindow(load_builtin(), data_folder=Path(sys.argv[1]), silent=True)
window.show()
QTimer.singleShot(1000, window.start_session)
QTimer.singleShot(2000, window.pain_stop)
QTimer.singleShot(3500, window.close)
QTimer.singleShot(3600, app.quit)
app.exec()
"""


def _need_tools() -> None:
    missing = [pkg for tool, pkg in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        reason = f"needs {', '.join(sorted(set(missing)))} (sudo apt-get install ...)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI {reason}")
        pytest.skip(reason)


def _start(argv: list[str], env: dict[str, str], **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(argv, env=env, text=True, **kw)  # type: ignore[call-overload]


@pytest.fixture
def a11y_bus(tmp_path: Path, qtbot) -> Iterator[tuple[dict[str, str], str]]:
    """A private X server, session bus and accessibility bus; yields the environment a
    program on them needs, and the accessibility bus's address."""
    _need_tools()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI"))}
    env["XDG_RUNTIME_DIR"] = str(runtime)
    started: list[subprocess.Popen[str]] = []
    try:
        xvfb = _start(
            ["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
            env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        started.append(xvfb)
        env["DISPLAY"] = ":" + xvfb.stdout.readline().strip()
        bus = _start(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1",
             f"--address=unix:path={tmp_path / 'bus'}"],
            env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        started.append(bus)
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        started.append(_start([LAUNCHER, "--launch-immediately"], env, stderr=subprocess.DEVNULL))
        address = ""

        def answered() -> bool:
            nonlocal address
            reply = subprocess.run(
                ["dbus-send", "--session", "--print-reply=literal", "--dest=org.a11y.Bus",
                 "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
                env=env, capture_output=True, text=True, timeout=5, check=False,
            )  # fmt: skip
            address = reply.stdout.strip()
            return address.startswith("unix:")

        qtbot.waitUntil(answered, timeout=10_000)
        yield env, address
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=10)


def _announcements(log: Path) -> list[tuple[int, str]]:
    """(politeness, text) of each AT-SPI Announcement signal dbus-monitor printed."""
    found: list[tuple[int, str]] = []
    for block in log.read_text(encoding="utf-8", errors="replace").split("\nsignal ")[1:]:
        if "member=Announcement" not in block.splitlines()[0]:
            continue
        politeness = re.search(r"int32 (\d+)", block)
        text = re.search(r'variant\s+string "(.*)"', block)
        if politeness and text:
            found.append((int(politeness.group(1)), text.group(1)))
    return found


def test_a_screen_reader_hears_the_lead_in_and_pain_stop(
    qtbot, tmp_path: Path, a11y_bus: tuple[dict[str, str], str]
) -> None:
    """Started hands-free and stopped for pain, the window announces the lead-in politely
    and the stop assertively (AT-SPI politeness 1 and 2), in those words."""
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

    from backtimer.core.session.timeline import lead_in_phase

    env, address = a11y_bus
    # Pose as a screen reader: ask the registry for announcements, as Orca does.
    reader = QDBusConnection.connectToBus(address, "screen-reader")
    assert reader.isConnected()
    ask = QDBusMessage.createMethodCall(
        "org.a11y.atspi.Registry",
        "/org/a11y/atspi/registry",
        "org.a11y.atspi.Registry",
        "RegisterEvent",
    )
    ask.setArguments(["object:announcement"])

    def registered() -> bool:
        # The registry is started by this first call; on a busy machine it once quit as it
        # started (NoReply: "recipient disconnected"), and the next call starts it again.
        reply = reader.call(ask, QDBus.CallMode.Block, 5000)
        return reply.type() == QDBusMessage.MessageType.ReplyMessage

    qtbot.waitUntil(registered, timeout=30_000)
    log = tmp_path / "monitor.log"
    with log.open("w", encoding="utf-8") as out:
        monitor = _start(
            ["dbus-monitor", "--address", address,
             "type='signal',interface='org.a11y.atspi.Event.Object',member='Announcement'"],
            env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        qtbot.waitUntil(lambda: "member=NameLost" in log.read_text(encoding="utf-8"))
        child_env = dict(env)
        child_env.update(
            QT_QPA_PLATFORM="xcb",
            # Qt turns its bridge on when a reader is running; the flag says so without one
            # being registered with the desktop's settings (what GNOME's switch sets).
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            XDG_DATA_HOME=str(tmp_path / "data"),
        )
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(tmp_path / "history")],
            env=child_env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        qtbot.waitUntil(lambda: len(_announcements(log)) >= 2, timeout=5000)
    finally:
        monitor.terminate()
        monitor.wait(timeout=10)
        QDBusConnection.disconnectFromBus("screen-reader")
    heard = _announcements(log)
    assert (1, phase_line(lead_in_phase())) in heard
    assert (2, PAIN_STOPPED) in heard
    assert heard.index((1, phase_line(lead_in_phase()))) < heard.index((2, PAIN_STOPPED))
