"""The session state machine: a routine's phases on absolute deadlines of an injected clock.

Contract, in short:

* Time comes only from the ``clock`` given (monotonic seconds). Every phase has an
  absolute deadline ``start + seconds``; remaining time is ``deadline - now``; nothing is
  counted down by ticks, so a late wake-up never shifts what follows. Freezing (pause,
  pain, stall) moves the current phase's start forward by the frozen time on resume; a
  phase frozen while its opening words were said is lengthened on resume so they can be
  said again in full (``PlanChanged``, then its start cue again).
* Commands and :meth:`Engine.advance` return the events that happened, in order, each
  stamped with the monotonic time it was *due* (a phase that ended while the caller slept
  ends at its deadline, and the next one starts at that same instant).
* Commands that do not apply in the current state return ``[]`` and change nothing.
* :meth:`Engine.advance` also watches for stalls: a wake-up more than ``stall_threshold``
  seconds later than anything was due, or a suspend seen in ``suspend_gap``, pauses the
  session as of the previous wake-up instead of completing holds nobody did.
* Every length comes from the engine's :class:`~backtimer.core.session.plan.Plan`; inputs that
  change it (speech lengths, + / −, continue gentler) arrive as values, and the engine never
  calls out while planning. Every pause it records is announced (``PauseRecorded``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from backtimer.core.care.body import PainSite
from backtimer.core.session.cue_schedule import cues_left
from backtimer.core.session.events import (
    Event,
    PainResolved,
    PainStopped,
    Paused,
    PlanChanged,
    SessionStarted,
    StallDetected,
)
from backtimer.core.session.phase_machine import PhaseMachine, State
from backtimer.core.session.record import Outcome, PainChoice, PainRecord, PauseReason
from backtimer.core.session.replan import after_exercise, find_ahead
from backtimer.core.session.retime import SpokenSeconds
from backtimer.core.session.timeline import PhaseKind

#: Back within this many seconds of a hold's start goes to the previous phase;
#: later, it restarts the hold (as a music player's "previous" does).
BACK_RESTARTS_AFTER = 2.0


class Engine(PhaseMachine):
    """One session of ``routine`` on ``clock``. See the module docstring for the contract,
    and :class:`PhaseMachine` for the constructor's arguments."""

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
        self._unfreeze(now, out, say_again=True)
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
            self._goto(self._index if restart else max(0, self._index - 1), now, out, again=True)

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
                self._plan.phases,
                self._index,
                lambda p: p.kind is PhaseKind.PREPARE and p.exercise_index == exercise_index,
            )
            if found is None:
                self._plan.replan_from_exercise(self._index, exercise_index)
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
            found = find_ahead(self._plan.phases, self._index, lambda p: p.kind is kind)
            if found is not None:
                self._goto(found, now, out)
            elif kind is PhaseKind.WARMUP and self._routine.warmup:
                self._plan.replan_warmup(self._index)
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
        self,
        choice: PainChoice,
        rating: int | None = None,
        note: str = "",
        site: PainSite | None = None,
    ) -> list[Event]:
        """End, continue gentler, skip this exercise, or resume after :meth:`pain`;
        ``site`` is where it hurts (the body map), if the person said."""
        if self._state is not State.PAIN or self._pain is None:
            return []
        now = self._read(None)
        self._pain = replace(self._pain, rating=rating, note=note, choice=choice, site=site)
        self.record.pains[-1] = self._pain
        out: list[Event] = [PainResolved(self._pain)]
        if choice is PainChoice.END:
            self._finish(Outcome.ENDED_FOR_PAIN, now, out)
            return out
        self._unfreeze(now, out, say_again=choice is PainChoice.RESUME)
        if choice is PainChoice.SKIP:
            self._goto(after_exercise(self._plan.phases, self._index), now, out)
        elif choice is PainChoice.GENTLER:
            # Gentle from here on: the interrupted side again (or the next hold) with the
            # gentle hold, this exercise's remaining reps cut to the one under way.
            self._plan.continue_gentler(self._index)
            self.record.gentle = True
            out.append(PlanChanged(self.gentle, self.hold_delta))
            self._goto(self._index + 1, now, out)
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
        new_delta = self._plan.hold_delta_after(delta)
        if new_delta == self._plan.hold_delta:
            return []
        now = self._read(None)
        out = self.advance(now)
        if self._state is State.FINISHED:
            return out
        under_way = self.current.kind is PhaseKind.HOLD and self._state is not State.IDLE
        elapsed = self._effective(now) - self._start if under_way else None
        self._plan.set_hold_delta(new_delta, self._index, elapsed)
        if elapsed is not None:
            spoken = self._plan.spoken_seconds(self.current)
            self._cues = cues_left(self.current, elapsed, self._said, spoken)
        out.append(PlanChanged(self.gentle, self.hold_delta))
        self._run_until(now, out)
        return out

    def set_spoken_seconds(self, spoken: SpokenSeconds) -> list[Event]:
        """Tell how long the words said at phases' starts last, in seconds by
        :func:`~backtimer.core.session.retime.speech_key` (a phase not in ``spoken``: not
        known yet).

        Phases of the kinds that are spoken (prepare, warm-up, cool-down) and have not
        begun are lengthened so the words finish before the hold, plus a breath, up to
        ``SPOKEN_MAX``; nothing is ever shortened and the phase under way keeps its length.
        """
        self._plan.set_spoken(spoken, self._index)
        return [PlanChanged(self.gentle, self.hold_delta)]

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
