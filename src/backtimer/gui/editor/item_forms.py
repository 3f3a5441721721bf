"""The forms for one exercise and one warm-up or cool-down movement: every field of the
file, within the loader's ranges, each with the checker's problems under it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from backtimer.core import routine as r
from backtimer.core.i18n import _
from backtimer.core.routine_file.draft import ExerciseDraft, MovementDraft, StepDraft
from backtimer.core.routine_file.draft_check import FieldProblem
from backtimer.gui.editor.fields import ProblemForm, SecondsBox, set_choice, set_line
from backtimer.gui.editor.steps_editor import StepsEditor

NAME = _("&Name:")
ID = _("&Id:")
ID_TIP = _("A short name for the history: lowercase letters, digits and '-'.")
GROUP = _("&Muscle group:")
SIDES = _("Si&des:")
SIDES_BOTH = _("Both sides, one after the other")
SIDES_NONE = _("One position (no sides)")
FIRST_SIDE = _("&Begin with:")
RIGHT = _("Right")
LEFT = _("Left")
HOLD = _("&Hold:")
GENTLE = _("&Gentle hold:")
GENTLE_DEFAULT = _("Two thirds of the hold ({value} s)")
REPS = _("Re&petitions:")
REST = _("Res&t:")
PREPARE = _("Get read&y:")
DURATION = _("&Duration:")
CAUTION = _("&Caution:")
CAUTION_PLACEHOLDER = _("When to stop or go gentler, e.g. Stop if pain shoots down your leg.")
TRY_IT = _("▶ Try this exercise (Ctrl+T)")
TIMES = " ×"
#: each field's tool tip, read by a screen reader as its description
TIPS = {
    "name": _("The name shown and spoken when this one begins."),
    "muscle_group": _("The muscles this works, for the history and the library filter."),
    "sides": _("Whether it is done on each side in turn, or in one position."),
    "first_side": _("The side done first, when both sides are done."),
    "hold": _("How long each repetition is held; the lowest choice follows the routine."),
    "gentle_hold": _("The shorter hold used on a gentle day; the lowest choice is two thirds."),
    "reps": _("How many times it is done; the lowest choice follows the routine."),
    "rest": _("The seconds of rest between repetitions; the lowest follows the routine."),
    "prepare": _("The seconds to get into position first; the lowest follows the routine."),
    "duration": _("How long the movement lasts."),
    "caution": _("When to stop or go gentler, said before it begins."),
    "try": _("Play this exercise alone in the main window, to feel its timing."),
}


def _seconds(value: float) -> str:
    return f"{value:g} s"


#: the draft a form edits: an exercise or a warm-up or cool-down movement
DraftT = TypeVar("DraftT", ExerciseDraft, MovementDraft)


class _ItemForm(QWidget, Generic[DraftT]):
    """What both forms do alike: hold the draft shown, and send out a whole new draft,
    with the field changed, for each edit of a field both kinds have."""

    #: the item after a change (an ExerciseDraft or a MovementDraft), and the field changed
    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: DraftT | None = None

    def _emit(self, item: DraftT, field: str) -> None:
        self._item = item
        self.edited.emit(item, field)

    def _on_name(self, text: str) -> None:
        if self._item is not None:
            self._emit(dataclasses.replace(self._item, name=text), "name")

    def _on_id(self, text: str) -> None:
        if self._item is not None:
            self._emit(dataclasses.replace(self._item, id=text), "id")

    def _on_caution(self, text: str) -> None:
        if self._item is not None:
            self._emit(dataclasses.replace(self._item, caution=text), "caution")

    def _on_steps(self, steps: tuple[StepDraft, ...]) -> None:
        if self._item is not None:
            self._emit(dataclasses.replace(self._item, steps=steps), "steps")


class ExerciseForm(_ItemForm[ExerciseDraft]):
    """Edits one exercise; every change comes out as a whole new ExerciseDraft."""

    #: the person asked to play this exercise in the main window
    try_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.id = QLineEdit()
        self.id.setToolTip(ID_TIP)
        self.group = _group_box()
        self.sides = QComboBox()
        self.sides.addItem(SIDES_BOTH, r.Sides.BOTH)
        self.sides.addItem(SIDES_NONE, r.Sides.NONE)
        self.first_side = QComboBox()
        self.first_side.addItem(RIGHT, r.Side.RIGHT)
        self.first_side.addItem(LEFT, r.Side.LEFT)
        self.hold = SecondsBox(r.HOLD_RANGE, follows_default=True)
        self.gentle = SecondsBox(r.HOLD_RANGE, follows_default=True)
        self.reps = SecondsBox(r.REPS_RANGE, follows_default=True, unit=TIMES)
        self.rest = SecondsBox(r.REST_RANGE, follows_default=True)
        self.prepare = SecondsBox(r.PREPARE_RANGE, follows_default=True)
        self.caution = QLineEdit()
        self.caution.setPlaceholderText(CAUTION_PLACEHOLDER)
        self.steps = StepsEditor()
        self.try_button = QPushButton(TRY_IT)
        self.try_button.setToolTip(TIPS["try"])
        self.form = ProblemForm()
        self.form.add("", "", QWidget())  # problems about the exercise as a whole
        for key, label, field in (
            ("name", NAME, self.name),
            ("id", ID, self.id),
            ("muscle_group", GROUP, self.group),
            ("sides", SIDES, self.sides),
            ("first_side", FIRST_SIDE, self.first_side),
            ("hold", HOLD, self.hold),
            ("gentle_hold", GENTLE, self.gentle),
            ("reps", REPS, self.reps),
            ("rest", REST, self.rest),
            ("prepare", PREPARE, self.prepare),
            ("caution", CAUTION, self.caution),
        ):
            self.form.add(key, label, field, TIPS.get(key, ""))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.steps)
        layout.addWidget(self.try_button)
        layout.addStretch(1)

        self.name.textEdited.connect(self._on_name)
        self.id.textEdited.connect(self._on_id)
        self.caution.textEdited.connect(self._on_caution)
        for box in (self.group, self.sides, self.first_side):
            box.activated.connect(self._on_choices)
        for spin in (self.hold, self.gentle, self.reps, self.rest, self.prepare):
            spin.valueChanged.connect(self._on_numbers)
        self.steps.edited.connect(self._on_steps)
        self.try_button.clicked.connect(self.try_requested)

    def set_item(
        self,
        item: ExerciseDraft,
        defaults: r.Defaults,
        folder: Path,
        problems: Sequence[FieldProblem],
        depth: int,
    ) -> None:
        """Show ``item``; ``problems`` are about it, the field's key at ``depth``."""
        self._item = item
        set_line(self.name, item.name)
        set_line(self.id, item.id)
        set_line(self.caution, item.caution)
        set_choice(self.group, item.muscle_group)
        set_choice(self.sides, item.sides)
        set_choice(self.first_side, item.first_side)
        self.first_side.setEnabled(item.sides is r.Sides.BOTH)
        hold = item.hold if item.hold is not None else defaults.hold
        self.hold.set_default_text(_seconds(defaults.hold))
        gentle = GENTLE_DEFAULT.format(value=f"{r.default_gentle_hold(hold):g}")
        self.gentle.set_default_text(gentle, whole=True)
        self.reps.set_default_text(f"{defaults.reps}")
        self.rest.set_default_text(_seconds(defaults.rest))
        self.prepare.set_default_text(_seconds(defaults.prepare))
        self.hold.set_number(item.hold)
        self.gentle.set_number(item.gentle_hold)
        self.reps.set_number(item.reps)
        self.rest.set_number(item.rest)
        self.prepare.set_number(item.prepare)
        own, steps = _split(problems, depth)
        self.form.show_problems(own, depth)
        self.steps.set_steps(item.steps, folder, steps, depth + 1)

    def _on_choices(self) -> None:
        if self._item is None:
            return
        sides = self.sides.currentData()
        item = dataclasses.replace(
            self._item,
            muscle_group=self.group.currentData(),
            sides=sides,
            first_side=self.first_side.currentData(),
        )
        self.first_side.setEnabled(sides is r.Sides.BOTH)
        self._emit(item, "choices")

    def _on_numbers(self) -> None:
        if self._item is None:
            return
        reps = self.reps.number()
        item = dataclasses.replace(
            self._item,
            hold=self.hold.number(),
            gentle_hold=self.gentle.number(),
            reps=reps,
            rest=self.rest.number(),
            prepare=self.prepare.number(),
        )
        self._emit(item, "numbers")


class MovementForm(_ItemForm[MovementDraft]):
    """Edits one warm-up or cool-down movement (a timed movement: no sides, no reps)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.id = QLineEdit()
        self.id.setToolTip(ID_TIP)
        self.duration = SecondsBox(r.DURATION_RANGE)
        self.group = _group_box()
        self.caution = QLineEdit()
        self.caution.setPlaceholderText(CAUTION_PLACEHOLDER)
        self.steps = StepsEditor()
        self.form = ProblemForm()
        self.form.add("", "", QWidget())
        for key, label, field in (
            ("name", NAME, self.name),
            ("id", ID, self.id),
            ("duration", DURATION, self.duration),
            ("muscle_group", GROUP, self.group),
            ("caution", CAUTION, self.caution),
        ):
            self.form.add(key, label, field, TIPS.get(key, ""))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        self.name.textEdited.connect(self._on_name)
        self.id.textEdited.connect(self._on_id)
        self.caution.textEdited.connect(self._on_caution)
        self.group.activated.connect(self._on_group)
        self.duration.valueChanged.connect(self._on_duration)
        self.steps.edited.connect(self._on_steps)

    def set_item(
        self,
        item: MovementDraft,
        defaults: r.Defaults,
        folder: Path,
        problems: Sequence[FieldProblem],
        depth: int,
    ) -> None:
        self._item = item
        set_line(self.name, item.name)
        set_line(self.id, item.id)
        set_line(self.caution, item.caution)
        set_choice(self.group, item.muscle_group)
        self.duration.set_number(item.duration)
        own, steps = _split(problems, depth)
        self.form.show_problems(own, depth)
        self.steps.set_steps(item.steps, folder, steps, depth + 1)

    def _on_group(self) -> None:
        if self._item is not None:
            self._emit(
                dataclasses.replace(self._item, muscle_group=self.group.currentData()), "group"
            )

    def _on_duration(self) -> None:
        if self._item is not None:
            value = self.duration.number()
            self._emit(dataclasses.replace(self._item, duration=float(value or 0)), "duration")


def _split(
    problems: Sequence[FieldProblem], depth: int
) -> tuple[list[FieldProblem], list[FieldProblem]]:
    """The item's own problems, and those of its steps (the list itself stays the item's)."""
    own: list[FieldProblem] = []
    steps: list[FieldProblem] = []
    for p in problems:
        in_steps = p.path[depth : depth + 1] == ("steps",) and len(p.path) > depth + 1
        (steps if in_steps else own).append(p)
    return own, steps


def _group_box() -> QComboBox:
    box = QComboBox()
    for group in r.MUSCLE_GROUPS:
        box.addItem(r.MUSCLE_GROUP_NAMES[group], group)
    return box
