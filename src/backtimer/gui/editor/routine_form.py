"""The routine's own fields: its name, id, description and the defaults its exercises
follow unless they say otherwise."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from backtimer.core import routine as r
from backtimer.core.i18n import _, ngettext
from backtimer.core.routine_file.draft import RoutineDraft
from backtimer.core.routine_file.draft_check import FieldProblem
from backtimer.gui.editor.fields import ProblemForm, SecondsBox, set_line, set_plain

NAME = _("Routine &name:")
ID = _("&Id:")
ID_TIP = _("A short name for the history: lowercase letters, digits and '-'.")
DESCRIPTION = _("&Description:")
DESCRIPTION_PLACEHOLDER = _("What the routine is for, and for whom.")
DEFAULTS = _("Defaults for every exercise that does not set its own")
HOLD = _("&Hold:")
PREPARE = _("Get read&y:")
REST = _("Res&t:")
REPS = _("Re&petitions:")
TIMES = " ×"
#: each field's tool tip, read by a screen reader as its description
TIPS = {
    "name": _("The routine's name, as the main window and the routine list show it."),
    "description": _("A few words on what the routine is for, and for whom."),
    "hold": _("How long each exercise is held, unless the exercise sets its own."),
    "prepare": _("The seconds to get into position before each exercise."),
    "rest": _("The seconds of rest between repetitions."),
    "reps": _("How many times each exercise is done, unless it sets its own."),
}


def summary_words(minutes: int, exercises: int) -> str:
    """The routine's length and size, under its defaults."""
    return ngettext(
        "About {minutes} min · {exercises} exercise",
        "About {minutes} min · {exercises} exercises",
        exercises,
    ).format(minutes=minutes, exercises=exercises)


class RoutineForm(QWidget):
    """Edits the routine's own fields; each change comes out as the whole new draft."""

    #: the draft after a change (a RoutineDraft), and the field changed (a str)
    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft: RoutineDraft | None = None
        self.name = QLineEdit()
        self.id = QLineEdit()
        self.id.setToolTip(ID_TIP)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(DESCRIPTION_PLACEHOLDER)
        self.description.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.description.setMaximumHeight(120)
        self.hold = SecondsBox(r.HOLD_RANGE)
        self.prepare = SecondsBox(r.PREPARE_RANGE)
        self.rest = SecondsBox(r.REST_RANGE)
        self.reps = SecondsBox(r.REPS_RANGE, unit=TIMES)
        self.summary = QLabel()
        form = ProblemForm()
        form.add("", "", QWidget())
        form.add("name", NAME, self.name, TIPS["name"])
        form.add("id", ID, self.id)
        form.add("description", DESCRIPTION, self.description, TIPS["description"])
        self.form = form
        box = QGroupBox(DEFAULTS)
        self.defaults_form = ProblemForm(box)
        for key, label, field in (
            ("hold", HOLD, self.hold),
            ("prepare", PREPARE, self.prepare),
            ("rest", REST, self.rest),
            ("reps", REPS, self.reps),
        ):
            self.defaults_form.add(key, label, field, TIPS[key])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.name.textEdited.connect(self._on_name)
        self.id.textEdited.connect(self._on_id)
        self.description.textChanged.connect(self._on_description)
        for spin in (self.hold, self.prepare, self.rest, self.reps):
            spin.valueChanged.connect(self._on_defaults)

    def set_draft(
        self, draft: RoutineDraft, problems: Sequence[FieldProblem], minutes: int | None
    ) -> None:
        self._draft = draft
        set_line(self.name, draft.name)
        set_line(self.id, draft.id)
        set_plain(self.description, draft.description)
        d = draft.defaults
        self.hold.set_number(d.hold)
        self.prepare.set_number(d.prepare)
        self.rest.set_number(d.rest)
        self.reps.set_number(d.reps)
        top = [p for p in problems if len(p.path) <= 1 and p.path[:1] != ("exercises",)]
        self.form.show_problems(top, 0)
        self.defaults_form.show_problems([p for p in problems if p.path[:1] == ("defaults",)], 1)
        self.summary.setText(
            summary_words(minutes, len(draft.exercises)) if minutes is not None else ""
        )

    def _emit(self, draft: RoutineDraft, field: str) -> None:
        self._draft = draft
        self.edited.emit(draft, field)

    def _on_name(self, text: str) -> None:
        if self._draft is not None:
            self._emit(dataclasses.replace(self._draft, name=text), "name")

    def _on_id(self, text: str) -> None:
        if self._draft is not None:
            self._emit(dataclasses.replace(self._draft, id=text), "id")

    def _on_description(self) -> None:
        text = self.description.toPlainText()
        if self._draft is not None and text != self._draft.description:
            self._emit(dataclasses.replace(self._draft, description=text), "description")

    def _on_defaults(self) -> None:
        if self._draft is None:
            return
        defaults = r.Defaults(
            hold=float(self.hold.value()),
            prepare=float(self.prepare.value()),
            rest=float(self.rest.value()),
            reps=self.reps.value(),
        )
        self._emit(dataclasses.replace(self._draft, defaults=defaults), "defaults")
