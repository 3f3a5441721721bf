"""A real engine into a real history: pauses are what the engine recorded, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.history.recorder import SessionRecorder
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.engine import Engine
from backtimer.core.session.events import Event
from backtimer.core.session.record import PainChoice, PauseReason, PauseRecord
from backtimer.core.session.timeline import PhaseKind

WALL0 = 1_750_000_000.0  #: wall-clock seconds when the monotonic clock reads 0


class Clocks:
    """A monotonic clock and a wall clock that move together, as a computer's do."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t

    def wall(self) -> float:
        return WALL0 + self.t


class Run:
    """One session of the built-in routine, every event handed to a recorder on a store."""

    def __init__(self, folder: Path) -> None:
        result = HistoryStore.open(folder)
        assert result.store is not None, result.message
        self.store = result.store
        self.clocks = Clocks()
        self.engine = Engine(
            load_builtin(), self.clocks, wall_clock=self.clocks.wall, suspend_gap=lambda: 0.0
        )
        self.recorder = SessionRecorder(self.store, load_builtin(), wall_clock=self.clocks.wall)

    def hand(self, events: list[Event]) -> None:
        for event in events:
            self.recorder.handle(event)

    def wait(self, seconds: float) -> None:
        end = self.clocks.t + seconds
        while self.clocks.t < end:
            self.clocks.t = min(end, self.clocks.t + 0.5)
            self.hand(self.engine.advance())

    def until_hold(self) -> None:
        while self.engine.current.kind is not PhaseKind.HOLD:
            self.wait(0.5)

    def stored_pauses(self) -> list[PauseRecord]:
        return [p.pause for p in self.store.pauses()]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    r = Run(tmp_path / "history")
    r.hand(r.engine.start())
    return r


def test_a_pain_freeze_during_a_hold_is_stored_as_the_engine_recorded_it(run: Run) -> None:
    """Pain 5 s into a hold, 40 s deciding, then resume: one pause, for pain, from the
    moment pain was pressed, lasting 40 s — in the engine's record and in the database."""
    run.until_hold()
    run.wait(5)
    pressed = run.clocks.wall()
    run.hand(run.engine.pain())
    run.clocks.t += 40
    run.hand(run.engine.resolve_pain(PainChoice.RESUME))
    expected = [PauseRecord(pressed, 40.0, PauseReason.PAIN)]
    assert run.engine.record.pauses == expected
    assert run.stored_pauses() == expected


def test_a_pause_that_becomes_a_pain_stop_is_stored_as_two(run: Run) -> None:
    """Paused for 10 s, then pain pressed and 30 s deciding, then gentler: a user pause
    of 10 s and a pain stop of 30 s after it, the same in the record and the database."""
    run.until_hold()
    run.wait(3)
    paused = run.clocks.wall()
    run.hand(run.engine.pause())
    run.clocks.t += 10
    run.hand(run.engine.pain())
    run.clocks.t += 30
    run.hand(run.engine.resolve_pain(PainChoice.GENTLER))
    expected = [
        PauseRecord(paused, 10.0, PauseReason.USER),
        PauseRecord(paused + 10, 30.0, PauseReason.PAIN),
    ]
    assert run.engine.record.pauses == expected
    assert run.stored_pauses() == expected


def test_a_session_ended_while_paused_stores_its_last_pause(run: Run) -> None:
    """Paused, then ended from the pause: the pause up to the end is kept, in both."""
    run.until_hold()
    paused = run.clocks.wall()
    run.hand(run.engine.pause())
    run.clocks.t += 12
    run.hand(run.engine.end())
    expected = [PauseRecord(paused, 12.0, PauseReason.USER)]
    assert run.engine.record.pauses == expected
    assert run.stored_pauses() == expected
