"""One audio output stream, opened once and fed by us, for every sound BackTimer makes.

Why not a QSoundEffect per sound: each opens and closes its own PulseAudio stream, and
with dozens of them (one per spoken phrase) Qt 6.11's PulseAudio backend was seen to leave
a socket notifier on a closed descriptor: the GUI thread then spun at 100 % printing
"QSocketNotifier: Invalid socket" (and crashed under pytest-qt's message handler). A
single stream that stays open for the program's life never churns streams. It also makes
the timing ours: a sound starts with the first write, and stopping drops what is queued.
"""

from __future__ import annotations

import array
import logging
import wave
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

log = logging.getLogger(__name__)

RATE = 44100  #: samples a second; every sound is converted to this, mono, 16 bit
BYTES_PER_SECOND = RATE * 2
#: Qt's buffer: small, so stopping is quick, yet several feed ticks deep.
BUFFER_BYTES = BYTES_PER_SECOND * 60 // 1000
FEED_MS = 10


def read_pcm(path: Path) -> bytes:
    """A 16-bit PCM WAV as mono 44.1 kHz bytes (espeak-ng writes 22,050 Hz: doubled)."""
    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2:
            raise wave.Error(f"{path.name}: only 16-bit sound is supported")
        rate, channels = w.getframerate(), w.getnchannels()
        samples = array.array("h", w.readframes(w.getnframes()))
    if channels > 1:  # keep the first channel
        samples = samples[::channels]
    if rate != RATE:
        samples = _resample(samples, rate)
    return samples.tobytes()


def _resample(samples: array.array[int], rate: int) -> array.array[int]:
    """Nearest-sample conversion: plenty for speech and beeps, and allocation-light."""
    n = int(len(samples) * RATE / rate)
    step = rate / RATE
    return array.array("h", (samples[min(len(samples) - 1, int(i * step))] for i in range(n)))


class AudioOut(QObject):
    """Plays one sound at a time on a stream that stays open; ``play`` replaces what sounds.

    Contract: ``play`` starts the sound within one feed tick; ``stop`` drops everything
    queued at once; nothing here blocks. ``available`` is False when there is no output
    device.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pcm = b""
        self._pos = 0
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FEED_MS)
        self._timer.timeout.connect(self._feed)
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return
        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(device, fmt, self)
        self._sink.setBufferSize(BUFFER_BYTES)

    @property
    def available(self) -> bool:
        return self._sink is not None

    def open(self) -> bool:
        """Start the stream on first use (and again if the device dropped it)."""
        if self._sink is None:
            return False
        if self._io is None or self._sink.state() == QtAudio.State.StoppedState:
            self._io = self._sink.start()
            if self._io is None or self._sink.error() != QtAudio.Error.NoError:
                log.warning("audio output would not start: %s", self._sink.error())
                self._io = None
                return False
        return True

    def play(self, pcm: bytes) -> bool:
        if not self.open():
            return False
        self._drop_queued()
        self._pcm, self._pos = pcm, 0
        self._feed()
        if self._pos < len(self._pcm):
            self._timer.start()
        return True

    def stop(self) -> None:
        """Silence now: forget the sound and what the device has not played yet (also the
        tail of a sound already handed over in full)."""
        self._timer.stop()
        self._pcm, self._pos = b"", 0
        self._drop_queued()

    def _drop_queued(self) -> None:
        if (
            self._sink is not None
            and self._io is not None
            and self._sink.bytesFree() < (self._sink.bufferSize())
        ):
            self._sink.reset()  # discards the queued samples; the stream stays open

    def set_volume(self, volume: float) -> None:
        if self._sink is not None:
            self._sink.setVolume(volume)

    def _feed(self) -> None:
        if self._sink is None or self._io is None:
            self._timer.stop()
            return
        free = self._sink.bytesFree() // 2 * 2
        if free and self._pos < len(self._pcm):
            chunk = self._pcm[self._pos : self._pos + free]
            written = self._io.write(chunk)
            self._pos += max(0, written)
        if self._pos >= len(self._pcm):
            self._timer.stop()
            self._pcm, self._pos = b"", 0

    def shutdown(self) -> None:
        self._timer.stop()
        if self._sink is not None:
            self._sink.stop()
