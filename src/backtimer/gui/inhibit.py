"""Keep the screen awake while a session runs, through the system's part
(``core/platform``'s :class:`~backtimer.core.platform.base.KeepAwake`).

On Linux: org.freedesktop.ScreenSaver over the session D-Bus (here, since it needs Qt's
D-Bus), never waiting for an answer so a slow or missing bus never blocks the GUI thread.
On Windows: SetThreadExecutionState; on macOS: ``caffeinate`` (``core/platform``).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject

from backtimer.core.i18n import _
from backtimer.core.platform import KeepAwake, Platform, current

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"
#: Why the screen stays on, as the desktop shows it.
REASON = _("Timing a stretching session")


class ScreenInhibitor(QObject):
    """``hold()`` keeps the screen on until ``release()``; both are idempotent."""

    def __init__(self, parent: QObject | None = None, *, platform: Platform | None = None) -> None:
        super().__init__(parent)
        self._held = False
        self._part = keep_awake_for(platform or current())

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        if self._held:
            return
        self._held = True
        self._part.hold()

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        self._part.release()


def keep_awake_for(platform: Platform) -> KeepAwake:
    """The system's own part, or the GUI's D-Bus one on freedesktop.org desktops."""
    part = platform.keep_awake()
    if part is not None:
        return part
    return DBusScreenSaver()


class DBusScreenSaver:
    """org.freedesktop.ScreenSaver's Inhibit, on a private bus connection of our own."""

    _serial = 0

    def __init__(self) -> None:
        self._connection_name: str | None = None

    def hold(self) -> None:
        if self._connection_name is None:
            self._dbus_inhibit()

    def release(self) -> None:
        self._dbus_uninhibit()

    def _dbus_inhibit(self) -> None:
        """Ask for the inhibit on a private connection of our own.

        The service hands back a uint32 cookie for UnInhibit, but PySide6 can only send a
        Python int as int32, which the services reject. They do, however, drop a client's
        inhibits when its bus connection goes away, so releasing is closing that connection.
        Nothing here waits: the call is asynchronous and its answer is not needed.
        """
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusMessage
        except ImportError:
            log.info("QtDBus unavailable; cannot keep the screen awake")
            return
        DBusScreenSaver._serial += 1
        name = f"backtimer-inhibit-{DBusScreenSaver._serial}"
        # The address as the environment names it now: the SessionBus shortcut keeps the
        # one libdbus saw at the process's first use, though the bus may have moved since.
        address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if address:
            bus = QDBusConnection.connectToBus(address, name)
        else:
            bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        if not bus.isConnected():
            log.info("no session D-Bus; cannot keep the screen awake")
            QDBusConnection.disconnectFromBus(name)
            return
        message = QDBusMessage.createMethodCall(_SERVICE, _PATH, _SERVICE, "Inhibit")
        message.setArguments(["BackTimer", REASON])
        bus.send(message)  # no reply needed (asyncCall crashes PySide6 6.12 on a refcount bug)
        self._connection_name = name

    def _dbus_uninhibit(self) -> None:
        if self._connection_name is None:
            return
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self._connection_name)
        self._connection_name = None
