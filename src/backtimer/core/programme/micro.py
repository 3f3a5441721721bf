"""A micro-session: some of a routine's exercises, done on their own at a set time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from backtimer.core.routine import Routine


def micro_routine(routine: Routine, exercise_ids: Sequence[str]) -> Routine | None:
    """``routine`` with only the named exercises, in the routine's order, and without its
    warm-up and cool-down (a short stretch between other things); the same id, so it
    counts for the routine's plan. None if it would have no exercise left."""
    wanted = set(exercise_ids)
    kept = tuple(e for e in routine.exercises if e.id in wanted)
    if not kept:
        return None
    return replace(routine, exercises=kept, warmup=(), cooldown=())


def only_exercises(routine: Routine, ids_text: str) -> Routine:
    """``--only psoas,gluteus``: the micro-session, or the whole routine if none of the
    ids is one of its exercises (a stale plan must not leave an empty session)."""
    ids = [part.strip() for part in ids_text.split(",") if part.strip()]
    return micro_routine(routine, ids) or routine
