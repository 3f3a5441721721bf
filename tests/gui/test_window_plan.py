"""The window shows the engine's plan, and the history holds the engine's pauses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.engine import Engine
from backtimer.core.session.record import PainChoice
from backtimer.core.session.retime import SPOKEN_MARGIN
from backtimer.core.session.timeline import Phase, PhaseKind
from backtimer.gui.main_window import MainWindow
from backtimer.gui.session import Session
from backtimer.gui.sound.choice import Players
from backtimer.gui.sound.director import CueDirector
from backtimer.gui.sound.settings import SoundSettings
from backtimer.gui.sound.silent import SilentPlayer
from backtimer.gui.stage.step_list import Roles

from .helpers import FakeClock, run_for, run_until


def _hold_of(phases: tuple[Phase, ...], index: int, exercise: int) -> Phase:
    """The plan's hold of ``exercise`` under way or next (the last one run, once done)."""
    holds = [
        (n, p)
        for n, p in enumerate(phases)
        if p.kind is PhaseKind.HOLD and p.exercise_index == exercise
    ]
    return next((p for n, p in holds if n >= index), holds[-1][1])


def _assert_list_is_the_plan(window: MainWindow) -> None:
    """Every exercise row's hold and gentle flag are the engine's own."""
    session = window.session
    assert session is not None
    model = window.parts.step_model
    for exercise in range(len(session.routine.exercises)):
        hold = _hold_of(session.phases, session.engine.index, exercise)
        index = model.index(model.row_for(exercise))
        assert (index.data(Roles.HoldRole), index.data(Roles.GentleRole)) == (
            hold.seconds,
            hold.gentle,
        ), session.routine.exercises[exercise].name


def test_before_starting_the_list_and_length_are_the_plan_the_session_starts(
    window: MainWindow, clock: FakeClock
) -> None:
    """ "about N min" and every row before the start are what the session then runs."""
    planned = Engine(load_builtin(), clock).planned_total()
    assert window.parts.time_label.text() == f"about {round(planned / 60)} min"
    before = [
        window.parts.step_model.hold_seconds(r) for r in range(window.parts.step_model.rowCount())
    ]
    window.start_session()
    assert window.session is not None
    assert window.session.planned_total() == planned
    _assert_list_is_the_plan(window)
    after = [
        window.parts.step_model.hold_seconds(r) for r in range(window.parts.step_model.rowCount())
    ]
    assert after == before


def test_after_continue_gentler_every_row_shows_the_gentle_holds_to_come(
    window: MainWindow, clock: FakeClock
) -> None:
    """Pain in the hamstring hold, then Continue gentler: the list shows 15/20/20 s beside
    "Next: hold 15 s", as the engine will run them, each row marked gentle."""
    window.start_session()
    session = window.session
    assert session is not None
    while session.current.exercise_index != 1 or session.current.kind is not PhaseKind.HOLD:
        run_for(window, clock, 0.5)
    window.pain_stop()
    window.parts.pain_panel.choice_made.emit(PainChoice.GENTLER, None, "")
    _assert_list_is_the_plan(window)
    model = window.parts.step_model
    holds = [model.hold_seconds(model.row_for(i)) for i in (1, 2, 3)]
    assert holds == [15, 20, 20]
    assert all(model.index(model.row_for(i)).data(Roles.GentleRole) for i in (1, 2, 3))
    run_until(window, clock, PhaseKind.SWITCH)
    detail = model.index(model.row_for(1)).data(Roles.DetailRole)
    assert detail == "15 s × 2 sides"
    assert window.parts.step_panel.next_label.text() == "Next: hold 15 s — left side"


def test_plus_and_minus_change_every_row_to_come_with_the_plan(qtbot, window, clock) -> None:
    """+ and − during a hold: the rows show the holds the engine will now run."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Plus)
    _assert_list_is_the_plan(window)
    model = window.parts.step_model
    assert model.index(model.row_for(2)).data(Roles.DetailRole) == "35 s × 2 sides"
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Minus)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Minus)
    _assert_list_is_the_plan(window)
    assert model.index(model.row_for(2)).data(Roles.DetailRole) == "25 s × 2 sides"


def test_a_pain_stop_is_in_the_history_as_the_engine_recorded_it(
    window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """Pain 4 s into a hold and 40 s to choose Resume: the history holds one pause, for
    pain, from when it was pressed — the engine's own record of it."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 4)
    window.pain_stop()
    run_for(window, clock, 40)
    window.parts.pain_panel.choice_made.emit(PainChoice.RESUME, None, "")
    session = window.session
    assert session is not None
    (pause,) = session.record.pauses
    store = HistoryStore.open(tmp_path / "history").store
    assert store is not None
    stored = [p.pause for p in store.pauses()]
    store.close()
    assert stored == [pause]
    assert (pause.seconds, pause.reason.value) == (40, "pain")


class _Voice(SilentPlayer):
    """A voice whose every utterance is rendered and lasts ``seconds``."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.said = seconds

    def seconds(self, item: str) -> float | None:
        return self.said


def test_speech_lengths_reach_the_engine_as_numbers(qtbot, clock: FakeClock) -> None:
    """Once the words are ready, prepare phases last as long as their words and a breath;
    the engine keeps those numbers (the voice changing later changes no phase)."""
    voice = _Voice(30.0)
    parent = QObject()
    cues = CueDirector(
        load_builtin(), SoundSettings(), parent, players=Players(SilentPlayer(), voice)
    )
    session = Session(load_builtin(), clock=clock, store=None, cues=cues, parent=parent)
    prepares = [p for p in session.phases if p.kind is PhaseKind.PREPARE]
    assert prepares
    assert all(p.seconds == 30.0 + SPOKEN_MARGIN for p in prepares)
    voice.said = 60.0
    session.adjust_hold(5)  # the plan is re-timed: with the numbers it was given
    assert all(
        p.seconds == 30.0 + SPOKEN_MARGIN for p in session.phases if p.kind is PhaseKind.PREPARE
    )
    session.shutdown()
    cues.shutdown()
