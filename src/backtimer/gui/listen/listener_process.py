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
:data:`TAIL` after, the time it takes to reach the microphone and be decoded) nothing
heard counts. A second, stricter spotter over our own voice was tried and measured
(bench/voice_stop.py): at 1e-10 it stopped 41 times on our own phrases in 9 passes and
heard none of 17 "stop"s said over them; at 1e-7, 15 and none. So the listener is deaf
while we sound, and a person's "stop" is heard once our sentence ends.

Privacy: samples live only in this process's memory, a few hundred ms at a time; nothing
is written anywhere. The process exits with the window's stdin, or is killed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, Signal

from backtimer.gui.listen.own_sound import TAIL as TAIL  # re-exported: tests and benches
from backtimer.gui.listen.own_sound import OwnSound
from backtimer.gui.listen.resample import RATE, Resampler, to_mono_int16

EXIT_NO_MICROPHONE = 3
EXIT_NO_MULTIMEDIA = 4
EXIT_LOST = 5
EXIT_NO_RECOGNISER = 6
EXIT_BUSY = 7
REFRACTORY = 1.0  #: seconds after a detection in which the same utterance is not heard again
FRAME_SECONDS = 0.03  #: the voice activity detector's frame; the spotters get the same
PAUSE = 0.15  #: seconds without speech that make a pause around a keyword
LOOK_BEFORE = 1.0  #: the pause before a keyword ends at most this long before it ("ow, stop")
LOOK_AFTER = 0.6  #: the pause after starts at most this long after the recogniser's word end
#: (which it often puts early: it reports "stop" while the "p" still sounds)
UTTERANCE_GAP = 0.4  #: seconds without speech that end an utterance for the spotter
VAD_MARGIN = 0.05  #: seconds the word's edges may be off from the activity detector's
#: The cepstral mean a new utterance starts from after a stretch of mostly no speech
#: (pocketsphinx's own initial value). Its running mean otherwise settles on the room's
#: noise over minutes and the spotter goes deaf in it: over continuous room noise it heard
#: 12 of 40 "stop"s, with the reset 29 (bench/voice_sweep.py, bench/voice_verify.py).
CMN_INIT = "40,3,-1"
RESET_LOOK = 2.0  #: seconds looked back at, before a new utterance, for how much was speech
#: reset only when less than this share of RESET_LOOK was speech: resetting inside talk
#: too, at every short pause, let 45 false stops through in 10 minutes of talk, not 29
#: (threshold 1e-20; 35 below a share of 0.5)
RESET_BELOW = 0.3
READ_BYTES = RATE * 2 * 30 // 1000  #: about 30 ms a read: latency, not throughput


def _say(event: str, **values: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **values}) + "\n")
    sys.stdout.flush()


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="listener_process")
    p.add_argument("--word", action="append", default=[])
    p.add_argument("--threshold", type=float, default=1e-20)
    return p.parse_args(argv)


def make_decoder(words: list[str], threshold: float) -> Any:
    """A pocketsphinx keyword spotter for ``words`` at ``threshold`` (raises ImportError
    when pocketsphinx is missing, ValueError for a word its dictionary lacks)."""
    from pocketsphinx import Decoder

    decoder = Decoder(loglevel="FATAL")
    for word in words:
        if decoder.lookup_word(word) is None:
            raise ValueError(f"{word!r} is not in the recogniser's dictionary")
    # Keyword lists come only from a file; it holds the words, nothing heard.
    with tempfile.TemporaryDirectory(prefix="backtimer-kws-") as folder:
        path = Path(folder, "keywords.txt")
        path.write_text("".join(f"{w} /{threshold:g}/\n" for w in words), encoding="utf-8")
        decoder.add_kws("keywords", str(path))
    decoder.activate_search("keywords")
    decoder.start_utt()
    return decoder


def make_vad() -> Any:
    """pocketsphinx's voice activity detector (WebRTC's), 30 ms frames at 16 kHz."""
    from pocketsphinx import Vad

    # STRICT: the loose modes call the first frames of digital silence speech, and hang on
    return Vad(Vad.STRICT, RATE, FRAME_SECONDS)


class Spotter:
    """Keyword spotting with two rules on top of pocketsphinx, so that talk is no command.

    - *A word on its own*: a keyword counts only with a pause (:data:`PAUSE`) shortly
      before and shortly after it, as told by a voice activity detector. Someone in pain
      says "Stop!"; a "stop"-like sound inside a sentence (ours, or someone talking in
      the room) is not that.
    - *Our own voice*: while the program sounds (and :data:`TAIL` after) nothing counts.

    After a stretch of mostly no speech a new utterance starts from :data:`CMN_INIT`, so
    minutes of room noise do not leave the spotter deaf.

    Pure: give it 16 kHz mono Int16 samples, it answers; the clock is the audio's own.
    """

    def __init__(
        self, normal: Any, vad: Any, cmn: str | None = CMN_INIT, reset_below: float = RESET_BELOW
    ) -> None:
        self._normal = normal
        self._cmn, self._reset_below = cmn, reset_below  #: cmn None: never reset
        self._vad = vad
        self._frame = int(vad.frame_bytes)
        self._rest = b""
        self._t = 0.0  #: seconds of audio heard so far
        self._utt_start = 0.0
        self._speech: deque[tuple[float, bool]] = deque(maxlen=int(4 / FRAME_SECONDS))
        self._own = OwnSound()
        self._pending: list[tuple[str, float, float]] = []  #: word, from, to
        self._quiet_until = 0.0
        self._heard_speech, self._silent_frames = False, 0

    @property
    def seconds(self) -> float:
        return self._t

    def own_sound(self, seconds: float, at: float | None = None) -> None:
        """The program sounds from now for ``seconds`` (0: it fell silent). ``at``: now on
        the audio's clock, when the device has captured more than we have decoded yet (a
        busy machine): the window must cover the sound where it will be in the audio."""
        self._own.sounds(self._t if at is None else max(self._t, at), seconds)

    def feed(self, pcm: bytes) -> list[str]:
        """Keywords confirmed by the end of ``pcm``."""
        data = self._rest + pcm
        usable = len(data) - len(data) % self._frame
        self._rest = data[usable:]
        found: list[str] = []
        for i in range(0, usable, self._frame):
            frame = data[i : i + self._frame]
            speech = bool(self._vad.is_speech(frame))
            self._speech.append((self._t, speech))
            self._normal.process_raw(frame, False, False)
            self._hypothesis()
            self._segment(speech)
            self._t += FRAME_SECONDS
            found += self._confirm()
        return found

    def _segment(self, speech: bool) -> None:
        """A new utterance after each pause: in one long utterance the spotter finds a
        third of the keywords it finds in fresh ones (bench/voice_stop.py, live)."""
        if speech:
            self._heard_speech, self._silent_frames = True, 0
            return
        self._silent_frames += 1
        if self._heard_speech and self._silent_frames * FRAME_SECONDS >= UTTERANCE_GAP:
            self._heard_speech = False
            self._restart()

    def _hypothesis(self) -> None:
        decoder = self._normal
        if decoder.hyp() is None:
            return
        base = self._utt_start
        for seg in decoder.seg():
            word = str(seg.word).split("(")[0].strip()
            if word and not word.startswith(("<", "[")):
                start, end = base + seg.start_frame / 100, base + (seg.end_frame + 1) / 100
                self._pending.append((word, start, end))
        self._restart()

    def _restart(self) -> None:
        """A fresh utterance; from the initial cepstral mean after mostly no speech."""
        self._normal.end_utt()
        if self._cmn is not None and self._speech_share() < self._reset_below:
            self._normal.set_cmn(self._cmn)
        self._normal.start_utt()
        self._utt_start = self._t + FRAME_SECONDS

    def _confirm(self) -> list[str]:
        found: list[str] = []
        keep: list[tuple[str, float, float]] = []
        for word, start, end in self._pending:
            if start < self._quiet_until or self._ours(start, end):
                continue
            verdict = self._alone(start, end)
            if verdict is None:
                keep.append((word, start, end))  # the pause after is still to come
            elif verdict and self._accepted(start, end):
                found.append(word)
                self._quiet_until = end + REFRACTORY
        self._pending = [p for p in keep if p[1] >= self._quiet_until]
        return found

    def _speech_share(self) -> float:
        """The share of the last RESET_LOOK seconds the activity detector called speech."""
        recent = [speech for t, speech in self._speech if t >= self._t - RESET_LOOK]
        return sum(recent) / len(recent) if recent else 0.0

    def _accepted(self, start: float, end: float) -> bool:
        """A second opinion's place, on a keyword on its own at [start, end] (seconds).
        bench/voice_verify.py collects candidates here; the second opinions it measured
        (a phone decoder, word-length limits, a phone-loop grammar, pocketsphinx's full
        en-us language model or a loop of its most frequent words on the word and its
        context, the share of speech before it) lost more "stop"s than they removed false
        stops, or were far too slow, so there is none."""
        return True

    def _alone(self, start: float, end: float) -> bool | None:
        """A pause (PAUSE seconds without speech) shortly before ``start`` and shortly after
        ``end``; None while the time after has not been heard yet."""
        if self._pause_in(start - LOOK_BEFORE, start + VAD_MARGIN) is None:
            return False
        if self._pause_in(end - VAD_MARGIN, end + LOOK_AFTER) is not None:
            return True
        return None if self._t < end + LOOK_AFTER + PAUSE else False

    def _pause_in(self, earliest: float, latest: float) -> float | None:
        """When the first PAUSE without speech that starts in [earliest, latest] starts."""
        need = round(PAUSE / FRAME_SECONDS)
        run_start, run = 0.0, 0
        for t, speech in self._speech:
            if t < earliest:
                continue
            if speech:
                run = 0
                if t > latest:
                    return None
                continue
            if run == 0:
                run_start = t
                if t > latest:
                    return None
            run += 1
            if run >= need:
                return run_start
        return None

    def _ours(self, start: float, end: float) -> bool:
        """Whether [start, end] overlaps the program's own sound (or its tail)."""
        return self._own.covers(start, end)


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
