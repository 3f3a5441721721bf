"""The session engine, command by command, on a fake clock."""

from __future__ import annotations

import math

import pytest

from backtimer.core.routine import Exercise, Routine, Sides, Step
from backtimer.core.session.engine import Engine
from backtimer.core.session.events import (
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
from backtimer.core.session.phase_machine import State
from backtimer.core.session.record import Outcome, PainChoice, PauseReason, PauseRecord
from backtimer.core.session.retime import SPOKEN_MARGIN, SpeechKey, speech_key
from backtimer.core.session.timeline import PhaseKind


class FakeClock:
    """Monotonic seconds that move only when told; also a fake suspend gap."""

    def __init__(self, t: float = 1000.0) -> None:
        self.t = t
        self.gap = 0.0

    def __call__(self) -> float:
        return self.t

    def suspend_gap(self) -> float:
        return self.gap


def exercise(
    eid: str,
    *,
    hold: float = 30,
    gentle_hold: float = 20,
    reps: int = 1,
    rest: float = 10,
    prepare: float = 8,
    sides: Sides = Sides.BOTH,
) -> Exercise:
    return Exercise(
        id=eid,
        name=eid.title(),
        muscle_group="hamstrings",
        steps=(Step("Sit."), Step("Reach.")),
        hold=hold,
        gentle_hold=gentle_hold,
        reps=reps,
        rest=rest,
        prepare=prepare,
        sides=sides,
    )


def routine(*exercises: Exercise) -> Routine:
    return Routine(id="r", name="R", exercises=exercises)


def make(r: Routine, clock: FakeClock, **kw: object) -> Engine:
    kw.setdefault("lead_in", 10.0)
    return Engine(r, clock, wall_clock=lambda: 1.7e9, suspend_gap=clock.suspend_gap, **kw)  # type: ignore[arg-type]


def run_to(engine: Engine, clock: FakeClock, t: float, step: float = 0.1) -> list[Event]:
    """Advance like the driver would: a wake-up every ``step`` seconds up to ``t``."""
    out: list[Event] = []
    begin = clock.t
    n = math.ceil((t - begin) / step)
    for k in range(1, n + 1):
        clock.t = t if k == n else begin + (t - begin) * k / n
        out += engine.advance()
    return out


def kinds(events: list[Event]) -> list[PhaseKind]:
    return [e.phase.kind for e in events if isinstance(e, PhaseStarted)]


def cues(events: list[Event]) -> list[Cue]:
    return [e.cue for e in events if isinstance(e, CueDue)]


ONE_SIDED = exercise("bridge", hold=25, sides=Sides.NONE)
TWO_SIDED = exercise("hamstring", hold=30, reps=2)


def test_plan_expands_sides_reps_and_rests() -> None:
    """A two-sided exercise of two reps holds right, switches, left, rests, twice."""
    e = make(routine(TWO_SIDED, ONE_SIDED), FakeClock())
    got = [(p.kind, p.side.value if p.side else None, p.rep) for p in e.phases]
    hold, switch, rest = PhaseKind.HOLD, PhaseKind.SWITCH, PhaseKind.REST
    assert got[:10] == [
        (PhaseKind.LEAD_IN, None, 0),
        (PhaseKind.PREPARE, "right", 1),
        (hold, "right", 1),
        (switch, "left", 1),
        (hold, "left", 1),
        (rest, None, 1),
        (hold, "right", 2),
        (switch, "left", 2),
        (hold, "left", 2),
        (rest, None, 2),
    ]
    assert [p.kind for p in e.phases[10:]] == [PhaseKind.PREPARE, hold, PhaseKind.DONE]
    assert e.planned_total() == 10 + 8 + 30 + 5 + 30 + 10 + 30 + 5 + 30 + 10 + 8 + 25


def test_a_run_without_commands_reaches_done_on_time() -> None:
    """Left alone, the session ends exactly at the planned total, completed."""
    clock = FakeClock()
    e = make(routine(TWO_SIDED, ONE_SIDED), clock)
    t0 = clock.t
    out = e.start()
    out += run_to(e, clock, t0 + e.planned_total() + 1)
    finished = [ev for ev in out if isinstance(ev, SessionFinished)]
    assert finished == [SessionFinished(Outcome.COMPLETED, t0 + e.planned_total())]
    assert e.state is State.FINISHED
    assert e.record.outcome is Outcome.COMPLETED
    assert [h.held for h in e.record.holds] == [30, 30, 30, 30, 25]
    assert isinstance(out[0], SessionStarted)


def test_a_hold_cues_at_exact_times() -> None:
    """A 30 s hold: start, halfway at 15, ten left at 20, 3-2-1 at 27-28-29, release at 30."""
    clock = FakeClock()
    e = make(routine(exercise("a", hold=30, sides=Sides.NONE)), clock, lead_in=0.0)
    e.start()
    out = run_to(e, clock, clock.t + 8 + 30, step=0.37)
    hold_start = next(
        ev.at for ev in out if isinstance(ev, PhaseStarted) and ev.phase.kind is PhaseKind.HOLD
    )
    inside = [
        (ev.cue, round(ev.at - hold_start, 9))
        for ev in out
        if isinstance(ev, CueDue) and ev.phase.kind is PhaseKind.HOLD
    ]
    assert inside == [
        (Cue.HOLD_START, 0),
        (Cue.HALFWAY, 15),
        (Cue.TEN_LEFT, 20),
        (Cue.COUNT_3, 27),
        (Cue.COUNT_2, 28),
        (Cue.COUNT_1, 29),
        (Cue.RELEASE, 30),
    ]


def test_a_timed_warmup_movement_cues_halfway_and_ten_left_after_its_words() -> None:
    """A 60 s warm-up movement whose words last 12 s: halfway at 30, ten left at 50; with
    words of 35 s the halfway, which would come while they are said, is dropped."""
    from backtimer.core.routine import Movement

    march = Movement(id="march", name="March", duration=60, steps=(Step("March."),))
    r = Routine(id="r", name="R", warmup=(march,), exercises=(exercise("a"),))
    for words, expected in ((12.0, [(Cue.HALFWAY, 30), (Cue.TEN_LEFT, 50)]),
                            (35.0, [(Cue.TEN_LEFT, 50)])):  # fmt: skip
        clock = FakeClock()
        e = make(r, clock, lead_in=0.0)
        e.set_spoken_seconds(_spoken(e, words, PhaseKind.WARMUP))
        out = e.start() + run_to(e, clock, clock.t + 61, step=0.5)
        inside = [
            (ev.cue, round(ev.at - 1000.0, 9))
            for ev in out
            if isinstance(ev, CueDue) and ev.phase.kind is PhaseKind.WARMUP
        ]
        assert inside == [(Cue.WARMUP_START, 0), *expected], words


def test_each_cue_carries_the_phase_that_follows() -> None:
    """A rest's cue carries the plan's next phase (what the rest announces): the next rep's
    hold between reps, the next exercise's prepare after the last rep."""
    clock = FakeClock()
    e = make(routine(exercise("a", hold=5, reps=2, rest=4), exercise("b")), clock)
    out = e.start() + run_to(e, clock, clock.t + 200)
    rests = [ev for ev in out if isinstance(ev, CueDue) and ev.cue is Cue.REST_START]
    following = [(f.kind, f.item_id, f.rep) for ev in rests if (f := ev.following)]
    assert following == [(PhaseKind.HOLD, "a", 2), (PhaseKind.PREPARE, "b", 1)]
    done = next(ev for ev in out if isinstance(ev, CueDue) and ev.cue is Cue.SESSION_DONE)
    assert done.following is None


def _prepare_cues_after_pause(pause_at: float, resolve: str = "") -> tuple[list[Event], Engine]:
    """An engine with 6 s of words in its prepare (8 s), paused (or stopped for pain and
    resolved) ``pause_at`` seconds into it for 20 s; the events of the resume."""
    clock = FakeClock()
    e = make(routine(exercise("a", sides=Sides.NONE), exercise("b")), clock, lead_in=0.0)
    e.set_spoken_seconds(_spoken(e, 6.0, PhaseKind.PREPARE))
    e.start()
    run_to(e, clock, clock.t + pause_at)
    assert e.current.kind is PhaseKind.PREPARE
    if resolve:
        e.pain()
        clock.t += 20
        return e.resolve_pain(PainChoice(resolve)), e
    e.pause()
    clock.t += 20
    return e.resume(), e


def test_words_cut_off_by_a_pause_are_said_again_with_room_to_finish() -> None:
    """Paused 3 s into the prepare's 6 s of words: on resume the words start again, and
    the prepare lasts until they can finish (3 + 6 + a breath) instead of 8 s."""
    out, e = _prepare_cues_after_pause(3.0)
    assert cues(out) == [Cue.PREPARE_START]
    again = next(ev for ev in out if isinstance(ev, CueDue))
    assert again.at == e.clock()
    assert e.current.seconds == 3.0 + 6.0 + SPOKEN_MARGIN
    assert e.remaining() == 6.0 + SPOKEN_MARGIN
    assert any(isinstance(ev, PlanChanged) for ev in out)


@pytest.mark.parametrize(
    ("pause_at", "resolve", "said_again"),
    [
        (6.5, "", False),  # the words were over: nothing to say again
        (2.0, "resume", True),  # pain — stop, then Resume: as after a pause
        (2.0, "skip", False),  # skipped: the next exercise speaks for itself
    ],
)
def test_words_are_said_again_only_when_they_were_cut_and_the_phase_goes_on(
    pause_at: float, resolve: str, said_again: bool
) -> None:
    """Only a phase that goes on after the freeze, frozen during its words, says them again."""
    out, e = _prepare_cues_after_pause(pause_at, resolve)
    repeated = [ev for ev in out if isinstance(ev, CueDue) and ev.phase.item_id == "a"]
    assert bool(repeated) is said_again
    if not said_again and not resolve:
        assert e.current.seconds == 8.0


def test_short_hold_has_countdown_but_no_halfway() -> None:
    """A 10 s hold gets 3-2-1 and release, no halfway or ten-left."""
    clock = FakeClock()
    e = make(routine(exercise("a", hold=10, sides=Sides.NONE)), clock, lead_in=0.0)
    out = e.start() + run_to(e, clock, clock.t + 100)
    assert cues(out) == [
        Cue.GET_READY,
        Cue.PREPARE_START,
        Cue.HOLD_START,
        Cue.COUNT_3,
        Cue.COUNT_2,
        Cue.COUNT_1,
        Cue.RELEASE,
        Cue.SESSION_DONE,
    ]


def test_every_phase_start_has_its_cue() -> None:
    """Switch sides, rest and rest-over are announced."""
    clock = FakeClock()
    e = make(routine(exercise("a", hold=5, reps=2, rest=4)), clock)
    out = e.start() + run_to(e, clock, clock.t + 200)
    said = cues(out)
    for cue in (Cue.SWITCH_SIDES, Cue.REST_START, Cue.REST_OVER, Cue.PREPARE_START):
        assert cue in said


def test_late_wake_up_changes_nothing_downstream() -> None:
    """Waking 3 s late ends the hold at its deadline and the next phase starts then too."""
    clock = FakeClock()
    e = make(routine(exercise("a", hold=10, sides=Sides.NONE), exercise("b")), clock, lead_in=2)
    t0 = clock.t
    e.start()
    run_to(e, clock, t0 + 19.9)
    clock.t = t0 + 2 + 8 + 10 + 3
    out = e.advance()
    ended = next(ev for ev in out if isinstance(ev, PhaseEnded) and ev.phase.kind is PhaseKind.HOLD)
    assert ended.at == t0 + 20
    assert e.current.kind is PhaseKind.REST
    assert e.remaining() == pytest.approx(10 - 3)


def test_pause_moves_the_deadline() -> None:
    """Pausing 7 s in a hold leaves its remaining time unchanged, and it ends 7 s later."""
    clock = FakeClock()
    e = make(routine(exercise("a", hold=20, sides=Sides.NONE)), clock, lead_in=0)
    t0 = clock.t
    e.start()
    run_to(e, clock, t0 + 8 + 5)
    assert e.pause()[-1] == Paused(t0 + 13, PauseReason.USER)
    assert e.state is State.PAUSED
    assert e.next_due() is None
    clock.t += 7
    assert e.remaining() == pytest.approx(15)
    resumed = e.resume()
    assert resumed == [
        PauseRecorded(PauseRecord(1.7e9 - 7, 7, PauseReason.USER)),
        Resumed(t0 + 20, 7),
    ]
    out = run_to(e, clock, t0 + 8 + 20 + 7)
    hold = next(ev.hold for ev in out if isinstance(ev, HoldRecorded))
    assert hold.held == pytest.approx(20)
    assert hold.completed
    assert e.record.pauses[0].seconds == pytest.approx(7)


def test_toggle_pause_flips_between_running_and_paused() -> None:
    """Space pauses, Space again resumes."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock)
    e.start()
    e.toggle_pause()
    assert e.state is State.PAUSED
    e.toggle_pause()
    assert e.state is State.RUNNING


def test_next_ends_the_phase_uncompleted_and_starts_the_next() -> None:
    """Next during the lead-in goes to the first prepare, saying so."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock)
    e.start()
    clock.t += 3
    out = e.next()
    assert isinstance(out[0], PhaseEnded)
    assert not out[0].completed
    assert isinstance(out[1], PhaseStarted)
    assert out[1].phase.kind is PhaseKind.PREPARE
    assert cues(out) == [Cue.PREPARE_START]
    assert e.remaining() == 8


def test_next_during_a_hold_records_it_cut_short() -> None:
    """A hold left with next is recorded as not completed, with the seconds held."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + 8 + 6)
    out = e.next()
    hold = next(ev.hold for ev in out if isinstance(ev, HoldRecorded))
    assert not hold.completed
    assert hold.held == pytest.approx(6)


def test_back_early_in_a_hold_goes_to_the_previous_phase() -> None:
    """Back within 2 s of a hold's start returns to its prepare."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + 8 + 1)
    e.back()
    assert e.current.kind is PhaseKind.PREPARE
    assert e.remaining() == 8


def test_back_later_in_a_hold_restarts_it() -> None:
    """Back 10 s into a hold starts the same hold again from full."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + 8 + 10)
    index = e.index
    out = e.back()
    assert [type(ev) for ev in out] == [HoldRecorded, PhaseEnded, PhaseStarted, CueDue]
    assert e.index == index
    assert e.remaining() == 25


def test_back_at_the_first_phase_restarts_it() -> None:
    """Back during the lead-in restarts the lead-in."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock)
    e.start()
    clock.t += 4
    e.back()
    assert e.index == 0
    assert e.remaining() == 10


def test_next_while_paused_stays_paused_and_announces_on_resume() -> None:
    """Next while paused moves on silently; the new phase's cue comes on resume."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock)
    e.start()
    e.pause()
    out = e.next()
    assert cues(out) == []
    assert e.state is State.PAUSED
    clock.t += 30
    assert e.remaining() == 8
    assert cues(e.resume()) == [Cue.PREPARE_START]
    assert e.remaining() == 8


def test_jump_to_exercise_goes_to_its_prepare() -> None:
    """Clicking the second exercise in the step list starts its prepare phase."""
    clock = FakeClock()
    e = make(routine(TWO_SIDED, ONE_SIDED), clock)
    e.start()
    e.jump_to_exercise(1)
    assert e.current.kind is PhaseKind.PREPARE
    assert e.current.item_id == "bridge"


def test_jump_back_plans_the_exercise_afresh() -> None:
    """Jumping back to an exercise done already plans it and what follows again."""
    clock = FakeClock()
    e = make(routine(TWO_SIDED, ONE_SIDED), clock)
    e.start()
    e.jump_to_exercise(1)
    e.jump_to_exercise(0)
    rest = [p.item_id for p in e.phases[e.index :] if p.kind is PhaseKind.HOLD]
    assert rest == ["hamstring"] * 4 + ["bridge"]


def test_end_finishes_as_ended_by_user() -> None:
    """End stops the session and records how it ended."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock)
    e.start()
    out = e.end()
    assert out[-1] == SessionFinished(Outcome.ENDED_BY_USER, clock.t)
    assert e.state is State.FINISHED
    assert e.next() == []
    assert e.advance(clock.t + 100) == []


def test_end_by_system_keeps_done_holds_and_the_cut_one() -> None:
    """Stopped by the system mid-hold: the finished holds and the cut one are recorded,
    and the session reads as ended by the system."""
    clock = FakeClock()
    e = make(routine(TWO_SIDED), clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + 8 + 30 + 5 + 12)  # prepare, right hold, switch, 12 s left
    out = e.end_by_system()
    assert out[-1] == SessionFinished(Outcome.ENDED_BY_SYSTEM, clock.t)
    assert e.record.outcome is Outcome.ENDED_BY_SYSTEM
    assert [(h.completed, round(h.held)) for h in e.record.holds] == [(True, 30), (False, 12)]
    assert e.end_by_system() == []


def test_end_by_system_during_pain_leaves_the_choice_unmade() -> None:
    """Stopped by the system while the pain choices are up: nobody chose, so the pain
    event keeps no choice, and the outcome is ended by the system (not for pain)."""
    e, _clock = pain_in_hold(routine(TWO_SIDED))
    e.pain()
    out = e.end_by_system()
    assert not any(isinstance(x, PainResolved) for x in out)
    assert e.record.outcome is Outcome.ENDED_BY_SYSTEM
    assert e.record.pains[-1].choice is None
    assert [p.reason for p in e.record.pauses] == [PauseReason.PAIN]


def test_end_by_system_before_start_does_nothing() -> None:
    """Nothing runs yet: nothing to end, nothing recorded."""
    e = make(routine(ONE_SIDED), FakeClock())
    assert e.end_by_system() == []
    assert e.record.outcome is None


def pain_in_hold(r: Routine, seconds_in: float = 6) -> tuple[Engine, FakeClock]:
    clock = FakeClock()
    e = make(r, clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + r.exercises[0].prepare)
    assert e.current.kind is PhaseKind.HOLD
    run_to(e, clock, clock.t + seconds_in)
    return e, clock


def test_pain_freezes_and_logs_where_it_hurt() -> None:
    """Pain stops the countdown at once and records phase, exercise, side and seconds held."""
    e, clock = pain_in_hold(routine(TWO_SIDED))
    out = e.pain()
    assert e.state is State.PAIN
    assert e.next_due() is None
    pain = out[-1].pain if isinstance(out[-1], PainStopped) else None
    assert pain is not None
    assert (pain.phase, pain.exercise_id, pain.side, pain.held) == (
        "hold",
        "hamstring",
        TWO_SIDED.first_side,
        6,
    )
    clock.t += 60
    assert e.remaining() == 24
    assert e.advance() == []


def test_pain_then_end_finishes_for_pain_with_the_cut_hold() -> None:
    """Ending after pain records the hold cut short and the outcome ended-for-pain."""
    e, clock = pain_in_hold(routine(TWO_SIDED))
    e.pain()
    out = e.resolve_pain(PainChoice.END, rating=6, note="sharp")
    assert isinstance(out[0], PainResolved)
    assert out[0].pain.rating == 6
    assert out[-1] == SessionFinished(Outcome.ENDED_FOR_PAIN, clock.t)
    (hold,) = e.record.holds
    assert not hold.completed
    assert hold.held == 6
    assert e.record.pains[0].choice is PainChoice.END


def test_pain_then_resume_continues_with_the_same_time_left() -> None:
    """Resume after pain continues the hold with what was left; it completes in full."""
    e, clock = pain_in_hold(routine(TWO_SIDED))
    e.pain()
    clock.t += 40
    e.resolve_pain(PainChoice.RESUME)
    assert e.remaining() == 24
    run_to(e, clock, clock.t + 24)
    (hold,) = e.record.holds
    assert hold.completed
    assert hold.held == pytest.approx(30)


def test_pain_then_skip_goes_to_the_next_exercise() -> None:
    """Skip after pain goes to the next exercise's prepare."""
    e, clock = pain_in_hold(routine(TWO_SIDED, ONE_SIDED))
    e.pain()
    e.resolve_pain(PainChoice.SKIP)
    assert (e.current.kind, e.current.item_id, e.state) == (
        PhaseKind.PREPARE,
        "bridge",
        State.RUNNING,
    )


def test_pain_then_skip_in_the_last_exercise_reaches_the_end() -> None:
    """Skip in the last exercise finishes the session (nothing left but done)."""
    e, clock = pain_in_hold(routine(ONE_SIDED))
    e.pain()
    out = e.resolve_pain(PainChoice.SKIP)
    assert out[-1] == SessionFinished(Outcome.COMPLETED, clock.t)


def test_continue_gentler_restarts_the_side_gently_with_one_rep() -> None:
    """Gentler restarts the hurt side with gentle_hold, drops later reps, lengthens rests."""
    ham = exercise("hamstring", hold=30, gentle_hold=20, reps=3, rest=10)
    e, clock = pain_in_hold(routine(ham, ONE_SIDED))
    hurt_side = e.current.side
    e.pain()
    out = e.resolve_pain(PainChoice.GENTLER)
    assert any(isinstance(ev, PlanChanged) and ev.gentle for ev in out)
    assert e.gentle
    assert e.state is State.RUNNING
    assert (e.current.kind, e.current.side, e.current.seconds, e.current.gentle) == (
        PhaseKind.HOLD,
        hurt_side,
        20,
        True,
    )
    later = [p for p in e.phases[e.index :] if p.item_id == "hamstring"]
    assert [p.kind for p in later] == [
        PhaseKind.HOLD,
        PhaseKind.SWITCH,
        PhaseKind.HOLD,
        PhaseKind.REST,
    ]
    assert later[-1].seconds == 15
    bridge_hold = next(
        p for p in e.phases[e.index :] if p.item_id == "bridge" and p.kind is PhaseKind.HOLD
    )
    assert bridge_hold.seconds == ONE_SIDED.gentle_hold
    assert bridge_hold.gentle


def test_continue_gentler_in_a_rest_goes_on_to_the_next_hold() -> None:
    """Pain during a rest between reps, then gentler: the next rep's hold, gentle, last rep."""
    ex = exercise("a", hold=10, gentle_hold=10, reps=3, rest=6, sides=Sides.NONE)
    clock = FakeClock()
    e = make(routine(ex), clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + 8 + 10 + 2)
    assert e.current.kind is PhaseKind.REST
    e.pain()
    e.resolve_pain(PainChoice.GENTLER)
    assert (e.current.kind, e.current.rep, e.current.reps) == (PhaseKind.HOLD, 2, 2)
    assert [p.kind for p in e.phases[e.index :]] == [PhaseKind.HOLD, PhaseKind.DONE]


def test_adaptive_start_makes_named_exercises_gentle() -> None:
    """Exercises named at construction start with their gentle hold."""
    e = make(routine(TWO_SIDED, ONE_SIDED), FakeClock(), gentle=frozenset({"bridge"}))
    holds = {p.item_id: p.seconds for p in e.phases if p.kind is PhaseKind.HOLD}
    assert holds == {"hamstring": 30, "bridge": 20}
    assert e.record.gentle


def test_adjust_hold_lengthens_this_and_later_holds() -> None:
    """+5 s during a hold moves its deadline and lengthens every later hold."""
    e, clock = pain_in_hold(routine(TWO_SIDED, ONE_SIDED))
    e.adjust_hold(5)
    assert e.remaining() == 29
    assert e.hold_delta == 5
    assert {p.seconds for p in e.phases[e.index :] if p.kind is PhaseKind.HOLD} == {35, 30}
    run_to(e, clock, clock.t + 29)
    assert e.record.holds[0].held == pytest.approx(35)
    assert e.record.holds[0].planned == 35


def test_adjust_hold_never_goes_below_five_seconds() -> None:
    """Many -5 s presses floor every hold at 5 s; the hold under way ends at once if past that."""
    e, clock = pain_in_hold(routine(TWO_SIDED), seconds_in=7)
    for _ in range(10):
        e.adjust_hold(-5)
    assert e.hold_delta == -25
    assert all(p.seconds == 5 for p in e.phases[e.index :] if p.kind is PhaseKind.HOLD)
    assert e.record.holds[0].held == pytest.approx(7)
    assert e.record.holds[0].completed
    assert e.current.kind is PhaseKind.SWITCH


def test_adjust_hold_repeats_the_countdown_but_not_halfway() -> None:
    """+5 s after the countdown began gives a fresh 3-2-1; halfway is not said twice."""
    e, clock = pain_in_hold(routine(TWO_SIDED), seconds_in=28.5)
    e.adjust_hold(5)
    out = run_to(e, clock, clock.t + 10)
    assert cues(out)[:4] == [Cue.COUNT_3, Cue.COUNT_2, Cue.COUNT_1, Cue.RELEASE]


def test_stall_pauses_as_of_the_last_wake_up() -> None:
    """A 60 s jump past a deadline pauses the session at the last wake-up, completing nothing."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + 8 + 5)
    last = clock.t
    clock.t += 60
    out = e.advance()
    assert out == [StallDetected(last, 60), Paused(last, PauseReason.STALL)]
    assert e.state is State.PAUSED
    assert e.remaining() == 20
    assert e.record.holds == []


def test_suspend_gap_growth_pauses_even_without_a_late_wake_up() -> None:
    """On Linux the monotonic clock stops in suspend; a grown boot-time gap still pauses."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock, lead_in=0)
    e.start()
    run_to(e, clock, clock.t + 10)
    clock.gap += 300
    clock.t += 0.1
    out = e.advance()
    assert isinstance(out[0], StallDetected)
    assert out[0].gap == pytest.approx(300.1)
    assert e.state is State.PAUSED


def test_a_short_stall_before_anything_is_due_is_not_a_pause() -> None:
    """A blocked loop that wakes before the next deadline changes nothing."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock, lead_in=0)
    e.start()
    clock.t += 7
    assert e.advance() == []
    assert e.state is State.RUNNING


def test_commands_that_do_not_apply_do_nothing() -> None:
    """Before start: no pause, pain, next or end; after the end: no start."""
    clock = FakeClock()
    e = make(routine(ONE_SIDED), clock)
    assert e.pause() == e.pain() == e.next() == e.end() == e.resolve_pain(PainChoice.END) == []
    assert e.next_due() is None
    assert e.remaining() == 10
    e.start()
    e.end()
    assert e.start() == []
    assert e.remaining() == 0
    assert e.session_remaining() == 0


def test_session_remaining_counts_down_the_plan() -> None:
    """Time left for the session is the plan minus what has passed."""
    clock = FakeClock()
    e = make(routine(TWO_SIDED), clock)
    total = e.planned_total()
    e.start()
    run_to(e, clock, clock.t + 50)
    assert e.session_remaining() == pytest.approx(total - 50)


def test_spoken_words_lengthen_prepare_phases_not_yet_begun() -> None:
    """A prepare phase lasts long enough for its words (+1 s), never shorter than planned."""
    from backtimer.core.session.retime import SPOKEN_MARGIN, SPOKEN_MAX

    clock = _SpokenClock()
    engine = Engine(_spoken_routine(), clock)
    engine.start()
    prepare = [i for i, p in enumerate(engine.phases) if p.kind is PhaseKind.PREPARE]
    planned = engine.phases[prepare[0]].seconds
    engine.set_spoken_seconds(_spoken(engine, 30.0, PhaseKind.PREPARE))
    assert engine.phases[prepare[0]].seconds == 30.0 + SPOKEN_MARGIN
    engine.set_spoken_seconds(_spoken(engine, 1.0))
    assert engine.phases[prepare[0]].seconds == 30.0 + SPOKEN_MARGIN  # never shortened
    assert planned < 30.0
    engine.set_spoken_seconds(_spoken(engine, 10_000.0))
    assert engine.phases[prepare[0]].seconds == SPOKEN_MAX
    holds = [p for p in engine.phases if p.kind is PhaseKind.HOLD]
    assert all(h.seconds <= 30 for h in holds)  # holds are never stretched for words


def test_spoken_words_do_not_touch_the_phase_under_way() -> None:
    """The lead-in under way keeps its deadline when speech lengths arrive."""
    clock = _SpokenClock()
    engine = Engine(_spoken_routine(), clock)
    engine.start()
    before = engine.remaining()
    engine.set_spoken_seconds(_spoken(engine, 50.0))
    assert engine.remaining() == before


def _spoken(engine: Engine, seconds: float, *kinds: PhaseKind) -> dict[SpeechKey, float]:
    """``seconds`` of words for every phase in the plan (only those of ``kinds`` if given),
    as the numbers the session hands the engine."""
    return {speech_key(p): seconds for p in engine.phases if not kinds or p.kind in kinds}


class _SpokenClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _spoken_routine() -> Routine:
    from backtimer.core.routine_file.loader import load_builtin

    return load_builtin()


def test_jump_to_cooldown_and_back_to_warmup() -> None:
    """The step list's Cool-down row jumps forward to it; Warm-up plans the session afresh."""
    clock = _SpokenClock()
    engine = Engine(_spoken_routine(), clock)
    engine.start()
    engine.jump_to_section(PhaseKind.COOLDOWN)
    assert engine.current.kind is PhaseKind.COOLDOWN
    engine.jump_to_section(PhaseKind.WARMUP)
    assert engine.current.kind is PhaseKind.WARMUP
    later = engine.phases[engine.index :]
    assert [p.kind for p in later].count(PhaseKind.HOLD) == sum(
        ex.reps * len(ex.side_order) for ex in engine.routine.exercises
    )
