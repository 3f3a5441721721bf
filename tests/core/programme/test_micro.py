"""A micro-session keeps only the named exercises, and never comes out empty."""

from __future__ import annotations

from backtimer.core.programme.micro import only_exercises
from backtimer.core.routine_file.loader import load_builtin


def test_only_psoas_is_the_psoas_stretch_without_warm_up_or_cool_down() -> None:
    routine = only_exercises(load_builtin(), "psoas")
    assert [e.id for e in routine.exercises] == ["psoas"]
    assert (routine.warmup, routine.cooldown) == ((), ())
    assert routine.id == "gentle-back"  # counts for the routine's plan


def test_ids_the_routine_does_not_have_leave_the_whole_routine() -> None:
    whole = load_builtin()
    assert only_exercises(whole, "nothing, , at-all") == whole


def test_several_ids_keep_the_routines_order() -> None:
    routine = only_exercises(load_builtin(), "psoas,gluteus")
    assert [e.id for e in routine.exercises] == ["gluteus", "psoas"]
