"""The window's side of voice stop: starts the listener process for a session, reads
what it heard, tells it when the program itself sounds, and brings it back if it dies.

States: *off* (no session, or not wanted: the microphone is closed), *starting* (the
process is loading the recogniser and opening the microphone, about a second),
*listening*, *unavailable* (no recogniser, no microphone, or it is busy: :attr:`problem`
says what to do; the keys work as always). A process that dies while listening is
started again at once, then after 1, 2, 4, 8 s if it keeps dying before it is ready.

Nothing here blocks the GUI thread, and nothing audio ever reaches this process: only the
words heard, as JSON lines.
"""

from __future__ import annotations

import enum
import json
import logging
import re
import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from backtimer.core.i18n import _
from backtimer.gui.listen.listener_process import (
    EXIT_BUSY,
    EXIT_NO_MICROPHONE,
    EXIT_NO_MULTIMEDIA,
    EXIT_NO_RECOGNISER,
)

log = logging.getLogger(__name__)

NO_RECOGNISER = _(
    "Voice stop is off: the speech recogniser is not installed. Install it with "
    "pip install 'backtimer[voice]' (or pip install pyopen-wakeword pocketsphinx). "
    "Esc, P and the PAIN — STOP button work as always."
)
NO_MICROPHONE = _(
    "Voice stop is off: no microphone was found. Plug one in (or turn it on in the sound "
    "settings of your desktop) and start the session again. Esc, P and the PAIN — STOP "
    "button work as always."
)
MICROPHONE_BUSY = _(
    "Voice stop is off: the microphone could not be opened (another program may be using "
    "it). Trying again… Esc, P and the PAIN — STOP button work as always."
)
NO_MULTIMEDIA = _(
    "Voice stop is off: Qt's sound library could not load. Install libpulse0 "
    "(sudo apt-get install libpulse0). Esc, P and the PAIN — STOP button work as always."
)
LISTENER_FAILED = _("Voice stop stopped working for a moment. Trying again…")

#: The keyword threshold, chosen from bench/voice_sweep.py and bench/voice_verify.py
#: (README, "Voice stop").
THRESHOLD = 1e-20
MAX_BACKOFF = 8.0
LISTENER_COMMAND = (sys.executable, "-m", "backtimer.gui.listen.listener_process")


class State(enum.Enum):
    OFF = "off"
    STARTING = "starting"
    LISTENING = "listening"
    UNAVAILABLE = "unavailable"


_PROBLEMS = {
    EXIT_NO_RECOGNISER: NO_RECOGNISER,
    EXIT_NO_MICROPHONE: NO_MICROPHONE,
    EXIT_NO_MULTIMEDIA: NO_MULTIMEDIA,
    EXIT_BUSY: MICROPHONE_BUSY,
}
_RETRIED = {EXIT_BUSY}  #: problems that may pass by themselves


def says_keyword(text: str, words: Sequence[str]) -> bool:
    """Whether ``text`` contains one of ``words`` as a word or the start of one
    ("Stop.", "stopping", "non-stop"): our own voice saying it is no command."""
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w.lower())}", lowered) for w in words if w)


class Listener(QObject):
    """Hears keywords in a child process while :meth:`start`\\ ed.

    Contract: ``heard`` fires once per keyword heard; ``state_changed`` on every change
    of :attr:`state` or :attr:`problem`; no method waits for the process.
    """

    heard = Signal(str)  #: a keyword was heard (the word)
    state_changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        command: Sequence[str] = LISTENER_COMMAND,
        threshold: float = THRESHOLD,
    ) -> None:
        super().__init__(parent)
        self._command = tuple(command)
        self._threshold = threshold
        self._words: tuple[str, ...] = ()
        self._state = State.OFF
        self._problem: str | None = None
        self._process: QProcess | None = None
        self._buffer = b""
        self._failures = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._start_process)

    @property
    def state(self) -> State:
        return self._state

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def words(self) -> tuple[str, ...]:
        return self._words

    @property
    def listening(self) -> bool:
        return self._state is State.LISTENING

    def start(self, words: Sequence[str]) -> None:
        """Open the microphone and listen for ``words`` until :meth:`stop`."""
        self._words = tuple(dict.fromkeys(w.strip().lower() for w in words if w.strip()))
        self._failures = 0
        self._end_process()
        self._start_process()

    def stop(self) -> None:
        """Close the microphone (the process is killed: it holds nothing worth keeping)."""
        self._retry.stop()
        self._end_process()
        self._set(State.OFF, None)

    shutdown = stop

    def own_sound(self, _text: str, seconds: float) -> None:
        """The program starts to sound (``text``: its words, "" for a beep) for
        ``seconds``; 0 s: it fell silent. Nothing heard meanwhile counts: a second, stricter
        spotter over our own voice heard no "stop" and stopped on our words (README)."""
        self._send({"op": "own_sound", "seconds": seconds})

    # -- the process ---------------------------------------------------------------------

    def _start_process(self) -> None:
        proc = QProcess(self)
        proc.setProgram(self._command[0])
        args = list(self._command[1:])
        for word in self._words:
            args += ["--word", word]
        args += ["--threshold", repr(self._threshold)]
        proc.setArguments(args)
        proc.setStandardErrorFile(QProcess.nullDevice())
        proc.readyReadStandardOutput.connect(self._read)
        proc.finished.connect(self._finished)
        proc.errorOccurred.connect(self._process_error)
        self._process, self._buffer = proc, b""
        self._set(State.STARTING, self._problem)
        proc.start()

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
        if proc is not None and self._state is State.LISTENING:
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
            self._failures = 0
            self._set(State.LISTENING, None)
        elif event == "heard" and self._state is State.LISTENING:
            self.heard.emit(str(message.get("word", "")))

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        self._end_process()
        problem = _PROBLEMS.get(code)
        if problem is not None and code not in _RETRIED:
            self._set(State.UNAVAILABLE, problem)
            return
        if self._state is State.STARTING:
            self._failures += 1
        log.warning("the listener process ended (%s); starting a new one", code)
        self._set(State.UNAVAILABLE, problem or LISTENER_FAILED)
        wait = 0.0 if not self._failures else min(MAX_BACKOFF, 2.0 ** (self._failures - 1))
        self._retry.start(round(wait * 1000))

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            self._end_process()
            self._set(State.UNAVAILABLE, NO_RECOGNISER)

    def _set(self, state: State, problem: str | None) -> None:
        if (state, problem) != (self._state, self._problem):
            self._state, self._problem = state, problem
            self.state_changed.emit()
