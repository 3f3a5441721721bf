"""Planning afresh from the middle of a session: where a jump or a skip lands, and the
phases that follow it (a fresh tail, a warm-up again, or the rest done gentler).

Pure functions of the routine and the plan as it stands; the plan (``core.plan``) puts
what they return after the phase under way, so nothing already done is ever rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from backtimer.core.routine import Routine, Side
from backtimer.core.session.timeline import (
    Phase,
    PhaseKind,
    exercise_phases,
    movement_phase,
    phases_from_exercise,
)


def find_ahead(phases: Sequence[Phase], index: int, wanted: Callable[[Phase], bool]) -> int | None:
    """The first phase after ``index`` that is ``wanted``; None if there is none."""
    for i in range(index + 1, len(phases)):
        if wanted(phases[i]):
            return i
    return None


def after_exercise(phases: Sequence[Phase], index: int) -> int:
    """The first phase after ``index`` not belonging to its exercise (its successor's
    prepare, the cool-down, or DONE); for a phase outside any exercise, simply the next."""
    ex = phases[index].exercise_index
    if ex is None:
        return index + 1
    found = find_ahead(phases, index, lambda p: p.exercise_index != ex)
    return found if found is not None else len(phases) - 1


def warmup_tail(routine: Routine, *, gentle: frozenset[str], hold_delta: float) -> list[Phase]:
    """The whole session again from the warm-up: warm-up, every exercise, cool-down, DONE."""
    warmup = [movement_phase(PhaseKind.WARMUP, m) for m in routine.warmup]
    return warmup + phases_from_exercise(routine, 0, gentle=gentle, hold_delta=hold_delta)


def gentler_tail(
    routine: Routine,
    phases: Sequence[Phase],
    index: int,
    *,
    gentle: frozenset[str],
    hold_delta: float,
) -> list[Phase]:
    """What follows phase ``index`` when the session continues gentler after pain.

    In an exercise: the interrupted side again (from a prepare, its first side; from a
    rest, the next rep's first side, or nothing if that was the last rep) with the gentle
    hold, cut to the rep under way, then the later exercises planned with ``gentle``.
    Outside any exercise (lead-in, warm-up, cool-down): the phase under way again and the
    plan as it was.
    """
    cur = phases[index]
    i = cur.exercise_index
    if i is None:
        return [cur, *phases[index + 1 :]]
    ex = routine.exercises[i]
    restart: tuple[int, Side | None] | None = None
    if cur.kind is PhaseKind.REST:
        if cur.rep < cur.reps:
            restart = (cur.rep + 1, ex.side_order[0])
    elif cur.kind is PhaseKind.PREPARE:
        restart = (cur.rep, cur.side if cur.side in ex.side_order else ex.side_order[0])
    else:
        restart = (cur.rep, cur.side)
    tail = phases_from_exercise(routine, i + 1, gentle=gentle, hold_delta=hold_delta)
    if restart is None:
        return tail
    rep, side = restart
    again = exercise_phases(
        routine,
        i,
        gentle=True,
        hold_delta=hold_delta,
        with_prepare=False,
        reps=rep,
        start_rep=rep,
        start_side=side,
    )
    return [*again, *tail]
