"""What the engine tells the outside world, in order, as frozen values.

The Qt driver re-emits each as a signal; the cue players map ``CueDue`` to sound; the
history store appends ``HoldRecorded``/``PauseRecorded``/``PainStopped``/``PainResolved``/
``SessionFinished`` (``Paused`` and ``Resumed`` are for the screen: the history takes
pauses only from ``PauseRecorded``).
``at`` is the engine's monotonic time at which the thing was due (not when it was noticed).
"""

from __future__ import annotations

from dataclasses import dataclass

# Cue lives on its own so the window can name cues without reading in these classes.
from backtimer.core.session.cues import Cue as Cue
from backtimer.core.session.record import HoldRecord, Outcome, PainRecord, PauseReason, PauseRecord
from backtimer.core.session.timeline import Phase


@dataclass(frozen=True)
class SessionStarted:
    """The session began at monotonic ``at``; ``started_at`` is the wall-clock time."""

    at: float
    started_at: float
    routine_id: str
    gentle: bool


@dataclass(frozen=True)
class PhaseStarted:
    index: int
    phase: Phase
    at: float


@dataclass(frozen=True)
class PhaseEnded:
    index: int
    phase: Phase
    at: float
    completed: bool


@dataclass(frozen=True)
class CueDue:
    """``cue`` is due in ``phase`` (number ``index``); ``following`` is the phase the plan
    had after it at that moment (what a rest announces), None after the last."""

    cue: Cue
    index: int
    phase: Phase
    at: float
    following: Phase | None = None


@dataclass(frozen=True)
class Paused:
    at: float
    reason: PauseReason


@dataclass(frozen=True)
class Resumed:
    at: float
    paused_for: float


@dataclass(frozen=True)
class StallDetected:
    """Time jumped by ``gap`` seconds; the session was paused as of ``at``."""

    at: float
    gap: float


@dataclass(frozen=True)
class HoldRecorded:
    hold: HoldRecord


@dataclass(frozen=True)
class PauseRecorded:
    """A stretch of frozen time of one reason is over and in the engine's record: at a
    resume, when a pause becomes a pain stop, or when the session ends frozen."""

    pause: PauseRecord


@dataclass(frozen=True)
class PainStopped:
    pain: PainRecord


@dataclass(frozen=True)
class PainResolved:
    """The person chose what to do after pain — stop; ``pain`` carries rating and note."""

    pain: PainRecord


@dataclass(frozen=True)
class PlanChanged:
    """The remaining phases changed (gentle mode, hold ±5 s, speech lengths, continue
    gentler); a re-plan by a move (a jump, back) is told by its ``PhaseStarted``."""

    gentle: bool
    hold_delta: float


@dataclass(frozen=True)
class SessionFinished:
    outcome: Outcome
    at: float


Event = (
    SessionStarted
    | PhaseStarted
    | PhaseEnded
    | CueDue
    | Paused
    | Resumed
    | StallDetected
    | HoldRecorded
    | PauseRecorded
    | PainStopped
    | PainResolved
    | PlanChanged
    | SessionFinished
)
