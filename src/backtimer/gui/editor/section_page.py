"""One list of the routine (warm-up, exercises or cool-down): reorder by drag or keys,
add from the library, duplicate, remove; the chosen item's form beside it. The edits
themselves, as values with their undo texts, are ``section_edits``'."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backtimer.core import routine as r
from backtimer.core.i18n import _
from backtimer.core.routine_file.draft_check import FieldProblem
from backtimer.gui.editor import section_edits as edits
from backtimer.gui.editor.item_forms import ExerciseForm, MovementForm
from backtimer.gui.editor.section_edits import Item
from backtimer.gui.editor.section_rows import row_text
from backtimer.gui.figure.thumbnails import pose_pixmap
from backtimer.gui.slots import call_soon, connect_call

ADD = _("Add from library… (Ins)")
NEW = _("New blank")
DUPLICATE = _("Duplicate (Ctrl+D)")
REMOVE = _("Remove (Del)")
UP = _("Move up (Ctrl+↑)")
DOWN = _("Move down (Ctrl+↓)")
EMPTY = _("Nothing here yet. Add an exercise from the library (Ins), or a blank one.")
ICON = 40
#: each section's list, as a screen reader names and describes it
LIST_WORDS = {
    "warmup": (
        _("Warm-up movements"),
        _("The warm-up in order; the chosen one is edited beside."),
    ),
    "exercises": (
        _("Exercises"),
        _("The exercises in order; the chosen one is edited beside."),
    ),
    "cooldown": (
        _("Cool-down movements"),
        _("The cool-down in order; the chosen one is edited beside."),
    ),
}
#: each button's tool tip, read by a screen reader as its description
TIPS = {
    "add": _("Choose exercises from the library and add them after the chosen one."),
    "new": _("Add a blank one after the chosen one, to fill in yourself."),
    "duplicate": _("Add a copy of the chosen one just after it."),
    "remove": _("Take the chosen one out (Undo brings it back)."),
    "up": _("Move the chosen one earlier in the list."),
    "down": _("Move the chosen one later in the list."),
}


class SectionPage(QWidget):
    """The items of one section of the draft; every change is emitted as the whole new
    tuple with its undo text and a merge key (edits of one field in a row merge)."""

    #: the items after a change (a tuple), its undo text (str), a merge key (str or '')
    items_edited = Signal(object, str, str)
    #: add from the library at this row (an int)
    add_requested = Signal(int)
    #: play the item at this row in the main window (an int)
    try_requested = Signal(int)

    def __init__(self, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self._items: tuple[Item, ...] = ()
        self._ids: frozenset[str] = frozenset()
        self.list = QListWidget()
        self.list.setIconSize(QSize(ICON, ICON))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setMinimumWidth(280)
        self.list.setWordWrap(True)
        list_name, list_description = LIST_WORDS[section]
        self.list.setAccessibleName(list_name)
        self.list.setAccessibleDescription(list_description)
        self.add_button = QPushButton(ADD)
        self.new_button = QPushButton(NEW)
        self.duplicate_button = QPushButton(DUPLICATE)
        self.remove_button = QPushButton(REMOVE)
        self.up_button = QPushButton(UP)
        self.down_button = QPushButton(DOWN)
        for key, button in (
            ("add", self.add_button),
            ("new", self.new_button),
            ("duplicate", self.duplicate_button),
            ("remove", self.remove_button),
            ("up", self.up_button),
            ("down", self.down_button),
        ):
            button.setToolTip(TIPS[key])
        self.form: ExerciseForm | MovementForm = (
            ExerciseForm() if section == "exercises" else MovementForm()
        )
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(scroll)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.new_button):
            buttons.addWidget(button)
        more = QHBoxLayout()
        for button in (self.duplicate_button, self.remove_button):
            more.addWidget(button)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button):
            moves.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        left.addLayout(more)
        left.addLayout(moves)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.stack, 5)

        self.list.currentRowChanged.connect(self._show_current)
        self.list.model().rowsMoved.connect(self._on_dragged)
        self.add_button.clicked.connect(self.request_add)
        self.new_button.clicked.connect(self.add_blank)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.remove_button.clicked.connect(self.remove)
        connect_call(self.up_button.clicked, self.move_item, -1)
        connect_call(self.down_button.clicked, self.move_item, +1)
        self.form.edited.connect(self._on_form)
        if isinstance(self.form, ExerciseForm):
            self.form.try_requested.connect(self.request_try)
        for keys, method, arg in (
            ("Ctrl+Up", self.move_item, -1),
            ("Ctrl+Down", self.move_item, +1),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            connect_call(shortcut.activated, method, arg)
        for keys, slot in (
            ("Del", self.remove),
            ("Ctrl+D", self.duplicate),
            ("Ins", self.request_add),
            ("Return", self.focus_form),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._defaults = r.Defaults()
        self._folder = Path(".")
        self._problems: list[FieldProblem] = []

    # ----- shown ----------------------------------------------------------------------
    @property
    def current_row(self) -> int:
        return self.list.currentRow()

    def set_items(
        self,
        items: tuple[Item, ...],
        *,
        defaults: r.Defaults,
        folder: Path,
        problems: Sequence[FieldProblem],
        ids: frozenset[str],
        select: int | None = None,
    ) -> None:
        """Show ``items``; ``problems`` are the whole draft's (this section's are picked)."""
        self._items = items
        self._defaults = defaults
        self._folder = folder
        self._ids = ids
        self._problems = [p for p in problems if p.path[:1] == (self.section,)]
        row = self.list.currentRow() if select is None else select
        self.list.blockSignals(True)
        if self.list.count() != len(items):
            self.list.clear()
            for _unused in items:
                item = QListWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
                self.list.addItem(item)
        for index, entry in enumerate(items):
            widget_item = self.list.item(index)
            widget_item.setData(Qt.ItemDataRole.UserRole, index)
            bad = any(len(p.path) > 1 and p.path[1] == index for p in self._problems)
            widget_item.setText(row_text(entry, self._defaults, bad=bad))
            widget_item.setForeground(Qt.GlobalColor.red if bad else self.palette().text())
            pose = next((s.pose for s in entry.steps if s.pose), None)
            widget_item.setIcon(QIcon(pose_pixmap(pose, ICON)) if pose else QIcon())
        self.list.setCurrentRow(min(max(row, 0), len(items) - 1))
        self.list.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        index = self.list.currentRow()
        has = 0 <= index < len(self._items)
        self.stack.setCurrentIndex(1 if has else 0)
        for button in (self.duplicate_button, self.remove_button):
            button.setEnabled(has)
        self.up_button.setEnabled(has and index > 0)
        self.down_button.setEnabled(has and index < len(self._items) - 1)
        if has:
            mine = [p for p in self._problems if len(p.path) > 1 and p.path[1] == index]
            self.form.set_item(
                self._items[index],  # type: ignore[arg-type]
                self._defaults,
                self._folder,
                mine,
                2,
            )

    def focus_form(self) -> None:
        if 0 <= self.list.currentRow() < len(self._items):
            self.form.name.setFocus()
            self.form.name.selectAll()

    # ----- edits ----------------------------------------------------------------------
    def _changed(
        self, items: tuple[Item, ...], text: str, key: str = "", row: int | None = None
    ) -> None:
        if row is not None:
            self.list.blockSignals(True)
            if self.list.count() != len(items):
                self.list.clear()
                for _unused in items:
                    self.list.addItem(QListWidgetItem())
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
        self.items_edited.emit(items, text, key)

    def _apply(self, edit: edits.Edit | None) -> None:
        if edit is not None:
            self._changed(edit.items, edit.text, row=edit.row)

    def _on_form(self, item: Item, field: str) -> None:
        index = self.list.currentRow()
        if not 0 <= index < len(self._items):
            return
        self._items, text = edits.changed(self._items, index, item)
        self._changed(self._items, text, f"{self.section}/{index}/{field}")

    def insert(self, new: Sequence[Item], row: int) -> None:
        """Put ``new`` in at ``row``, each with an id of its own; the first is chosen."""
        self._apply(edits.inserted(self._items, new, row, self._ids))

    def request_add(self) -> None:
        self.add_requested.emit(self.list.currentRow() + 1)

    def request_try(self) -> None:
        if 0 <= self.list.currentRow() < len(self._items):
            self.try_requested.emit(self.list.currentRow())

    def add_blank(self) -> None:
        self.insert([edits.blank(self.section)], self.list.currentRow() + 1)
        call_soon(self.focus_form)

    def duplicate(self) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self._items):
            self._apply(edits.duplicated(self._items, index, self._ids))

    def remove(self) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self._items):
            self._apply(edits.removed(self._items, index))

    def move_item(self, offset: int) -> None:
        index = self.list.currentRow()
        target = index + offset
        if 0 <= index < len(self._items) and 0 <= target < len(self._items):
            self._apply(edits.moved(self._items, index, target))

    def _on_dragged(self) -> None:
        call_soon(self._after_drag)  # not while the view is still moving its rows

    def _after_drag(self) -> None:
        order = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if sorted(order) != list(range(len(self._items))) or order == sorted(order):
            return
        self._apply(edits.reordered(self._items, order, self.list.currentRow()))
