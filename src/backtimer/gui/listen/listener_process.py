"""The listener process: the microphone, heard by a keyword spotter, and nothing else.

Run as ``python -m backtimer.gui.listen.listener_process --word stop [--word ouch]
--threshold T`` by :class:`~backtimer.gui.listen.listener.Listener`. It opens
the default microphone with QtMultimedia (16 kHz mono Int16, converted here if the
device offers only something else), hears "stop" with the trained model of
:mod:`~backtimer.gui.listen.stop_model` (pocketsphinx's keyword spotting where that model
cannot run) and any other word with pocketsphinx, and writes one JSON object a line on
stdout:

    {"event": "ready"}                           the microphone is open and heard
    {"event": "heard", "word": W}                a keyword
    {"event": "no_recogniser" | "no_microphone" | "microphone_busy" | "no_multimedia"}

and reads on stdin:

    {"op": "own_sound", "seconds": S}     the program starts to sound for S s (0: it fell silent)
    {"op": "quit"}                                   (or stdin closing: the window is gone)

Its own voice is not a command: while the program's own sound plays (and for
:data:`~backtimer.gui.listen.own_sound.TAIL` after, the time it takes to reach the
microphone and be decoded) nothing heard counts. A second, stricter spotter over our own
voice was tried and measured (bench/voice_stop.py): at 1e-10 it stopped 41 times on our
own phrases in 9 passes and heard none of 17 "stop"s said over them; at 1e-7, 15 and
none. So the listener is deaf while we sound, and a person's "stop" is heard once our
sentence ends.

Privacy: samples live only in this process's memory, a few hundred ms at a time; nothing
is written anywhere. The process exits with the window's stdin, or is killed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, Signal

from backtimer.gui.listen.resample import RATE, Resampler, to_mono_int16
from backtimer.gui.listen.sphinx_spotter import Spotter, make_decoder, make_vad

EXIT_NO_MICROPHONE = 3
EXIT_NO_MULTIMEDIA = 4
EXIT_LOST = 5
EXIT_NO_RECOGNISER = 6
EXIT_BUSY = 7
READ_BYTES = RATE * 2 * 30 // 1000  #: about 30 ms a read: latency, not throughput


def _say(event: str, **values: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **values}) + "\n")
    sys.stdout.flush()


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="listener_process")
    p.add_argument("--word", action="append", default=[])
    p.add_argument("--threshold", type=float, default=1e-20)
    return p.parse_args(argv)


class AnyOf:
    """Several spotters heard as one: each hears everything, each word counts once."""

    def __init__(self, *spotters: Any) -> None:
        self._spotters = spotters

    @property
    def seconds(self) -> float:
        return float(self._spotters[0].seconds)

    def own_sound(self, seconds: float, at: float | None = None) -> None:
        for spotter in self._spotters:
            spotter.own_sound(seconds, at)

    def feed(self, pcm: bytes) -> list[str]:
        return [word for spotter in self._spotters for word in spotter.feed(pcm)]


def make_spotter(words: list[str], threshold: float) -> Any:
    """ "stop" by the trained model where it runs, the other words (or all of them, where it
    does not) by pocketsphinx. Raises ImportError when neither can run, ValueError for a
    word pocketsphinx's dictionary lacks."""
    spotters: list[Any] = []
    rest = list(words)
    if "stop" in rest:
        try:  # here, not at the top: the window imports this module's constants, and
            # numpy and the models come only with the voice extra
            from backtimer.gui.listen.stop_model import make_model_spotter

            spotters.append(make_model_spotter())
            rest.remove("stop")
        except (ImportError, OSError):  # no pyopen-wakeword, or its library will not load
            pass
    if rest:
        spotters.append(Spotter(make_decoder(rest, threshold), make_vad()))
    return spotters[0] if len(spotters) == 1 else AnyOf(*spotters)


class Microphone(QObject):
    """The default input, read as it arrives, converted to 16 kHz mono Int16."""

    chunk = Signal(bytes)  #: converted samples

    def __init__(self, device: Any, parent: QObject | None = None) -> None:
        from PySide6.QtMultimedia import QAudioFormat, QAudioSource

        super().__init__(parent)
        wanted = QAudioFormat()
        wanted.setSampleRate(RATE)
        wanted.setChannelCount(1)
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        fmt = wanted if device.isFormatSupported(wanted) else device.preferredFormat()
        if fmt.sampleFormat() not in (
            QAudioFormat.SampleFormat.Int16,
            QAudioFormat.SampleFormat.Float,
        ):
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._channels = max(1, fmt.channelCount())
        self._floats = fmt.sampleFormat() == QAudioFormat.SampleFormat.Float
        self._resampler = Resampler(fmt.sampleRate())
        self._source = QAudioSource(device, fmt, self)
        self._source.setBufferSize(READ_BYTES * fmt.sampleRate() // RATE * self._channels * 4)
        self._io: QIODevice | None = self._source.start()
        if self._io is not None:
            self._io.readyRead.connect(self._read)

    @property
    def opened(self) -> bool:
        from PySide6.QtMultimedia import QtAudio

        return self._io is not None and self._source.error() == QtAudio.Error.NoError

    def position(self) -> float:
        """Seconds of audio the device has captured since it opened (read by us or not)."""
        return float(self._source.processedUSecs()) / 1e6

    def _read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if not data:
            return
        mono = to_mono_int16(data, self._channels, floats=self._floats)
        pcm = self._resampler.feed(mono)
        if pcm:
            self.chunk.emit(pcm)


class Listener(QObject):
    """Joins the microphone to the spotter and the window's commands to both."""

    command = Signal(object)  #: a decoded command from the reader thread

    def __init__(self, microphone: Microphone, spotter: Any) -> None:
        super().__init__()
        self._microphone, self._spotter = microphone, spotter
        microphone.chunk.connect(self._heard)
        self.command.connect(self._do)

    def _heard(self, pcm: bytes) -> None:
        for word in self._spotter.feed(pcm):
            _say("heard", word=word)

    def _do(self, cmd: dict[str, Any]) -> None:
        op = cmd.get("op")
        if op == "own_sound":
            seconds = float(cmd.get("seconds", 0.0))
            self._spotter.own_sound(seconds, self._microphone.position())
        elif op == "quit":
            QCoreApplication.quit()


def _read_commands(listener: Listener) -> None:
    for raw in sys.stdin.buffer:
        try:
            cmd = json.loads(raw)
        except ValueError:
            continue
        if isinstance(cmd, dict):
            listener.command.emit(cmd)
    listener.command.emit({"op": "quit"})  # the window closed our stdin, or died


def main(argv: list[str] | None = None) -> int:
    options = _parse(sys.argv[1:] if argv is None else argv)
    words = [w.strip().lower() for w in options.word if w.strip()] or ["stop"]
    app = QCoreApplication(sys.argv[:1])
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules("qt.multimedia.*.warning=false\nqt.multimedia.*.info=false")
    try:
        spotter = make_spotter(words, options.threshold)
    except ImportError as exc:
        _say("no_recogniser", reason=str(exc))
        return EXIT_NO_RECOGNISER
    except (ValueError, RuntimeError) as exc:  # a word it cannot spot: spot the rest
        _say("no_recogniser", reason=str(exc))
        return EXIT_NO_RECOGNISER
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        _say("no_multimedia", reason=str(exc))
        return EXIT_NO_MULTIMEDIA
    device = QMediaDevices.defaultAudioInput()
    if device.isNull():
        _say("no_microphone")
        return EXIT_NO_MICROPHONE
    microphone = Microphone(device)
    if not microphone.opened:
        _say("microphone_busy")
        os._exit(EXIT_BUSY)
    listener = Listener(microphone, spotter)
    threading.Thread(target=_read_commands, args=(listener,), daemon=True).start()
    _say("ready")
    app.exec()
    os._exit(0)  # Qt's teardown of a dead sound server's context can assert; nothing to keep


if __name__ == "__main__":
    sys.exit(main())
