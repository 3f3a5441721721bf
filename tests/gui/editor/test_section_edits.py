"""The editor's list edits as values: ids of their own, the row chosen after, undo texts."""

from __future__ import annotations

from backtimer.core.routine_file.draft import MovementDraft, StepDraft
from backtimer.gui.editor.section_edits import (
    duplicated,
    inserted,
    moved,
    removed,
    reordered,
    unique_id,
)

STEP = (StepDraft("Breathe."),)
A = MovementDraft("march", "March", 30.0, STEP)
B = MovementDraft("roll", "Shoulder rolls", 20.0, STEP)
ITEMS = (A, B)
IDS = frozenset({"march", "roll"})


def test_a_taken_id_gets_the_next_free_number() -> None:
    assert unique_id("march", IDS) == "march-2"
    assert unique_id("march-2", IDS | {"march-2"}) == "march-3"
    assert unique_id("walk", IDS) == "walk"


def test_items_added_twice_get_ids_of_their_own_and_the_first_is_chosen() -> None:
    edit = inserted(ITEMS, [A, A], 1, IDS)
    assert edit is not None
    assert [i.id for i in edit.items] == ["march", "march-2", "march-3", "roll"]
    assert (edit.row, edit.text) == (1, "Add March")
    assert inserted(ITEMS, [], 0, IDS) is None


def test_duplicate_remove_move_and_drag_say_what_they_did() -> None:
    copy = duplicated(ITEMS, 0, IDS)
    assert [i.id for i in copy.items] == ["march", "march-2", "roll"]
    assert (copy.row, copy.text) == (1, "Duplicate March")
    gone = removed(ITEMS, 1)
    assert (gone.items, gone.row, gone.text) == ((A,), 0, "Remove Shoulder rolls")
    swap = moved(ITEMS, 0, 1)
    assert (swap.items, swap.row, swap.text) == ((B, A), 1, "Move March")
    drag = reordered(ITEMS, [1, 0], 0)
    assert (drag.items, drag.text) == ((B, A), "Move Shoulder rolls")
