"""Turning what a microphone gives into what the recogniser wants: 16 kHz mono Int16.

Pure Python on purpose (no numpy dependency): PulseAudio and PipeWire convert for us, so
this runs only where a backend offers no 16 kHz mono capture; then it costs a few per cent
of a core (measured in bench/voice_stop.py's notes).
"""

from __future__ import annotations

import array
import sys

RATE = 16_000  #: what pocketsphinx's US-English model was trained on


def to_mono_int16(data: bytes, channels: int, *, floats: bool) -> array.array[int]:
    """Interleaved Int16 (or Float32 when ``floats``) frames, averaged to one channel."""
    if floats:
        samples: array.array[float] | array.array[int] = array.array("f")
    else:
        samples = array.array("h")
    usable = len(data) - len(data) % (samples.itemsize * max(1, channels))
    samples.frombytes(data[:usable])
    if sys.byteorder != "little":
        samples.byteswap()
    if channels <= 1 and not floats:  # what PulseAudio and PipeWire give: as it is
        return samples  # type: ignore[return-value]
    scale = 32767.0 if floats else 1.0
    out = array.array("h")
    if channels <= 1:
        out.extend(max(-32768, min(32767, int(s * scale))) for s in samples)
        return out
    for i in range(0, len(samples), channels):
        mean = sum(samples[i : i + channels]) / channels * scale
        out.append(max(-32768, min(32767, int(mean))))
    return out


class Resampler:
    """Changes the rate of a mono stream chunk by chunk, keeping its phase across chunks
    (nearest lower sample with averaging of the samples skipped: good enough for speech
    into a recogniser that looks at 0-8 kHz)."""

    def __init__(self, rate_in: int, rate_out: int = RATE) -> None:
        self._step = rate_in / rate_out
        self._pos = 0.0  #: where the next output sample lies, in input samples from now
        self._carry = array.array("h")

    def feed(self, mono: array.array[int]) -> bytes:
        if self._step == 1.0:
            return mono.tobytes()
        samples = self._carry + mono
        out = array.array("h")
        pos, step = self._pos, self._step
        width = max(1, int(step))
        while pos + width <= len(samples):
            start = int(pos)
            window = samples[start : start + width]
            out.append(sum(window) // len(window))
            pos += step
        keep = int(pos)
        self._carry = samples[keep:]
        self._pos = pos - keep
        return out.tobytes()
