"""The clocks a session runs on: monotonic time, and the tell of a suspended machine.

The engine takes any ``Callable[[], float]`` as its clock; these are the real ones.
"""

from __future__ import annotations

import sys
import time


def monotonic() -> float:
    """Seconds on a clock that never jumps with wall-clock changes (NTP, time zones)."""
    return time.monotonic()


def suspend_gap() -> float:
    """Seconds the machine has spent suspended since boot, as far as can be told.

    On Linux CLOCK_MONOTONIC stops while suspended and CLOCK_BOOTTIME does not, so their
    difference grows by the length of each suspend. Elsewhere there is no such tell and
    this is always 0.0 (the engine then relies on late wake-ups alone).
    """
    if sys.platform.startswith("linux"):
        boottime = getattr(time, "CLOCK_BOOTTIME", None)
        if boottime is not None:
            return time.clock_gettime(boottime) - time.clock_gettime(time.CLOCK_MONOTONIC)
    return 0.0
