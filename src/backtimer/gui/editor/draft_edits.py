"""The editor's edits as values: one undoable change of the whole draft, and the library's
exercises made into a routine's exercises or warm-up movements."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from backtimer.core import routine as r
from backtimer.core.library.entry import LibraryExercise
from backtimer.core.routine_file.draft import ExerciseDraft, MovementDraft, RoutineDraft, StepDraft
from backtimer.gui.editor.section_edits import Item

MOVEMENT_SECONDS = 40.0  #: a library exercise becomes a warm-up movement this long
#: The library's usual dose is copied into a routine, not left to the routine's defaults.
LIBRARY_DOSE = ("hold", "reps")


class ShowsDrafts(Protocol):
    """What an undo step needs of the editor's window: to make a draft the one shown."""

    def apply(self, draft: RoutineDraft) -> None: ...


class DraftChange(QUndoCommand):
    """One edit: the draft before and after; edits of one field in a row merge."""

    def __init__(
        self, window: ShowsDrafts, before: RoutineDraft, after: RoutineDraft, text: str, key: str
    ) -> None:
        super().__init__(text)
        self._window = window
        self.before = before
        self.after = after
        self.key = key
        self.select: tuple[int, int] | None = None

    def id(self) -> int:
        return 1 if self.key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftChange) or other.key != self.key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._window.apply(self.after)

    def undo(self) -> None:
        self._window.apply(self.before)


def with_section(draft: RoutineDraft, section: str, items: tuple[Item, ...]) -> RoutineDraft:
    movements = tuple(i for i in items if isinstance(i, MovementDraft))
    if section == "warmup":
        return dataclasses.replace(draft, warmup=movements)
    if section == "cooldown":
        return dataclasses.replace(draft, cooldown=movements)
    exercises = tuple(i for i in items if isinstance(i, ExerciseDraft))
    return dataclasses.replace(draft, exercises=exercises)


def library_folder(entry: LibraryExercise) -> Path:
    return entry.source.parent if entry.source is not None else Path(".")


def as_movement(exercise: r.Exercise) -> MovementDraft:
    """A library exercise as a timed warm-up or cool-down movement: its sides' words
    written out for the first side (movements have no sides)."""
    side = exercise.side_order[0]
    steps = tuple(StepDraft(r.step_text(s, side), s.pose, None) for s in exercise.steps)
    return MovementDraft(
        id=exercise.id,
        name=exercise.name,
        duration=MOVEMENT_SECONDS,
        steps=steps,
        muscle_group=exercise.muscle_group,
        caution=exercise.caution,
    )
