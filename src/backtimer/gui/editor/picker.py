"""Routine → Open: the built-in routines and the person's own, each with its length (the
planner's), its muscle groups, and where it lives; a broken file is listed with its
problems, never dropped. Import brings a file or a .zip in; Export sends one out.

What each row says is ``picker_rows``'; the file dialogs, import and export are
``picker_exchange``'s; Delete is ``delete_routine``'s."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.core.routine_file.draft import RoutineDraft
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routines.draft_store import unsaved_routines
from backtimer.core.routines.folder import Found, find_routines
from backtimer.gui.editor import delete_routine as deleting
from backtimer.gui.editor.picker_exchange import choose_and_export, choose_and_import, choose_other
from backtimer.gui.editor.picker_rows import HEADERS, draft_row, routine_row
from backtimer.gui.routine_errors import RoutineErrorsDialog

TITLE = _("BackTimer — routines")
OPEN = _("&Open")
EDIT = _("&Edit…")
DUPLICATE = _("&Duplicate…")
IMPORT = _("&Import…")
EXPORT = _("E&xport…")
OTHER = _("Open another &file…")
CLOSE = _("Close")
FOLDER = _("Your routines are kept in {folder}.")
IMPORTED = _("Imported “{name}”.")
BROKEN_EXPORT = _("A routine with problems cannot be exported; fix it first.")
LIST_NAME = _("Routines")
LIST_DESCRIPTION = _("Every routine, built in and yours, with its length and muscle groups.")
#: each button's tool tip, read by a screen reader as its description
TIPS = {
    "open": _("Open the chosen routine in the main window."),
    "edit": _("Edit the chosen routine in the routine editor."),
    "duplicate": _("Make a copy of the chosen routine and edit the copy."),
    "import": _("Copy a routine file or a .zip into your routines."),
    "export": _("Save the chosen routine to a file, to share or keep."),
    "other": _("Open a routine file from anywhere on this computer."),
    "close": _("Close this list."),
}


class RoutinePicker(QDialog):
    """Lists every routine; what the person picks comes out as a signal (a Path)."""

    #: open this routine file in the main window
    open_requested = Signal(object)
    #: edit this routine file (a Path); duplicate when the bool is True
    edit_requested = Signal(object, bool)
    #: go on with a routine never saved: its folder (a Path) and draft (a RoutineDraft)
    draft_requested = Signal(object, object)
    #: this routine file (a Path) was deleted: whatever shows it must let it go
    routine_deleted = Signal(object)

    def __init__(self, routines: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._routines = routines
        #: what Delete uses: the owner (hookup) gives it the plan and the open editors
        self.deleter = deleting.RoutineDeleter(routines)
        self._found: list[Found] = []
        self._drafts: list[tuple[Path, RoutineDraft]] = []
        self._items: list[QTreeWidgetItem] = []
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(HEADERS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(LIST_NAME)
        self.tree.setAccessibleDescription(LIST_DESCRIPTION)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.folder_label = QLabel(FOLDER.format(folder=routines))
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.open_button = QPushButton(OPEN)
        self.open_button.setDefault(True)
        self.edit_button = QPushButton(EDIT)
        self.duplicate_button = QPushButton(DUPLICATE)
        self.import_button = QPushButton(IMPORT)
        self.export_button = QPushButton(EXPORT)
        self.other_button = QPushButton(OTHER)
        self.delete_button = QPushButton(deleting.DELETE)
        self.close_button = QPushButton(CLOSE)
        for key, button in (
            ("open", self.open_button),
            ("edit", self.edit_button),
            ("duplicate", self.duplicate_button),
            ("import", self.import_button),
            ("export", self.export_button),
            ("other", self.other_button),
            ("close", self.close_button),
        ):
            button.setToolTip(TIPS[key])
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.edit_button,
            self.duplicate_button,
            self.import_button,
            self.export_button,
            self.other_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.tree.itemActivated.connect(self.open_current)
        self.tree.currentItemChanged.connect(self._enable)
        self.open_button.clicked.connect(self.open_current)
        self.edit_button.clicked.connect(self.edit_current)
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.import_button.clicked.connect(self.import_routine)
        self.export_button.clicked.connect(self.export_current)
        self.other_button.clicked.connect(self.open_other)
        self.close_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self.delete_current)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_current)
        self.resize(900, 480)
        self.refresh()

    # ----- the list -------------------------------------------------------------------
    def refresh(self, select: Path | None = None) -> None:
        """Read the folders again; ``select`` (a routine file) becomes the current row."""
        self._found = list(find_routines(self._routines))
        self.tree.clear()
        self._items = []
        chosen = None
        for index, found in enumerate(self._found):
            item = QTreeWidgetItem(routine_row(found))
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(0, str(found.path))
            if found.result.routine is None:
                for column in range(len(HEADERS)):
                    item.setForeground(column, QBrush(QColor("#b00020")))
            self.tree.addTopLevelItem(item)
            self._items.append(item)
            if select is not None and found.path == select:
                chosen = item
        self._drafts = list(unsaved_routines(self._routines))
        for index, (_folder, draft) in enumerate(self._drafts, start=len(self._found)):
            item = QTreeWidgetItem(draft_row(draft))
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.tree.addTopLevelItem(item)
            self._items.append(item)
        if chosen is not None or self._items:
            self.tree.setCurrentItem(chosen or self._items[0])
        self.tree.setFocus()
        self._enable()

    @property
    def rows(self) -> list[list[str]]:
        """What each row says, column by column (for tests and for reading)."""
        return [[item.text(c) for c in range(len(HEADERS))] for item in self._items]

    def current(self) -> Found | None:
        """The chosen routine file; None when nothing or an unsaved draft is chosen."""
        index = self._current_index()
        return self._found[index] if index is not None and index < len(self._found) else None

    def _current_index(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def _current_draft(self) -> tuple[Path, RoutineDraft] | None:
        index = self._current_index()
        if index is None or index < len(self._found):
            return None
        return self._drafts[index - len(self._found)]

    def select_row(self, row: int) -> None:
        self.tree.setCurrentItem(self._items[row])

    def _enable(self) -> None:
        found = self.current()
        good = found is not None and found.result.routine is not None
        for button in (self.edit_button, self.duplicate_button, self.export_button):
            button.setEnabled(good)
        self.open_button.setEnabled(found is not None or self._current_draft() is not None)
        self.delete_button.setEnabled(deleting.deletable(found))
        builtin = found is not None and found.builtin
        self.delete_button.setToolTip(deleting.BUILT_IN_TIP if builtin else deleting.DELETE_TIP)

    # ----- what the person does -------------------------------------------------------
    def _show_problems(self, problems: tuple[Problem, ...]) -> None:
        RoutineErrorsDialog.ask(self, problems)

    def open_current(self) -> None:
        """Open the chosen routine; a broken one shows its located problems instead."""
        found = self.current()
        draft = self._current_draft()
        if draft is not None:
            self.draft_requested.emit(*draft)
            self.accept()
            return
        if found is None:
            return
        if found.result.routine is None:
            self._show_problems(found.result.problems)
            return
        self.open_requested.emit(found.path)
        self.accept()

    def edit_current(self) -> None:
        self._edit(duplicate=False)

    def duplicate_current(self) -> None:
        self._edit(duplicate=True)

    def _edit(self, *, duplicate: bool) -> None:
        found = self.current()
        if found is None or found.result.routine is None:
            return
        self.edit_requested.emit(found.path, duplicate)
        self.accept()

    def open_other(self) -> None:
        path = choose_other(self)
        if path is not None:
            self.open_requested.emit(path)
            self.accept()

    def import_routine(self) -> None:
        """Copy a routine in (a .yaml with its pictures, or a .zip); a refused one shows
        its located problems and writes nothing."""
        chosen = choose_and_import(self, self._routines)
        if chosen is None:
            return
        path, imported = chosen
        if imported.path is None:
            self.message.setText("")
            self._show_problems(imported.problems)
            return
        self.refresh(select=imported.path)
        found = self.current()
        name = found.result.routine.name if found and found.result.routine else path.name
        self.message.setText(IMPORTED.format(name=name))

    def export_current(self) -> None:
        found = self.current()
        if found is None or found.result.routine is None:
            self.message.setText(BROKEN_EXPORT)
            return
        words = choose_and_export(self, found.path, found.result.routine)
        if words is not None:
            self.message.setText(words)

    def delete_current(self) -> None:
        """Delete the chosen routine of the person's own, once they say so."""
        found = self.current()
        done = self.deleter.delete(found, self) if found is not None else None
        if found is None or done is None:
            return
        if done.done:
            self.routine_deleted.emit(found.path)
            row = self._current_index() or 0
            self.refresh()
            if self._items:
                self.select_row(min(row, len(self._items) - 1))
        self.message.setText(done.message)
