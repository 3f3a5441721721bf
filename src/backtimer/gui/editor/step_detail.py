"""The chosen step of an exercise: its words (with ``{side}`` and ``{other}`` buttons) and
its picture, a built-in pose or the person's own photo (asked for, checked by the
loader's rules, copied into the routine's folder), each with its problems under it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
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
THUMB = 48
PREVIEW = 140
PICTURE_CHARS = 12  #: the picture box is this many characters wide, at least
#: each control's tool tip, read by a screen reader as its description
TIPS = {
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


class StepDetail(QWidget):
    """Shows the step given by ``show_step``; each change comes out as the whole new step."""

    #: the step after a change (a StepDraft)
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._step: StepDraft | None = None
        self._folder = Path(".")
        self._problems: list[FieldProblem] = []
        self._at = 0
        self._photo_problem = ""
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
            ("text", self.text),
            ("side", self.side_button),
            ("other", self.other_button),
            ("picture", self.picture),
            ("photo", self.photo_button),
        ):
            widget.setToolTip(TIPS[key])
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fill_poses()

        detail = QGridLayout(self)
        detail.setContentsMargins(0, 0, 0, 0)
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

        self.text.textEdited.connect(self._on_text)
        connect_call(self.side_button.clicked, self._insert, "{side}")
        connect_call(self.other_button.clicked, self._insert, "{other}")
        self.picture.activated.connect(self._on_picture)
        self.photo_button.clicked.connect(self.choose_photo)

    # ----- shown ----------------------------------------------------------------------
    def show_step(
        self, step: StepDraft | None, folder: Path, problems: Sequence[FieldProblem], at: int
    ) -> None:
        """Show ``step`` (None: no step chosen; its picture relative to ``folder``) and its
        ``problems``; ``at`` is where a problem's path names the step's part."""
        self._step = step
        self._folder = folder
        self._problems = list(problems)
        self._at = at
        for widget in (
            self.text,
            self.picture,
            self.photo_button,
            self.side_button,
            self.other_button,
        ):
            widget.setEnabled(step is not None)
        if step is None:
            set_line(self.text, "")
            self.preview.clear()
            self.text_problem.show_problems(())
            self.picture_problem.show_problems(())
            return
        set_line(self.text, step.text)
        self._show_picture(step)
        self.text_problem.show_problems(
            [p for p in problems if len(p.path) <= at or p.path[at] == "text"]
        )
        picture = [p for p in problems if len(p.path) > at and p.path[at] in ("pose", "image")]
        self.picture_problem.show_problems(picture)
        if self._photo_problem:
            self.picture_problem.setText(self._photo_problem)
            self.picture_problem.setVisible(True)

    def forget_photo_problem(self) -> None:
        """Another step is chosen: a refused photo was about the step left."""
        self._photo_problem = ""

    @property
    def photo_problem(self) -> str:
        """Why the last photo chosen was refused ('' when it was not)."""
        return self._photo_problem

    def thumbnail(self, step: StepDraft, size: int = THUMB) -> QPixmap:
        """``step``'s picture at ``size`` (empty when it has none, or none that can be shown)."""
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

    @property
    def folder(self) -> Path:
        """The routine's folder, which the pictures are relative to."""
        return self._folder

    def set_folder(self, folder: Path) -> None:
        self._folder = folder

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
                QIcon(self.thumbnail(step)), OWN_PHOTO.format(path=step.image), _PHOTO
            )
            set_choice(self.picture, _PHOTO)
        else:
            set_choice(self.picture, step.pose)
        self.preview.setPixmap(self.thumbnail(step, PREVIEW))

    # ----- edits ----------------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        if self._step is not None:
            self.edited.emit(dataclasses.replace(self._step, text=text))

    def _insert(self, placeholder: str) -> None:
        self.text.insert(placeholder)
        self._on_text(self.text.text())
        self.text.setFocus()

    def _on_picture(self, choice: int) -> None:
        data = self.picture.itemData(choice)
        if self._step is None or data == _PHOTO:
            return
        self._photo_problem = ""
        self.edited.emit(dataclasses.replace(self._step, pose=data, image=None))

    def choose_photo(self) -> None:
        """Ask for a photo; a refused one is told at the picture field, nothing copied."""
        step = self._step
        if step is None:
            return
        source = PhotoChooser.ask(self.window())
        if source is None:
            return
        try:
            name = adopt_photo(source, self._folder)
        except ImageError as e:
            self._photo_problem = PHOTO_REFUSED.format(message=e.message, hint=e.hint)
            self.show_step(self._step, self._folder, self._problems, self._at)
            return
        self._photo_problem = ""
        self.edited.emit(dataclasses.replace(step, pose=None, image=name))


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
