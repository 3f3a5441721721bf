"""Hearing "stop" with a small trained model on general speech features.

openWakeWord's front end turns each 80 ms of 16 kHz audio into 32 mel bands and, over the
last 0.775 s of them, Google's speech embedding: 96 numbers that describe what was said,
learnt from a large amount of real speech in noise. A small network of our own
(``resources/voice/stop-head.npz``, made by bench/voice_train.py) reads the last 1.28 s
of embeddings, one every :attr:`Head.stride` chunks (8 of them, 160 ms apart: the
embedding is most of the listener's CPU, and one per 80 ms heard no better), and gives
the chance that a "stop" has just ended. It replaced pocketsphinx's keyword spotting for
"stop" because, measured on the same sets (bench/voice_sweep.py), it hears "stop" over
room noise and does not take talk for it (README, "Voice stop").

While the program itself sounds the listener is deaf anyway (:mod:`own_sound`), so no
embedding is made then unless a decision after the sound will read it.

Pure but for the models: 16 kHz mono Int16 in, words out; the clock is the audio's own.
"""

from __future__ import annotations

import math
import zipfile
from collections import deque
from collections.abc import Callable
from pathlib import Path

import numpy as np

from backtimer.gui.listen import tflite
from backtimer.gui.listen.own_sound import OwnSound
from backtimer.gui.listen.resample import RATE
from backtimer.resources import resource_path

Floats = tflite.Floats

WORD = "stop"
CHUNK = 1280  #: samples the mel model takes at a time (80 ms)
MEL_SAMPLES = 1760  #: the mel model's input: the chunk and the 30 ms its windows overlap
BANDS = 32
EMBED_MELS = 76  #: mel frames under one embedding (0.775 s)
FEATURES = 96
#: The head's score and how many windows in a row must reach it: chosen on held-out
#: validation speech made with other voices and texts than the benchmark's (README).
THRESHOLD = 0.97
IN_A_ROW = 2
#: seconds after a detection in which nothing more is heard: "stop, stop!" is one command
#: (at 1 s, the second "stop" of it stopped a session the bench had just resumed)
REFRACTORY = 2.0
WORD_SECONDS = 0.8  #: how far back from a detection the word may have started


def head_path() -> Path:
    return resource_path("voice", "stop-head.npz")


class Head:
    """The trained network: standardise, two ReLU layers, a logistic output."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as saved:
            self._mu, self._sd = saved["mu"], saved["sd"]
            self._layers = [(saved[f"W{i}"], saved[f"b{i}"]) for i in (1, 2, 3)]
            #: chunks from one embedding it reads to the next (a file without it: every one)
            self.stride = int(saved["stride"]) if "stride" in saved.files else 1
        self.window = len(self._mu) // FEATURES  #: embeddings it reads
        if self.window * FEATURES != len(self._mu) or self.stride < 1:
            raise ValueError("the model's shape is not a window of embeddings")

    @property
    def seconds(self) -> float:
        """How much audio its window spans."""
        return self.window * self.stride * CHUNK / RATE

    def score(self, window: Floats) -> float:
        x = (window.ravel() - self._mu) / self._sd
        for i, (weights, bias) in enumerate(self._layers):
            x = x @ weights + bias
            if i < len(self._layers) - 1:
                x = np.maximum(x, 0.0)
        z = max(-60.0, min(60.0, float(x[0])))  # past that the answer is 0 or 1 anyway
        return 1.0 / (1.0 + math.exp(-z))


class Features:
    """Audio in, one embedding (96 numbers) per 80 ms chunk where it is wanted."""

    def __init__(self) -> None:
        models = tflite.package_folder() / "models"
        self._mel = tflite.Model(models / "melspectrogram.tflite", (1, MEL_SAMPLES))
        self._embed = tflite.Model(models / "embedding_model.tflite", (1, EMBED_MELS, BANDS, 1))
        self._pending = b""
        self._overlap = np.zeros(MEL_SAMPLES - CHUNK, dtype=np.float32)
        self._mels: Floats | None = None
        self.chunks = 0  #: 80 ms chunks heard so far

    def feed(
        self, pcm: bytes, wanted: Callable[[int], bool] | None = None
    ) -> list[tuple[int, Floats | None]]:
        """(number, embedding) of each chunk that ``pcm`` completes; the embedding is None
        where ``wanted(number)`` said no (the mel bands, cheap, are always made: the next
        embedding reads them)."""
        self._pending += pcm
        out: list[tuple[int, Floats | None]] = []
        while len(self._pending) >= CHUNK * 2:
            chunk = np.frombuffer(self._pending[: CHUNK * 2], dtype=np.int16)
            self._pending = self._pending[CHUNK * 2 :]
            samples = np.concatenate([self._overlap, chunk.astype(np.float32)])
            self._overlap = samples[CHUNK:]
            mels = self._mel(samples).reshape(-1, BANDS) / 10.0 + 2.0  # openWakeWord's scaling
            if self._mels is None:  # the first chunk stands for what came before it
                self._mels = np.repeat(mels.mean(axis=0, keepdims=True), EMBED_MELS, axis=0)
            self._mels = np.concatenate([self._mels[len(mels) :], mels])
            self.chunks += 1
            if wanted is None or wanted(self.chunks):
                out.append((self.chunks, self._embed(self._mels[None, :, :, None])))
            else:
                out.append((self.chunks, None))
        return out


class ModelSpotter:
    """ "stop" by the model, with the Spotter's interface and its own-voice rule: while
    the program sounds (and a second after) nothing heard counts."""

    def __init__(self, features: Features, head: Head) -> None:
        self._features, self._head = features, head
        self._window: deque[Floats] = deque(maxlen=head.window)
        self._fed = 0  #: bytes of audio heard so far
        self._run = 0
        self._quiet_until = 0.0
        self._own = OwnSound()
        #: An embedding made while we sound is needed only if a decision that is not ours
        #: reads it: one at least WORD_SECONDS after our sound, within the window's span.
        self._unread = max(0.0, head.seconds - WORD_SECONDS)
        self.threshold, self.in_a_row = THRESHOLD, IN_A_ROW  #: benchmarks try others
        self.phase = 0  #: which chunks are embedded (benchmarks try each)
        self.last_score = 0.0
        self.embedded = 0  #: embeddings made, for benchmarks and tests

    @property
    def seconds(self) -> float:
        return self._fed / 2 / RATE

    def own_sound(self, seconds: float, at: float | None = None) -> None:
        """As :meth:`Spotter.own_sound`."""
        now = self.seconds
        self._own.sounds(now if at is None else max(now, at), seconds)

    def feed(self, pcm: bytes) -> list[str]:
        found: list[str] = []
        self._fed += len(pcm)
        for n, embedding in self._features.feed(pcm, self._wanted):
            if not self._reads(n):
                continue
            at = n * CHUNK / RATE  # the end of what this embedding heard
            if embedding is None:  # ours: what stands in its place is never decided on
                if self._window:
                    self._window.append(self._window[-1])
                self._run = 0
                continue
            self.embedded += 1
            if not self._window:  # what came before the microphone opened was like this
                self._window.extend([embedding] * (self._head.window - 1))
            self._window.append(embedding)
            self.last_score = self._head.score(np.stack(self._window))
            self._run = self._run + 1 if self.last_score >= self.threshold else 0
            if self._run >= self.in_a_row and at >= self._quiet_until and not self._ours(at):
                found.append(WORD)
                self._quiet_until = at + REFRACTORY
                self._run = 0
        return found

    def _reads(self, n: int) -> bool:
        """Whether the network reads chunk ``n``'s embedding (one in every stride)."""
        return (n + self.phase) % self._head.stride == 0

    def _wanted(self, n: int) -> bool:
        if not self._reads(n):
            return False
        at = n * CHUNK / RATE
        # Within our sound, with more of it to come than a decision could read: skip it.
        # (Our sound cut short still ends a TAIL after now, so this stays true.)
        return not self._own.holds(at, at + self._unread)

    def _ours(self, at: float) -> bool:
        return self._own.covers(at - WORD_SECONDS, at)


def make_model_spotter() -> ModelSpotter:
    """The model spotter (ImportError when pyopen-wakeword or the head is missing)."""
    path = head_path()
    if not path.is_file():
        raise ImportError(f"the voice stop model is missing ({path})")
    try:
        head = Head(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:  # a damaged file
        raise ImportError(f"the voice stop model cannot be read ({path}): {exc}") from exc
    return ModelSpotter(Features(), head)
