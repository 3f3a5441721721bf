"""Ending by the system: SIGTERM, SIGINT (Ctrl+C), SIGHUP and a desktop logout reach the
window as Qt signals, so a running session closes as *ended by the system*, every hold kept.

Python runs a signal handler only when the interpreter gets control, which inside
``app.exec()`` may be never. So the self-pipe pattern wakes Qt instead of a polling timer:
the C-level handler writes the signal's number to one end of a socket pair
(``signal.set_wakeup_fd``), a ``QSocketNotifier`` on the other end wakes the event loop,
and the slot reads which signals came.

Contract:

* :meth:`SystemEnd.install` takes over SIGTERM, SIGINT and SIGHUP (those the platform has)
  until :meth:`SystemEnd.uninstall`, which puts back the handlers and wake-up fd it found.
* :attr:`SystemEnd.stop_requested` is emitted once, from the event loop, for the first of
  them. Those signals then get their default action back: a second Ctrl+C ends the process
  at once (the history then shows that session as *interrupted*, as after SIGKILL).
* :attr:`SystemEnd.save_requested` is emitted when the desktop's session manager asks the
  program to save (logout, shutdown). The program goes on running: the logout may still be
  cancelled, and if it is not, the desktop stops the program next.
* SIGKILL cannot be caught; the store marks such a session *interrupted* on the next start.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

#: The signals that mean "stop, please" (SIGHUP: the terminal that started us went away).
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


def _wake_only(signum: int, frame: FrameType | None) -> None:
    """The C-level handler has already written ``signum`` to the wake-up socket; the work
    happens in the event loop, where Qt objects may be touched."""


class SystemEnd(QObject):
    """See the module docstring for the contract."""

    #: a stop signal came (SIGTERM, SIGINT, SIGHUP): end the session, then quit
    stop_requested = Signal()
    #: the desktop session is ending (logout, shutdown): save now, quitting may follow
    save_requested = Signal()

    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader: socket.socket | None = None
        self._writer: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._old_handlers: dict[signal.Signals, object] = {}
        self._old_wakeup_fd = -1
        self._stopping = False
        app.commitDataRequest.connect(self._on_commit_data)

    @property
    def installed(self) -> bool:
        return self._notifier is not None

    def install(self) -> None:
        """Catch the stop signals from now on (main thread only, as Python requires)."""
        if self.installed:
            return
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)  # the handler must never block; the reader drains
        self._old_wakeup_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wake)
        for number in STOP_SIGNALS:
            self._old_handlers[number] = signal.signal(number, _wake_only)

    def uninstall(self) -> None:
        """Put back what :meth:`install` found."""
        if self._notifier is None:
            return
        for number, handler in self._old_handlers.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        self._old_handlers.clear()
        signal.set_wakeup_fd(self._old_wakeup_fd)
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._notifier = None
        for end in (self._reader, self._writer):
            if end is not None:
                end.close()
        self._reader = self._writer = None

    def _on_wake(self) -> None:
        if self._reader is None:
            return
        data = b""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while chunk := self._reader.recv(64):
                data += chunk
        stops = [n for n in data if n in STOP_SIGNALS]
        if not stops or self._stopping:
            return
        self._stopping = True
        for number in STOP_SIGNALS:
            # A second Ctrl+C means now: the default action, not another polite close.
            signal.signal(number, signal.SIG_DFL)
        log.info("%s: ending the session and closing", signal.Signals(stops[0]).name)
        self.stop_requested.emit()

    def _on_commit_data(self, _manager: object) -> None:
        log.info("the desktop session is ending: saving the session")
        self.save_requested.emit()
