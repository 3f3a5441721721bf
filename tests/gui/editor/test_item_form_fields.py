"""The fields an exercise and a warm-up movement share, typed into as a person would:
each edit lands in the routine's draft, on the item shown and only there."""

from __future__ import annotations

import pytest

from backtimer.gui.editor.window import EditorWindow


def _items(editor: EditorWindow, section: str) -> tuple:
    return editor.draft.exercises if section == "exercises" else editor.draft.warmup


@pytest.mark.parametrize("section", ["exercises", "warmup"])
def test_name_id_caution_and_steps_reach_the_draft(qtbot, make_editor, section: str) -> None:
    """Typing into the name, id and caution, and adding a step's words, changes the item
    shown in the draft and leaves the next item alone."""
    editor: EditorWindow = make_editor()
    page = editor.pages[section]
    editor.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(0)
    before = _items(editor, section)
    form = page.form
    for field, typed in ((form.name, " (mine)"), (form.id, "-mine"), (form.caution, " Go slow.")):
        field.setFocus()
        field.end(False)
        qtbot.keyClicks(field, typed)
    first = _items(editor, section)[0]
    assert first.name == before[0].name + " (mine)"
    assert first.id == before[0].id + "-mine"
    assert first.caution == before[0].caution + " Go slow."
    steps = form.steps
    steps.list.setCurrentRow(0)
    steps.add_button.click()
    qtbot.keyClicks(steps.detail.text, "Breathe out slowly.")
    first = _items(editor, section)[0]
    assert len(first.steps) == len(before[0].steps) + 1
    assert any(step.text == "Breathe out slowly." for step in first.steps)
    assert _items(editor, section)[1:] == before[1:]
