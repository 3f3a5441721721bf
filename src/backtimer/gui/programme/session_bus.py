"""A private connection to the D-Bus session bus that never blocks the event loop.

PySide6's QtDBus cannot send a D-Bus uint32 (every Python int goes out as int32), and
org.freedesktop.Notifications.Notify takes one; servers built on GDBus refuse the call.
So this speaks the wire protocol through jeepney's sans-I/O parts (authentication,
message encoding and parsing, no I/O of its own) over a QLocalSocket driven by the event
loop: connecting, authenticating and every call are asynchronous, and a slow or hung
bus only means no answer (``failed`` after ``TIMEOUT_MS``), never a frozen tray.

Contract: ``open()`` once; ``ready`` when the bus has said Hello back, or ``failed``
(with a reason, once) if it cannot be reached. ``call(message)`` returns the serial its
answer will carry in ``answered(serial, message)``; signals arrive as ``signalled``.
Linux (and other Unix desktops) only: on Windows and macOS ``open()`` fails at once.
"""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalSocket

from backtimer.core.platform import current

log = logging.getLogger(__name__)

TIMEOUT_MS = 5000  #: connecting and saying Hello; a bus slower than this is not there


class SessionBus(QObject):
    #: the connection is up and named (its unique name, ":1.42")
    ready = Signal(str)
    #: it could not be opened or was lost (a reason for the log)
    failed = Signal(str)
    #: an answer (method return or error) to the call with that serial, and the message
    answered = Signal(int, object)
    #: a signal message from the bus
    signalled = Signal(object)

    def __init__(self, address: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = address
        self._socket: QLocalSocket | None = None
        self._auth: object = None
        self._parser: object = None
        self._serial = 0
        self._hello = 0
        self._state = "closed"
        self.unique_name = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def is_ready(self) -> bool:
        return self._state == "ready"

    def open(self) -> None:
        if self._state != "closed":
            return
        if current().name in ("windows", "macos"):
            self._fail("no session D-Bus on this platform")
            return
        try:
            from jeepney.auth import Authenticator
            from jeepney.bus import get_bus
            from jeepney.low_level import Parser
        except ImportError:
            self._fail("jeepney is not installed")
            return
        address = self._address or os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if not address:
            self._fail("DBUS_SESSION_BUS_ADDRESS is not set")
            return
        try:
            target = get_bus(address)
            raw = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            raw.setblocking(False)
            raw.connect(target)  # a local socket accepts at once or refuses at once
        except (OSError, RuntimeError, ValueError) as error:
            self._fail(f"cannot connect to the session bus: {error}")
            return
        self._socket = QLocalSocket(self)
        self._socket.readyRead.connect(self._on_ready_read)
        self._socket.disconnected.connect(self._on_disconnected)
        if not self._socket.setSocketDescriptor(raw.detach()):
            self._fail("cannot use the bus socket")
            return
        self._auth = Authenticator()
        self._parser = Parser()
        self._state = "auth"
        self._timer.start(TIMEOUT_MS)
        self._send_auth()

    def call(self, message: object) -> int:
        """Send ``message`` (a jeepney Message); its serial, or 0 if the bus is not ready."""
        if self._state != "ready" or self._socket is None:
            return 0
        return self._send(message)

    def close(self) -> None:
        self._timer.stop()
        self._state = "closed"
        if self._socket is not None:
            self._socket.readyRead.disconnect(self._on_ready_read)
            self._socket.disconnected.disconnect(self._on_disconnected)
            self._socket.abort()
            self._socket.deleteLater()
            self._socket = None

    # -- the protocol -----------------------------------------------------------------

    def _send(self, message: object) -> int:
        assert self._socket is not None
        self._serial += 1
        self._socket.write(message.serialise(serial=self._serial))  # type: ignore[attr-defined]
        return self._serial

    def _send_auth(self) -> None:
        assert self._socket is not None
        data = self._auth.data_to_send()  # type: ignore[attr-defined]
        if data:
            self._socket.write(data)

    def _on_ready_read(self) -> None:
        if self._socket is None:
            return
        data = bytes(self._socket.readAll().data())
        if self._state == "auth":
            self._feed_auth(data)
        elif self._state in ("hello", "ready"):
            self._feed_messages(data)

    def _feed_auth(self, data: bytes) -> None:
        from jeepney.auth import BEGIN, AuthenticationError

        try:
            self._auth.feed(data)  # type: ignore[attr-defined]
        except AuthenticationError as error:
            self._fail(f"the session bus refused us: {error}")
            return
        if not self._auth.authenticated:  # type: ignore[attr-defined]
            self._send_auth()
            return
        from jeepney.bus_messages import message_bus

        assert self._socket is not None
        self._socket.write(BEGIN)
        self._state = "hello"
        self._hello = self._send(message_bus.Hello())

    def _feed_messages(self, data: bytes) -> None:
        from jeepney.low_level import MessageType

        self._parser.add_data(data)  # type: ignore[attr-defined]
        while True:
            try:
                message = self._parser.get_next_message()  # type: ignore[attr-defined]
            except (ValueError, KeyError, IndexError) as error:  # a malformed message
                self._fail(f"unreadable message from the bus: {error}")
                return
            if message is None:
                return
            kind = message.header.message_type
            if kind is MessageType.signal:
                self.signalled.emit(message)
                continue
            reply_to = _reply_serial(message)
            if self._state == "hello" and reply_to == self._hello:
                self._timer.stop()
                if kind is MessageType.error:
                    self._fail("the session bus did not accept Hello")
                    return
                self._state = "ready"
                self.unique_name = str(message.body[0])
                self.ready.emit(self.unique_name)
            elif reply_to:
                self.answered.emit(reply_to, message)

    def _on_timeout(self) -> None:
        if self._state in ("auth", "hello"):
            self._fail(f"the session bus did not answer within {TIMEOUT_MS} ms")

    def _on_disconnected(self) -> None:
        if self._state != "closed":
            self._fail("the session bus went away")

    def _fail(self, reason: str) -> None:
        log.info("session bus: %s", reason)
        self.close()
        self._state = "failed"
        self.failed.emit(reason)


def _reply_serial(message: object) -> int:
    from jeepney.low_level import HeaderFields

    fields = message.header.fields  # type: ignore[attr-defined]
    return int(fields.get(HeaderFields.reply_serial, 0))
