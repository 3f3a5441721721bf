"""The questions the editor asks: save before closing, go on with last time's draft.
Each has an ``ask`` classmethod that tests replace (pytest-qt's note on dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from backtimer.core.i18n import _

QUESTION_TITLE = _("Unsaved changes")
QUESTION = _("Save the changes to “{name}” before closing?")
RECOVER_TITLE = _("Unsaved changes from last time")
RECOVER = _(
    "“{name}” has changes that were never saved (BackTimer was closed before they were). "
    "Go on with them?"
)


Button = QMessageBox.StandardButton
#: the questions' buttons, named here (Qt's own names would stay English)
BUTTONS = {
    Button.Save: _("Save"),
    Button.Discard: _("Discard"),
    Button.Cancel: _("Cancel"),
    Button.Yes: _("Yes"),
    Button.No: _("No"),
}


def _question(
    parent: QWidget | None, title: str, text: str, buttons: tuple[Button, ...], default: Button
) -> Button:
    """Ask ``text`` with ``buttons`` (each named from BUTTONS); the one answered."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.NoButton, parent)
    for button in buttons:
        box.addButton(button).setText(BUTTONS[button])
    box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else Button.Cancel


class UnsavedQuestion:
    """Save, discard or cancel on close; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        answer = _question(
            parent,
            QUESTION_TITLE,
            QUESTION.format(name=name),
            (Button.Save, Button.Discard, Button.Cancel),
            Button.Save,
        )
        if answer == Button.Save:
            return "save"
        if answer == Button.Discard:
            return "discard"
        return "cancel"


class RecoverQuestion:
    """Whether to go on with a draft left unsaved; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> bool:
        answer = _question(
            parent,
            RECOVER_TITLE,
            RECOVER.format(name=name),
            (Button.Yes, Button.No),
            Button.Yes,
        )
        return answer == Button.Yes
