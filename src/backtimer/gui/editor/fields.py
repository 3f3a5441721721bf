"""The editor's small parts: a field's problem shown under it, a seconds box that may
follow the routine's default, and a form layout that puts each problem at its field."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.core.routine_file.draft_check import FieldProblem

PROBLEM_STYLE = "color: #b00020; font-weight: bold;"
FOLLOWS_DEFAULT = _("Routine default ({value})")
SECONDS = _(" s")


class ProblemLabel(QLabel):
    """What the checker says about one field, in red under it; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(PROBLEM_STYLE)
        self.setVisible(False)

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        text = "\n".join(p.message for p in problems)
        self.setText(text)
        self.setVisible(bool(text))


class SecondsBox(QSpinBox):
    """Whole seconds (or a count) within the loader's range; with ``follows_default`` the
    value just below the range reads "Routine default (N)" and means None."""

    def __init__(
        self,
        limits: tuple[float, float],
        *,
        follows_default: bool = False,
        unit: str = SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        low, high = int(limits[0]), int(limits[1])
        self._follows = follows_default
        self.setRange(low - 1 if follows_default else low, high)
        self.setSuffix(unit)
        self.setAccelerated(True)
        self.setKeyboardTracking(False)  # typing "25" is one change, not "2" then "25"

    def set_default_text(self, text: str, *, whole: bool = False) -> None:
        """What the box says when it follows the default: "Routine default (``text``)",
        or ``text`` itself when ``whole``."""
        if self._follows:
            self.setSpecialValueText(text if whole else FOLLOWS_DEFAULT.format(value=text))

    def set_number(self, value: float | None) -> None:
        wanted = self.minimum() if value is None else round(value)
        if self.value() != wanted:
            self.blockSignals(True)
            self.setValue(wanted)
            self.blockSignals(False)

    def number(self) -> int | None:
        if self._follows and self.value() == self.minimum():
            return None
        return self.value()


def set_line(edit: QLineEdit, text: str) -> None:
    """Show ``text`` unless the field already says it (so typing is never disturbed)."""
    if edit.text() != text:
        edit.blockSignals(True)
        edit.setText(text)
        edit.blockSignals(False)


def set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.blockSignals(True)
        edit.setPlainText(text)
        edit.blockSignals(False)


def set_choice(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    if index >= 0 and box.currentIndex() != index:
        box.blockSignals(True)
        box.setCurrentIndex(index)
        box.blockSignals(False)


class ProblemForm(QFormLayout):
    """A form whose every row has a ProblemLabel under it, kept by the field's key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem_labels: dict[str, ProblemLabel] = {}

    def add(self, key: str, label: str, field: QWidget, tip: str = "") -> None:
        """A row: ``label`` names ``field`` (its buddy); ``tip``, when given, is its tool
        tip, which a screen reader reads as the field's description."""
        if tip:
            field.setToolTip(tip)
        caption = QLabel(label)
        caption.setBuddy(field)  # Alt + the underlined letter reaches the field
        self.addRow(caption, field)
        problem = ProblemLabel()
        self.addRow("", problem)
        self.problem_labels[key] = problem

    def show_problems(self, problems: Sequence[FieldProblem], depth: int) -> None:
        """Each problem at the row named by its path's element at ``depth``; the rest
        (about the item as a whole) at the row keyed ''."""
        by_key: dict[str, list[FieldProblem]] = {}
        for p in problems:
            key = p.path[depth] if len(p.path) > depth else ""
            by_key.setdefault(str(key) if str(key) in self.problem_labels else "", []).append(p)
        for key, label in self.problem_labels.items():
            label.show_problems(by_key.get(key, []))
