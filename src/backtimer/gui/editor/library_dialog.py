"""Choose exercises from the library: thumbnails, a search field and a muscle-group filter,
all usable by keyboard (type to search, arrows to move, Space to pick, Enter to add)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.core.library.entry import LibraryExercise, Position
from backtimer.core.routine import MUSCLE_GROUP_NAMES, step_text
from backtimer.gui.figure.thumbnails import pose_pixmap

TITLE = _("Add exercises from the library")
SEARCH = _("&Search:")
SEARCH_PLACEHOLDER = _("Type part of a name, a step or a muscle")
GROUP = _("&Muscle group:")
ALL_GROUPS = _("All muscle groups")
WHERE = _("&Where:")
ANYWHERE = _("Anywhere")
POSITIONS = {
    Position.FLOOR: _("On the floor"),
    Position.CHAIR: _("On a chair"),
    Position.STANDING: _("Standing"),
}
ADD = _("&Add")
CANCEL = _("Cancel")
ROW = _("{name}\n{group} · {hold} s × {reps}")
NONE_FOUND = _("No exercise matches. Clear the search or choose all muscle groups.")
THUMB = 96
LIST_NAME = _("Library exercises")
#: each control's tool tip, read by a screen reader as its description
TIPS = {
    "search": _("Show only the exercises whose name, steps or muscles hold these words."),
    "group": _("Show only the exercises for one muscle group."),
    "position": _("Show only the exercises done in one position."),
    "list": _("The exercises to choose from; Space picks more than one, Enter adds."),
    "add": _("Add the chosen exercises to the routine."),
    "cancel": _("Close without adding anything."),
}


class LibraryDialog(QDialog):
    """The library's exercises to choose from; ``chosen`` after Add, in library order."""

    def __init__(self, library: Sequence[LibraryExercise], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._library = tuple(library)
        self.search = QLineEdit()
        self.search.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(SEARCH)
        search_label.setBuddy(self.search)
        self.group = QComboBox()
        self.group.addItem(ALL_GROUPS, None)
        groups = dict.fromkeys(e.muscle_group for e in self._library)
        for g in sorted(groups, key=lambda g: MUSCLE_GROUP_NAMES.get(g, g)):
            self.group.addItem(MUSCLE_GROUP_NAMES.get(g, g), g)
        group_label = QLabel(GROUP)
        group_label.setBuddy(self.group)
        self.position = QComboBox()
        self.position.addItem(ANYWHERE, None)
        for position, words in POSITIONS.items():
            self.position.addItem(words, position)
        position_label = QLabel(WHERE)
        position_label.setBuddy(self.position)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB * 2 + 20, THUMB + 56))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(LIST_NAME)
        self.list.setAccessibleDescription(TIPS["list"])
        self.none_found = QLabel(NONE_FOUND)
        self.none_found.setVisible(False)
        for entry in self._library:
            ex = entry.exercise
            item = QListWidgetItem(
                ROW.format(
                    name=ex.name,
                    group=MUSCLE_GROUP_NAMES.get(ex.muscle_group, ex.muscle_group),
                    hold=f"{ex.hold:g}",
                    reps=ex.reps,
                )
            )
            poses = entry.poses
            if poses:
                item.setIcon(QIcon(pose_pixmap(poses[-1], THUMB)))  # the held position
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            # The steps as said for the first side ("{side}" a word), in the language.
            side = ex.side_order[0]
            item.setToolTip("\n".join(step_text(s, side) for s in ex.steps))
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ADD)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(CANCEL)
        for key, widget in (
            ("search", self.search),
            ("group", self.group),
            ("position", self.position),
            ("add", self.buttons.button(QDialogButtonBox.StandardButton.Ok)),
            ("cancel", self.buttons.button(QDialogButtonBox.StandardButton.Cancel)),
        ):
            widget.setToolTip(TIPS[key])
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 2)
        top.addWidget(group_label)
        top.addWidget(self.group, 1)
        top.addWidget(position_label)
        top.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.none_found)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.group.currentIndexChanged.connect(self._filter)
        self.position.currentIndexChanged.connect(self._filter)
        # Enter in the search adds the first match (the dialog's default button); Down
        # goes to the list to choose among them.
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._focus_list)
        self.list.itemActivated.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(760, 560)
        self._filter()

    def _matches(self, entry: LibraryExercise) -> bool:
        group = self.group.currentData()
        if group is not None and entry.muscle_group != group:
            return False
        position = self.position.currentData()
        if position is not None and entry.position is not position:
            return False
        words = self.search.text().casefold().split()
        ex = entry.exercise
        haystack = " ".join(
            (ex.name, MUSCLE_GROUP_NAMES.get(ex.muscle_group, ""), ex.muscle_group)
            + tuple(s.text for s in ex.steps)
        ).casefold()
        return all(w in haystack for w in words)

    def _filter(self) -> None:
        first = None
        for row, entry in enumerate(self._library):
            item = self.list.item(row)
            shown = self._matches(entry)
            item.setHidden(not shown)
            if not shown:
                item.setSelected(False)
            elif first is None:
                first = item
        self.none_found.setVisible(first is None)
        if first is not None and (
            self.list.currentItem() is None or self.list.currentItem().isHidden()
        ):
            self.list.setCurrentItem(first)

    def _focus_list(self) -> None:
        self.list.setFocus()

    @property
    def shown_ids(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if not self.list.item(i).isHidden()
        ]

    @property
    def chosen(self) -> list[LibraryExercise]:
        """The selected exercises still shown, or the current one if none is selected."""
        ids = {
            i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems() if not i.isHidden()
        }
        current = self.list.currentItem()
        if not ids and current is not None and not current.isHidden():
            ids = {current.data(Qt.ItemDataRole.UserRole)}
        return [e for e in self._library if e.id in ids]

    @classmethod
    def ask(
        cls, parent: QWidget | None, library: Sequence[LibraryExercise]
    ) -> list[LibraryExercise]:
        """The exercises chosen, [] when cancelled. Tests may replace this."""
        dialog = cls(library, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return dialog.chosen
