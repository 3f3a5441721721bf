"""Reading WAV files as the one PCM format every stream plays: mono, 16 bit, 44.1 kHz."""

from __future__ import annotations

import array
import wave
from pathlib import Path

RATE = 44100  #: samples a second; every sound is converted to this, mono, 16 bit
BYTES_PER_SECOND = RATE * 2


def wav_seconds(path: Path) -> float:
    """The length of a WAV file from its header (no samples are read)."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


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
        samples = resample(samples, rate)
    return samples.tobytes()


def resample(samples: array.array[int], rate: int) -> array.array[int]:
    """Nearest-sample conversion to :data:`RATE`: plenty for speech and beeps.

    Whole-number ratios (espeak-ng's 22,050 Hz) repeat each sample by slice assignment,
    at C speed: a pure-Python loop took tens of ms per phrase.
    """
    if RATE % rate == 0:
        factor = RATE // rate
        out = array.array("h", bytes(2 * len(samples) * factor))
        for k in range(factor):
            out[k::factor] = samples
        return out
    n = int(len(samples) * RATE / rate)
    step = rate / RATE
    return array.array("h", (samples[min(len(samples) - 1, int(i * step))] for i in range(n)))
