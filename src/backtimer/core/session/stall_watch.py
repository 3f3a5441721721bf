"""Telling a stalled session from a running one: a wake-up much later than anything was
due, or a suspend of the machine seen in the boot-time/monotonic gap, means the person
was not timed, so the engine pauses as of the last good wake-up instead of completing
holds nobody did.
"""

from __future__ import annotations

from collections.abc import Callable

#: A growth of the boot-time/monotonic gap larger than this means the machine slept.
SUSPEND_TELL = 1.0


class StallWatch:
    """Remembers the last wake-up; :meth:`check` says whether the next one is a stall.

    ``suspend_gap`` is read exactly once per :meth:`mark` and per :meth:`check`.
    """

    def __init__(self, suspend_gap: Callable[[], float], threshold: float) -> None:
        self._suspend_gap = suspend_gap
        self._threshold = threshold
        self._last_wake = 0.0
        self._last_gap = 0.0

    def mark(self, now: float) -> None:
        """A good wake-up at ``now`` (the session starts or resumes)."""
        self._last_wake, self._last_gap = now, self._suspend_gap()

    def check(self, now: float, due: float | None) -> tuple[float, float] | None:
        """A wake-up at ``now`` with ``due`` the next thing that was due (None: nothing).

        A stall gives ``(at, lost)``: ``at`` the last good wake-up, where the session
        should pause, and ``lost`` the seconds since it, suspended time included; the
        last good wake-up then stays where it was. Otherwise None, and ``now`` becomes
        the last good wake-up. Either way the suspend seen so far is taken as known.
        """
        gap = self._suspend_gap()
        late = now - max(self._last_wake, due if due is not None else now)
        slept = gap - self._last_gap
        self._last_gap = gap
        if late > self._threshold or slept > SUSPEND_TELL:
            return self._last_wake, now - self._last_wake + max(0.0, slept)
        self._last_wake = now
        return None
