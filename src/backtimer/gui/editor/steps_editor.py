"""An exercise's steps: the list (add, duplicate, remove, reorder) and the chosen step's
words and picture, a built-in pose or the person's own photo."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.core.poses.library import pose_names
from backtimer.core.routine_file.draft import StepDraft
from backtimer.core.routine_file.draft_check import FieldProblem
from backtimer.core.routine_file.images import ImageError, inspect_image
from backtimer.core.routines.photos import adopt_photo
from backtimer.gui.editor.fields import ProblemLabel, set_choice, set_line
from backtimer.gui.editor.pose_words import pose_words
from backtimer.gui.figure.thumbnails import pose_pixmap
from backtimer.gui.slots import connect_call

STEPS = _("&Steps")
ADD_STEP = _("Add step")
DUPLICATE_STEP = _("Duplicate step")
REMOVE_STEP = _("Remove step")
STEP_UP = _("Step up")
STEP_DOWN = _("Step down")
STEP_TEXT = _("Wh&at to do:")
STEP_PLACEHOLDER = _("What to do, e.g. Put your {side} heel on the chair.")
INSERT_SIDE = _("Insert {side}")
INSERT_OTHER = _("Insert {other}")
PICTURE = _("Pict&ure:")
NO_PICTURE = _("No picture")
OWN_PHOTO = _("Your photo: {path}")
CHOOSE_PHOTO = _("Choose a photo fi&le…")
CHOOSE_PHOTO_TITLE = _("Choose a photo for this step")
PHOTO_FILTER = _("Pictures (*.png *.jpg *.jpeg *.svg);;All files (*)")
PHOTO_REFUSED = "{message} — {hint}"
NEW_STEP_TEXT = _("Describe this step.")
STEP_ROW = "{number}. {text}"
THUMB = 48
PICTURE_CHARS = 12  #: the picture box is this many characters wide, at least
#: each control's tool tip, read by a screen reader as its description
TIPS = {
    "list": _("The steps in the order they are said; the chosen one is edited below."),
    "add": _("Add a new step after the chosen one."),
    "duplicate": _("Add a copy of the chosen step just after it."),
    "remove": _("Take the chosen step out (Undo brings it back)."),
    "up": _("Move the chosen step earlier."),
    "down": _("Move the chosen step later."),
    "text": _("The words shown and spoken for this step."),
    "side": _("Put in {side}: said as the side being worked, right or left."),
    "other": _("Put in {other}: said as the side not being worked."),
    "picture": _("The figure shown for this step: a built-in pose or your own photo."),
    "photo": _("Use a picture file of your own for this step."),
}
_PHOTO = "photo"  #: the picture box's data for the step's own photo


class PhotoChooser:
    """Asks for a picture file; tests replace ``ask`` (pytest-qt's note on dialogs)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        name, _unused = QFileDialog.getOpenFileName(
            parent, CHOOSE_PHOTO_TITLE, str(Path.home()), PHOTO_FILTER
        )
        return Path(name) if name else None


class StepsEditor(QWidget):
    """Shows steps given by ``set_steps`` and emits every change as a whole new tuple."""

    #: the steps after a change (a tuple of StepDraft)
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: tuple[StepDraft, ...] = ()
        self._folder = Path(".")
        self._photo_problem = ""
        self._problems: list[FieldProblem] = []
        self._depth = 0
        self.list = QListWidget()
        self.list.setIconSize(_size(THUMB))
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
        for button in (
            self.add_button,
            self.duplicate_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.text = QLineEdit()
        self.text.setPlaceholderText(STEP_PLACEHOLDER)
        text_caption = QLabel(STEP_TEXT)
        text_caption.setBuddy(self.text)
        self.side_button = QPushButton(INSERT_SIDE)
        self.other_button = QPushButton(INSERT_OTHER)
        self.text_problem = ProblemLabel()
        self.picture = QComboBox()
        self.picture.setIconSize(_size(THUMB))
        # A pose's words may be long (longer still translated): the box shares the row.
        self.picture.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picture.setMinimumContentsLength(PICTURE_CHARS)
        picture_caption = QLabel(PICTURE)
        picture_caption.setBuddy(self.picture)
        self.photo_button = QPushButton(CHOOSE_PHOTO)
        self.picture_problem = ProblemLabel()
        for key, widget in (
            ("add", self.add_button),
            ("duplicate", self.duplicate_button),
            ("remove", self.remove_button),
            ("up", self.up_button),
            ("down", self.down_button),
            ("text", self.text),
            ("side", self.side_button),
            ("other", self.other_button),
            ("picture", self.picture),
            ("photo", self.photo_button),
        ):
            widget.setToolTip(TIPS[key])
        self.preview = QLabel()
        self.preview.setFixedSize(140, 140)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fill_poses()

        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(buttons)
        detail = QGridLayout()
        detail.addWidget(text_caption, 0, 0)
        detail.addWidget(self.text, 0, 1)
        detail.addWidget(self.side_button, 0, 2)
        detail.addWidget(self.other_button, 0, 3)
        detail.addWidget(self.text_problem, 1, 1, 1, 3)
        detail.addWidget(picture_caption, 2, 0)
        detail.addWidget(self.picture, 2, 1)
        detail.addWidget(self.photo_button, 2, 2, 1, 2)
        detail.addWidget(self.picture_problem, 3, 1, 1, 3)
        detail.addWidget(self.preview, 4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addLayout(top)
        layout.addLayout(detail)

        self.list.currentRowChanged.connect(self._on_row)
        self.add_button.clicked.connect(self.add_step)
        self.duplicate_button.clicked.connect(self.duplicate_step)
        self.remove_button.clicked.connect(self.remove_step)
        connect_call(self.up_button.clicked, self.move_step, -1)
        connect_call(self.down_button.clicked, self.move_step, +1)
        self.text.textEdited.connect(self._on_text)
        connect_call(self.side_button.clicked, self._insert, "{side}")
        connect_call(self.other_button.clicked, self._insert, "{other}")
        self.picture.activated.connect(self._on_picture)
        self.photo_button.clicked.connect(self.choose_photo)
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
        self._folder = folder
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
            item.setIcon(QIcon(self._thumbnail(step)))
            bad = any(p.path[depth] == index for p in self._problems)
            item.setForeground(Qt.GlobalColor.red if bad else self.palette().text())
        self.list.setCurrentRow(min(max(row, 0), len(steps) - 1))
        self.list.blockSignals(False)
        self._show_current()

    def _on_row(self) -> None:
        self._photo_problem = ""  # a refused photo was about the step left
        self._show_current()

    def _show_current(self) -> None:
        index = self.list.currentRow()
        has = 0 <= index < len(self._steps)
        for widget in (
            self.text,
            self.picture,
            self.photo_button,
            self.side_button,
            self.other_button,
            self.duplicate_button,
            self.remove_button,
        ):
            widget.setEnabled(has)
        self.up_button.setEnabled(has and index > 0)
        self.down_button.setEnabled(has and index < len(self._steps) - 1)
        if not has:
            set_line(self.text, "")
            self.preview.clear()
            self.text_problem.show_problems(())
            self.picture_problem.show_problems(())
            return
        step = self._steps[index]
        set_line(self.text, step.text)
        self._show_picture(step)
        mine = [p for p in self._problems if p.path[self._depth] == index]
        at = self._depth + 1
        self.text_problem.show_problems(
            [p for p in mine if len(p.path) <= at or p.path[at] == "text"]
        )
        picture = [p for p in mine if len(p.path) > at and p.path[at] in ("pose", "image")]
        self.picture_problem.show_problems(picture)
        if self._photo_problem:
            self.picture_problem.setText(self._photo_problem)
            self.picture_problem.setVisible(True)

    def _fill_poses(self) -> None:
        self.picture.addItem(NO_PICTURE, None)
        for name in sorted(pose_names(), key=pose_words):
            self.picture.addItem(QIcon(pose_pixmap(name, THUMB)), pose_words(name), name)

    def _show_picture(self, step: StepDraft) -> None:
        photo = self.picture.findData(_PHOTO)
        if photo >= 0:
            self.picture.removeItem(photo)
        if step.image is not None:
            self.picture.addItem(
                QIcon(self._thumbnail(step)), OWN_PHOTO.format(path=step.image), _PHOTO
            )
            set_choice(self.picture, _PHOTO)
        else:
            set_choice(self.picture, step.pose)
        self.preview.setPixmap(self._thumbnail(step, 140))

    def _thumbnail(self, step: StepDraft, size: int = THUMB) -> QPixmap:
        if step.pose is not None and self.picture.findData(step.pose) >= 0:
            return pose_pixmap(step.pose, size)
        if step.image is not None:
            path = self._folder / step.image
            if _decodable(path, self._folder):
                pixmap = QPixmap(str(path))
                if not pixmap.isNull():
                    return pixmap.scaled(
                        size,
                        size,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
        return QPixmap()

    # ----- edits ----------------------------------------------------------------------
    def _replace(self, index: int, step: StepDraft) -> None:
        steps = list(self._steps)
        steps[index] = step
        self.edited.emit(tuple(steps))

    def _on_text(self, text: str) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self._steps):
            self._replace(index, dataclasses.replace(self._steps[index], text=text))

    def _insert(self, placeholder: str) -> None:
        self.text.insert(placeholder)
        self._on_text(self.text.text())
        self.text.setFocus()

    def _on_picture(self, choice: int) -> None:
        index = self.list.currentRow()
        data = self.picture.itemData(choice)
        if not 0 <= index < len(self._steps) or data == _PHOTO:
            return
        self._photo_problem = ""
        self._replace(index, dataclasses.replace(self._steps[index], pose=data, image=None))

    def choose_photo(self) -> None:
        """Ask for a photo; a refused one is told at the picture field, nothing copied."""
        index = self.list.currentRow()
        if not 0 <= index < len(self._steps):
            return
        source = PhotoChooser.ask(self.window())
        if source is None:
            return
        try:
            name = adopt_photo(source, self._folder)
        except ImageError as e:
            self._photo_problem = PHOTO_REFUSED.format(message=e.message, hint=e.hint)
            self._show_current()
            return
        self._photo_problem = ""
        self._replace(index, dataclasses.replace(self._steps[index], pose=None, image=name))

    @property
    def photo_problem(self) -> str:
        """Why the last photo chosen was refused ('' when it was not)."""
        return self._photo_problem

    def add_step(self) -> None:
        index = self.list.currentRow() + 1
        steps = list(self._steps)
        steps.insert(index, StepDraft(NEW_STEP_TEXT))
        self._select_after(index, tuple(steps))
        self.text.setFocus()
        self.text.selectAll()

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


def _decodable(path: Path, folder: Path) -> bool:
    """Only a picture the loader's rules accept is handed to Qt's decoder."""
    try:
        if not path.resolve().is_relative_to(folder.resolve()) or not path.is_file():
            return False
        inspect_image(path)
    except (ImageError, OSError):
        return False
    return True


def _size(side: int) -> QSize:
    return QSize(side, side)
