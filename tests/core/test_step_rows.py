"""The step list's rows from the engine's plan: every length they show is the plan's."""

from __future__ import annotations

import math

from backtimer.core.routine import Routine, Sides
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.engine import Engine
from backtimer.core.session.plan import plan_session
from backtimer.core.session.record import PainChoice
from backtimer.core.session.step_rows import StepRow, step_rows
from backtimer.core.session.timeline import Phase, PhaseKind


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make(routine: Routine) -> tuple[Engine, Clock]:
    clock = Clock()
    return Engine(routine, clock, wall_clock=lambda: 1.7e9, suspend_gap=lambda: 0.0), clock


def run_until(engine: Engine, clock: Clock, wanted: PhaseKind, exercise: int = 0) -> None:
    """Wake every half second, as the driver would, until that phase is under way."""
    while not (engine.current.kind is wanted and engine.current.exercise_index == exercise):
        clock.t += 0.5
        engine.advance()


def rows(engine: Engine) -> tuple[StepRow, ...]:
    return step_rows(engine.routine, engine.phases, engine.index)


def shown_hold(engine: Engine, exercise: int) -> Phase:
    """The engine's own hold of ``exercise`` under way or next; once none is left, the
    last one it ran."""
    holds = [
        (n, p)
        for n, p in enumerate(engine.phases)
        if p.kind is PhaseKind.HOLD and p.exercise_index == exercise
    ]
    return next((p for n, p in holds if n >= engine.index), holds[-1][1])


def assert_rows_are_the_plan(engine: Engine) -> None:
    """Each exercise row shows the engine's hold under way or next (the last one it ran
    once none is left), with its gentle flag and reps; the warm-up and cool-down rows
    what the engine plans their movements to last."""
    for row in rows(engine):
        if isinstance(row.key, int):
            hold = shown_hold(engine, row.key)
            assert (row.seconds, row.gentle, row.reps) == (hold.seconds, hold.gentle, hold.reps)
        else:
            kind = PhaseKind.WARMUP if row.key == "warmup" else PhaseKind.COOLDOWN
            # These sessions never go back to the warm-up: its movements are one run.
            assert math.isclose(
                row.seconds, sum(p.seconds for p in engine.phases if p.kind is kind)
            )


def test_before_a_session_the_rows_are_the_plan_the_engine_starts_from() -> None:
    """The idle list reads the plan an engine starts with: "25 s", "20 s × 2 reps", and the
    warm-up as long as its movements."""
    routine = load_builtin()
    idle = step_rows(routine, plan_session(routine))
    engine, _ = make(routine)
    assert idle == rows(engine)
    assert_rows_are_the_plan(engine)
    by_name = {r.name: r for r in idle}
    assert (by_name["Hamstring stretch"].seconds, by_name["Hamstring stretch"].sides) == (
        25,
        Sides.BOTH,
    )
    assert (by_name["Seated buttock squeeze"].seconds, by_name["Seated buttock squeeze"].reps) == (
        20,
        2,
    )
    assert by_name["Warm-up"].seconds == sum(m.duration for m in routine.warmup)


def test_after_pain_and_continue_gentler_every_row_is_the_engines_plan() -> None:
    """Pain in the hamstring hold, then "continue gentler": the hamstring and every later
    stretch show the gentle holds the engine will run (15/20/20 s, not 25/30/30 s)."""
    routine = load_builtin()
    engine, clock = make(routine)
    engine.start()
    run_until(engine, clock, PhaseKind.HOLD, exercise=1)
    clock.t += 4
    engine.advance()
    engine.pain()
    engine.resolve_pain(PainChoice.GENTLER)
    assert_rows_are_the_plan(engine)
    shown = {r.key: (r.seconds, r.gentle) for r in rows(engine)}
    assert [shown[i] for i in (1, 2, 3)] == [(15, True), (20, True), (20, True)]
    assert shown[0] == (20, False), "the squeeze was done before the pain, as it was planned"


def test_after_plus_and_minus_every_row_is_the_engines_plan() -> None:
    """+ during a hold lengthens it and every later hold; − twice shortens them: the rows
    say so each time, and a stretch already done keeps what it ran."""
    routine = load_builtin()
    engine, clock = make(routine)
    engine.start()
    run_until(engine, clock, PhaseKind.HOLD, exercise=1)
    engine.adjust_hold(+5)
    assert_rows_are_the_plan(engine)
    assert [r.seconds for r in rows(engine) if isinstance(r.key, int)] == [20, 30, 35, 35]
    engine.adjust_hold(-5)
    engine.adjust_hold(-5)
    assert_rows_are_the_plan(engine)
    assert [r.seconds for r in rows(engine) if isinstance(r.key, int)] == [20, 20, 25, 25]


def test_the_warm_up_row_follows_words_that_lengthen_it() -> None:
    """When the spoken words make a warm-up movement longer, its row says the longer time."""
    from backtimer.core.session.retime import SPOKEN_MARGIN, speech_key

    routine = load_builtin()
    engine, _ = make(routine)
    march = next(p for p in engine.phases if p.kind is PhaseKind.WARMUP)
    engine.set_spoken_seconds({speech_key(march): march.seconds + 10})
    warmup = rows(engine)[0]
    assert warmup.seconds == sum(m.duration for m in routine.warmup) + 10 + SPOKEN_MARGIN
    assert_rows_are_the_plan(engine)


def test_once_the_session_is_over_each_row_shows_what_it_ran() -> None:
    """Ended early after +: done rows keep the holds as they ran, later ones the plan."""
    routine = load_builtin()
    engine, clock = make(routine)
    engine.start()
    run_until(engine, clock, PhaseKind.HOLD, exercise=2)
    engine.adjust_hold(+5)
    engine.end()
    shown = [r.seconds for r in rows(engine) if isinstance(r.key, int)]
    assert shown == [20, 25, 35, 35]
