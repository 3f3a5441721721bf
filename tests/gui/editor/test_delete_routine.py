"""Routine → Open → Delete: one of the person's own routines goes to the (freedesktop)
trash with its pictures and draft, through the real picker, the real hookup and real
files; a built-in routine cannot be deleted; Cancel keeps it; a routine open in an editor
is refused until its window is closed; a planned one leaves the plan in the same step."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot
from backtimer.core.routine_file.draft import routine_draft
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.routines.draft_store import draft_path, save_draft
from backtimer.core.routines.folder import save_routine
from backtimer.gui.editor.delete_routine import BUILT_IN_TIP, DeleteQuestion
from backtimer.gui.editor.hookup import RoutineEditing
from backtimer.gui.editor.picker import RoutinePicker
from backtimer.gui.editor.questions import RecoverQuestion
from backtimer.resources import builtin_routine_path

from .conftest import Answers, png_bytes

MINE = dataclasses.replace(
    routine_draft(load_builtin(), builtin_routine_path().parent),
    id="my-stretches",
    name="My stretches",
)


class Said:
    """What the delete question answers, in turn (No once they run out), and its texts."""

    def __init__(self) -> None:
        self.queue: list[bool] = []
        self.asked: list[str] = []

    def ask(self, text: str) -> bool:
        self.asked.append(text)
        return self.queue.pop(0) if self.queue else False


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    given = Said()

    def ask(cls: type, parent: object, text: str) -> bool:
        return given.ask(text)

    monkeypatch.setattr(DeleteQuestion, "ask", classmethod(ask))
    return given


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The freedesktop trash in the test's folder (XDG_DATA_HOME is tmp_path/data; the
    home is there too, so Qt sees one disk and uses that trash, never /tmp's)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path / "data" / "Trash"


@pytest.fixture
def mine(routines: Path) -> Path:
    """One of the person's own routines, saved, with a picture and unsaved work."""
    path = save_routine(MINE, routines / "my-stretches")
    (path.parent / "pictures").mkdir()
    (path.parent / "pictures" / "me.png").write_bytes(png_bytes())
    save_draft(dataclasses.replace(MINE, name="My stretches, longer"), path.parent)
    return path


class Parts:
    """The main window's Routine menu entries the hookup wires."""

    def __init__(self) -> None:
        self.open_action = QAction()
        self.new_routine_action = QAction()
        self.edit_routine_action = QAction()
        self.duplicate_routine_action = QAction()


@pytest.fixture
def editing(qtbot, routines: Path, answers: Answers) -> Iterator[RoutineEditing]:
    """The real hookup over a real host window, its routines folder ``routines``."""
    host = QWidget()
    qtbot.addWidget(host)
    parts = Parts()
    made = RoutineEditing(host, parts, routines.parent)
    yield made
    made.close_editors()


def shown(qtbot, picker: RoutinePicker) -> RoutinePicker:
    qtbot.addWidget(picker)
    with qtbot.waitActive(picker):
        picker.show()
        picker.activateWindow()
    return picker


def row_of(picker: RoutinePicker, name: str) -> int:
    return [r[0] for r in picker.rows].index(name)


def test_the_delete_key_moves_an_own_routine_to_the_trash(
    qtbot, routines: Path, mine: Path, said: Said, trash: Path
) -> None:
    """Delete on the person's routine asks by its name, then its folder (file, picture,
    draft) is in the trash, gone from the folder and from the list."""
    picker = shown(qtbot, RoutinePicker(routines))
    picker.select_row(row_of(picker, "My stretches"))
    assert picker.delete_button.isEnabled()
    said.queue.append(True)
    qtbot.keyClick(picker.tree, Qt.Key.Key_Delete)
    assert len(said.asked) == 1
    assert said.asked[0].startswith("Delete “My stretches”? Its file and pictures")
    assert "My stretches" not in [r[0] for r in picker.rows]
    assert not mine.parent.exists()
    assert (trash / "files" / "my-stretches" / "routine.yaml").read_bytes().startswith(b"#")
    assert (trash / "files" / "my-stretches" / "pictures" / "me.png").is_file()
    assert not draft_path(trash / "files" / "my-stretches").exists()  # the draft went for good
    assert (trash / "info" / "my-stretches.trashinfo").is_file()
    assert picker.message.text() == "“My stretches” was moved to the trash."
    assert picker.rows  # the built-in routines stay, one of them now chosen
    assert picker.current() is not None


def test_a_builtin_routine_cannot_be_deleted(
    qtbot, routines: Path, mine: Path, said: Said, trash: Path
) -> None:
    """On a built-in row the button is disabled and says why; the key asks nothing."""
    picker = shown(qtbot, RoutinePicker(routines))
    rows = picker.rows
    picker.select_row(row_of(picker, "Gentle back routine"))
    assert not picker.delete_button.isEnabled()
    assert picker.delete_button.toolTip() == BUILT_IN_TIP
    qtbot.keyClick(picker.tree, Qt.Key.Key_Delete)
    picker.delete_current()
    assert said.asked == []
    assert picker.rows == rows
    assert not trash.exists()
    picker.select_row(row_of(picker, "My stretches"))
    assert picker.delete_button.isEnabled()
    assert picker.delete_button.toolTip() != BUILT_IN_TIP


def test_cancel_keeps_the_routine(
    qtbot, routines: Path, mine: Path, said: Said, trash: Path
) -> None:
    """Answering Cancel (the question's default) leaves file, draft and list alone."""
    picker = shown(qtbot, RoutinePicker(routines))
    rows = picker.rows
    picker.select_row(row_of(picker, "My stretches"))
    picker.delete_button.click()
    assert said.asked
    assert "My stretches" in said.asked[0]
    assert picker.rows == rows
    assert mine.is_file()
    assert draft_path(mine.parent).is_file()
    assert picker.message.text() == ""
    assert not trash.exists()


def test_a_routine_open_in_an_editor_is_refused_until_its_window_closes(
    qtbot,
    editing: RoutineEditing,
    mine: Path,
    said: Said,
    trash: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While the routine's editor is open, Delete says so and asks nothing; once the
    editor is closed, Delete goes ahead."""
    # Last time's draft is offered back first: go on with it (so closing asks: discard).
    monkeypatch.setattr(RecoverQuestion, "ask", classmethod(lambda cls, parent, name: True))
    editor = editing.edit_file(mine, False)
    assert editor is not None
    picker = shown(qtbot, editing.show_picker())
    picker.select_row(row_of(picker, "My stretches"))
    said.queue.append(True)
    picker.delete_button.click()
    assert said.asked == []
    assert picker.message.text() == (
        "“My stretches” is open in the routine editor: close its window first."
    )
    assert mine.is_file()
    editor.close()
    qtbot.waitUntil(lambda: editing.editors == {})
    picker.select_row(row_of(picker, "My stretches"))
    picker.delete_button.click()
    assert len(said.asked) == 1
    assert not mine.exists()
    assert picker.message.text() == "“My stretches” was moved to the trash."


def test_a_planned_routine_says_so_and_leaves_the_plan(
    qtbot, routines: Path, mine: Path, said: Said, trash: Path, answers: Answers
) -> None:
    """A routine in the plan: the question says its times stop reminding; after the
    delete the plan keeps its other routines and nothing names the gone file."""
    store = HistoryStore.open(routines.parent).store
    assert store is not None
    schedule = Schedule((Slot(dt.time(8, 0)),))
    store.save_plan(
        Plan(
            (
                PlanEntry("gentle-back", "Gentle back routine", schedule),
                PlanEntry(MINE.id, MINE.name, schedule, mine),
            )
        )
    )
    host = QWidget()
    qtbot.addWidget(host)
    editing = RoutineEditing(host, Parts(), routines.parent, store)
    picker = shown(qtbot, editing.show_picker())
    picker.select_row(row_of(picker, "My stretches"))
    said.queue.append(True)
    picker.delete_button.click()
    assert "It is in your plan" in said.asked[0]
    assert "stop reminding you" in said.asked[0]
    assert not mine.exists()
    assert [e.routine_id for e in store.plan().entries] == ["gentle-back"]
    assert picker.message.text() == "“My stretches” was moved to the trash."
    store.close()
