"""Test helpers for driving the real window on an injected clock."""

from __future__ import annotations

from backtimer.core.session.phase_machine import State
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import MainWindow

#: Steps no longer than this keep the engine's stall detector quiet (it pauses on jumps).
STEP = 0.5


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def run_for(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Let ``seconds`` pass in small steps, the window's session advancing at each."""
    session = window.session
    assert session is not None
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.now = min(end, clock.now + STEP)
        session.driver.poll()


def run_until(window: MainWindow, clock: FakeClock, kind: PhaseKind, limit: float = 3600) -> None:
    """Run until a phase of ``kind`` is current (fails after ``limit`` seconds)."""
    session = window.session
    assert session is not None
    start = clock.now
    while session.current.kind is not kind:
        assert session.engine.state is not State.FINISHED, f"finished before reaching {kind}"
        assert clock.now - start < limit, f"{kind} not reached in {limit} s"
        clock.now += STEP
        session.driver.poll()
