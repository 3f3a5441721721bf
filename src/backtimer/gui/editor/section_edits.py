"""The edits of one list of the routine (warm-up, exercises or cool-down) as values: each
gives the whole new tuple of items, its undo text, and the row chosen after it. Added
and duplicated items get ids of their own, so the history keeps them apart."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.i18n import _
from backtimer.core.routine_file.draft import ExerciseDraft, MovementDraft, StepDraft

Item = ExerciseDraft | MovementDraft

BLANK_EXERCISE = _("New exercise")
BLANK_MOVEMENT = _("New movement")
BLANK_STEP = _("Describe the first step.")
UNDO_ADD = _("Add {name}")
UNDO_REMOVE = _("Remove {name}")
UNDO_MOVE = _("Move {name}")
UNDO_DUPLICATE = _("Duplicate {name}")
UNDO_CHANGE = _("Change {name}")


@dataclass(frozen=True)
class Edit:
    """The items after an edit, its undo text, and the row then chosen."""

    items: tuple[Item, ...]
    text: str
    row: int


def unique_id(wanted: str, taken: set[str] | frozenset[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… whichever is not taken."""
    if wanted not in taken:
        return wanted
    base = wanted
    tail = base.rsplit("-", 1)
    if len(tail) == 2 and tail[1].isdigit():
        base = tail[0]
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def blank(section: str) -> Item:
    """A new item to fill in: an exercise, or a movement of the warm-up or cool-down."""
    step = (StepDraft(BLANK_STEP),)
    if section == "exercises":
        return ExerciseDraft("exercise", BLANK_EXERCISE, "lower_back", step)
    return MovementDraft("movement", BLANK_MOVEMENT, 30.0, step)


def changed(items: tuple[Item, ...], index: int, item: Item) -> tuple[tuple[Item, ...], str]:
    """``items`` with the one at ``index`` replaced by ``item``, and the undo text."""
    new = list(items)
    new[index] = item
    return tuple(new), UNDO_CHANGE.format(name=item.name or "…")


def inserted(
    items: tuple[Item, ...], new: Sequence[Item], row: int, taken: frozenset[str]
) -> Edit | None:
    """``new`` put in at ``row``, each with an id not in ``taken``; the first is chosen."""
    if not new:
        return None
    ids = set(taken)
    fresh = []
    for item in new:
        item_id = unique_id(item.id, ids)
        ids.add(item_id)
        fresh.append(dataclasses.replace(item, id=item_id))
    row = max(0, min(row, len(items)))
    return Edit(items[:row] + tuple(fresh) + items[row:], UNDO_ADD.format(name=fresh[0].name), row)


def duplicated(items: tuple[Item, ...], index: int, taken: frozenset[str]) -> Edit:
    """A copy of the item at ``index`` just after it, with an id of its own."""
    item = items[index]
    copy = dataclasses.replace(item, id=unique_id(item.id, set(taken)))
    new = items[: index + 1] + (copy,) + items[index + 1 :]
    return Edit(new, UNDO_DUPLICATE.format(name=item.name), index + 1)


def removed(items: tuple[Item, ...], index: int) -> Edit:
    new = items[:index] + items[index + 1 :]
    return Edit(new, UNDO_REMOVE.format(name=items[index].name), min(index, len(new) - 1))


def moved(items: tuple[Item, ...], index: int, target: int) -> Edit:
    """The items at ``index`` and ``target`` swapped; the moved one stays chosen."""
    new = list(items)
    new[index], new[target] = new[target], new[index]
    return Edit(tuple(new), UNDO_MOVE.format(name=new[target].name), target)


def reordered(items: tuple[Item, ...], order: Sequence[int], chosen: int) -> Edit:
    """``items`` in ``order`` (after a drag), the one at ``chosen`` having moved."""
    new = tuple(items[i] for i in order)
    name = new[chosen].name if 0 <= chosen < len(new) else ""
    return Edit(new, UNDO_MOVE.format(name=name), chosen)
