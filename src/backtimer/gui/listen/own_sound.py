"""When the program itself sounds, on the audio's clock: both spotters are deaf then.

The window tells the listener "we sound for S s from now"; what it hears in that time,
and for :data:`TAIL` after (the time our sound takes to reach the microphone and be
decoded, with room for a busy machine's late start), is our own voice, never a command.
"""

from __future__ import annotations

from collections import deque

TAIL = 1.0  #: seconds after our own sound ends that still count as ours


class OwnSound:
    """The last stretches of our own sound, each with its tail, as (from, to) seconds."""

    def __init__(self) -> None:
        self._spans: deque[tuple[float, float]] = deque(maxlen=32)

    def sounds(self, now: float, seconds: float) -> None:
        """We sound from ``now`` for ``seconds``; 0: we fell silent at ``now`` (what is
        already on its way still arrives, so the tail stays)."""
        if seconds > 0:
            self._spans.append((now, now + seconds + TAIL))
        elif self._spans:
            start, end = self._spans[-1]
            self._spans[-1] = (start, min(end, now + TAIL))

    def covers(self, start: float, end: float) -> bool:
        """Whether [start, end] overlaps our own sound (or its tail)."""
        return any(a < end and start < b for a, b in self._spans)

    def holds(self, start: float, end: float) -> bool:
        """Whether one stretch of our own sound (with its tail) holds all of [start, end]."""
        return any(a <= start and end <= b for a, b in self._spans)
