"""The player process: every sound BackTimer makes, on streams opened once and fed by us.

Run as ``python -m backtimer.gui.sound.player_process`` by :class:`SoundOutput`, which
writes one JSON object a line on our stdin and reads our answers on stdout:

    {"op": "load", "id": ID, "path": WAV}      -> {"event": "loaded", "id": ID} or
                                                  {"event": "load_failed", "id": ID, "reason": …}
    {"op": "play", "channel": C, "id": ID}     -> {"event": "playing", "channel": C, "id": ID}
    {"op": "stop", "channel": C}               (drops what C has queued, at once)
    {"op": "volume", "channel": C, "value": V}
    {"op": "quit"}                             (or stdin closing: the window is gone)

At start we answer ``ready`` once both streams are open, or exit :data:`EXIT_NO_DEVICE`
/ :data:`EXIT_NO_MULTIMEDIA`. When the server goes away Qt's streams stop moving without
an error (and Qt never reconnects); we notice when a sound is not taken for
:data:`STUCK_SECONDS`, say ``lost`` and exit :data:`EXIT_LOST` at once, without running
Qt's teardown (which is where the PulseAudio backend asserts on a dead context). An idle
stream cannot be checked: a few ms of silence sit in Qt's buffer for over a second
before PulseAudio starts a stream (its prebuffer), so the loss shows at the next sound.

Why one stream per channel that stays open: opening and closing a stream per sound made
Qt 6.11's PulseAudio backend poll a closed socket at 100 % CPU; a stream that stays open
also makes timing ours (a sound starts with the first write; stopping drops the queue).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, Qt, QTimer, Signal, Slot

from backtimer.gui.gui_thread_gc import GuiThreadCollector
from backtimer.gui.sound.pcm import BYTES_PER_SECOND, RATE, read_pcm

EXIT_LOST = 5  #: the sound server went away while we played
EXIT_NO_DEVICE = 3  #: no audio output at start
EXIT_NO_MULTIMEDIA = 4  #: QtMultimedia could not load (a missing system library)
CHANNELS = ("beeps", "voice")
#: Qt's buffer: small, so stopping is quick, yet several feed ticks deep.
BUFFER_BYTES = BYTES_PER_SECOND * 60 // 1000
FEED_MS = 10
#: Queued sound not taken for this long: the server is gone. Long enough that a busy
#: machine is not taken for a lost server (a restart would cost a gap and two messages).
STUCK_SECONDS = 1.5
WATCH_MS = 250  #: how often sounding streams are checked for being stuck (only then)


def _say(event: str, **values: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **values}) + "\n")
    sys.stdout.flush()


class Stream(QObject):
    """One output stream: plays one sound at a time; ``play`` replaces what sounds."""

    def __init__(self, device: Any, parent: QObject | None = None) -> None:
        from PySide6.QtMultimedia import QAudioFormat, QAudioSink

        super().__init__(parent)
        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(device, fmt, self)
        self._sink.setBufferSize(BUFFER_BYTES)
        self._io: QIODevice | None = self._sink.start()
        self._pcm, self._pos = b"", 0
        # Stuck detection: bytes written since the stream (re)started, and how many of
        # them the device had taken when last seen to move, at what time.
        self._written = self._taken = 0
        self._moved_at = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FEED_MS)
        self._timer.timeout.connect(self._feed)
        self._sink.stateChanged.connect(self._on_state)
        self._rest()

    @property
    def opened(self) -> bool:
        from PySide6.QtMultimedia import QtAudio

        return self._io is not None and self._sink.error() == QtAudio.Error.NoError

    def play(self, pcm: bytes) -> None:
        from PySide6.QtMultimedia import QtAudio

        self._drop_queued()
        self._pcm, self._pos = pcm, 0  # first: resuming reports a state (see _rest)
        if self._sink.state() == QtAudio.State.SuspendedState:
            self._sink.resume()
        self._feed()
        if self._pos < len(self._pcm):
            self._timer.start()

    def stop(self) -> None:
        """Silence now: forget the sound and what the device has not played yet."""
        self._timer.stop()
        self._pcm, self._pos = b"", 0
        self._drop_queued()

    def set_volume(self, volume: float) -> None:
        self._sink.setVolume(volume)

    def sounding(self) -> bool:
        """A sound is being written or is still queued for the device."""
        return self._pos < len(self._pcm) or self.queued() > 0

    @Slot()  # without the state: PySide 6.11 cannot convert QAudio::State for a slot
    def _on_state(self) -> None:
        self._rest()

    def _rest(self) -> None:
        """Pause (cork) a stream that has played everything: an open, running stream with
        nothing to play is asked for more by the server every few ms, which woke this
        process about 200 times a second between sounds. ``play`` resumes it."""
        from PySide6.QtMultimedia import QtAudio

        if self._sink.state() == QtAudio.State.IdleState and not self.sounding():
            self._sink.suspend()

    def queued(self) -> int:
        return max(0, self._sink.bufferSize() - self._sink.bytesFree())

    def stuck(self) -> bool:
        """Something is queued and the device has taken none of it for STUCK_SECONDS."""
        queued, now = self.queued(), time.monotonic()
        taken = self._written - queued
        if taken != self._taken or queued == 0:
            self._taken, self._moved_at = taken, now
            return False
        return now - self._moved_at > STUCK_SECONDS

    def _write(self, data: bytes) -> int:
        assert self._io is not None
        written = max(0, self._io.write(data))
        self._written += written
        return written

    def _drop_queued(self) -> None:
        """Drop a sound still queued. Qt's only way is ``reset()``, which also stops the
        stream and deletes its device: start it again (a few ms)."""
        if self._io is not None and self.queued():
            self._sink.reset()
            self._io = self._sink.start()
            self._written = self._taken = 0
            self._moved_at = time.monotonic()

    def _feed(self) -> None:
        if self._io is None:
            self._timer.stop()
            return
        free = self._sink.bytesFree() // 2 * 2
        if free and self._pos < len(self._pcm):
            self._pos += self._write(self._pcm[self._pos : self._pos + free])
        if self._pos >= len(self._pcm):
            self._timer.stop()
            self._pcm, self._pos = b"", 0


class Player(QObject):
    """Carries out the window's commands on one stream per channel."""

    command = Signal(object)  #: a decoded command from the reader thread

    def __init__(self, device: Any) -> None:
        super().__init__()
        self._streams = {name: Stream(device, self) for name in CHANNELS}
        self._sounds: dict[str, bytes] = {}
        self.command.connect(self._do)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check)

    @property
    def opened(self) -> bool:
        return all(s.opened for s in self._streams.values())

    def start(self) -> None:
        _say("ready")

    def _do(self, cmd: dict[str, Any]) -> None:
        op = cmd.get("op")
        stream = self._streams.get(str(cmd.get("channel")))
        if op == "load":
            pcm = cmd.get("pcm")
            if isinstance(pcm, bytes):
                self._sounds[str(cmd["id"])] = pcm
                _say("loaded", id=cmd["id"])
            else:
                _say("load_failed", id=cmd.get("id"), reason=str(cmd.get("reason")))
        elif op == "play" and stream is not None:
            pcm = self._sounds.get(str(cmd.get("id")))
            if pcm is not None:
                stream.play(pcm)
                if not self._watch.isActive():
                    self._watch.start()  # only while something sounds: see _check
                _say("playing", channel=cmd["channel"], id=cmd["id"])
        elif op == "stop" and stream is not None:
            stream.stop()
        elif op == "volume" and stream is not None:
            stream.set_volume(float(cmd.get("value", 1.0)))
        elif op == "quit":
            QCoreApplication.quit()

    def _check(self) -> None:
        if any(s.stuck() for s in self._streams.values()):
            self._lost()
        elif not any(s.sounding() for s in self._streams.values()):
            self._watch.stop()  # a silent stream cannot be checked: until the next sound

    def _lost(self) -> None:
        _say("lost")
        os._exit(EXIT_LOST)  # Qt's teardown would touch the dead server's context


def _read_commands(player: Player) -> None:
    """On a thread: decode each line; read WAV files here so the streams never wait."""
    for raw in sys.stdin.buffer:
        try:
            cmd = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(cmd, dict):
            continue
        if cmd.get("op") == "load":
            try:
                cmd["pcm"] = read_pcm(Path(str(cmd.get("path"))))
            except (OSError, EOFError, wave.Error) as exc:
                cmd["reason"] = str(exc)
        player.command.emit(cmd)
    player.command.emit({"op": "quit"})  # the window closed our stdin, or died


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    # The command reader is a thread: garbage collection stays on this one (see there).
    GuiThreadCollector(app)
    from PySide6.QtCore import QLoggingCategory

    # The backend reports which libraries it tried (PipeWire, FFmpeg): noise, not problems.
    QLoggingCategory.setFilterRules("qt.multimedia.*.warning=false\nqt.multimedia.*.info=false")
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        _say("no_multimedia", reason=str(exc))
        return EXIT_NO_MULTIMEDIA
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        _say("no_device")
        return EXIT_NO_DEVICE
    player = Player(device)
    if not player.opened:
        _say("no_device")
        os._exit(EXIT_NO_DEVICE)
    threading.Thread(target=_read_commands, args=(player,), daemon=True).start()
    player.start()
    app.exec()
    os._exit(0)  # nothing to tear down that the system does not free; see _lost


if __name__ == "__main__":
    sys.exit(main())
