"""Properties of the engine over random routines and random commands at random moments."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core.routine import Exercise, Movement, Routine, Sides, Step
from backtimer.core.session.engine import Engine
from backtimer.core.session.events import (
    Event,
    HoldRecorded,
    PainStopped,
    PhaseEnded,
    PhaseStarted,
    Resumed,
    SessionFinished,
)
from backtimer.core.session.phase_machine import State
from backtimer.core.session.record import PainChoice
from backtimer.core.session.timeline import PhaseKind


@dataclass
class Clock:
    t: float = 5000.0
    gap: float = 0.0

    def __call__(self) -> float:
        return self.t


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    n = draw(st.integers(1, 4))
    exercises = []
    for i in range(n):
        hold = draw(st.integers(5, 40))
        exercises.append(
            Exercise(
                id=f"ex{i}",
                name=f"Exercise {i}",
                muscle_group="hamstrings",
                steps=(Step("Do it."),),
                hold=hold,
                gentle_hold=draw(st.integers(5, hold)),
                reps=draw(st.integers(1, 3)),
                rest=draw(st.sampled_from([0, 3, 10])),
                prepare=draw(st.integers(3, 10)),
                sides=draw(st.sampled_from(Sides)),
            )
        )

    def movements(prefix: str) -> tuple[Movement, ...]:
        count = draw(st.integers(0, 2))
        return tuple(
            Movement(f"{prefix}{k}", "Move", draw(st.integers(5, 30)), (Step("Move."),))
            for k in range(count)
        )

    return Routine(
        id="r",
        name="R",
        exercises=tuple(exercises),
        warmup=movements("w"),
        cooldown=movements("c"),
    )


gaps = st.lists(st.floats(0.05, 9.0), min_size=1, max_size=20)

COMMANDS = (
    "pause",
    "resume",
    "next",
    "back",
    "jump",
    "plus",
    "minus",
    "pain_resume",
    "pain_gentler",
    "pain_skip",
)
commands = st.lists(
    st.tuples(st.floats(0.0, 30.0), st.sampled_from(COMMANDS), st.integers(0, 3)), max_size=12
)


@dataclass
class Run:
    """An engine on a fake clock, and every event it gave, split by what caused it."""

    engine: Engine
    clock: Clock
    batches: list[tuple[str, list[Event]]] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [e for _, batch in self.batches for e in batch]

    def do(self, name: str, events: list[Event]) -> None:
        self.batches.append((name, events))

    def wake(self, gap: float) -> None:
        """A driver-like wake-up: at the next due moment or after ``gap``, whichever first,
        except that ``gap`` may overshoot (a late wake-up or a stall)."""
        due = self.engine.next_due()
        if self.batches and self.batches[-1][0] == "resume":
            gap = min(gap, 1.0)  # stalls are rare: after one, wake promptly
        if due is not None and gap < 1.0:
            self.clock.t = max(self.clock.t, min(due, self.clock.t + gap))
        else:
            self.clock.t += gap
        self.do("advance", self.engine.advance())
        if self.engine.state is State.PAUSED:
            self.do("resume", self.engine.resume())

    def finish(self, gaps: list[float]) -> None:
        """Keep waking (resuming any stall) until the session is over."""
        n = 0
        while self.engine.state is not State.FINISHED:
            if self.engine.state is State.PAIN:
                self.do("resume", self.engine.resolve_pain(PainChoice.RESUME))
            self.wake(gaps[n % len(gaps)])
            n += 1
            assert n < 100_000


def new_run(routine: Routine) -> Run:
    clock = Clock()
    engine = Engine(
        routine, clock, lead_in=5.0, wall_clock=lambda: 0.0, suspend_gap=lambda: clock.gap
    )
    run = Run(engine, clock)
    run.do("start", engine.start())
    return run


def command(run: Run, name: str, arg: int) -> None:
    e = run.engine
    if name.startswith("pain_"):
        run.do("pain", e.pain())
        choice = {"resume": PainChoice.RESUME, "gentler": PainChoice.GENTLER}.get(
            name[5:], PainChoice.SKIP
        )
        run.do(name, e.resolve_pain(choice))
        return
    action = {
        "pause": e.pause,
        "resume": e.resume,
        "next": e.next,
        "back": e.back,
        "jump": lambda: e.jump_to_exercise(arg),
        "plus": lambda: e.adjust_hold(5),
        "minus": lambda: e.adjust_hold(-5),
    }[name]
    run.do(name, action())


def assert_holds_exact(run: Run) -> None:
    """Measured from the events alone (start, end, time frozen in between), every
    completed hold lasted its planned seconds, and the record says what was measured."""
    events = run.events
    start_at, frozen = 0.0, 0.0
    recorded = []
    for i, e in enumerate(events):
        if isinstance(e, PhaseStarted):
            start_at, frozen = e.at, 0.0
        elif isinstance(e, Resumed):
            frozen += e.paused_for
        elif isinstance(e, PhaseEnded) and e.phase.kind is PhaseKind.HOLD:
            hold = events[i - 1]
            assert isinstance(hold, HoldRecorded)
            measured = e.at - start_at - frozen
            assert abs(hold.hold.held - measured) < 1e-6, (hold, measured)
            if e.completed:
                assert abs(measured - e.phase.seconds) < 1e-6, (e, measured)
                assert hold.hold.planned == e.phase.seconds
            else:
                assert -1e-6 <= measured <= e.phase.seconds + 1e-6
            recorded.append(hold.hold)
    assert recorded == run.engine.record.holds


@settings(max_examples=150, deadline=None)
@given(routines(), gaps)
def test_left_alone_every_phase_comes_once_in_order_for_its_planned_time(
    routine: Routine, wake_gaps: list[float]
) -> None:
    """Without commands every phase starts once, in order, and lasts planned + paused time."""
    run = new_run(routine)
    planned = run.engine.phases
    run.finish(wake_gaps)
    started = [e for e in run.events if isinstance(e, PhaseStarted)]
    assert [e.index for e in started] == list(range(len(planned)))
    assert [e.phase for e in started] == list(planned)
    ended = [e for e in run.events if isinstance(e, PhaseEnded)]
    assert all(e.completed for e in ended)
    assert_holds_exact(run)
    assert all(h.completed for h in run.engine.record.holds)
    finished = run.events[-1]
    assert isinstance(finished, SessionFinished)
    lasted = sum(end.at - start.at for start, end in zip(started, ended, strict=True))
    paused = run.engine.record.paused_seconds
    assert abs(lasted - (sum(p.seconds for p in planned) + paused)) < 1e-6
    assert abs(finished.at - started[0].at - lasted) < 1e-6


@settings(max_examples=150, deadline=None)
@given(routines(), gaps, st.lists(st.tuples(st.floats(0.0, 40.0), st.floats(0.0, 60.0))))
def test_pauses_never_change_a_hold(
    routine: Routine, wake_gaps: list[float], pauses: list[tuple[float, float]]
) -> None:
    """Pausing at random moments for random lengths leaves every hold its planned seconds."""
    run = new_run(routine)
    for after, length in pauses:
        run.clock.t += min(after, 4.0)
        run.do("advance", run.engine.advance())
        run.do("pause", run.engine.pause())
        run.clock.t += length
        run.do("resume", run.engine.resume())
    run.finish(wake_gaps)
    holds = run.engine.record.holds
    assert all(h.completed for h in holds)
    assert_holds_exact(run)
    assert len(holds) == sum(1 for p in run.engine.phases if p.kind is PhaseKind.HOLD)


@settings(max_examples=200, deadline=None)
@given(routines(), gaps, commands)
def test_under_any_commands_time_is_exact_and_nothing_is_skipped_silently(
    routine: Routine, wake_gaps: list[float], cmds: list[tuple[float, str, int]]
) -> None:
    """Random commands at random moments: completed holds exact, order kept between
    commands, next/back always end one phase and start another, the session ends."""
    run = new_run(routine)
    for wait, name, arg in cmds:
        target = run.clock.t + wait
        while run.clock.t < target and run.engine.state is State.RUNNING:
            run.wake(min(wake_gaps[0], target - run.clock.t))
        before = run.engine.state
        command(run, name, arg)
        if name in ("next", "back") and before in (State.RUNNING, State.PAUSED):
            batch = run.batches[-1][1]
            marks = [e for e in batch if isinstance(e, PhaseEnded | PhaseStarted)]
            assert any(
                isinstance(a, PhaseEnded) and not a.completed and isinstance(b, PhaseStarted)
                for a, b in zip(marks, marks[1:], strict=False)
            ), batch
    run.finish(wake_gaps)

    assert_holds_exact(run)
    last = None
    for cause, batch in run.batches:
        for e in batch:
            if isinstance(e, PhaseStarted):
                if cause == "advance" and last is not None:
                    assert e.index == last + 1, (cause, batch)
                last = e.index
    # every start is matched by an end, in order
    marks = [e for e in run.events if isinstance(e, PhaseStarted | PhaseEnded)]
    assert all(
        isinstance(a, PhaseStarted) and isinstance(b, PhaseEnded) and a.index == b.index
        for a, b in zip(marks[::2], marks[1::2], strict=True)
    )
    ats = [e.at for e in marks]
    assert ats == sorted(ats)
    assert isinstance(run.events[-1], SessionFinished)
    pains = [e for e in run.events if isinstance(e, PainStopped)]
    assert len(pains) == len(run.engine.record.pains)
