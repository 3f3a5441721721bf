"""What the history's queries return: frozen values, one per row read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from backtimer.core.session.record import HoldRecord, Outcome, PainRecord, PauseRecord


@dataclass(frozen=True)
class SessionRow:
    id: int
    routine_id: str
    routine_name: str
    started_at: float
    ended_at: float | None
    outcome: Outcome
    gentle: bool
    holds: int  #: number of holds recorded
    pains: int  #: number of pain events


@dataclass(frozen=True)
class StoredHold:
    id: int
    session_id: int
    hold: HoldRecord


@dataclass(frozen=True)
class StoredPain:
    id: int
    session_id: int
    pain: PainRecord


@dataclass(frozen=True)
class StoredPause:
    session_id: int
    pause: PauseRecord


class ExportRow(NamedTuple):
    """One flat row of the export: a session, hold, pause, pain event or check-in with its session's
    columns. Values are as stored (enums as their value strings, flags as 0/1, sides as
    "right"/"left"/None); a field a record does not have is None. A pause puts its
    seconds in ``held`` and its reason in ``phase``. A tuple, so ten years of rows stay
    cheap to read."""

    record: str  #: "session", "hold", "pause" or "pain"
    session_id: int
    session_start: float
    session_end: float | None
    routine_name: str
    outcome: str
    time: float  #: when this record happened (a hold: its start)
    exercise_id: str | None
    muscle_group: str | None
    side: str | None
    rep: int | None
    planned: float | None
    held: float | None
    gentle: int | None
    completed: int | None
    rating: int | None
    choice: str | None
    phase: str | None
    note: str | None
    region: str | None  #: where a pain hurt (a BodyRegion value), if said
    body_side: str | None  #: "left", "right" or "both", if said
    routine_id: str  #: the session's routine
