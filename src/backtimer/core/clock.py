"""The clocks a session runs on: monotonic time, and the tell of a suspended machine.

The engine takes any ``Callable[[], float]`` as its clock; these are the real ones.
"""

from __future__ import annotations

import time

from backtimer.core.platform import current


def monotonic() -> float:
    """Seconds on a clock that never jumps with wall-clock changes (NTP, time zones)."""
    return time.monotonic()


def suspend_gap() -> float:
    """Seconds the machine has spent suspended since boot, as far as can be told: the
    difference between a clock that runs through suspend and one that stops, as the
    system offers them (``core/platform``); always 0.0 where it offers none (the engine
    then relies on late wake-ups alone)."""
    return current().suspend_gap()
