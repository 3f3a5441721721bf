"""The engine's inside: the phase under way on its deadline, what it has said and
recorded, and the moves every command is made of — entering and leaving phases, finishing,
freezing and thawing. The commands themselves are :class:`~backtimer.core.session.engine.Engine`'s;
the module docstring there states the contract.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

from backtimer.core import clock as clocks
from backtimer.core.routine import Routine
from backtimer.core.session.cue_schedule import END_CUES, START_CUES, cues_left, inner_cues
from backtimer.core.session.events import (
    Cue,
    CueDue,
    Event,
    HoldRecorded,
    PauseRecorded,
    PhaseEnded,
    PhaseStarted,
    PlanChanged,
    Resumed,
    SessionFinished,
)
from backtimer.core.session.freeze import Freeze
from backtimer.core.session.plan import Plan
from backtimer.core.session.record import (
    HoldRecord,
    Outcome,
    PainRecord,
    PauseReason,
    PauseRecord,
    SessionRecord,
)
from backtimer.core.session.stall_watch import StallWatch
from backtimer.core.session.timeline import LEAD_IN_SECONDS, Phase, PhaseKind


class State(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    PAIN = "pain"
    FINISHED = "finished"


class PhaseMachine:
    """A session's state and the moves it is made of; :class:`Engine` adds the commands.

    ``gentle`` names exercises that start gentle (adaptive start); ``wall_clock`` is used
    only to stamp the record; ``suspend_gap`` defaults to :func:`clock.suspend_gap`.
    """

    def __init__(
        self,
        routine: Routine,
        clock: Callable[[], float],
        *,
        lead_in: float = LEAD_IN_SECONDS,
        gentle: frozenset[str] = frozenset(),
        stall_threshold: float = 5.0,
        wall_clock: Callable[[], float] = time.time,
        suspend_gap: Callable[[], float] | None = None,
    ) -> None:
        self._routine = routine
        self._clock = clock
        self._wall_clock = wall_clock
        gap = suspend_gap if suspend_gap is not None else clocks.suspend_gap
        self._stalls = StallWatch(gap, stall_threshold)  #: also the last good wake-up
        self._plan = Plan(routine, lead_in=lead_in, gentle=gentle)
        self._index = 0
        self._state = State.IDLE
        self._start = 0.0  #: current phase's start, moved forward by each freeze
        self._entered = 0.0  #: when the current phase really began (for the record)
        self._cues: list[tuple[float, Cue]] = []  #: pending inner cues of the current phase
        self._said: set[Cue] = set()  #: inner cues already given in the current phase
        self._start_cue_pending = False  #: entered while frozen: cue on resume
        self._freeze = Freeze(self._wall)
        self._now = 0.0  #: the time of the call being handled, to stamp wall-clock times
        self._pain: PainRecord | None = None
        self.record = SessionRecord(routine.id, gentle=bool(gentle))

    # -- what the window reads ---------------------------------------------------------

    @property
    def clock(self) -> Callable[[], float]:
        return self._clock

    @property
    def routine(self) -> Routine:
        return self._routine

    @property
    def state(self) -> State:
        return self._state

    @property
    def phases(self) -> tuple[Phase, ...]:
        """The plan as it stands: phases done so far, the current one, and those to come."""
        return self._plan.phases

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> Phase:
        return self._plan[self._index]

    @property
    def gentle(self) -> bool:
        """The session is in gentle mode (after "continue gentler")."""
        return self._plan.gentle

    @property
    def hold_delta(self) -> float:
        return self._plan.hold_delta

    def next_due(self) -> float | None:
        """When the next cue or phase end is due; None unless running."""
        if self._state is not State.RUNNING:
            return None
        deadline = self._start + self.current.seconds
        if self._cues:
            return min(deadline, self._start + self._cues[0][0])
        return deadline

    def phase_elapsed(self, now: float | None = None) -> float:
        if self._state in (State.IDLE, State.FINISHED):
            return 0.0
        return max(0.0, self._effective(self._read(now)) - self._start)

    def remaining(self, now: float | None = None) -> float:
        """Seconds left in the current phase (frozen while paused or stopped for pain)."""
        if self._state is State.FINISHED:
            return 0.0
        if self._state is State.IDLE:
            return self.current.seconds
        return max(0.0, self._start + self.current.seconds - self._effective(self._read(now)))

    def session_remaining(self, now: float | None = None) -> float:
        """Planned seconds left: the current phase's remainder and every later phase."""
        if self._state is State.FINISHED:
            return 0.0
        return self.remaining(now) + self._plan.after(self._index)

    def planned_total(self) -> float:
        return self._plan.total()

    # -- the machinery -----------------------------------------------------------------

    def _read(self, now: float | None) -> float:
        self._now = self._clock() if now is None else now
        return self._now

    def _wall(self, at: float) -> float:
        """The wall-clock time of monotonic ``at``, read once for the call being handled."""
        return self._wall_clock() - (self._now - at)

    def _effective(self, now: float) -> float:
        """The time the current phase has reached: ``now``, or when it froze."""
        return self._freeze.effective(now)

    def _run_until(self, now: float, out: list[Event]) -> None:
        while self._state is State.RUNNING:
            if self._cues and self._start + self._cues[0][0] <= now:
                off, cue = self._cues.pop(0)
                self._said.add(cue)
                out.append(self._cue_due(cue, self._start + off))
                continue
            deadline = self._start + self.current.seconds
            if deadline > now:
                break
            self._cues.clear()
            self._leave(deadline, out, completed=True)
            self._enter(self._index + 1, deadline, out)

    def _cue_due(self, cue: Cue, at: float) -> CueDue:
        """``cue`` of the phase under way, due at ``at``, with the phase the plan has next."""
        i = self._index
        following = self._plan[i + 1] if i + 1 < len(self._plan) else None
        return CueDue(cue, i, self.current, at, following)

    def _enter(self, index: int, at: float, out: list[Event]) -> None:
        """Begin phase ``index`` at ``at``, as the plan has it (frozen from its start if the
        session is frozen)."""
        self._index = index
        phase = self.current
        self._start = self._entered = at
        self._cues = inner_cues(phase, self._plan.spoken_seconds(phase))
        self._said = set()
        out.append(PhaseStarted(index, phase, at))
        if self._freeze.frozen and phase.kind is not PhaseKind.DONE:
            self._freeze.at = at
            self._start_cue_pending = True
        else:
            out.append(self._cue_due(START_CUES[phase.kind], at))
        if phase.kind is PhaseKind.DONE:
            self._leave(at, out, completed=True)
            self._finish(Outcome.COMPLETED, at, out, leave=False)

    def _leave(self, at: float, out: list[Event], *, completed: bool) -> None:
        """End the current phase at ``at``; a hold goes into the record."""
        phase = self.current
        if completed and phase.kind in END_CUES:
            out.append(self._cue_due(END_CUES[phase.kind], at))
        if phase.kind is PhaseKind.HOLD:
            hold = HoldRecord(
                exercise_id=phase.item_id or "",
                muscle_group=phase.muscle_group or "",
                side=phase.side,
                rep=phase.rep,
                planned=phase.seconds,
                held=(at if completed else self._effective(at)) - self._start,
                gentle=phase.gentle,
                completed=completed,
                started_at=self._wall(self._entered),
                ended_at=self._wall(at),
            )
            self.record.holds.append(hold)
            self.record.gentle = self.record.gentle or hold.gentle
            out.append(HoldRecorded(hold))
        out.append(PhaseEnded(self._index, phase, at, completed))

    def _goto(self, index: int, now: float, out: list[Event], *, again: bool = False) -> None:
        """Leave the current phase uncompleted and start phase ``index`` now; ``again``
        (going back): it and every phase after it are re-timed first, as they come again."""
        self._leave(now, out, completed=False)
        index = min(index, len(self._plan) - 1)
        if again:
            self._plan.replan_back(index)
        self._enter(index, now, out)

    def _finish(self, outcome: Outcome, at: float, out: list[Event], leave: bool = True) -> None:
        if leave:
            self._leave(at, out, completed=False)
        if self._freeze.frozen:
            self._pause_over(self._freeze.thaw(at)[1], out)
        self._state = State.FINISHED
        self._cues = []
        self.record.outcome = outcome
        self.record.ended_at = self._wall(at)
        out.append(SessionFinished(outcome, at))

    def _freeze_at(self, at: float, reason: PauseReason) -> None:
        self._freeze.freeze(at, reason)
        self._state = State.PAIN if reason is PauseReason.PAIN else State.PAUSED

    def _pause_over(self, pause: PauseRecord, out: list[Event]) -> None:
        """Record a stretch of frozen time (a pause turned pain is two) and announce it."""
        self.record.pauses.append(pause)
        out.append(PauseRecorded(pause))

    def _unfreeze(self, now: float, out: list[Event], *, say_again: bool = False) -> None:
        """Running again from ``now``; with ``say_again`` (the phase goes on, as after a
        pause), opening words the freeze cut off are said again (see :meth:`_say_again`)."""
        frozen_for, pause = self._freeze.thaw(now)
        self._pause_over(pause, out)
        self._start += frozen_for
        self._state = State.RUNNING
        self._stalls.mark(now)
        out.append(Resumed(now, frozen_for))
        if self._start_cue_pending:
            self._start_cue_pending = False
            out.append(self._cue_due(START_CUES[self.current.kind], now))
        elif say_again:
            self._say_again(now, out)

    def _say_again(self, now: float, out: list[Event]) -> None:
        """If the phase froze while its opening words (an exercise's name and steps, what
        comes after a rest) were being said, they were silenced mid-sentence: say them
        again from the start, the phase lengthened so they can finish."""
        elapsed = now - self._start
        spoken = self._plan.room_to_say_again(self._index, elapsed)
        if not spoken:
            return
        self._cues = cues_left(self.current, elapsed, self._said, elapsed + spoken)
        out.append(PlanChanged(self.gentle, self.hold_delta))
        out.append(self._cue_due(START_CUES[self.current.kind], now))
