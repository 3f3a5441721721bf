"""The session state machine: a routine's phases on absolute deadlines of an injected clock.

Contract, in short:

* Time comes only from the ``clock`` given (monotonic seconds). Every phase has an
  absolute deadline ``start + seconds``; remaining time is ``deadline - now``; nothing is
  counted down by ticks, so a late wake-up never shifts what follows. Freezing (pause,
  pain, stall) moves the current phase's start forward by the frozen time on resume.
* Commands and :meth:`Engine.advance` return the events that happened, in order, each
  stamped with the monotonic time it was *due* (a phase that ended while the caller slept
  ends at its deadline, and the next one starts at that same instant).
* Commands that do not apply in the current state return ``[]`` and change nothing.
* :meth:`Engine.advance` also watches for stalls: a wake-up more than ``stall_threshold``
  seconds later than anything was due, or a suspend seen in ``suspend_gap``, pauses the
  session as of the previous wake-up instead of completing holds nobody did.
* Every pause it records (one per stretch of one reason: a pause turned pain is two) is
  announced as ``PauseRecorded``; the history stores exactly those.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import replace
from types import MappingProxyType

from backtimer.core import clock as clocks
from backtimer.core.cue_schedule import (
    COUNT_CUES,
    END_CUES,
    LONG_HOLD,
    START_CUES,
    cues_left,
    inner_cues,
)
from backtimer.core.events import (
    Cue,
    CueDue,
    Event,
    HoldRecorded,
    PainResolved,
    PainStopped,
    Paused,
    PauseRecorded,
    PhaseEnded,
    PhaseStarted,
    PlanChanged,
    Resumed,
    SessionFinished,
    SessionStarted,
    StallDetected,
)
from backtimer.core.freeze import Freeze
from backtimer.core.record import (
    HoldRecord,
    Outcome,
    PainChoice,
    PainRecord,
    PauseReason,
    PauseRecord,
    SessionRecord,
)
from backtimer.core.replan import after_exercise, find_ahead, gentler_tail, warmup_tail
from backtimer.core.retime import (
    SPOKEN_KINDS,
    SPOKEN_MARGIN,
    SPOKEN_MAX,
    SpokenSeconds,
    clamp_hold_delta,
    gentle_ids,
    retime,
    stretch_hold,
)
from backtimer.core.routine import Routine
from backtimer.core.stall_watch import SUSPEND_TELL, StallWatch
from backtimer.core.timeline import (
    LEAD_IN_SECONDS,
    Phase,
    PhaseKind,
    build_phases,
    phases_from_exercise,
)

#: Back within this many seconds of a hold's start goes to the previous phase;
#: later, it restarts the hold (as a music player's "previous" does).
BACK_RESTARTS_AFTER = 2.0

__all__ = [
    "BACK_RESTARTS_AFTER",
    "COUNT_CUES",
    "END_CUES",
    "LONG_HOLD",
    "SPOKEN_KINDS",
    "SPOKEN_MARGIN",
    "SPOKEN_MAX",
    "START_CUES",
    "SUSPEND_TELL",
    "Engine",
    "State",
    "inner_cues",
]


class State(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    PAIN = "pain"
    FINISHED = "finished"


class Engine:
    """One session of ``routine`` on ``clock``. See the module docstring for the contract.

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
        self._session_gentle = False
        self._gentle_ids = set(gentle)
        self._hold_delta = 0.0
        self._phases: list[Phase] = build_phases(routine, lead_in=lead_in, gentle=gentle)
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
        self._spoken: SpokenSeconds = MappingProxyType({})
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
        return tuple(self._phases)

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> Phase:
        return self._phases[self._index]

    @property
    def gentle(self) -> bool:
        """The session is in gentle mode (after "continue gentler" or :meth:`set_gentle`)."""
        return self._session_gentle

    @property
    def hold_delta(self) -> float:
        return self._hold_delta

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
        later = sum(p.seconds for p in self._phases[self._index + 1 :])
        return self.remaining(now) + later

    def planned_total(self) -> float:
        return sum(p.seconds for p in self._phases)

    # -- commands ----------------------------------------------------------------------

    def start(self) -> list[Event]:
        if self._state is not State.IDLE:
            return []
        now = self._read(None)
        self._state = State.RUNNING
        self._stalls.mark(now)
        self.record.started_at = self._wall(now)
        out: list[Event] = [
            SessionStarted(now, self.record.started_at, self._routine.id, self.record.gentle)
        ]
        self._enter(self._index, now, out)
        self._run_until(now, out)
        return out

    def pause(self) -> list[Event]:
        now = self._read(None)
        out = self.advance(now)
        if self._state is State.RUNNING:
            self._freeze_at(now, PauseReason.USER)
            out.append(Paused(now, PauseReason.USER))
        return out

    def resume(self) -> list[Event]:
        if self._state is not State.PAUSED:
            return []
        now = self._read(None)
        out: list[Event] = []
        self._unfreeze(now, out)
        self._run_until(now, out)
        return out

    def toggle_pause(self) -> list[Event]:
        if self._state is State.RUNNING:
            return self.pause()
        return self.resume()

    def next(self) -> list[Event]:
        """Move on to the next phase now (ending this one uncompleted)."""
        return self._command(lambda now, out: self._goto(self._index + 1, now, out))

    def back(self) -> list[Event]:
        """Restart a hold more than 2 s in; otherwise go to the previous phase."""

        def go(now: float, out: list[Event]) -> None:
            restart = self.current.kind is PhaseKind.HOLD and (
                self._effective(now) - self._start > BACK_RESTARTS_AFTER
            )
            self._goto(self._index if restart else max(0, self._index - 1), now, out)

        return self._command(go)

    def jump_to_exercise(self, exercise_index: int) -> list[Event]:
        """Go to exercise ``exercise_index``'s prepare phase (a click in the step list).

        Forward, to the plan's own prepare phase; back (or to the current exercise), the
        exercise and everything after it are planned afresh after the current phase.
        """
        if not 0 <= exercise_index < len(self._routine.exercises):
            return []

        def go(now: float, out: list[Event]) -> None:
            found = find_ahead(
                self._phases,
                self._index,
                lambda p: p.kind is PhaseKind.PREPARE and p.exercise_index == exercise_index,
            )
            if found is None:
                self._replace_tail(self._tail_from(exercise_index))
            self._goto(self._index + 1 if found is None else found, now, out)

        return self._command(go)

    def jump_to_section(self, kind: PhaseKind) -> list[Event]:
        """Go to the warm-up or the cool-down (a click on its row in the step list).

        Forward, to the plan's own first phase of that kind; back to the warm-up, the
        warm-up and everything after it are planned afresh after the current phase.
        """
        if kind not in (PhaseKind.WARMUP, PhaseKind.COOLDOWN):
            return []

        def go(now: float, out: list[Event]) -> None:
            found = find_ahead(self._phases, self._index, lambda p: p.kind is kind)
            if found is not None:
                self._goto(found, now, out)
            elif kind is PhaseKind.WARMUP and self._routine.warmup:
                tail = warmup_tail(
                    self._routine, gentle=self._gentle_set(), hold_delta=self._hold_delta
                )
                self._replace_tail(tail)
                self._goto(self._index + 1, now, out)

        return self._command(go)

    def pain(self) -> list[Event]:
        """Freeze everything now and log a pain event; :meth:`resolve_pain` says what next."""
        if self._state not in (State.RUNNING, State.PAUSED):
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state is State.RUNNING:
            self._freeze_at(now, PauseReason.PAIN)
        elif self._state is State.PAUSED:
            self._pause_over(self._freeze.change_reason(now, PauseReason.PAIN), out)
            self._state = State.PAIN
        else:
            return out
        p = self.current
        self._pain = PainRecord(
            at=self._wall(now),
            phase=p.kind.value,
            exercise_id=p.item_id,
            muscle_group=p.muscle_group,
            side=p.side,
            held=self.phase_elapsed(now),
        )
        self.record.pains.append(self._pain)
        out.append(PainStopped(self._pain))
        return out

    def resolve_pain(
        self, choice: PainChoice, rating: int | None = None, note: str = ""
    ) -> list[Event]:
        """End, continue gentler, skip this exercise, or resume after :meth:`pain`."""
        if self._state is not State.PAIN or self._pain is None:
            return []
        now = self._read(None)
        self._pain = replace(self._pain, rating=rating, note=note, choice=choice)
        self.record.pains[-1] = self._pain
        out: list[Event] = [PainResolved(self._pain)]
        if choice is PainChoice.END:
            self._finish(Outcome.ENDED_FOR_PAIN, now, out)
            return out
        self._unfreeze(now, out)
        if choice is PainChoice.SKIP:
            self._goto(after_exercise(self._phases, self._index), now, out)
        elif choice is PainChoice.GENTLER:
            self._continue_gentler(now, out)
        self._run_until(now, out)
        return out

    def end(self) -> list[Event]:
        """Stop the session here (by the user; for pain if stopped for pain)."""
        if self._state is State.PAIN:
            return self.resolve_pain(PainChoice.END)
        return self._end(Outcome.ENDED_BY_USER)

    def end_by_system(self) -> list[Event]:
        """Stop the session here because the program is being stopped (a signal, logout,
        shutdown): holds due by now are completed, the one in progress is kept cut short,
        and a pain stop awaiting its choice stays without one (nobody chose)."""
        return self._end(Outcome.ENDED_BY_SYSTEM)

    def _end(self, outcome: Outcome) -> list[Event]:
        if self._state not in (State.RUNNING, State.PAUSED, State.PAIN):
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state is not State.FINISHED:
            self._finish(outcome, now, out)
        return out

    def adjust_hold(self, delta: float) -> list[Event]:
        """Lengthen or shorten this hold (if one is on) and all later holds by ``delta``.

        No hold gets shorter than 5 s, and the current one never shorter than it has
        already lasted (it then ends now). Beyond the floor for every hold, nothing changes.
        """
        if self._state is State.FINISHED:
            return []
        new_delta = clamp_hold_delta(self._routine, self._hold_delta, delta)
        if new_delta == self._hold_delta:
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state is State.FINISHED:
            return out
        self._hold_delta = new_delta
        self._retime_tail()
        cur = self.current
        if cur.kind is PhaseKind.HOLD and self._state is not State.IDLE:
            elapsed = self._effective(now) - self._start
            self._phases[self._index] = stretch_hold(
                cur, self._routine, hold_delta=new_delta, elapsed=elapsed
            )
            self._cues = cues_left(self.current, elapsed, self._said)
        out.append(PlanChanged(self._session_gentle, self._hold_delta))
        self._run_until(now, out)
        return out

    def set_spoken_seconds(self, spoken: SpokenSeconds) -> list[Event]:
        """Tell how long the words said at phases' starts last, in seconds by
        :func:`~backtimer.core.retime.speech_key` (a phase not in ``spoken``: not known yet).
        The engine keeps a copy: it never asks anyone while planning.

        Phases of the kinds that are spoken (prepare, warm-up, cool-down) and have not
        begun are lengthened so the words finish before the hold, plus a breath, up to
        ``SPOKEN_MAX``; nothing is ever shortened and the phase under way keeps its length.
        """
        self._spoken = MappingProxyType(dict(spoken))
        self._retime_tail()
        return [PlanChanged(self._session_gentle, self._hold_delta)]

    def set_gentle(self, on: bool) -> list[Event]:
        """Gentle mode for the rest of the session: gentle holds, rests half as long again.

        Turning it off also ends the gentle start of exercises named at construction.
        The phase under way keeps its length.
        """
        if self._state is State.FINISHED or on == self._session_gentle and on:
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state is State.FINISHED:
            return out
        self._session_gentle = on
        if on:
            self.record.gentle = True
        else:
            self._gentle_ids.clear()
        self._retime_tail()
        if self.current.kind not in (PhaseKind.HOLD, PhaseKind.REST):
            self._phases[self._index] = self._retime(self.current)
        out.append(PlanChanged(self._session_gentle, self._hold_delta))
        return out

    def advance(self, now: float | None = None) -> list[Event]:
        """Every event due up to ``now``, in order; pauses instead if time jumped."""
        if self._state is not State.RUNNING:
            return []
        now = self._read(now)
        stall = self._stalls.check(now, self.next_due())
        if stall is not None:
            at, lost = stall
            self._freeze_at(at, PauseReason.STALL)
            return [StallDetected(at, lost), Paused(at, PauseReason.STALL)]
        out: list[Event] = []
        self._run_until(now, out)
        return out

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

    def _command(self, move: Callable[[float, list[Event]], None]) -> list[Event]:
        """Run a navigation command in running or paused state, after catching up."""
        if self._state not in (State.RUNNING, State.PAUSED):
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state in (State.RUNNING, State.PAUSED):
            move(now, out)
            self._run_until(now, out)
        return out

    def _run_until(self, now: float, out: list[Event]) -> None:
        while self._state is State.RUNNING:
            if self._cues and self._start + self._cues[0][0] <= now:
                off, cue = self._cues.pop(0)
                self._said.add(cue)
                out.append(CueDue(cue, self._index, self.current, self._start + off))
                continue
            deadline = self._start + self.current.seconds
            if deadline > now:
                break
            self._cues.clear()
            self._leave(deadline, out, completed=True)
            self._enter(self._index + 1, deadline, out)

    def _enter(self, index: int, at: float, out: list[Event]) -> None:
        self._index = index
        self._phases[index] = phase = self._retime(self._phases[index])
        self._start = self._entered = at
        self._cues = inner_cues(phase)
        self._said = set()
        out.append(PhaseStarted(index, phase, at))
        if self._freeze.frozen and phase.kind is not PhaseKind.DONE:
            self._freeze.at = at
            self._start_cue_pending = True
        else:
            out.append(CueDue(START_CUES[phase.kind], index, phase, at))
        if phase.kind is PhaseKind.DONE:
            self._leave(at, out, completed=True)
            self._finish(Outcome.COMPLETED, at, out, leave=False)

    def _leave(self, at: float, out: list[Event], *, completed: bool) -> None:
        """End the current phase at ``at``; a hold goes into the record."""
        phase = self.current
        if completed and phase.kind in END_CUES:
            out.append(CueDue(END_CUES[phase.kind], self._index, phase, at))
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

    def _goto(self, index: int, now: float, out: list[Event]) -> None:
        """Leave the current phase uncompleted and start phase ``index`` now."""
        self._leave(now, out, completed=False)
        self._enter(min(index, len(self._phases) - 1), now, out)

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

    def _unfreeze(self, now: float, out: list[Event]) -> None:
        frozen_for, pause = self._freeze.thaw(now)
        self._pause_over(pause, out)
        self._start += frozen_for
        self._state = State.RUNNING
        self._stalls.mark(now)
        out.append(Resumed(now, frozen_for))
        if self._start_cue_pending:
            self._start_cue_pending = False
            out.append(CueDue(START_CUES[self.current.kind], self._index, self.current, now))

    # -- planning (the re-timing and re-planning themselves live in retime and replan) ---

    def _gentle_set(self) -> frozenset[str]:
        return gentle_ids(
            self._routine, session_gentle=self._session_gentle, named=self._gentle_ids
        )

    def _retime(self, phase: Phase) -> Phase:
        """``phase`` as gentle mode, the hold adjustment and its spoken words say it should be."""
        return retime(
            phase,
            self._routine,
            gentle=self._gentle_set(),
            hold_delta=self._hold_delta,
            spoken=self._spoken,
        )

    def _retime_tail(self) -> None:
        for i in range(self._index + 1, len(self._phases)):
            self._phases[i] = self._retime(self._phases[i])

    def _tail_from(self, exercise_index: int) -> list[Phase]:
        return phases_from_exercise(
            self._routine, exercise_index, gentle=self._gentle_set(), hold_delta=self._hold_delta
        )

    def _replace_tail(self, tail: list[Phase]) -> None:
        """Keep the phases up to the current one; plan ``tail`` after it."""
        self._phases[self._index + 1 :] = tail

    def _continue_gentler(self, now: float, out: list[Event]) -> None:
        """Gentle from here on: restart the interrupted side (or go on to the next hold)
        with the gentle hold, this exercise's remaining reps cut to the one under way."""
        self._session_gentle = True
        self.record.gentle = True
        tail = gentler_tail(
            self._routine,
            self._phases,
            self._index,
            gentle=self._gentle_set(),
            hold_delta=self._hold_delta,
        )
        self._replace_tail(tail)
        out.append(PlanChanged(self._session_gentle, self._hold_delta))
        self._goto(self._index + 1, now, out)
