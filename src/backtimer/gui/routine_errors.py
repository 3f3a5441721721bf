"""The dialog that lists a routine file's located problems, like a compiler would."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.core.routine_file.problems import Problem

TITLE = _("BackTimer — this routine file has problems")
HEADING = _(
    "{files} could not be used. The built-in routine stays available.\n"
    "Fix the lines below, then open the file again."
)


class RoutineErrorsDialog(QDialog):
    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        files = sorted({p.file for p in problems})
        heading = QLabel(HEADING.format(files=", ".join(files)))
        heading.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(p.render() for p in problems))
        self.text.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)

    @classmethod
    def ask(cls, parent: QWidget | None, problems: Sequence[Problem]) -> None:
        """Show the problems and wait for Close. Tests replace this (pytest-qt's note on
        dialogs) to see what would have been shown."""
        cls(problems, parent).exec()
