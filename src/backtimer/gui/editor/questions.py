"""The questions the editor asks: save before closing, go on with last time's draft.
Each has an ``ask`` classmethod that tests replace (pytest-qt's note on dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

QUESTION_TITLE = "Unsaved changes"
QUESTION = "Save the changes to “{name}” before closing?"
RECOVER_TITLE = "Unsaved changes from last time"
RECOVER = (
    "“{name}” has changes that were never saved (BackTimer was closed before they were). "
    "Go on with them?"
)


class UnsavedQuestion:
    """Save, discard or cancel on close; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            parent,
            QUESTION_TITLE,
            QUESTION.format(name=name),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"


class RecoverQuestion:
    """Whether to go on with a draft left unsaved; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> bool:
        answer = QMessageBox.question(
            parent,
            RECOVER_TITLE,
            RECOVER.format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
