"""One window per person and data folder: a later launch hands its arguments over.

Contract:

* :meth:`SingleInstance.hand_over` is called once, before the window is built. If a
  BackTimer for the same user and data folder is running, the request is sent to it and
  it answers within :data:`ANSWER_MS`: ``True`` — exit now, status 0. Otherwise this
  process becomes the instance (``False``): it listens, and every later launch's request
  arrives as :attr:`SingleInstance.request_received`.
* With ``listen_later=True`` it listens only at :meth:`SingleInstance.listen` (the window
  calls it once its first frame is painted: QtNetwork and the server are not needed
  before). Until then it keeps the launch lock, so a launch in between waits for the
  server and hands over to it; it never finds nobody and opens a second window.
* ``request_received`` is emitted from the event loop, never from inside socket I/O, so a
  slot may open a dialog.
* A socket left behind by a killed instance never blocks a start: a connection that fails
  means nobody is serving, so the stale name is removed and this process listens.
* A running instance that accepts but never answers (stopped, hung) does not block a start
  either: this process goes on as a window of its own, without taking the name.
* The server name is per user and per resolved data folder: another ``--data-dir`` is
  another instance. On Linux the socket lives in ``$XDG_RUNTIME_DIR`` (the user's own);
  elsewhere Qt's per-platform default, and only the owner may connect.

A request is one JSON line, ``{"v": 1, "routine": "/abs/path.yaml" | null, "start": bool}``,
with ``"only": ["exercise-id", ...]`` added for a micro-session (``--only``);
the *sending* process makes the routine's path absolute against its own working folder.
The answer is the line ``ok``.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject, Qt, Signal

from backtimer.core.platform import current
from backtimer.gui.digest import SHA256, hex_digest

if TYPE_CHECKING:  # QtNetwork loads when the server starts (after the first paint)
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

VERSION = 1
CONNECT_MS = 1000  #: a listening server accepts at once; a stale socket refuses at once
#: The running window answers from its event loop, which may still be building the
#: window when a second launch comes quickly after the first.
ANSWER_MS = 5000
LOCK_MS = 8000  #: another launch is between "nobody answers" and "listening"
MAX_LINE = 16 * 1024
ANSWER_OK = b"ok\n"
_SUN_PATH_MAX = 100  #: a Unix socket's path must fit in sockaddr_un (108 bytes, with margin)


@dataclass(frozen=True)
class Request:
    """What a later launch asks of the running window."""

    routine: Path | None = None  #: absolute: open this routine
    start: bool = False  #: start a session (hands-free)
    #: only these exercises of the routine (a micro-session); () for all of it
    exercises: tuple[str, ...] = ()

    @classmethod
    def from_arguments(
        cls,
        routine: Path | None,
        start: bool,
        cwd: Path | None = None,
        exercises: tuple[str, ...] = (),
    ) -> Request:
        """The launch's own arguments; a relative routine path is taken against ``cwd``
        (this process's working folder), since the running window has another one."""
        if routine is not None and not routine.is_absolute():
            routine = (cwd or Path.cwd()) / routine
        return cls(routine, start, exercises)

    def to_line(self) -> bytes:
        routine = str(self.routine) if self.routine else None
        doc: dict[str, object] = {"v": VERSION, "routine": routine, "start": self.start}
        if self.exercises:
            doc["only"] = list(self.exercises)
        return json.dumps(doc).encode("utf-8") + b"\n"

    @classmethod
    def from_line(cls, line: bytes) -> Request | None:
        """The request in ``line``, or None if it is not one (unknown keys are ignored)."""
        try:
            doc = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(doc, dict):
            return None
        routine, start = doc.get("routine"), doc.get("start", False)
        only = doc.get("only", [])
        if not isinstance(start, bool) or not (routine is None or isinstance(routine, str)):
            return None
        if not isinstance(only, list) or not all(isinstance(x, str) for x in only):
            return None
        if routine is not None and not Path(routine).is_absolute():
            return None  # relative to which folder? the sender should have said
        return cls(Path(routine) if routine else None, start, tuple(only))


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())  # the identity itself; $USER can be anything
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user (containers)
        return "user"


def server_name(data_folder: Path, runtime: str | None = None) -> str:
    """The name the instance for ``data_folder`` listens on: a full socket path in the
    user's private ``runtime`` folder (default ``$XDG_RUNTIME_DIR``) where there is one,
    else a plain name Qt places itself."""
    key = f"{_user()}\0{data_folder.resolve()}".encode()
    name = "backtimer-" + hex_digest(key, SHA256)[:16]
    if runtime is None:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute() and Path(runtime).is_dir():
        path = str(Path(runtime) / name)
        if len(path.encode()) <= _SUN_PATH_MAX:
            return path
    return name


def _lock_path(name: str) -> str:
    folder = "" if os.path.isabs(name) else QDir.tempPath() + "/"
    return f"{folder}{name}.lock"


class _Peer(QObject):
    """One connection from a later launch: reads its line, answers, then goes away."""

    #: a well-formed request arrived (a :class:`Request`)
    received = Signal(object)

    def __init__(self, socket: QLocalSocket, parent: QObject) -> None:
        super().__init__(parent)
        self._socket = socket
        socket.setParent(self)
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self.deleteLater)

    def start(self) -> None:
        """Read what arrived before ``received`` was connected, then go on as it comes."""
        if self._socket.bytesAvailable():
            self._on_ready_read()

    def _on_ready_read(self) -> None:
        socket = self._socket
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_LINE:
                log.warning("instance request too long; dropped")
                socket.abort()
            return
        request = Request.from_line(bytes(socket.readLine(MAX_LINE).data()))
        if request is None:
            log.warning("not an instance request; ignored")
            socket.abort()
            return
        socket.write(ANSWER_OK)
        socket.flush()
        self.received.emit(request)


class SingleInstance(QObject):
    """See the module docstring for the contract."""

    #: a later launch asked for something (a :class:`Request`); emitted from the event loop
    request_received = Signal(object)

    def __init__(self, data_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_folder)
        self._server: QLocalServer | None = None  # made by listen()
        self._to_listen = False  #: nobody answered: this process is to be the instance
        self._lock: QLockFile | None = None  #: held from "nobody answers" to "listening"

    @property
    def listening(self) -> bool:
        """Later launches will find this process."""
        return self._server is not None and self._server.isListening()

    def hand_over(self, request: Request, *, listen_later: bool = False) -> bool:
        """True if a running instance took ``request`` (then exit); else False, and this
        process listens — now, or with ``listen_later`` at :meth:`listen`."""
        # Two launches at once must not both find nobody and both listen: the lock makes
        # "ask, else listen" one step. QLockFile drops a lock whose process has died.
        lock = QLockFile(_lock_path(self.name))
        locked = lock.tryLock(LOCK_MS)
        if not locked:
            log.warning("instance lock %s not taken; going on without it", lock.fileName())
        answer = _ask_running(self.name, request)
        if answer is None:
            self._to_listen = True
            self._lock = lock if locked else None
            if not listen_later:
                self.listen()
        elif locked:
            lock.unlock()
        return answer is True

    def listen(self) -> None:
        """Serve later launches, if :meth:`hand_over` found nobody; once (later calls do
        nothing). Releases the launch lock."""
        if not self._to_listen:
            return
        self._to_listen = False
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        # Nobody answered, so a socket file still there was left by a killed instance.
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (client := self._server.nextPendingConnection()) is not None:
            peer = _Peer(client, self)
            # Queued: the window's slot runs from the event loop, not inside readyRead.
            peer.received.connect(self._on_received, Qt.ConnectionType.QueuedConnection)
            peer.start()

    def _on_received(self, request: Request) -> None:
        self.request_received.emit(request)

    def close(self) -> None:
        """Stop listening (and remove the socket); later launches start their own window."""
        self._to_listen = False
        if self._server is not None:
            self._server.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def _ask_running(name: str, request: Request) -> bool | None:
    """True: delivered; False: someone listens but did not answer; None: nobody."""
    if not current().unix_sockets:
        return _ask_with_qt(name, request)
    # A plain Unix socket, as QLocalSocket would connect (a bare name lives in Qt's temp
    # folder): the launch that only hands over needs no QtNetwork.
    path = name if os.path.isabs(name) else os.path.join(QDir.tempPath(), name)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(CONNECT_MS / 1000)
        try:
            client.connect(path)
        except OSError:  # no socket file, or one left behind that nobody listens on
            return None
        answer = b""
        try:
            client.sendall(request.to_line())
            client.settimeout(ANSWER_MS / 1000)
            while not answer.endswith(b"\n") and len(answer) < MAX_LINE:
                chunk = client.recv(MAX_LINE)
                if not chunk:
                    break
                answer += chunk
        except OSError:  # timed out, or hung up on
            pass
    return _answered(name, answer)


def _ask_with_qt(name: str, request: Request) -> bool | None:
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(CONNECT_MS):
        return None
    client.write(request.to_line())
    client.waitForBytesWritten(CONNECT_MS)
    answer = b""
    while not answer.endswith(b"\n") and client.waitForReadyRead(ANSWER_MS):
        answer += client.readAll().data()
    client.disconnectFromServer()
    return _answered(name, answer)


def _answered(name: str, answer: bytes) -> bool:
    if answer == ANSWER_OK:
        log.info("handed over to the running BackTimer (%s)", name)
        return True
    log.warning("a BackTimer is listening on %s but did not answer; starting anyway", name)
    return False
