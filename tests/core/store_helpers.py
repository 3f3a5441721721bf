"""Record values for the store tests (real records, the shapes the engine produces), and
opening a real store."""

from __future__ import annotations

from pathlib import Path

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Routine, Side
from backtimer.core.session.record import HoldRecord, PainChoice, PainRecord

T0 = 1_750_000_000.0  # a fixed wall-clock time (June 2025)
ROUTINE = Routine("gentle-back", "Gentle back", ())  #: a routine record's name and id


def open_store(folder: Path) -> HistoryStore:
    """A store on ``folder`` that opened (the test fails with the store's message if not)."""
    result = HistoryStore.open(folder)
    assert result.store is not None, result.message
    return result.store


def hold(
    at: float = T0,
    held: float = 30.0,
    *,
    exercise: str = "hamstring",
    group: str = "hamstrings",
    side: Side | None = Side.RIGHT,
    rep: int = 1,
    completed: bool = True,
) -> HoldRecord:
    return HoldRecord(exercise, group, side, rep, 30.0, held, False, completed, at, at + held)


def pain(
    at: float = T0,
    *,
    exercise: str = "hamstring",
    group: str = "hamstrings",
    side: Side | None = Side.LEFT,
    rating: int | None = None,
    note: str = "",
    choice: PainChoice | None = None,
) -> PainRecord:
    return PainRecord(at, "hold", exercise, group, side, 12.5, rating, note, choice)
