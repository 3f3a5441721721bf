"""What actually happened in a session, as values the history store appends one by one.

Times in ``*_at`` fields are wall-clock seconds since the epoch (what the history shows);
durations come from the engine's monotonic clock.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backtimer.core.routine import Side


class Outcome(enum.Enum):
    COMPLETED = "completed"
    ENDED_BY_USER = "ended_by_user"
    ENDED_FOR_PAIN = "ended_for_pain"
    INTERRUPTED = "interrupted"  #: the program died; set by the store, never the engine


class PainChoice(enum.Enum):
    END = "end"
    GENTLER = "gentler"
    SKIP = "skip"
    RESUME = "resume"


class PauseReason(enum.Enum):
    USER = "user"
    STALL = "stall"  #: the clock jumped: lid closed, suspend, a blocked event loop
    PAIN = "pain"


@dataclass(frozen=True)
class HoldRecord:
    exercise_id: str
    muscle_group: str
    side: Side | None
    rep: int
    planned: float
    held: float
    gentle: bool
    completed: bool  #: False when cut short (pain, skip, next, end)
    started_at: float
    ended_at: float


@dataclass(frozen=True)
class PainRecord:
    at: float
    phase: str  #: a PhaseKind value
    exercise_id: str | None
    muscle_group: str | None
    side: Side | None
    held: float  #: seconds into the phase when pain was pressed
    rating: int | None = None  #: 0-10 numeric rating scale, if given
    note: str = ""
    choice: PainChoice | None = None


@dataclass(frozen=True)
class PauseRecord:
    at: float
    seconds: float
    reason: PauseReason
