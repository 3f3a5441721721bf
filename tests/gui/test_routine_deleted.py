"""Deleting a routine in Routine → Open, with the real main window, its real Plan window,
the real picker and real files: no window goes on showing the deleted routine. The Plan
window drops its entry (keeping what else was edited there), and the main window falls
back to the built-in routine and says so; a session running with the deleted routine
finishes untouched, and the fallback follows its summary."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from backtimer.core.programme.schedule import Weekday
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.phase_machine import State
from backtimer.core.session.record import Outcome
from backtimer.gui.editor.delete_routine import DeleteQuestion
from backtimer.gui.editor.picker import RoutinePicker
from backtimer.gui.main_window import MainWindow
from backtimer.gui.programme.plan_window import PlanWindow

from .helpers import STEP, FakeClock, run_for

MINIMAL = Path(__file__).parents[1] / "data" / "routines" / "good-minimal.yaml"
BUILT_IN = load_builtin().name


@pytest.fixture
def own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The person's own routine ("Minimal routine"), saved in the window's routines
    folder; the trash is in the test's folder, and the delete question answers Delete."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(DeleteQuestion, "ask", classmethod(lambda cls, parent, text: True))
    path = tmp_path / "history" / "routines" / "minimal" / "routine.yaml"
    path.parent.mkdir(parents=True)
    shutil.copyfile(MINIMAL, path)
    return path


def showing(make_window: Callable[[], MainWindow], path: Path) -> MainWindow:
    window = make_window()
    assert window.routine_files.open_routine(path)
    assert window.parts.routine_label.text() == "Minimal routine"
    return window


def delete_in_picker(qtbot, window: MainWindow, name: str) -> RoutinePicker:
    picker = window.routine_editing.show_picker()
    qtbot.addWidget(picker)
    picker.select_row([row[0] for row in picker.rows].index(name))
    picker.delete_button.click()
    assert name not in [row[0] for row in picker.rows]
    return picker


def plan_window(qtbot, window: MainWindow) -> PlanWindow:
    """The window's Plan window, with the built-in routine and the shown one planned."""
    window.show_plan()
    plan = window._plan_window
    assert plan is not None
    qtbot.addWidget(plan)
    plan.add_routine("minimal")
    assert plan.save()
    return plan


def listed(plan: PlanWindow) -> list[str]:
    return [plan.entries.item(i).text() for i in range(plan.entries.count())]


def test_the_plan_window_drops_the_deleted_routine_and_keeps_other_edits(
    qtbot, make_window: Callable[[], MainWindow], own: Path
) -> None:
    """An open Plan window stops listing the deleted routine at once and says why; an
    edit not yet saved to another entry stays; Save then keeps no trace of it."""
    window = showing(make_window, own)
    plan = plan_window(qtbot, window)
    assert listed(plan) == [BUILT_IN, "Minimal routine"]
    plan.entries.setCurrentRow(0)
    plan.form.day_boxes[Weekday.SUN].setChecked(False)  # not saved yet
    delete_in_picker(qtbot, window, "Minimal routine")
    assert listed(plan) == [BUILT_IN]
    assert plan.status.text() == "“Minimal routine” was deleted, and is no longer in the plan."
    assert not plan.form.day_boxes[Weekday.SUN].isChecked()
    plan._fill_add_menu()
    assert "Minimal routine" not in [a.text() for a in plan.add_menu.actions()]
    assert plan.save()
    assert [e.routine_name for e in plan.plan.entries] == [BUILT_IN]


def test_the_main_window_falls_back_to_the_builtin_routine(
    qtbot, make_window: Callable[[], MainWindow], own: Path, clock: FakeClock
) -> None:
    """With no session running, the window shows the built-in routine at once, says so
    in its status line, and Start starts the built-in routine."""
    window = showing(make_window, own)
    delete_in_picker(qtbot, window, "Minimal routine")
    assert window.parts.routine_label.text() == BUILT_IN
    assert window.windowTitle() == f"BackTimer — {BUILT_IN}"
    assert window.parts.banner.isVisible()
    assert window.parts.banner.text() == (
        "“Minimal routine” was deleted, so the built-in routine is shown instead."
    )
    window.start_session()
    session = window.session
    assert session is not None
    assert session.routine.id == load_builtin().id
    session.end()


def test_the_recent_list_no_longer_offers_a_deleted_routine(
    qtbot, make_window: Callable[[], MainWindow], own: Path
) -> None:
    window = showing(make_window, own)  # opening it put it on Routine → Recent
    recent = window.parts.recent_menu
    assert [a.text() for a in recent.actions()] == [str(own.resolve())]
    delete_in_picker(qtbot, window, "Minimal routine")
    assert [a.text() for a in recent.actions()] == []
    assert not recent.isEnabled()


def test_a_session_running_with_it_finishes_untouched_then_falls_back(
    qtbot, make_window: Callable[[], MainWindow], own: Path, clock: FakeClock
) -> None:
    """Deleted mid-session: the session goes on with the routine to its summary, its
    record is the deleted routine's; then the window holds the built-in routine, the
    summary stays on screen, and the status line says what happened."""
    window = showing(make_window, own)
    window.start_session()
    session = window.session
    assert session is not None
    run_for(window, clock, 12)  # past the lead-in
    delete_in_picker(qtbot, window, "Minimal routine")
    assert session.active
    assert window.session is session
    assert window.parts.routine_label.text() == "Minimal routine"
    assert "deleted" not in window.parts.banner.text()
    limit = clock.now + 600
    while session.active:
        assert clock.now < limit, "the session did not finish"
        clock.now += STEP
        session.driver.poll()
    assert session.engine.state is State.FINISHED
    assert session.record.outcome is Outcome.COMPLETED
    assert session.record.routine_id == "minimal"
    assert len(session.record.holds) == 1
    qtbot.waitUntil(lambda: window.parts.routine_label.text() == BUILT_IN)
    assert window.parts.pages.currentWidget() is window.parts.summary_page
    assert window.parts.banner.text() == (
        "“Minimal routine” was deleted during the session, so the next session is the "
        "built-in routine."
    )
    window.start_session()
    assert window.session is not None
    assert window.session.routine.id == load_builtin().id
    window.session.end()


def test_deleting_another_routine_leaves_the_window_alone(
    qtbot, make_window: Callable[[], MainWindow], own: Path
) -> None:
    """The window shows the built-in routine; deleting one of the person's routines
    changes nothing there and says nothing in its status line."""
    window = make_window()
    before = window.parts.routine_label.text()
    delete_in_picker(qtbot, window, "Minimal routine")
    assert window.parts.routine_label.text() == before
    assert not window.parts.banner.isVisible() or "deleted" not in window.parts.banner.text()
