"""Keep the screen awake while a session runs.

On Linux: org.freedesktop.ScreenSaver over the session D-Bus, called asynchronously so a
slow or missing bus never blocks the GUI thread. On Windows: SetThreadExecutionState.
Elsewhere (macOS needs IOKit assertions): nothing, said once in the log.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"


class ScreenInhibitor(QObject):
    """``hold()`` keeps the screen on until ``release()``; both are idempotent."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cookie: int | None = None
        self._held = False
        self._watcher: object | None = None

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

    def _call(self, method: str, *args: object) -> object | None:
        """Send ``method`` without waiting; None when there is no bus to send it on.

        A QDBusInterface would introspect the service synchronously on construction, which
        can stall the GUI thread for the bus's whole timeout; a bare message never waits.
        """
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusMessage
        except ImportError:
            log.info("QtDBus unavailable; cannot keep the screen awake")
            return None
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no session D-Bus; cannot keep the screen awake")
            return None
        message = QDBusMessage.createMethodCall(_SERVICE, _PATH, _SERVICE, method)
        message.setArguments(list(args))
        return bus.asyncCall(message)

    def _dbus_inhibit(self) -> None:
        from PySide6.QtDBus import QDBusPendingCallWatcher

        call = self._call("Inhibit", "BackTimer", "Timing a stretching session")
        if call is None:
            return
        watcher = QDBusPendingCallWatcher(call, self)  # type: ignore[call-overload]
        watcher.finished.connect(self._on_inhibited)
        self._watcher = watcher

    def _on_inhibited(self, watcher: object) -> None:
        self._watcher = None
        if watcher.isError():  # type: ignore[attr-defined]
            log.info("screensaver inhibit refused: %s", watcher.error().message())  # type: ignore[attr-defined]
            return
        arguments = watcher.reply().arguments()  # type: ignore[attr-defined]
        if not arguments:
            return
        self._cookie = int(arguments[0])
        if not self._held:  # released while the call was in flight
            self._dbus_uninhibit()

    def _dbus_uninhibit(self) -> None:
        if self._cookie is None:
            return
        self._call("UnInhibit", self._cookie)
        self._cookie = None


def _win_execution_state(*, keep_awake: bool) -> None:
    import ctypes

    es_continuous, es_display_required, es_system_required = 0x80000000, 0x2, 0x1
    flags = es_continuous | ((es_display_required | es_system_required) if keep_awake else 0)
    ctypes.windll.kernel32.SetThreadExecutionState(flags)  # type: ignore[attr-defined]
