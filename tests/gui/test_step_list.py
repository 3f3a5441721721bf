"""The step list: a checked Qt model of the routine, and a view that reports clicks."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor, QPixmap

from backtimer.core.routine import Routine, Step
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.engine import Engine
from backtimer.core.session.plan import plan_session
from backtimer.core.session.step_rows import StepRow, step_rows
from backtimer.core.session.timeline import build_phases
from backtimer.gui.stage.step_list import Roles, RowState, StepListModel
from backtimer.gui.stage.step_list_view import StepListView


def _model(routine: Routine | None = None) -> StepListModel:
    """The list as the idle window shows it: the rows of the plan a session starts from."""
    routine = routine if routine is not None else load_builtin()
    return StepListModel(routine, step_rows(routine, plan_session(routine)))


def _engine_rows(engine: Engine) -> tuple[StepRow, ...]:
    return step_rows(engine.routine, engine.phases, engine.index)


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    """The model obeys Qt's model rules, before and after state changes."""
    model = _model()
    qtmodeltester.check(model)
    model.set_current(1)
    model.set_exercise_state(0, RowState.DONE)
    routine = model.routine()
    model.set_plan(_engine_rows(Engine(routine, lambda: 0.0, gentle=frozenset({"piriformis"}))))
    assert model.index(model.row_for(2)).data(Roles.GentleRole) is True
    qtmodeltester.check(model)


def test_rows_are_warmup_each_exercise_and_cooldown() -> None:
    """The list shows the warm-up, every exercise by name, and the cool-down."""
    model = _model()
    names = [model.index(r).data(Roles.NameRole) for r in range(model.rowCount())]
    routine = model.routine()
    assert names == ["Warm-up", *(e.name for e in routine.exercises), "Cool-down"]
    assert model.index(0).data(Roles.KindRole) == "warmup"
    assert model.index(1).data(Roles.ExerciseIndexRole) == 0


def test_detail_says_hold_sides_and_reps() -> None:
    """Each exercise row reads like "25 s × 2 sides" or "20 s × 2 reps"."""
    model = _model()
    details = {
        model.index(r).data(Roles.NameRole): model.index(r).data(Roles.DetailRole)
        for r in range(model.rowCount())
    }
    assert details["Hamstring stretch"] == "25 s × 2 sides"
    assert details["Seated buttock squeeze"] == "20 s × 2 reps"
    assert model.index(2).data(Roles.SidesRole) == "both"


def test_state_changes_reach_the_view_through_datachanged(qtbot) -> None:
    """Setting a row's state emits dataChanged for it and StateRole reports it."""
    model = _model()
    row = model.row_for(1)
    assert row is not None
    with qtbot.waitSignal(model.dataChanged):
        model.set_exercise_state(1, RowState.CUT_SHORT)
    assert model.index(row).data(Roles.StateRole) == "cut_short"
    model.set_current(1)
    assert model.index(row).data(Roles.StateRole) == "current"
    model.set_current(2)
    assert model.index(row).data(Roles.StateRole) == "cut_short"
    model.set_current(-1)
    assert model.current_row() is None


def test_gentle_is_a_flag_beside_the_state() -> None:
    """A gentle row keeps its state, shows the gentle hold, and says "gentle"."""
    model = _model()
    row = model.row_for(1)
    model.set_exercise_state(1, RowState.DONE)
    gentle_id = model.routine().exercises[1].id
    engine = Engine(model.routine(), lambda: 0.0, gentle=frozenset({gentle_id}))
    model.set_plan(_engine_rows(engine))
    idx = model.index(row)
    assert (idx.data(Roles.StateRole), idx.data(Roles.GentleRole)) == ("done", True)
    assert idx.data(Roles.HoldRole) == model.routine().exercises[1].gentle_hold


def test_hold_delta_changes_the_shown_holds() -> None:
    """After "+5 s" the rows show the longer holds the timeline will run."""
    model = _model()
    row = model.row_for(1)
    engine = Engine(model.routine(), lambda: 0.0)
    engine.adjust_hold(5)
    model.set_plan(_engine_rows(engine))
    assert model.index(row).data(Roles.DetailRole) == "30 s × 2 sides"


def test_gentle_comes_only_from_the_plan() -> None:
    """Marking a row gentle by hand is refused: the list cannot show a gentle badge (and
    a gentle hold) the engine will not run."""
    model = _model()
    with pytest.raises(ValueError, match="set_plan"):
        model.set_exercise_state(1, RowState.GENTLE)
    assert model.index(model.row_for(1)).data(Roles.GentleRole) is False


def test_row_for_phase_follows_the_session() -> None:
    """Warm-up phases map to the warm-up row, exercise phases to their row, lead-in to none."""
    model = _model()
    phases = build_phases(model.routine())
    rows = [model.row_for_phase(p) for p in phases]
    assert rows[0] is None
    assert rows[1] == 0
    assert rows[-2] == model.rowCount() - 1
    assert rows[-1] is None


def test_thumbnails_are_pixmaps_even_without_a_known_pose() -> None:
    """Every row has a picture; an unknown pose gets the lettered placeholder."""
    routine = load_builtin()
    ex = dataclasses.replace(routine.exercises[0], steps=(Step("Sit.", pose="no-such-pose"),))
    model = _model(dataclasses.replace(routine, exercises=(ex,)))
    for r in range(model.rowCount()):
        pm = model.index(r).data(Roles.ThumbnailRole)
        assert isinstance(pm, QPixmap)
        assert not pm.isNull()


def _shown(qtbot, model) -> StepListView:  # noqa: ANN001 - qtbot, the list model
    """The step list for ``model``, shown at a side panel's size."""
    view = StepListView(model)
    qtbot.addWidget(view)
    view.resize(260, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_clicking_an_exercise_emits_its_index(qtbot) -> None:
    """Clicking the hamstring row emits exercise_selected with its exercise index."""
    model = _model()
    view = _shown(qtbot, model)
    rect = view.visualRect(model.index(model.row_for(1)))
    with qtbot.waitSignal(view.exercise_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [1]


def test_clicking_the_warmup_row_emits_section_selected(qtbot) -> None:
    """The warm-up row reports "warmup", not an exercise index."""
    model = _model()
    view = _shown(qtbot, model)
    rect = view.visualRect(model.index(0))
    with qtbot.waitSignal(view.section_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["warmup"]


def test_current_row_is_painted_differently(qtbot) -> None:
    """The current row is visibly highlighted."""
    model = _model()
    view = _shown(qtbot, model)
    before = view.grab().toImage()
    model.set_current(0)
    assert view.grab().toImage() != before


def test_view_takes_no_keyboard_focus(qtbot) -> None:
    """Arrow and page keys stay with the window (next/back), not the list."""
    view = StepListView(_model())
    qtbot.addWidget(view)
    assert view.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_row_under_the_pointer_is_tinted(qtbot) -> None:
    """With the pointer on a row, that row is tinted and the others are not."""
    model = _model()
    view = _shown(qtbot, model)
    offset = view.contentsRect().topLeft() + QPoint(2, 2)  # a corner: nothing drawn there
    hovered = view.visualRect(model.index(model.row_for(1))).topLeft() + offset
    other = view.visualRect(model.index(model.row_for(2))).topLeft() + offset
    untinted = view.grab().toImage().pixelColor(hovered)
    assert view.grab().toImage().pixelColor(other) == untinted
    QCursor.setPos(view.mapToGlobal(hovered))
    try:
        qtbot.waitUntil(lambda: view.grab().toImage().pixelColor(hovered) != untinted)
        assert view.grab().toImage().pixelColor(other) == untinted
    finally:  # the pointer goes back to a corner, over no other test's window
        QCursor.setPos(view.screen().geometry().bottomRight())
