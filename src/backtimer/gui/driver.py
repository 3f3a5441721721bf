"""Real time for the engine: one precise single-shot QTimer armed for whatever is due next.

The driver holds no timing logic of its own. It asks the engine when the next cue or
phase end is due, sleeps until then, hands the engine the clock's time, and re-emits the
events it gets back as a Qt signal. Commands are the engine's own, called by the one
object that owns both (``gui.session``), whose results go through
:meth:`SessionDriver.dispatch`. A separate, coarse display refresh runs only while the
session is running, so the countdown moves and a stalled event loop is noticed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backtimer.core.session.engine import Engine
from backtimer.core.session.events import Event
from backtimer.core.session.phase_machine import State

#: Display refresh while running: smooth enough for a ring, cheap enough to idle on.
REFRESH_MS = 100


class SessionDriver(QObject):
    """Every engine command's events go through :meth:`dispatch`; the driver itself only
    wakes at what is due and polls while running."""

    #: every engine event, in order (a core.events value)
    event_emitted = Signal(object)
    #: time to redraw whatever counts down (only while running)
    tick = Signal()

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], float] | None = None,
        *,
        refresh_ms: int = REFRESH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._clock = clock if clock is not None else engine.clock
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self._on_wake)
        self._refresh = QTimer(self)
        self._refresh.setTimerType(Qt.TimerType.CoarseTimer)
        self._refresh.setInterval(refresh_ms)
        self._refresh.timeout.connect(self._on_refresh)

    # -- commands: the engine's events, re-emitted, then re-armed ------------------------

    def dispatch(self, events: list[Event]) -> None:
        """Re-emit ``events`` (what an engine command returned, in order) and re-arm the
        wake-up and the refresh for the engine's new state. Call it with every command's
        result: ``driver.dispatch(engine.next())``."""
        for event in events:
            self.event_emitted.emit(event)
        self._arm()

    def shutdown(self) -> None:
        """Stop both timers; the engine is left as it is."""
        self._wake.stop()
        self._refresh.stop()

    @property
    def armed(self) -> bool:
        """A wake-up is scheduled (for tests and the benchmark)."""
        return self._wake.isActive()

    # -- the loop ------------------------------------------------------------------------

    def _on_wake(self) -> None:
        due = self.engine.next_due()
        if due is not None and due > self._clock():
            self._arm()  # woke early (timer rounding): sleep again rather than advance past nothing
            return
        self.dispatch(self.engine.advance())

    def poll(self) -> None:
        """Advance to the clock's now at once (tests on an injected clock; a resumed window)."""
        self.dispatch(self.engine.advance())

    def _on_refresh(self) -> None:
        self.dispatch(self.engine.advance())
        self.tick.emit()

    def _arm(self) -> None:
        due = self.engine.next_due()
        if due is None:
            self._wake.stop()
        else:
            self._wake.start(max(0, math.ceil((due - self._clock()) * 1000)))
        running = self.engine.state is State.RUNNING
        if running and not self._refresh.isActive():
            self._refresh.start()
        elif not running:
            self._refresh.stop()
