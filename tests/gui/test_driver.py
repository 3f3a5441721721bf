"""The Qt driver: real time, real timers, the engine's events as signals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from backtimer.core.clock import monotonic
from backtimer.core.routine import Exercise, Routine, Sides, Step
from backtimer.core.session.engine import Engine
from backtimer.core.session.events import Cue, CueDue, PainStopped, PhaseStarted, SessionFinished
from backtimer.core.session.phase_machine import State
from backtimer.core.session.record import Outcome, PainChoice
from backtimer.core.session.timeline import PhaseKind
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


def is_a(kind: type) -> Callable[[object], bool]:
    """For waitSignal on event_emitted: wait for an event of ``kind``."""
    return lambda event: isinstance(event, kind)


def of(kind: type, then: Callable[[object], None]) -> Callable[[object], None]:
    """An event_emitted listener calling ``then`` with each event of ``kind``."""
    return lambda event: then(event) if isinstance(event, kind) else None


class States:
    """The engine's state each time it changes, as seen after each event."""

    def __init__(self, driver: SessionDriver) -> None:
        self.seen: list[State] = []
        self._engine = driver.engine
        driver.event_emitted.connect(self._on_event)

    def _on_event(self, _event: object) -> None:
        state = self._engine.state
        if not self.seen or self.seen[-1] is not state:
            self.seen.append(state)


def test_a_short_routine_runs_to_the_end_on_real_time(qtbot) -> None:
    """Left alone, a 9 s routine finishes completed, every cue in order and never early."""
    driver = make_driver()
    cues: list[Cue] = []
    starts: list[PhaseKind] = []
    late: list[float] = []
    driver.event_emitted.connect(of(CueDue, lambda e: cues.append(e.cue)))
    driver.event_emitted.connect(of(CueDue, lambda e: late.append(monotonic() - e.at)))
    driver.event_emitted.connect(of(PhaseStarted, lambda e: starts.append(e.phase.kind)))
    with qtbot.waitSignal(
        driver.event_emitted, timeout=20_000, check_params_cb=is_a(SessionFinished)
    ) as finished:
        driver.dispatch(driver.engine.start())
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
    states = States(driver)
    driver.dispatch(driver.engine.start())
    with qtbot.waitSignal(driver.tick, timeout=2000):
        pass
    before = len(states.seen)
    driver.dispatch(driver.engine.pause())
    assert states.seen[before:] == [State.PAUSED]
    assert not driver.armed
    with qtbot.assertNotEmitted(driver.tick, wait=300):
        pass
    driver.shutdown()


def test_pain_freezes_and_resume_runs_on(qtbot) -> None:
    """Pain stops the clock and the wake-up; resuming runs on into the next phase."""
    driver = make_driver()
    states = States(driver)
    with qtbot.waitSignal(driver.event_emitted, timeout=1000, check_params_cb=is_a(PainStopped)):
        driver.dispatch(driver.engine.start())
        driver.dispatch(driver.engine.pain())
    assert driver.engine.state is State.PAIN
    assert not driver.armed
    with qtbot.waitSignal(
        driver.event_emitted, timeout=5000, check_params_cb=is_a(PhaseStarted)
    ) as started:
        driver.dispatch(driver.engine.resolve_pain(PainChoice.RESUME))
    assert started.args[0].phase.kind is PhaseKind.PREPARE
    assert states.seen == [State.RUNNING, State.PAIN, State.RUNNING]
    driver.shutdown()


def test_every_event_is_re_emitted_in_order(qtbot) -> None:
    """event_emitted carries all events; next moves the phase at once."""
    driver = make_driver()
    seen: list[object] = []
    driver.event_emitted.connect(seen.append)
    driver.dispatch(driver.engine.start())
    driver.dispatch(driver.engine.next())
    assert isinstance(seen[-1], CueDue)
    assert [e.phase.kind for e in seen if isinstance(e, PhaseStarted)] == [
        PhaseKind.LEAD_IN,
        PhaseKind.PREPARE,
    ]
    driver.dispatch(driver.engine.end())
    assert isinstance(seen[-1], SessionFinished)
    driver.shutdown()


def test_shutdown_stops_every_timer(qtbot) -> None:
    """After shutdown mid-session no timer of the driver is left running."""
    parent = QObject()
    engine = Engine(short_routine(), monotonic, lead_in=1.0)
    driver = SessionDriver(engine, parent=parent)
    driver.dispatch(engine.start())
    assert driver.armed
    driver.shutdown()
    assert not driver.armed
    assert not [t for t in driver.findChildren(QObject) if getattr(t, "isActive", lambda: False)()]
