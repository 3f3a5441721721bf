"""Make BackTimer's cue sounds: ``python resources/sounds/generate.py`` rewrites the WAVs here.

Standard library only (wave + math), so anyone can change a sound and regenerate. Every
sound is a few soft sine notes with a gentle attack (no click) and a bell-like decay,
44.1 kHz, 16-bit mono, peak at about -6 dBFS so the voice (espeak-ng) and beeps sit at a
similar loudness. Each cue has its own shape, so it can be told apart with eyes closed:

    get_ready   two rising notes        something new is about to start
    hold        one warm low-mid note   hold now
    count       a short high tick       3, 2, 1 before a hold ends
    release     two falling notes       the hold is over, let go
    switch      two quick equal pips    change sides
    rest_over   one soft mid note       the rest is over
    done        a rising four-note arpeggio   session finished
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
PEAK = 0.5  #: -6 dBFS: loud enough across a room, never harsh
ATTACK = 0.008  #: seconds; shorter than ~5 ms clicks

#: (frequency Hz, start s, length s) notes per sound
SOUNDS: dict[str, list[tuple[float, float, float]]] = {
    "get_ready": [(659.3, 0.0, 0.22), (880.0, 0.16, 0.30)],
    "hold": [(523.3, 0.0, 0.40)],
    "count": [(1046.5, 0.0, 0.09)],
    "release": [(880.0, 0.0, 0.22), (659.3, 0.16, 0.38)],
    "switch": [(740.0, 0.0, 0.12), (740.0, 0.17, 0.14)],
    "rest_over": [(587.3, 0.0, 0.30)],
    "done": [(523.3, 0.0, 0.25), (659.3, 0.14, 0.25), (784.0, 0.28, 0.25), (1046.5, 0.42, 0.55)],
}


def note_sample(freq: float, t: float, length: float) -> float:
    """One note at time ``t`` into it: a sine plus a soft octave, shaped by its envelope."""
    if t < 0 or t >= length:
        return 0.0
    attack = min(1.0, t / ATTACK)
    decay = math.exp(-4.0 * t / length)
    release = min(1.0, (length - t) / 0.01)  # fade the last 10 ms to zero: no click at the end
    tone = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
    return tone / 1.25 * attack * decay * release


def render(notes: list[tuple[float, float, float]]) -> bytes:
    total = max(start + length for _, start, length in notes) + 0.02
    frames = bytearray()
    for i in range(int(total * RATE)):
        t = i / RATE
        value = sum(note_sample(f, t - start, length) for f, start, length in notes)
        frames += struct.pack("<h", int(max(-1.0, min(1.0, value * PEAK)) * 32767))
    return bytes(frames)


def write(path: Path, frames: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main() -> None:
    here = Path(__file__).resolve().parent
    for name, notes in SOUNDS.items():
        write(here / f"{name}.wav", render(notes))
        print(f"wrote {name}.wav")


if __name__ == "__main__":
    main()
