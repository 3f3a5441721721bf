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
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import replace

from backtimer.core import clock as clocks
from backtimer.core.events import (
    Cue,
    CueDue,
    Event,
    HoldRecorded,
    PainResolved,
    PainStopped,
    Paused,
    PhaseEnded,
    PhaseStarted,
    PlanChanged,
    Resumed,
    SessionFinished,
    SessionStarted,
    StallDetected,
)
from backtimer.core.record import (
    HoldRecord,
    Outcome,
    PainChoice,
    PainRecord,
    PauseReason,
    PauseRecord,
    SessionRecord,
)
from backtimer.core.routine import HOLD_RANGE, Routine, Side
from backtimer.core.timeline import (
    LEAD_IN_SECONDS,
    Phase,
    PhaseKind,
    build_phases,
    exercise_phases,
    hold_seconds,
    movement_phase,
    phases_from_exercise,
    rest_seconds,
)

#: Back within this many seconds of a hold's start goes to the previous phase;
#: later, it restarts the hold (as a music player's "previous" does).
BACK_RESTARTS_AFTER = 2.0
#: A growth of the boot-time/monotonic gap larger than this means the machine slept.
SUSPEND_TELL = 1.0
#: Phases whose opening words (exercise, steps) the voice reads out.
SPOKEN_KINDS = frozenset({PhaseKind.PREPARE, PhaseKind.WARMUP, PhaseKind.COOLDOWN})
#: Breathing room after the words before the hold begins.
SPOKEN_MARGIN = 1.0
#: A phase never grows past this to wait for its words (a runaway text is cut, not waited on).
SPOKEN_MAX = 90.0
#: Holds at least this long get "halfway" and "10 seconds left".
LONG_HOLD = 20.0

START_CUES: dict[PhaseKind, Cue] = {
    PhaseKind.LEAD_IN: Cue.GET_READY,
    PhaseKind.WARMUP: Cue.WARMUP_START,
    PhaseKind.PREPARE: Cue.PREPARE_START,
    PhaseKind.HOLD: Cue.HOLD_START,
    PhaseKind.SWITCH: Cue.SWITCH_SIDES,
    PhaseKind.REST: Cue.REST_START,
    PhaseKind.COOLDOWN: Cue.COOLDOWN_START,
    PhaseKind.DONE: Cue.SESSION_DONE,
}
END_CUES: dict[PhaseKind, Cue] = {PhaseKind.HOLD: Cue.RELEASE, PhaseKind.REST: Cue.REST_OVER}
COUNT_CUES = (Cue.COUNT_3, Cue.COUNT_2, Cue.COUNT_1)


def inner_cues(phase: Phase) -> list[tuple[float, Cue]]:
    """Cues strictly inside ``phase``, as (seconds after its start, cue), in time order.

    Only holds have any: halfway and "10 seconds left" in holds of 20 s or more ("10 left"
    is dropped when it would come within 2 s of halfway, where it says nothing new), and
    3-2-1 in the last three seconds. Prepare, rest and switch stay quiet until they end.
    """
    if phase.kind is not PhaseKind.HOLD:
        return []
    s = phase.seconds
    cues: list[tuple[float, Cue]] = []
    if s >= LONG_HOLD:
        cues.append((s / 2, Cue.HALFWAY))
        if abs((s - 10) - s / 2) >= 2:
            cues.append((s - 10, Cue.TEN_LEFT))
    cues += [(s - n, cue) for n, cue in zip((3, 2, 1), COUNT_CUES, strict=True)]
    return sorted((c for c in cues if 0 < c[0] < s), key=lambda c: c[0])


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
        self._suspend_gap = suspend_gap if suspend_gap is not None else clocks.suspend_gap
        self._stall_threshold = stall_threshold
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
        self._frozen_at: float | None = None
        self._freeze_reason = PauseReason.USER
        self._reason_since = 0.0
        self._last_wake = 0.0
        self._last_gap = 0.0
        self._now = 0.0  #: the time of the call being handled, to stamp wall-clock times
        self._pain: PainRecord | None = None
        self._spoken: Callable[[Phase], float | None] = lambda _phase: None
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
        self._mark_wake(now)
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
            self._freeze(now, PauseReason.USER)
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
            for i in range(self._index + 1, len(self._phases)):
                p = self._phases[i]
                if p.kind is PhaseKind.PREPARE and p.exercise_index == exercise_index:
                    self._goto(i, now, out)
                    return
            self._replace_tail(self._tail_from(exercise_index))
            self._goto(self._index + 1, now, out)

        return self._command(go)

    def jump_to_section(self, kind: PhaseKind) -> list[Event]:
        """Go to the warm-up or the cool-down (a click on its row in the step list).

        Forward, to the plan's own first phase of that kind; back to the warm-up, the
        warm-up and everything after it are planned afresh after the current phase.
        """
        if kind not in (PhaseKind.WARMUP, PhaseKind.COOLDOWN):
            return []

        def go(now: float, out: list[Event]) -> None:
            for i in range(self._index + 1, len(self._phases)):
                if self._phases[i].kind is kind:
                    self._goto(i, now, out)
                    return
            if kind is PhaseKind.WARMUP and self._routine.warmup:
                warmup = [movement_phase(PhaseKind.WARMUP, m) for m in self._routine.warmup]
                self._replace_tail(warmup + self._tail_from(0))
                self._goto(self._index + 1, now, out)

        return self._command(go)

    def pain(self) -> list[Event]:
        """Freeze everything now and log a pain event; :meth:`resolve_pain` says what next."""
        if self._state not in (State.RUNNING, State.PAUSED):
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state is State.RUNNING:
            self._freeze(now, PauseReason.PAIN)
        elif self._state is State.PAUSED:
            self._close_reason(now)
            self._freeze_reason, self._reason_since = PauseReason.PAIN, now
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
            self._goto(self._after_current_exercise(), now, out)
        elif choice is PainChoice.GENTLER:
            self._continue_gentler(now, out)
        self._run_until(now, out)
        return out

    def end(self) -> list[Event]:
        """Stop the session here (by the user; for pain if stopped for pain)."""
        if self._state is State.PAIN:
            return self.resolve_pain(PainChoice.END)
        if self._state not in (State.RUNNING, State.PAUSED):
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state is not State.FINISHED:
            self._finish(Outcome.ENDED_BY_USER, now, out)
        return out

    def adjust_hold(self, delta: float) -> list[Event]:
        """Lengthen or shorten this hold (if one is on) and all later holds by ``delta``.

        No hold gets shorter than 5 s, and the current one never shorter than it has
        already lasted (it then ends now). Beyond the floor for every hold, nothing changes.
        """
        if self._state is State.FINISHED:
            return []
        floor = HOLD_RANGE[0] - max(
            (max(ex.hold, ex.gentle_hold) for ex in self._routine.exercises), default=0.0
        )
        new_delta = max(self._hold_delta + delta, min(floor, self._hold_delta))
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
            ex = self._routine.exercises[cur.exercise_index or 0]
            seconds = max(hold_seconds(ex, gentle=cur.gentle, hold_delta=new_delta), elapsed)
            self._phases[self._index] = replace(cur, seconds=seconds)
            self._cues = [
                (off, cue)
                for off, cue in inner_cues(self.current)
                if off > elapsed and (cue in COUNT_CUES or cue not in self._said)
            ]
        out.append(PlanChanged(self._session_gentle, self._hold_delta))
        self._run_until(now, out)
        return out

    def set_spoken_seconds(self, spoken: Callable[[Phase], float | None]) -> list[Event]:
        """Tell how long the words said at a phase's start last (None: not known yet).

        Phases of the kinds that are spoken (prepare, warm-up, cool-down) and have not
        begun are lengthened so the words finish before the hold, plus a breath, up to
        ``SPOKEN_MAX``; nothing is ever shortened and the phase under way keeps its length.
        """
        self._spoken = spoken
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
        out: list[Event] = []
        gap = self._suspend_gap()
        due = self.next_due()
        late = now - max(self._last_wake, due if due is not None else now)
        slept = gap - self._last_gap
        if late > self._stall_threshold or slept > SUSPEND_TELL:
            at = self._last_wake
            self._freeze(at, PauseReason.STALL)
            out += [StallDetected(at, now - at + max(0.0, slept)), Paused(at, PauseReason.STALL)]
            self._last_gap = gap
            return out
        self._run_until(now, out)
        self._last_wake, self._last_gap = now, gap
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
        return self._frozen_at if self._frozen_at is not None else now

    def _mark_wake(self, now: float) -> None:
        self._last_wake, self._last_gap = now, self._suspend_gap()

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
        if self._frozen_at is not None and phase.kind is not PhaseKind.DONE:
            self._frozen_at = at
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
        if self._frozen_at is not None:
            self._close_reason(at)
            self._frozen_at = None
        self._state = State.FINISHED
        self._cues = []
        self.record.outcome = outcome
        self.record.ended_at = self._wall(at)
        out.append(SessionFinished(outcome, at))

    def _freeze(self, at: float, reason: PauseReason) -> None:
        self._frozen_at = at
        self._freeze_reason, self._reason_since = reason, at
        self._state = State.PAIN if reason is PauseReason.PAIN else State.PAUSED

    def _close_reason(self, now: float) -> None:
        """Record the freeze so far (a pause turned pain is two records)."""
        self.record.pauses.append(
            PauseRecord(
                self._wall(self._reason_since), now - self._reason_since, self._freeze_reason
            )
        )

    def _unfreeze(self, now: float, out: list[Event]) -> None:
        assert self._frozen_at is not None
        self._close_reason(now)
        frozen_for = now - self._frozen_at
        self._start += frozen_for
        self._frozen_at = None
        self._state = State.RUNNING
        self._mark_wake(now)
        out.append(Resumed(now, frozen_for))
        if self._start_cue_pending:
            self._start_cue_pending = False
            out.append(CueDue(START_CUES[self.current.kind], self._index, self.current, now))

    # -- planning ----------------------------------------------------------------------

    def _gentle_set(self) -> frozenset[str]:
        if self._session_gentle:
            return frozenset(ex.id for ex in self._routine.exercises)
        return frozenset(self._gentle_ids)

    def _retime(self, phase: Phase) -> Phase:
        """``phase`` as gentle mode, the hold adjustment and its spoken words say it should be."""
        return self._fit_words(self._retime_exercise(phase))

    def _fit_words(self, phase: Phase) -> Phase:
        """Long enough for the words said at its start to finish, within a limit."""
        if phase.kind not in SPOKEN_KINDS:
            return phase
        spoken = self._spoken(phase)
        if not spoken:
            return phase
        wanted = min(spoken + SPOKEN_MARGIN, SPOKEN_MAX)
        return replace(phase, seconds=wanted) if wanted > phase.seconds else phase

    def _retime_exercise(self, phase: Phase) -> Phase:
        if phase.exercise_index is None:
            return phase
        ex = self._routine.exercises[phase.exercise_index]
        gentle = ex.id in self._gentle_set()
        if phase.kind is PhaseKind.HOLD:
            seconds = hold_seconds(ex, gentle=gentle, hold_delta=self._hold_delta)
            return replace(phase, seconds=seconds, gentle=gentle)
        if phase.kind is PhaseKind.REST:
            return replace(phase, seconds=rest_seconds(ex, gentle=gentle), gentle=gentle)
        return replace(phase, gentle=gentle)

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

    def _after_current_exercise(self) -> int:
        """The first phase not belonging to the current exercise (its successor's prepare,
        the cool-down, or DONE); for a phase outside any exercise, simply the next one."""
        ex = self.current.exercise_index
        if ex is None:
            return self._index + 1
        for i in range(self._index + 1, len(self._phases)):
            if self._phases[i].exercise_index != ex:
                return i
        return len(self._phases) - 1

    def _continue_gentler(self, now: float, out: list[Event]) -> None:
        """Gentle from here on: restart the interrupted side (or go on to the next hold)
        with the gentle hold, this exercise's remaining reps cut to the one under way."""
        self._session_gentle = True
        self.record.gentle = True
        cur = self.current
        i = cur.exercise_index
        restart: tuple[int, Side | None] | None = None
        if i is None:
            tail = [cur, *self._phases[self._index + 1 :]]  # lead-in, warm-up, cool-down
        else:
            ex = self._routine.exercises[i]
            if cur.kind is PhaseKind.REST:
                if cur.rep < cur.reps:
                    restart = (cur.rep + 1, ex.side_order[0])
            elif cur.kind is PhaseKind.PREPARE:
                restart = (cur.rep, cur.side if cur.side in ex.side_order else ex.side_order[0])
            else:
                restart = (cur.rep, cur.side)
            tail = self._tail_from(i + 1)
            if restart is not None:
                rep, side = restart
                tail = [
                    *exercise_phases(
                        self._routine,
                        i,
                        gentle=True,
                        hold_delta=self._hold_delta,
                        with_prepare=False,
                        reps=rep,
                        start_rep=rep,
                        start_side=side,
                    ),
                    *tail,
                ]
        self._replace_tail(tail)
        out.append(PlanChanged(self._session_gentle, self._hold_delta))
        self._goto(self._index + 1, now, out)
