"""The Qt driver: real time, real timers, the engine's events as signals."""

from __future__ import annotations

from PySide6.QtCore import QObject

from backtimer.core.clock import monotonic
from backtimer.core.engine import Engine
from backtimer.core.events import Cue, CueDue, PhaseStarted, SessionFinished
from backtimer.core.phase_machine import State
from backtimer.core.record import Outcome, PainChoice
from backtimer.core.routine import Exercise, Routine, Sides, Step
from backtimer.core.timeline import PhaseKind
from backtimer.gui.driver import SessionDriver


def short_routine() -> Routine:
    ex = Exercise(
        id="bridge",
        name="Bridge",
        muscle_group="gluteus",
        steps=(Step("Lie down."),),
        hold=5,
        gentle_hold=5,
        reps=1,
        rest=0,
        prepare=3,
        sides=Sides.NONE,
    )
    return Routine(id="short", name="Short", exercises=(ex,))


def make_driver() -> SessionDriver:
    engine = Engine(short_routine(), monotonic, lead_in=1.0)
    return SessionDriver(engine)


def test_a_short_routine_runs_to_the_end_on_real_time(qtbot) -> None:
    """Left alone, a 9 s routine finishes completed, every cue in order and never early."""
    driver = make_driver()
    cues: list[Cue] = []
    starts: list[PhaseKind] = []
    late: list[float] = []
    driver.cue_due.connect(lambda e: cues.append(e.cue))
    driver.cue_due.connect(lambda e: late.append(monotonic() - e.at))
    driver.phase_started.connect(lambda e: starts.append(e.phase.kind))
    with qtbot.waitSignal(driver.session_finished, timeout=20_000) as finished:
        driver.start()
    assert finished.args[0].outcome is Outcome.COMPLETED
    assert starts == [PhaseKind.LEAD_IN, PhaseKind.PREPARE, PhaseKind.HOLD, PhaseKind.DONE]
    assert cues == [
        Cue.GET_READY,
        Cue.PREPARE_START,
        Cue.HOLD_START,
        Cue.COUNT_3,
        Cue.COUNT_2,
        Cue.COUNT_1,
        Cue.RELEASE,
        Cue.SESSION_DONE,
    ]
    assert min(late) >= 0  # never early: each cue reaches listeners at or after its moment
    assert driver.engine.record.holds[0].completed
    assert not driver.armed
    driver.shutdown()


def test_display_refresh_ticks_only_while_running(qtbot) -> None:
    """Ticks come while running and stop when paused."""
    driver = make_driver()
    driver.start()
    with qtbot.waitSignal(driver.tick, timeout=2000):
        pass
    with qtbot.waitSignal(driver.state_changed, timeout=1000) as changed:
        driver.pause()
    assert changed.args == [State.PAUSED]
    assert not driver.armed
    with qtbot.assertNotEmitted(driver.tick, wait=300):
        pass
    driver.shutdown()


def test_pain_freezes_and_resume_runs_on(qtbot) -> None:
    """Pain stops the clock and the wake-up; resuming runs on into the next phase."""
    driver = make_driver()
    states: list[State] = []
    driver.state_changed.connect(states.append)
    with qtbot.waitSignal(driver.pain_stopped, timeout=1000):
        driver.start()
        driver.pain()
    assert driver.engine.state is State.PAIN
    assert not driver.armed
    with qtbot.waitSignal(driver.phase_started, timeout=5000) as started:
        driver.resolve_pain(PainChoice.RESUME)
    assert started.args[0].phase.kind is PhaseKind.PREPARE
    assert states == [State.RUNNING, State.PAIN, State.RUNNING]
    driver.shutdown()


def test_every_event_is_re_emitted_in_order(qtbot) -> None:
    """event_emitted carries all events; next moves the phase at once."""
    driver = make_driver()
    seen: list[object] = []
    driver.event_emitted.connect(seen.append)
    driver.start()
    driver.next()
    assert isinstance(seen[-1], CueDue)
    assert [e.phase.kind for e in seen if isinstance(e, PhaseStarted)] == [
        PhaseKind.LEAD_IN,
        PhaseKind.PREPARE,
    ]
    driver.end()
    assert isinstance(seen[-1], SessionFinished)
    driver.shutdown()


def test_shutdown_stops_every_timer(qtbot) -> None:
    """After shutdown mid-session no timer of the driver is left running."""
    parent = QObject()
    engine = Engine(short_routine(), monotonic, lead_in=1.0)
    driver = SessionDriver(engine, parent=parent)
    driver.start()
    assert driver.armed
    driver.shutdown()
    assert not driver.armed
    assert not [t for t in driver.findChildren(QObject) if getattr(t, "isActive", lambda: False)()]
