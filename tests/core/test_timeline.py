"""Routine → phases: order, lengths, gentle mode and the hold adjustment."""

from __future__ import annotations

from backtimer.core.routine import Exercise, Movement, Routine, Sides, Step
from backtimer.core.session.timeline import (
    GENTLE_REST_FACTOR,
    PhaseKind,
    build_phases,
    exercise_phases,
    phases_from_exercise,
    planned_seconds,
)


def ex(eid: str, **kw: object) -> Exercise:
    values: dict[str, object] = {
        "hold": 30,
        "gentle_hold": 20,
        "reps": 1,
        "rest": 10,
        "prepare": 8,
        "sides": Sides.BOTH,
    }
    values.update(kw)
    return Exercise(
        id=eid, name=eid, muscle_group="gluteus", steps=(Step("a"), Step("b")), **values
    )  # type: ignore[arg-type]


WARM = Movement("march", "March", 60, (Step("March."),))
COOL = Movement("breathe", "Breathe", 30, (Step("Breathe."),))
R = Routine(
    id="r",
    name="R",
    exercises=(ex("a", reps=2), ex("b", sides=Sides.NONE)),
    warmup=(WARM,),
    cooldown=(COOL,),
)


def test_session_runs_lead_in_warmup_exercises_cooldown_done() -> None:
    """The phases come in the order a session is done, ending with a zero-length done."""
    kinds = [p.kind for p in build_phases(R, lead_in=10)]
    assert kinds[:3] == [PhaseKind.LEAD_IN, PhaseKind.WARMUP, PhaseKind.PREPARE]
    assert kinds[-2:] == [PhaseKind.COOLDOWN, PhaseKind.DONE]
    assert build_phases(R)[-1].seconds == 0


def test_planned_total_is_known_before_starting() -> None:
    """The planned total adds every phase: lead-in, warm-up, holds, switches, rests, cool-down."""
    a = 8 + 2 * (30 + 5 + 30) + 2 * 10  # prepare, two reps of both sides, two rests
    b = 8 + 30
    assert planned_seconds(build_phases(R, lead_in=10)) == 10 + 60 + a + b + 30


def test_no_rest_after_the_last_exercise() -> None:
    """The last exercise ends with its hold, not a rest."""
    last = exercise_phases(R, 1)
    assert last[-1].kind is PhaseKind.HOLD


def test_gentle_exercise_uses_gentle_hold_and_longer_rests() -> None:
    """An exercise started gentle holds for gentle_hold and rests half as long again."""
    phases = build_phases(R, gentle=frozenset({"a"}))
    a_holds = {p.seconds for p in phases if p.item_id == "a" and p.kind is PhaseKind.HOLD}
    a_rests = {p.seconds for p in phases if p.item_id == "a" and p.kind is PhaseKind.REST}
    assert a_holds == {20}
    assert a_rests == {10 * GENTLE_REST_FACTOR}
    assert {p.seconds for p in phases if p.item_id == "b" and p.kind is PhaseKind.HOLD} == {30}


def test_hold_delta_never_goes_under_five_seconds() -> None:
    """Shortening by far more than a hold lasts leaves 5 s holds."""
    phases = build_phases(R, hold_delta=-100)
    assert {p.seconds for p in phases if p.kind is PhaseKind.HOLD} == {5}


def test_restarting_mid_exercise_begins_at_the_given_side() -> None:
    """Re-expanding from rep 1's second side starts with that hold, no prepare, no switch."""
    phases = exercise_phases(
        R, 0, with_prepare=False, reps=1, start_rep=1, start_side=R.exercises[0].first_side.other
    )
    assert [p.kind for p in phases] == [PhaseKind.HOLD, PhaseKind.REST]
    assert phases[0].side is R.exercises[0].first_side.other
    assert phases[0].reps == 1


def test_phases_from_past_the_last_exercise_is_cooldown_and_done() -> None:
    """From beyond the exercises only the cool-down and done remain."""
    assert [p.kind for p in phases_from_exercise(R, 2)] == [PhaseKind.COOLDOWN, PhaseKind.DONE]
