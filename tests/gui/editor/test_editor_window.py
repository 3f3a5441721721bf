"""The routine editor's window, driven as a person would: keys, fields, real files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from backtimer.core.routine_file.draft import RoutineDraft
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.core.routines.draft_store import draft_path, load_draft
from backtimer.gui.editor.library_dialog import LibraryDialog
from backtimer.gui.editor.step_detail import PhotoChooser
from backtimer.gui.editor.window import EditorWindow

from .conftest import Answers, png_bytes


def focused() -> object:
    return QApplication.focusWidget()


def set_spin(qtbot, spin, value: int) -> None:
    """Type a number into a spin box and press Enter, as a person would."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_built_in_routine_opens_without_problems(make_editor) -> None:
    """The built-in routine, opened for editing, passes every check and says so."""
    editor: EditorWindow = make_editor()
    assert editor.check.problems == ()
    assert editor.status.text().startswith("✓")
    assert editor.pages["exercises"].list.count() == 4
    assert "Seated buttock squeeze" in editor.pages["exercises"].list.item(0).text()


def test_out_of_range_is_impossible_and_cross_field_problems_show_at_the_field(
    qtbot, make_editor
) -> None:
    """Hold boxes keep the loader's range; a gentle hold longer than the hold is told
    under the gentle-hold field, in the checker's words."""
    editor: EditorWindow = make_editor()
    page = editor.pages["exercises"]
    editor.tabs.setCurrentWidget(page)
    form = page.form
    assert (form.hold.minimum() + 1, form.hold.maximum()) == (5, 180)
    set_spin(qtbot, form.hold, 999)  # the box refuses the digit that would leave the range
    hold = editor.draft.exercises[0].hold
    assert hold is not None
    assert 5 <= hold <= 180
    set_spin(qtbot, form.hold, 20)
    set_spin(qtbot, form.gentle, 25)
    label = form.form.problem_labels["gentle_hold"]
    assert label.isVisible()
    assert "longer than the hold" in label.text()
    assert "⚠" in page.list.item(0).text()
    assert "1 problem" in editor.status.text()
    set_spin(qtbot, form.gentle, 15)
    assert not label.isVisible()
    assert editor.check.problems == ()


def test_empty_name_is_told_at_the_name(qtbot, make_editor) -> None:
    """Clearing the routine's name shows the checker's message under the name field."""
    editor: EditorWindow = make_editor()
    editor.routine_form.name.setFocus()
    editor.routine_form.name.selectAll()
    qtbot.keyClick(editor.routine_form.name, Qt.Key.Key_Delete)
    label = editor.routine_form.form.problem_labels["name"]
    assert label.isVisible()
    assert "name is empty" in label.text()
    assert editor.save() is False
    assert "fix the problems" in editor.message.text()


def test_typing_undoes_and_redoes_with_the_windows_keys(qtbot, make_editor) -> None:
    """Ctrl+Z in a text field undoes through the window's one undo history; Ctrl+Shift+Z
    redoes; typing one word is one undo step."""
    editor: EditorWindow = make_editor()
    name = editor.routine_form.name
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " for mornings")
    assert editor.draft.name == "Gentle back routine for mornings"
    assert editor.undo_stack.count() == 1
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft.name == "Gentle back routine"
    assert name.text() == "Gentle back routine"
    qtbot.keyClick(
        name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert editor.draft.name == "Gentle back routine for mornings"


def test_exercises_reorder_duplicate_and_remove_by_keys(qtbot, make_editor) -> None:
    """Ctrl+Down moves an exercise, Ctrl+D duplicates it with an id of its own, Del
    removes it; each is undone by Ctrl+Z."""
    editor: EditorWindow = make_editor()
    page = editor.pages["exercises"]
    editor.tabs.setCurrentWidget(page)
    page.list.setFocus()
    page.list.setCurrentRow(0)
    before = [e.id for e in editor.draft.exercises]
    qtbot.keyClick(page.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [e.id for e in editor.draft.exercises] == [before[1], before[0], *before[2:]]
    assert page.list.currentRow() == 1
    qtbot.keyClick(page.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    ids = [e.id for e in editor.draft.exercises]
    assert ids[2] == f"{before[0]}-2"
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert [e.id for e in editor.draft.exercises] == [before[1], before[0], *before[2:]]
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert [e.id for e in editor.draft.exercises] == [before[1], *before[2:]]
    for _ in range(4):
        qtbot.keyClick(page.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [e.id for e in editor.draft.exercises] == before
    assert editor.check.problems == ()


def test_a_drop_in_the_list_reorders_the_exercises(qtbot, make_editor) -> None:
    """Moving a row in the list's model (what a drag and drop does) reorders the routine."""
    editor: EditorWindow = make_editor()
    page = editor.pages["exercises"]
    before = [e.id for e in editor.draft.exercises]
    page.list.setCurrentRow(0)
    assert page.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    qtbot.waitUntil(lambda: [e.id for e in editor.draft.exercises] != before)
    assert [e.id for e in editor.draft.exercises] == [before[1], before[2], before[0], before[3]]


def test_steps_are_edited_with_placeholders_and_poses(qtbot, make_editor) -> None:
    """A new step's words with {side} and a pose chosen by keyboard are kept; {side} in
    a one-sided exercise is told at the step's words."""
    editor: EditorWindow = make_editor()
    page = editor.pages["exercises"]
    editor.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(1)  # the hamstring stretch: both sides
    steps = page.form.steps
    steps.list.setCurrentRow(2)
    steps.add_button.click()
    assert focused() is steps.detail.text
    qtbot.keyClicks(steps.detail.text, "Reach towards your ")
    steps.detail.side_button.click()
    qtbot.keyClicks(steps.detail.text, " toes.")
    assert editor.draft.exercises[1].steps[3].text == "Reach towards your {side} toes."
    steps.detail.picture.setFocus()
    index = steps.detail.picture.findData("hamstring-lean")
    steps.detail.picture.setCurrentIndex(index)
    steps.detail.picture.activated.emit(index)
    assert editor.draft.exercises[1].steps[3].pose == "hamstring-lean"
    assert editor.check.problems == ()
    page.list.setCurrentRow(0)  # the buttock squeeze: no sides
    steps.list.setCurrentRow(0)
    steps.detail.text.setFocus()
    steps.detail.text.end(False)
    qtbot.keyClicks(steps.detail.text, " {side}")
    assert steps.detail.text_problem.isVisible()
    assert "only allowed in exercises with sides: both" in steps.detail.text_problem.text()


def test_own_photo_is_copied_next_to_the_routine(
    qtbot, make_editor, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A chosen photo is copied into the routine's pictures/ and the step shows it."""
    photo = tmp_path / "me stretching.png"
    photo.write_bytes(png_bytes())
    monkeypatch.setattr(PhotoChooser, "ask", classmethod(lambda cls, parent: photo))
    editor: EditorWindow = make_editor()
    editor.tabs.setCurrentWidget(editor.pages["exercises"])
    steps = editor.pages["exercises"].form.steps
    steps.list.setCurrentRow(0)
    steps.detail.photo_button.click()
    step = editor.draft.exercises[0].steps[0]
    assert (step.image, step.pose) == ("pictures/me-stretching.png", None)
    assert (editor.folder / "pictures" / "me-stretching.png").read_bytes() == photo.read_bytes()
    assert editor.check.problems == ()
    assert steps.detail.picture.currentText() == "Your photo: pictures/me-stretching.png"
    assert not steps.detail.preview.pixmap().isNull()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        ("not_a_picture", "not a PNG, JPEG or SVG"),
        ("too_large", "at most 16384 pixels a side"),
        ("link_out", "leads outside the routine's folder"),
    ],
)
def test_bad_photo_is_refused_at_the_field(
    qtbot, make_editor, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, make: str, reason: str
) -> None:
    """Not a picture, too large, or a link out of the folder: the reason shows under the
    picture field and the step keeps its pose."""
    editor: EditorWindow = make_editor()
    editor.folder.mkdir(parents=True, exist_ok=True)
    editor.tabs.setCurrentWidget(editor.pages["exercises"])
    if make == "not_a_picture":
        photo = tmp_path / "photo.png"
        photo.write_bytes(b"%PDF-1.7 this is a document")
    elif make == "too_large":
        photo = tmp_path / "photo.png"
        real = png_bytes()
        photo.write_bytes(real[:16] + b"\x00\x01\x00\x00\x00\x00\x00\x10" + real[24:])
    else:
        (tmp_path / "secret.png").write_bytes(png_bytes())
        photo = editor.folder / "link.png"
        photo.symlink_to(tmp_path / "secret.png")
    monkeypatch.setattr(PhotoChooser, "ask", classmethod(lambda cls, parent: photo))
    steps = editor.pages["exercises"].form.steps
    steps.list.setCurrentRow(0)
    pose = editor.draft.exercises[0].steps[0].pose
    steps.detail.photo_button.click()
    assert steps.detail.picture_problem.isVisible()
    assert reason in steps.detail.picture_problem.text()
    assert editor.draft.exercises[0].steps[0].pose == pose
    assert not (editor.folder / "pictures").exists()


def test_add_from_library_by_keyboard(qtbot, make_editor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ins opens the library; typing filters it, Down reaches the list, Enter adds the
    exercise after the current one; the library shows its pictures as thumbnails."""
    seen: list[LibraryDialog] = []

    def ask(cls, parent, library):
        dialog = LibraryDialog(library)  # a window of its own, to be made active here
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
        seen.append(dialog)
        qtbot.keyClicks(dialog.search, "piriformis")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
        assert focused() is dialog.list
        qtbot.keyClick(dialog.list, Qt.Key.Key_Right)  # the second match, beside the first
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        assert dialog.result() == dialog.DialogCode.Accepted
        return dialog.chosen

    monkeypatch.setattr(LibraryDialog, "ask", classmethod(ask))
    empty = RoutineDraft("mine", "Mine")
    editor: EditorWindow = make_editor(empty)
    page = editor.pages["exercises"]
    editor.tabs.setCurrentWidget(page)
    assert page.stack.currentWidget() is page.empty
    assert any(p.path == ("exercises",) for p in editor.check.problems)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Insert)
    dialog = seen[0]
    assert dialog.shown_ids == ["lying-piriformis-stretch", "seated-figure-four"]
    assert not dialog.list.item(0).icon().isNull()
    assert [e.id for e in editor.draft.exercises] == ["seated-figure-four"]
    assert editor.check.problems == ()


def test_library_filters_by_muscle_group() -> None:
    """The muscle-group filter shows only that group's exercises; the place filter
    only those done there (a desk break: on a chair)."""
    from backtimer.core.library.entry import Position
    from backtimer.core.library.loader import load_library

    library = load_library().exercises
    dialog = LibraryDialog(library)
    dialog.group.setCurrentIndex(dialog.group.findData("hamstrings"))
    assert dialog.shown_ids == [e.id for e in library if e.muscle_group == "hamstrings"]
    dialog.group.setCurrentIndex(0)
    dialog.position.setCurrentIndex(dialog.position.findData(Position.CHAIR))
    assert dialog.shown_ids == [e.id for e in library if e.position is Position.CHAIR]
    assert dialog.shown_ids
    dialog.search.setText("no such exercise at all")
    assert dialog.shown_ids == []
    assert not dialog.none_found.isHidden()
    dialog.deleteLater()


def test_save_writes_a_checked_file_into_the_routines_folder(
    qtbot, make_editor, routines: Path
) -> None:
    """Ctrl+S writes routine.yaml into the person's routines folder; it loads back as
    the routine edited, and the draft is gone."""
    editor: EditorWindow = make_editor(unsaved=True)
    set_spin(qtbot, editor.routine_form.hold, 40)
    assert draft_path(editor.folder).is_file()
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.keyClick(editor.routine_form.hold, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    path = saved.args[0]
    assert path == editor.folder / "routine.yaml"
    assert path.parent.parent == routines
    loaded = load_routine(path)
    assert loaded.problems == ()
    assert loaded.routine is not None
    assert loaded.routine.defaults.hold == 40
    original = load_builtin()
    assert [e.hold for e in loaded.routine.exercises] == [e.hold for e in original.exercises]
    assert not draft_path(editor.folder).exists()
    assert not editor.needs_saving
    assert "*" not in editor.windowTitle()


def test_unsaved_work_is_on_disk_and_asked_about(qtbot, make_editor, answers: Answers) -> None:
    """Every change is on disk as a draft at once; closing asks, Cancel keeps the window,
    Discard throws the never-saved copy away."""
    editor: EditorWindow = make_editor()
    editor.routine_form.name.setFocus()
    qtbot.keyClicks(editor.routine_form.name, "!")
    kept = load_draft(editor.folder)
    assert kept is not None
    assert kept.name == "Gentle back routine!"
    answers.queue.append("cancel")
    assert editor.close() is False
    assert editor.isVisible()
    assert answers.asked == ["Gentle back routine!"]
    answers.queue.append("discard")
    assert editor.close() is True
    assert not editor.folder.exists()


def test_close_with_save_saves(qtbot, make_editor, answers: Answers) -> None:
    """Answering Save on close writes the routine before the window goes."""
    editor: EditorWindow = make_editor()
    editor.routine_form.name.setFocus()
    qtbot.keyClicks(editor.routine_form.name, " 2")
    answers.queue.append("save")
    assert editor.close() is True
    loaded = load_routine(editor.folder / "routine.yaml")
    assert loaded.routine is not None
    assert loaded.routine.name == "Gentle back routine 2"


def test_keyboard_alone_reaches_every_field(qtbot, make_editor) -> None:
    """Tab walks from the name through every field of the routine's tab, and the tabs'
    Alt letters reach the exercises."""
    editor: EditorWindow = make_editor()
    form = editor.routine_form
    form.name.setFocus()
    reached = []
    for _ in range(12):
        reached.append(focused())
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    for field in (form.name, form.id, form.description, form.hold, form.prepare, form.rest):
        assert field in reached
    qtbot.keyClick(focused(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert editor.tabs.currentWidget() is editor.pages["exercises"]


def test_draft_with_an_edit_survives_a_new_window(make_editor, routines: Path) -> None:
    """A draft on disk reads back as the very draft edited, problems and all."""
    editor: EditorWindow = make_editor()
    broken = dataclasses.replace(editor.draft, name="")
    editor.edit(broken, "clear the name")
    assert load_draft(editor.folder) == broken


def test_library_exercise_becomes_a_warmup_movement(
    qtbot, make_editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Added to the warm-up, a two-sided library exercise becomes a timed movement with
    its sides' words written out, and the routine still passes the checks."""
    monkeypatch.setattr(
        LibraryDialog,
        "ask",
        classmethod(
            lambda cls, parent, library: [
                e for e in library if e.id == "standing-hamstring-stretch"
            ]
        ),
    )
    editor: EditorWindow = make_editor()
    page = editor.pages["warmup"]
    editor.tabs.setCurrentWidget(page)
    page.list.setFocus()
    page.list.setCurrentRow(0)
    qtbot.keyClick(page.list, Qt.Key.Key_Insert)
    movement = editor.draft.warmup[1]
    assert movement.id == "standing-hamstring-stretch"
    assert all("{side}" not in s.text and "{other}" not in s.text for s in movement.steps)
    assert editor.check.problems == ()


def mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_alt_letters_are_unique_on_every_tab(make_editor) -> None:
    """Each Alt + letter on screen reaches one place: two on one tab would cancel out."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    editor: EditorWindow = make_editor()
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        letters = [mnemonic(a.text()) for a in editor.menuBar().actions()]
        letters += [mnemonic(editor.tabs.tabText(i)) for i in range(editor.tabs.count())]
        for widget in editor.findChildren(QLabel) + editor.findChildren(QAbstractButton):
            if widget.isVisible() and not isinstance(widget, type(editor.tabs.tabBar())):
                letters.append(mnemonic(widget.text()))
        letters = [x for x in letters if x]
        assert len(letters) == len(set(letters)), (editor.tabs.tabText(index), sorted(letters))
