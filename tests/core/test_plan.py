"""The plan: one function plans a session, and inputs reach it as values."""

from __future__ import annotations

from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.engine import Engine
from backtimer.core.session.plan import plan_session
from backtimer.core.session.retime import SPOKEN_MARGIN, speech_key
from backtimer.core.session.timeline import PhaseKind


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_the_plan_shown_before_a_session_is_the_one_the_engine_runs() -> None:
    """The idle window's plan and a new engine's plan are the same phases, gentle start too."""
    routine = load_builtin()
    assert Engine(routine, Clock()).phases == plan_session(routine)
    gentle = frozenset({"piriformis"})
    assert Engine(routine, Clock(), gentle=gentle).phases == plan_session(routine, gentle=gentle)


def test_speech_lengths_are_numbers_the_engine_keeps() -> None:
    """The engine keeps the speech lengths it was given: changing the caller's mapping
    afterwards changes no phase, even when the plan is re-timed later (+ 5 s)."""
    engine = Engine(load_builtin(), Clock())
    prepare = next(p for p in engine.phases if p.kind is PhaseKind.PREPARE)
    given = {speech_key(prepare): 20.0}
    engine.set_spoken_seconds(given)
    given[speech_key(prepare)] = 60.0
    engine.adjust_hold(5)
    first = next(p for p in engine.phases if p.kind is PhaseKind.PREPARE)
    assert first.seconds == 20.0 + SPOKEN_MARGIN


def test_a_phase_runs_as_long_as_the_plan_said_when_it_began() -> None:
    """Entering a phase re-times nothing: each phase starts with the length the plan gave
    it, words included."""
    clock = Clock()
    engine = Engine(load_builtin(), clock, suspend_gap=lambda: 0.0)
    engine.set_spoken_seconds({speech_key(p): 15.0 for p in engine.phases})
    planned = engine.phases
    started = []
    for event in engine.start():
        started.append(event)
    while engine.current.kind is not PhaseKind.DONE and clock.t < 5000:
        clock.t += 0.5
        started += engine.advance()
    begun = [(e.index, e.phase) for e in started if type(e).__name__ == "PhaseStarted"]
    assert begun == list(enumerate(planned))


def test_going_back_to_a_hold_runs_it_as_the_plan_now_says() -> None:
    """A hold done before + is done again after Back with the longer hold."""
    clock = Clock()
    engine = Engine(load_builtin(), clock, suspend_gap=lambda: 0.0)
    engine.start()
    while engine.current.kind is not PhaseKind.HOLD:
        clock.t += 0.5
        engine.advance()
    first_hold = engine.index
    while engine.index == first_hold:
        clock.t += 0.5
        engine.advance()
    engine.adjust_hold(5)
    engine.back()
    assert engine.index == first_hold
    assert engine.current.seconds == engine.routine.exercises[0].hold + 5


def test_rests_and_switches_grow_to_fit_their_words() -> None:
    """A rest that says what comes next and a switch that names the side grow to fit
    their words (plus a breath), so the next beep never cuts a name off; each rest by
    its own words (they differ by rep)."""
    engine = Engine(load_builtin(), Clock())
    rests = [p for p in engine.phases if p.kind is PhaseKind.REST]
    switch = next(p for p in engine.phases if p.kind is PhaseKind.SWITCH)
    assert len({speech_key(p) for p in rests}) == len(rests)
    long_rest = rests[1]
    engine.set_spoken_seconds({speech_key(long_rest): 14.0, speech_key(switch): 7.0})
    after = engine.phases
    assert [p.seconds for p in after if p.kind is PhaseKind.REST] == [
        14.0 + SPOKEN_MARGIN if p is long_rest else p.seconds for p in rests
    ]
    assert next(p for p in after if p.kind is PhaseKind.SWITCH).seconds == 7.0 + SPOKEN_MARGIN
