"""Keep the screen awake while a session runs.

On Linux: org.freedesktop.ScreenSaver over the session D-Bus, called asynchronously so a
slow or missing bus never blocks the GUI thread. On Windows: SetThreadExecutionState.
Elsewhere (macOS needs IOKit assertions): nothing, said once in the log.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"


class ScreenInhibitor(QObject):
    """``hold()`` keeps the screen on until ``release()``; both are idempotent."""

    _serial = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._held = False
        self._connection_name: str | None = None

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        if self._held:
            return
        self._held = True
        if sys.platform.startswith("linux"):
            self._dbus_inhibit()
        elif sys.platform == "win32":
            _win_execution_state(keep_awake=True)

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        if sys.platform.startswith("linux"):
            self._dbus_uninhibit()
        elif sys.platform == "win32":
            _win_execution_state(keep_awake=False)

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
        ScreenInhibitor._serial += 1
        name = f"backtimer-inhibit-{ScreenInhibitor._serial}"
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
        message.setArguments(["BackTimer", "Timing a stretching session"])
        bus.send(message)  # no reply needed (asyncCall crashes PySide6 6.12 on a refcount bug)
        self._connection_name = name

    def _dbus_uninhibit(self) -> None:
        if self._connection_name is None:
            return
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self._connection_name)
        self._connection_name = None


def _win_execution_state(*, keep_awake: bool) -> None:
    import ctypes

    es_continuous, es_display_required, es_system_required = 0x80000000, 0x2, 0x1
    flags = es_continuous | ((es_display_required | es_system_required) if keep_awake else 0)
    ctypes.windll.kernel32.SetThreadExecutionState(flags)  # type: ignore[attr-defined]
