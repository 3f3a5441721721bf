"""The editor from the main window: Routine → New, Edit, Duplicate, Open; Try it plays
one exercise in the main view; Save shows the saved routine; last time's draft comes back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.adherence import DoneSession, daily
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.core.routines.draft_store import load_draft, save_draft
from backtimer.core.session.events import PhaseStarted
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.editor.questions import RecoverQuestion
from backtimer.gui.editor.window import EditorWindow
from backtimer.gui.main_window import MainWindow

from ..helpers import FakeClock, run_until
from .conftest import Answers


@pytest.fixture
def editing_window(window: MainWindow, answers: Answers):
    """The main window; its editors are closed (changes discarded) at the end."""
    yield window
    window.routine_editing.close_editors()


def routines_of(window: MainWindow) -> Path:
    return window.routine_editing.routines


def test_routine_menu_has_new_edit_and_duplicate(editing_window: MainWindow) -> None:
    """The Routine menu offers Open, New, Edit and Duplicate."""
    parts = editing_window.parts
    texts = [a.text() for a in parts.open_action.associatedObjects()[0].actions()]
    for wanted in ("&Open routine…", "&New routine…", "&Edit this routine…"):
        assert wanted in texts
    assert "&Duplicate this routine…" in texts


def test_open_lists_routines(qtbot, editing_window: MainWindow) -> None:
    """Routine → Open shows the picker with the built-in routine."""
    editing_window.parts.open_action.trigger()
    picker = editing_window.routine_editing.picker
    assert picker is not None
    assert picker.isVisible()
    assert "Gentle back routine" in [row[0] for row in picker.rows]
    picker.close()


def test_edit_builtin_saves_a_copy_and_the_window_shows_it(
    qtbot, editing_window: MainWindow
) -> None:
    """Edit on the built-in routine edits a copy in the person's folder; Save writes it
    there and the main window shows the saved routine."""
    editing_window.parts.edit_routine_action.trigger()
    editor = next(iter(editing_window.routine_editing.editors.values()))
    assert editor.needs_saving  # a copy of the built-in: nothing kept until saved
    name = editor.routine_form.name
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "My evening routine")
    assert editor.save()
    path = editor.folder / "routine.yaml"
    assert path.parent.parent == routines_of(editing_window)
    qtbot.waitUntil(lambda: editing_window.windowTitle() == "BackTimer — My evening routine")
    loaded = load_routine(path)
    assert loaded.routine is not None
    assert loaded.routine.exercises == load_builtin().exercises


def test_try_it_plays_one_exercise_in_the_main_view(
    qtbot, editing_window: MainWindow, clock: FakeClock
) -> None:
    """Ctrl+T on an exercise starts the main window on that exercise alone."""
    editing_window.parts.edit_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    qtbot.waitUntil(editor.isActiveWindow)  # the editor comes to the front when opened
    page = editor.pages["exercises"]
    editor.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(1)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    session = editing_window.session
    assert session is not None
    assert session.active
    assert editing_window.windowTitle() == "BackTimer — Hamstring stretch"
    held: list[str] = []
    session.happened.connect(
        lambda event: (
            held.append(event.phase.title)
            if isinstance(event, PhaseStarted) and event.phase.kind is PhaseKind.HOLD
            else None
        )
    )
    run_until(editing_window, clock, PhaseKind.DONE, limit=600)
    assert held == ["Hamstring stretch", "Hamstring stretch"]  # right side, then left
    assert editing_window.routine_editing.editors  # the editor stays open meanwhile


def test_a_try_is_kept_in_the_history_but_is_no_planned_session_done(
    qtbot, editing_window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """A try of the routine's exercise, held through, is in the history (its holds and any
    pain count), but today's adherence for the routine's own plan stays 0 done."""
    routine = load_builtin()  # what the window shows, and the editor edits
    editing_window.parts.edit_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    editor.try_exercise(1)
    run_until(editing_window, clock, PhaseKind.DONE, limit=600)
    editing_window.close()
    store = HistoryStore.open(tmp_path / "history").store
    assert store is not None
    sessions = [DoneSession(s.routine_id, s.started_at, s.holds) for s in store.sessions()]
    store.close()
    assert [s.holds for s in sessions] == [2]
    assert routine.schedule is not None, "the built-in routine suggests a schedule"
    plan = Plan((PlanEntry(routine.id, routine.name, routine.schedule),))
    today = dt.datetime.fromtimestamp(sessions[0].started_at).date()
    (day,) = daily(plan, today, today, sessions, dt.datetime.now().astimezone().tzinfo)
    assert day.planned > 0
    assert (day.done, day.extra) == (0, 0)


def test_try_it_refuses_an_exercise_with_problems(qtbot, editing_window: MainWindow) -> None:
    """An exercise the checker refuses is not played; the reason is shown."""
    editing_window.parts.edit_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    exercise = dataclasses.replace(editor.draft.exercises[0], name="")
    editor.edit(dataclasses.replace(editor.draft, exercises=(exercise,)), "clear")
    editor.try_exercise(0)
    assert editing_window.session is None
    assert "cannot be tried yet" in editor.message.text()


def test_new_routine_starts_empty_and_closing_untouched_leaves_nothing(
    qtbot, editing_window: MainWindow, answers: Answers
) -> None:
    """Routine → New opens an empty routine; closed untouched, it asks nothing and
    leaves nothing behind."""
    editing_window.parts.new_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    assert editor.draft.exercises == ()
    second = editing_window.routine_editing.new_routine()
    assert second is not editor
    assert (editor.draft.id, second.draft.id) == ("my-routine", "my-routine-2")
    assert second.close()
    assert editor.close()
    assert answers.asked == []
    assert not routines_of(editing_window).exists() or not any(
        routines_of(editing_window).iterdir()
    )


def test_draft_left_from_last_time_is_offered_back(
    qtbot, editing_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A routine whose editor was never closed properly (a crash) comes back with its
    unsaved changes when edited again, after asking."""
    editing_window.parts.edit_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    assert editor.save()
    path = editor.folder / "routine.yaml"
    left = dataclasses.replace(editor.draft, name="Changed before the crash")
    save_draft(left, editor.folder)
    editor.close()
    qtbot.waitUntil(lambda: not editing_window.routine_editing.editors)
    asked: list[str] = []
    monkeypatch.setattr(
        RecoverQuestion, "ask", classmethod(lambda cls, parent, name: asked.append(name) or True)
    )
    routine = load_routine(path).routine
    assert routine is not None
    again = editing_window.routine_editing.edit(routine)
    assert asked == ["Changed before the crash"]
    assert again.draft == left
    assert again.needs_saving


def test_duplicate_keeps_the_original(qtbot, editing_window: MainWindow) -> None:
    """Duplicate makes a copy with its own name and id; saving it adds a routine."""
    editing_window.parts.duplicate_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    assert editor.draft.name == "Gentle back routine (copy)"
    assert editor.draft.id == "gentle-back-copy"
    assert editor.save()
    assert (editor.folder / "routine.yaml").is_file()


def test_closing_the_main_window_asks_about_an_editors_unsaved_work(
    qtbot, editing_window: MainWindow, answers: Answers
) -> None:
    """Closing BackTimer with unsaved edits asks first; Cancel keeps both windows."""
    editing_window.parts.edit_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    answers.queue.append("cancel")
    assert editing_window.close() is False
    assert answers.asked == ["Gentle back routine"]
    assert editor.isVisible()


def test_system_stop_closes_editors_without_asking_and_keeps_the_draft(
    qtbot, editing_window: MainWindow, answers: Answers
) -> None:
    """When the system stops BackTimer (SIGTERM, logout) no question holds it up: the
    editor closes and its unsaved work stays on disk, offered back next time."""
    editing_window.parts.edit_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    editor.routine_form.name.setFocus()
    qtbot.keyClicks(editor.routine_form.name, " (mine)")
    editing_window.end_by_system()
    assert answers.asked == []
    assert not editor.isVisible()
    kept = load_draft(editor.folder)
    assert kept is not None
    assert kept.name == "Gentle back routine (mine)"


def test_an_open_picker_lists_a_routine_once_saved(qtbot, editing_window: MainWindow) -> None:
    """Saving from the editor while Routine → Open is up lists the new routine at once."""
    picker = editing_window.routine_editing.show_picker()
    editing_window.parts.duplicate_routine_action.trigger()
    editor: EditorWindow = next(iter(editing_window.routine_editing.editors.values()))
    assert "Gentle back routine (copy)" not in [r[0] for r in picker.rows]
    assert editor.save()
    assert "Gentle back routine (copy)" in [r[0] for r in picker.rows]
    current = picker.current()
    assert current is not None
    assert current.path == editor.folder / "routine.yaml"
    picker.close()
