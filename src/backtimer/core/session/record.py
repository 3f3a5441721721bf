"""What actually happened in a session, as values the history store appends one by one.

Times in ``*_at`` fields are wall-clock seconds since the epoch (what the history shows);
durations come from the engine's monotonic clock.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from backtimer.core.care.body import PainSite
from backtimer.core.routine import Side


class Outcome(enum.Enum):
    COMPLETED = "completed"
    ENDED_BY_USER = "ended_by_user"
    ENDED_FOR_PAIN = "ended_for_pain"
    #: the program was asked to stop (SIGTERM, Ctrl+C, logout, shutdown) mid-session
    ENDED_BY_SYSTEM = "ended_by_system"
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
    site: PainSite | None = None  #: where it hurts, from the body map, if given


@dataclass(frozen=True)
class PauseRecord:
    at: float
    seconds: float
    reason: PauseReason


@dataclass
class SessionRecord:
    """What happened so far in one session: a mutable accumulator, written only by the engine.

    The engine appends to it as things happen and announces each addition with an event
    (``HoldRecorded``, ``PauseRecorded``, ``PainStopped``, ``PainResolved``,
    ``SessionFinished``), so a store may either append from the events or read this object
    at the end; either way it holds what the engine recorded. The items in the lists
    are frozen; only the lists and ``outcome``/``ended_at``/``gentle`` change.
    ``pains`` holds each pain event as last known (with its choice once resolved).
    """

    routine_id: str
    started_at: float | None = None  #: wall-clock seconds; None until the session starts
    ended_at: float | None = None
    gentle: bool = False  #: any part of the session was done in gentle mode
    holds: list[HoldRecord] = field(default_factory=list)
    pains: list[PainRecord] = field(default_factory=list)
    pauses: list[PauseRecord] = field(default_factory=list)
    outcome: Outcome | None = None  #: None while the session runs

    @property
    def held_seconds(self) -> float:
        """Seconds actually held, over all holds (completed or not)."""
        return sum(h.held for h in self.holds)

    @property
    def paused_seconds(self) -> float:
        return sum(p.seconds for p in self.pauses)
