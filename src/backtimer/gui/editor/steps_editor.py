"""An exercise's steps: the list (add, duplicate, remove, reorder) over the chosen step's
words and picture (``step_detail``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.core.routine_file.draft import StepDraft
from backtimer.core.routine_file.draft_check import FieldProblem
from backtimer.gui.editor.step_detail import THUMB, StepDetail
from backtimer.gui.slots import connect_call

STEPS = _("&Steps")
ADD_STEP = _("Add step")
DUPLICATE_STEP = _("Duplicate step")
REMOVE_STEP = _("Remove step")
STEP_UP = _("Step up")
STEP_DOWN = _("Step down")
NEW_STEP_TEXT = _("Describe this step.")
STEP_ROW = "{number}. {text}"
#: each control's tool tip, read by a screen reader as its description
TIPS = {
    "list": _("The steps in the order they are said; the chosen one is edited below."),
    "add": _("Add a new step after the chosen one."),
    "duplicate": _("Add a copy of the chosen step just after it."),
    "remove": _("Take the chosen step out (Undo brings it back)."),
    "up": _("Move the chosen step earlier."),
    "down": _("Move the chosen step later."),
}


class StepsEditor(QWidget):
    """Shows steps given by ``set_steps`` and emits every change as a whole new tuple."""

    #: the steps after a change (a tuple of StepDraft)
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: tuple[StepDraft, ...] = ()
        self._problems: list[FieldProblem] = []
        self._depth = 0
        self.list = QListWidget()
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setMaximumHeight(5 * (THUMB + 6))
        self.list.setAccessibleName(STEPS.replace("&", ""))
        self.list.setAccessibleDescription(TIPS["list"])
        caption = QLabel(STEPS)
        caption.setBuddy(self.list)
        self.add_button = QPushButton(ADD_STEP)
        self.duplicate_button = QPushButton(DUPLICATE_STEP)
        self.remove_button = QPushButton(REMOVE_STEP)
        self.up_button = QPushButton(STEP_UP)
        self.down_button = QPushButton(STEP_DOWN)
        buttons = QVBoxLayout()
        for key, button in (
            ("add", self.add_button),
            ("duplicate", self.duplicate_button),
            ("remove", self.remove_button),
            ("up", self.up_button),
            ("down", self.down_button),
        ):
            button.setToolTip(TIPS[key])
            buttons.addWidget(button)
        buttons.addStretch(1)
        #: the chosen step's words and picture
        self.detail = StepDetail()

        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addLayout(top)
        layout.addWidget(self.detail)

        self.list.currentRowChanged.connect(self._on_row)
        self.add_button.clicked.connect(self.add_step)
        self.duplicate_button.clicked.connect(self.duplicate_step)
        self.remove_button.clicked.connect(self.remove_step)
        connect_call(self.up_button.clicked, self.move_step, -1)
        connect_call(self.down_button.clicked, self.move_step, +1)
        self.detail.edited.connect(self._replace_current)
        for keys, method, arg in (
            ("Ctrl+Up", self.move_step, -1),
            ("Ctrl+Down", self.move_step, +1),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            connect_call(shortcut.activated, method, arg)
        for keys, slot in (("Del", self.remove_step), ("Ctrl+D", self.duplicate_step)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # ----- shown ----------------------------------------------------------------------
    def set_steps(
        self,
        steps: tuple[StepDraft, ...],
        folder: Path,
        problems: Sequence[FieldProblem],
        depth: int,
    ) -> None:
        """Show ``steps`` (pictures relative to ``folder``) and each problem at its part;
        ``depth`` is where the step's index stands in a problem's path."""
        self._steps = steps
        self.detail.set_folder(folder)
        self._problems = [p for p in problems if len(p.path) > depth]
        self._depth = depth
        row = self.list.currentRow()
        self.list.blockSignals(True)
        if self.list.count() != len(steps):
            self.list.clear()
            for _unused in steps:
                self.list.addItem(QListWidgetItem())
        for index, step in enumerate(steps):
            item = self.list.item(index)
            item.setText(STEP_ROW.format(number=index + 1, text=step.text))
            item.setIcon(QIcon(self.detail.thumbnail(step)))
            bad = any(p.path[depth] == index for p in self._problems)
            item.setForeground(Qt.GlobalColor.red if bad else self.palette().text())
        self.list.setCurrentRow(min(max(row, 0), len(steps) - 1))
        self.list.blockSignals(False)
        self._show_current()

    def _on_row(self) -> None:
        self.detail.forget_photo_problem()
        self._show_current()

    def _show_current(self) -> None:
        index = self.list.currentRow()
        has = 0 <= index < len(self._steps)
        self.duplicate_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and index > 0)
        self.down_button.setEnabled(has and index < len(self._steps) - 1)
        folder = self.detail.folder
        if not has:
            self.detail.show_step(None, folder, (), self._depth + 1)
            return
        mine = [p for p in self._problems if p.path[self._depth] == index]
        self.detail.show_step(self._steps[index], folder, mine, self._depth + 1)

    @property
    def photo_problem(self) -> str:
        """Why the last photo chosen was refused ('' when it was not)."""
        return self.detail.photo_problem

    # ----- edits ----------------------------------------------------------------------
    def _replace_current(self, step: StepDraft) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self._steps):
            steps = list(self._steps)
            steps[index] = step
            self.edited.emit(tuple(steps))

    def add_step(self) -> None:
        index = self.list.currentRow() + 1
        steps = list(self._steps)
        steps.insert(index, StepDraft(NEW_STEP_TEXT))
        self._select_after(index, tuple(steps))
        self.detail.text.setFocus()
        self.detail.text.selectAll()

    def duplicate_step(self) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self._steps):
            steps = list(self._steps)
            steps.insert(index + 1, self._steps[index])
            self._select_after(index + 1, tuple(steps))

    def remove_step(self) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self._steps):
            steps = self._steps[:index] + self._steps[index + 1 :]
            self._select_after(min(index, len(steps) - 1), steps)

    def move_step(self, offset: int) -> None:
        index = self.list.currentRow()
        target = index + offset
        if 0 <= index < len(self._steps) and 0 <= target < len(self._steps):
            steps = list(self._steps)
            steps[index], steps[target] = steps[target], steps[index]
            self._select_after(target, tuple(steps))

    def _select_after(self, row: int, steps: tuple[StepDraft, ...]) -> None:
        """Emit ``steps`` with ``row`` the current one once they are shown."""
        self.list.blockSignals(True)
        if self.list.count() != len(steps):
            self.list.clear()
            for _unused in steps:
                self.list.addItem(QListWidgetItem())
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.edited.emit(steps)
