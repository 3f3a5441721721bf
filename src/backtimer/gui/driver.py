"""Real time for the engine: one precise single-shot QTimer armed for whatever is due next.

The driver holds no timing logic of its own. It asks the engine when the next cue or
phase end is due, sleeps until then, hands the engine the clock's time, and re-emits the
events it gets back as Qt signals. A separate, coarse display refresh runs only while the
session is running, so the countdown moves and a stalled event loop is noticed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backtimer.core.engine import Engine
from backtimer.core.events import CueDue, Event, PainStopped, PhaseStarted, SessionFinished
from backtimer.core.phase_machine import State
from backtimer.core.record import PainChoice
from backtimer.core.retime import SpokenSeconds
from backtimer.core.timeline import PhaseKind

#: Display refresh while running: smooth enough for a ring, cheap enough to idle on.
REFRESH_MS = 100


class SessionDriver(QObject):
    #: every engine event, in order (a core.events value)
    event_emitted = Signal(object)
    #: a phase began (PhaseStarted)
    phase_started = Signal(object)
    #: a cue is due now (CueDue)
    cue_due = Signal(object)
    #: pain was pressed and time froze (PainStopped)
    pain_stopped = Signal(object)
    #: the session is over (SessionFinished)
    session_finished = Signal(object)
    #: the engine's State changed (the new State)
    state_changed = Signal(object)
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
        self._state = engine.state
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self._on_wake)
        self._refresh = QTimer(self)
        self._refresh.setTimerType(Qt.TimerType.CoarseTimer)
        self._refresh.setInterval(refresh_ms)
        self._refresh.timeout.connect(self._on_refresh)

    # -- commands: forward, re-emit, re-arm ----------------------------------------------

    def start(self) -> None:
        self._dispatch(self.engine.start())

    def pause(self) -> None:
        self._dispatch(self.engine.pause())

    def resume(self) -> None:
        self._dispatch(self.engine.resume())

    def toggle_pause(self) -> None:
        self._dispatch(self.engine.toggle_pause())

    def next(self) -> None:
        self._dispatch(self.engine.next())

    def back(self) -> None:
        self._dispatch(self.engine.back())

    def jump_to_exercise(self, exercise_index: int) -> None:
        self._dispatch(self.engine.jump_to_exercise(exercise_index))

    def pain(self) -> None:
        self._dispatch(self.engine.pain())

    def resolve_pain(self, choice: PainChoice, rating: int | None = None, note: str = "") -> None:
        self._dispatch(self.engine.resolve_pain(choice, rating, note))

    def end(self) -> None:
        self._dispatch(self.engine.end())

    def end_by_system(self) -> None:
        self._dispatch(self.engine.end_by_system())

    def adjust_hold(self, delta: float) -> None:
        self._dispatch(self.engine.adjust_hold(delta))

    def jump_to_section(self, kind: PhaseKind) -> None:
        self._dispatch(self.engine.jump_to_section(kind))

    def set_spoken_seconds(self, spoken: SpokenSeconds) -> None:
        self._dispatch(self.engine.set_spoken_seconds(spoken))

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
        self._dispatch(self.engine.advance())

    def poll(self) -> None:
        """Advance to the clock's now at once (tests on an injected clock; a resumed window)."""
        self._dispatch(self.engine.advance())

    def _on_refresh(self) -> None:
        self._dispatch(self.engine.advance())
        self.tick.emit()

    def _dispatch(self, events: list[Event]) -> None:
        for event in events:
            self.event_emitted.emit(event)
            if isinstance(event, PhaseStarted):
                self.phase_started.emit(event)
            elif isinstance(event, CueDue):
                self.cue_due.emit(event)
            elif isinstance(event, PainStopped):
                self.pain_stopped.emit(event)
            elif isinstance(event, SessionFinished):
                self.session_finished.emit(event)
        state = self.engine.state
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
        self._arm()

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
