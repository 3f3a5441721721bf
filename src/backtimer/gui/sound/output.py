"""The window's side of sound: starts the player process, feeds it, and brings it back.

States, as the window sees them:

- *starting*: the player process is opening its streams (about 0.2 s). A ``play`` asked
  for now is kept and sounds once ready, if that is within :data:`START_GRACE`.
- *ready*: sounds play within a few ms; ``stop`` silences at once.
- *lost*: the process exited (the sound server went away, or it crashed). Nothing plays;
  :attr:`problem` says so. Every :data:`RETRY_MS` we look for a server (a socket connect,
  nothing more) and start a new player when there is one; back in *ready* every sound
  loaded before is loaded again and ``problem`` is None.
- *unavailable*: QtMultimedia cannot load here: retrying cannot help.

Nothing here blocks the GUI thread: writes to the process are buffered by QProcess.
"""

from __future__ import annotations

import enum
import json
import logging
import socket
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from backtimer.core.i18n import _
from backtimer.core.platform import current
from backtimer.gui.sound.player_process import EXIT_NO_DEVICE, EXIT_NO_MULTIMEDIA

log = logging.getLogger(__name__)

NO_MULTIMEDIA = _(
    "No sound: Qt's sound library could not load. "
    "Install libpulse0 (sudo apt-get install libpulse0)."
)
NO_OUTPUT = _(
    "No sound: no audio output was found. Is a sound server running? "
    "(sudo apt-get install pulseaudio)"
)
SOUND_LOST = _(
    "Sound was lost: the sound server stopped. The session goes on; "
    "sound comes back by itself when the server is back."
)
PLAYER_FAILED = _("Sound stopped: the sound player failed. Trying again…")

START_GRACE = 1.5  #: seconds a play asked for while starting may still sound
RETRY_MS = 250  #: how often a lost player looks for a server again (a socket connect)
MAX_BACKOFF = 8.0  #: seconds between player starts when a server answers but plays nothing
ACK_TIMEOUT = 2.0  #: a player that has not confirmed a play for this long is hung
PLAYER_COMMAND = (sys.executable, "-m", "backtimer.gui.sound.player_process")


class State(enum.Enum):
    STARTING = "starting"
    READY = "ready"
    LOST = "lost"
    UNAVAILABLE = "unavailable"


def server_reachable() -> bool:
    """Whether a sound server's socket answers (PulseAudio, or PipeWire's Pulse server).

    A connect is a few µs; starting a player to find out costs 0.2 s of CPU. Where no
    socket path is known (Windows, macOS, or a remote server) we cannot tell: say yes.
    """
    for path in _server_sockets():
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(0.05)
                s.connect(str(path))
            return True
        except OSError:
            continue
    return not _server_sockets()


def _server_sockets() -> list[Path]:
    """PulseAudio's or PipeWire's socket on Linux; none to look at on Windows and macOS."""
    return current().sound_sockets()


class SoundOutput(QObject):
    """Plays loaded sounds on named channels (``beeps``, ``voice``) in a player process.

    Contract: no method waits for the process; ``play`` returns False (and nothing
    sounds) unless the sound is loaded and the player is ready or starting;
    ``state_changed`` fires on every change of :attr:`state` and :attr:`problem`.
    """

    state_changed = Signal()  #: state or problem changed

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        command: Sequence[str] = PLAYER_COMMAND,
        start: bool = True,
    ) -> None:
        """``start=False``: the player process starts at :meth:`start`, or at the first
        ``play`` (within :data:`START_GRACE`), so a window can show itself first."""
        super().__init__(parent)
        self._command = tuple(command)
        self._state = State.STARTING
        self._problem: str | None = None
        self._paths: dict[str, Path] = {}  #: every sound asked for, to reload after a restart
        self._volumes: dict[str, float] = {}
        self._early: list[tuple[str, str, float]] = []  #: (channel, id, asked at) while starting
        self._unacked_since: float | None = None
        self._buffer = b""
        self._closed = False
        self._ever_ready = False
        self._failures = 0  #: player starts in a row that ended without being ready
        self._next_start = 0.0
        self._process: QProcess | None = None
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_again)
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Start the player process now, if it has not been started (once only)."""
        if not self._started and not self._closed:
            self._started = True
            self._start_process()

    @property
    def state(self) -> State:
        return self._state

    @property
    def problem(self) -> str | None:
        """Why nothing sounds now, in plain words; None while sound works (or starts)."""
        return self._problem

    def load(self, sound_id: str, path: Path) -> None:
        """Make ``path`` (a 16-bit WAV) playable as ``sound_id``, now and after restarts."""
        self._paths[sound_id] = path
        self._send({"op": "load", "id": sound_id, "path": str(path)})

    def forget(self, sound_id: str) -> None:
        self._paths.pop(sound_id, None)

    def is_loaded(self, sound_id: str) -> bool:
        return sound_id in self._paths and self._state in (State.READY, State.STARTING)

    def play(self, channel: str, sound_id: str) -> bool:
        if sound_id not in self._paths:
            return False
        if self._state is State.STARTING:
            self._early = [e for e in self._early if e[0] != channel]
            self._early.append((channel, sound_id, time.monotonic()))
            self.start()  # asked for before the window started it
            return True
        if self._state is not State.READY:
            return False  # commands reach the player in order: the load came first
        self._check_hung()
        self._send({"op": "play", "channel": channel, "id": sound_id})
        if self._unacked_since is None:
            self._unacked_since = time.monotonic()
        return True

    def stop(self, channel: str) -> None:
        self._early = [e for e in self._early if e[0] != channel]
        self._send({"op": "stop", "channel": channel})

    def set_volume(self, channel: str, volume: float) -> None:
        self._volumes[channel] = volume
        self._send({"op": "volume", "channel": channel, "value": volume})

    def shutdown(self) -> None:
        """Kill the player (it holds nothing worth a goodbye) and stop retrying. The owner
        must call this: Qt warns when a QProcess is destroyed still running."""
        self._closed = True
        self._retry.stop()
        self._early.clear()
        self._end_process()

    # -- the process ---------------------------------------------------------------------

    def _start_process(self) -> None:
        proc = QProcess(self)
        proc.setProgram(self._command[0])
        proc.setArguments(list(self._command[1:]))
        proc.setStandardErrorFile(QProcess.nullDevice())
        proc.readyReadStandardOutput.connect(self._read)
        proc.finished.connect(self._finished)
        proc.errorOccurred.connect(self._process_error)
        self._process, self._buffer = proc, b""
        self._unacked_since = None
        self._set(State.STARTING, self._problem)
        proc.start()
        for sound_id, path in self._paths.items():
            self._send({"op": "load", "id": sound_id, "path": str(path)})
        for channel, volume in self._volumes.items():
            self._send({"op": "volume", "channel": channel, "value": volume})

    def _end_process(self) -> None:
        proc, self._process = self._process, None
        if proc is None:
            return
        proc.finished.disconnect(self._finished)
        proc.errorOccurred.disconnect(self._process_error)
        if proc.state() != QProcess.ProcessState.NotRunning:
            proc.kill()
            proc.waitForFinished(1000)  # a killed process is reaped in microseconds
        proc.deleteLater()

    def _send(self, command: dict[str, object]) -> None:
        proc = self._process
        if proc is not None and self._state in (State.STARTING, State.READY):
            proc.write((json.dumps(command) + "\n").encode())

    def _read(self) -> None:
        proc = self._process
        if proc is None:
            return
        self._buffer += bytes(proc.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict):
                self._on_message(message)

    def _on_message(self, message: dict[str, object]) -> None:
        event = message.get("event")
        if event == "ready":
            self._ever_ready = True
            self._failures = 0
            self._set(State.READY, None)
            self._play_early()
        elif event == "load_failed":
            # Forgotten, so it is not played (the player would not answer a play of it,
            # which would look like a hung player) nor loaded again after a restart.
            self._paths.pop(str(message.get("id")), None)
            log.warning("sound %s could not load: %s", message.get("id"), message.get("reason"))
        elif event == "playing":
            self._unacked_since = None

    def _play_early(self) -> None:
        if self._state is not State.READY:
            return
        now, early, self._early = time.monotonic(), self._early, []
        for channel, sound_id, asked in early:
            if now - asked <= START_GRACE:
                self.play(channel, sound_id)

    def _check_hung(self) -> None:
        since = self._unacked_since
        if since is not None and time.monotonic() - since > ACK_TIMEOUT:
            log.warning("the sound player stopped answering; starting a new one")
            self._end_process()
            self._lose(PLAYER_FAILED)

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        self._end_process()
        if self._closed:
            return
        if code == EXIT_NO_MULTIMEDIA:
            self._set(State.UNAVAILABLE, NO_MULTIMEDIA)
            return
        self._lose(SOUND_LOST if self._ever_ready or code != EXIT_NO_DEVICE else NO_OUTPUT)

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart and not self._closed:
            self._end_process()
            self._set(State.UNAVAILABLE, NO_MULTIMEDIA)

    def _lose(self, problem: str) -> None:
        """Try again at the next tick after a working player died; back off (1, 2, 4…
        seconds) while players start and die without ever being ready."""
        if self._state is State.STARTING:
            self._failures += 1
        self._early.clear()
        self._set(State.LOST, problem)
        wait = 0.0 if not self._failures else min(MAX_BACKOFF, 2.0 ** (self._failures - 1))
        self._next_start = time.monotonic() + wait
        self._retry.start()

    def _try_again(self) -> None:
        if not server_reachable():
            self._failures = 0  # a server that comes back is tried at once
            self._next_start = 0.0
            return
        if time.monotonic() >= self._next_start:
            self._retry.stop()
            self._start_process()

    def _set(self, state: State, problem: str | None) -> None:
        if (state, problem) != (self._state, self._problem):
            self._state, self._problem = state, problem
            self.state_changed.emit()
