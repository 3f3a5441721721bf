"""The session frozen (paused by the person, stopped for pain, or paused by a stall): since
when and why. Each stretch of one reason becomes one :class:`PauseRecord` here, and
nowhere else: the engine puts it in its record and announces it (``PauseRecorded``), and
the history stores exactly that.
"""

from __future__ import annotations

from collections.abc import Callable

from backtimer.core.session.record import PauseReason, PauseRecord


class Freeze:
    """Whether time stands still for the current phase. ``wall`` turns a monotonic time
    into the wall-clock time a record shows."""

    def __init__(self, wall: Callable[[float], float]) -> None:
        self._wall = wall
        self.at: float | None = None  #: when the phase under way froze; None while running
        self.reason = PauseReason.USER
        self._since = 0.0  #: when ``reason`` began (a pause turned pain starts a new one)

    @property
    def frozen(self) -> bool:
        return self.at is not None

    def effective(self, now: float) -> float:
        """The time the current phase has reached: ``now``, or when it froze."""
        return self.at if self.at is not None else now

    def freeze(self, at: float, reason: PauseReason) -> None:
        self.at = at
        self.reason, self._since = reason, at

    def change_reason(self, at: float, reason: PauseReason) -> PauseRecord:
        """Still frozen, for ``reason`` from ``at`` on; the record of the reason before."""
        record = self._record(at)
        self.reason, self._since = reason, at
        return record

    def thaw(self, at: float) -> tuple[float, PauseRecord]:
        """Running again at ``at``: how long the phase under way stood still, and the record
        of the last reason."""
        assert self.at is not None
        frozen_for = at - self.at
        record = self._record(at)
        self.at = None
        return frozen_for, record

    def _record(self, at: float) -> PauseRecord:
        return PauseRecord(self._wall(self._since), at - self._since, self.reason)
