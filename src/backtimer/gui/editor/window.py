"""The routine editor's window: the routine, its warm-up, exercises and cool-down on four
tabs, each change checked at once by the loader's own checks and shown at its field,
undone and redone with a QUndoStack, kept on disk as a draft until saved.

The window holds one value, the draft (``RoutineDraft``); every edit makes a new one and
goes through the undo stack as a pair (before, after). ``apply`` is the only place that
changes it: it checks the draft, keeps it on disk, and shows it."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _, ngettext
from backtimer.core.library.entry import LibraryExercise
from backtimer.core.programme.adherence import try_id
from backtimer.core.routine_file.draft import (
    PictureOutsideFolder,
    RoutineDraft,
    exercise_draft,
)
from backtimer.core.routine_file.draft_check import DraftCheck, FieldProblem, check_draft
from backtimer.core.routines.draft_store import drop_draft, save_draft
from backtimer.core.routines.folder import remove_unsaved, save_routine
from backtimer.core.routines.summary import summarize
from backtimer.gui.editor.draft_edits import (
    DraftChange,
    as_movement,
    library_folder,
    with_section,
)
from backtimer.gui.editor.library_dialog import LibraryDialog
from backtimer.gui.editor.questions import UnsavedQuestion
from backtimer.gui.editor.routine_form import RoutineForm
from backtimer.gui.editor.section_edits import Item
from backtimer.gui.editor.section_page import SectionPage
from backtimer.gui.screen_fit import fit_to_screen
from backtimer.gui.tab_text import whole_tab_titles

log = logging.getLogger(__name__)

TITLE = _("BackTimer — edit “{name}”{star}")
UNNAMED = _("new routine")
TAB_ROUTINE = _("&Routine")
TAB_WARMUP = _("&Warm-up")
TAB_EXERCISES = _("E&xercises")
TAB_COOLDOWN = _("C&ool-down")
SAVE = _("Save (Ctrl+S)")
CLOSE = _("Close")
SAVE_MENU = _("&Save")
UNDO = _("&Undo")
REDO = _("&Redo")
#: the Edit menu's entries with the change they undo or redo: "&Undo Remove Cat stretch"
UNDO_WHAT = _("&Undo {change}")
REDO_WHAT = _("&Redo {change}")
FIRST_PROBLEM = _("Go to the first &problem (F8)")
TRY = _("&Try this exercise")
ALL_GOOD = _("✓ Ready to save: the routine passes every check.")
NOT_SAVED_PROBLEMS = _("Not saved yet: fix the problems marked in red first. Your work is kept.")
SAVED = _("Saved to {path}.")
SAVE_FAILED = _("The routine could not be saved ({reason}). Your work is kept as a draft.")
DRAFT_FAILED = _("Your changes cannot be kept on disk ({reason}); save soon.")
TRY_PROBLEMS = _("This exercise cannot be tried yet: {first}")
SECTIONS = ("warmup", "exercises", "cooldown")
REDO_KEY = "Ctrl+Shift+Z"
#: tool tips of the tabs and buttons, read by a screen reader as their descriptions
TAB_TIPS = (
    _("The routine's name, description and the defaults its exercises follow."),
    _("The movements that warm you up before the exercises."),
    _("The exercises held and repeated, each with its steps."),
    _("The movements that cool you down after the exercises."),
)
SAVE_TIP = _("Save the routine to its file; refused while it has problems.")
CLOSE_TIP = _("Close the editor; it asks first if there are unsaved changes.")
REDO_KEY_WINDOWS = "Ctrl+Y"
FILE_MENU = _("&File")
EDIT_MENU = _("&Edit")
#: the undo text of a change to one of the routine's own fields
ROUTINE_UNDO = {
    "name": _("Change the routine's name"),
    "id": _("Change the routine's id"),
    "description": _("Change the routine's description"),
    "defaults": _("Change the routine's defaults"),
}


def problems_words(count: int, first: str) -> str:
    """The status line while the draft has problems."""
    return ngettext(
        "⚠ {count} problem to fix before saving — {first} (F8 goes there)",
        "⚠ {count} problems to fix before saving — the first: {first} (F8 goes there)",
        count,
    ).format(count=count, first=first)


class EditorWindow(QMainWindow):
    """Edits ``draft``, kept in ``folder`` (inside the person's routines folder
    ``routines``); ``saved_file`` is its routine file when it has been saved before.
    ``unsaved`` says the draft already differs from what is saved (a recovered draft, a
    new copy), so closing asks even before the first edit."""

    #: the routine was saved to this file (a Path)
    saved = Signal(object)
    #: play this one-exercise routine in the main window (a Routine)
    try_requested = Signal(object)
    #: the window closed (after any question about unsaved changes)
    closed = Signal()

    def __init__(
        self,
        draft: RoutineDraft,
        folder: Path,
        routines: Path,
        *,
        library: Sequence[LibraryExercise] = (),
        saved_file: Path | None = None,
        unsaved: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self._folder = folder
        self._routines = routines
        self._library = tuple(library)
        self._saved_file = saved_file
        self._unsaved = unsaved
        self._ask_on_close = True
        self._draft = draft
        self._check: DraftCheck = check_draft(draft, folder)
        self.undo_stack = QUndoStack(self)
        self._warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.routine_form = RoutineForm()
        self.pages = {section: SectionPage(section) for section in SECTIONS}
        self.tabs = QTabWidget()
        self.tabs.addTab(self.routine_form, TAB_ROUTINE)
        self.tabs.addTab(self.pages["warmup"], TAB_WARMUP)
        self.tabs.addTab(self.pages["exercises"], TAB_EXERCISES)
        self.tabs.addTab(self.pages["cooldown"], TAB_COOLDOWN)
        whole_tab_titles(self.tabs)  # "Übungen" with its dots
        for index, tip in enumerate(TAB_TIPS):
            self.tabs.setTabToolTip(index, tip)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(SAVE)
        self.close_button = QPushButton(CLOSE)
        self.save_button.setToolTip(SAVE_TIP)
        self.close_button.setToolTip(CLOSE_TIP)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self._build_menus()

        self.routine_form.edited.connect(self._on_routine_form)
        for page in self.pages.values():
            page.items_edited.connect(self._on_items)
            page.add_requested.connect(self._on_add_requested)
            page.try_requested.connect(self.try_exercise)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        # After the stack has moved (during a command's redo it still says "clean").
        self.undo_stack.indexChanged.connect(self._keep_draft)
        self._install_undo_filter()
        self.apply(draft)
        self._keep_draft()
        self._fit_screen()

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(FILE_MENU)
        self.save_action = QAction(SAVE_MENU, self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        close = QAction(CLOSE, self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(self.save_action)
        menu.addAction(close)
        edit = self.menuBar().addMenu(EDIT_MENU)
        self.undo_action = self.undo_stack.createUndoAction(self, UNDO)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, REDO)
        redo_keys = [QKeySequence(REDO_KEY), QKeySequence(REDO_KEY_WINDOWS)]
        for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
            if key not in redo_keys:
                redo_keys.append(key)
        self.redo_action.setShortcuts(redo_keys)
        # After Qt's own naming (prefix + text): the whole entry, as a translation says it.
        self.undo_stack.undoTextChanged.connect(self._name_undo)
        self.undo_stack.redoTextChanged.connect(self._name_redo)
        problem = QAction(FIRST_PROBLEM, self)
        problem.setShortcut(QKeySequence("F8"))
        problem.triggered.connect(self.go_to_first_problem)
        try_it = QAction(TRY, self)
        try_it.setShortcut(QKeySequence("Ctrl+T"))
        try_it.triggered.connect(self.try_current)
        for action in (self.undo_action, self.redo_action, problem, try_it):
            edit.addAction(action)

    def _name_undo(self, change: str) -> None:
        self.undo_action.setText(UNDO_WHAT.format(change=change) if change else UNDO)

    def _name_redo(self, change: str) -> None:
        self.redo_action.setText(REDO_WHAT.format(change=change) if change else REDO)

    def _fit_screen(self) -> None:
        """1100×760, or nine tenths of a smaller screen (a 1024×600 netbook)."""
        fit_to_screen(self, QSize(1100, 760))

    # ----- the one value --------------------------------------------------------------
    @property
    def draft(self) -> RoutineDraft:
        return self._draft

    @property
    def check(self) -> DraftCheck:
        return self._check

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def needs_saving(self) -> bool:
        return self._unsaved or not self.undo_stack.isClean()

    def edit(self, after: RoutineDraft, text: str, key: str = "") -> None:
        """Make ``after`` the draft, as one undoable step (merged with the last one when
        it changed the same field, ``key``)."""
        if after != self._draft:
            self.undo_stack.push(DraftChange(self, self._draft, after, text, key))

    def apply(self, draft: RoutineDraft) -> None:
        """Check, keep and show ``draft``; the undo stack's commands call this."""
        self._draft = draft
        self._check = check_draft(draft, self._folder)
        self._show()

    def _keep_draft(self) -> None:
        """Unsaved work on disk at once; none once it matches what is saved."""
        self._show_title()
        try:
            if self.needs_saving:
                save_draft(self._draft, self._folder)
            else:
                drop_draft(self._folder)
        except OSError as e:
            self.message.setText(DRAFT_FAILED.format(reason=e.strerror or e))

    def _show(self) -> None:
        draft, check = self._draft, self._check
        minutes = summarize(check.routine).minutes if check.routine is not None else None
        self.routine_form.set_draft(draft, check.problems, minutes)
        ids = frozenset(item.id for s in SECTIONS for item in getattr(draft, s))
        for section, page in self.pages.items():
            page.set_items(
                getattr(draft, section),
                defaults=draft.defaults,
                folder=self._folder,
                problems=check.problems,
                ids=ids,
            )
        for index, section in enumerate(("routine", *SECTIONS), start=0):
            bad = (
                any(len(p.path) <= 1 or p.path[0] == "defaults" for p in check.problems)
                if section == "routine"
                else any(p.path[:1] == (section,) for p in check.problems)
            )
            self.tabs.setTabIcon(index, self._warning if bad else QIcon())
        if check.problems:
            first = check.problems[0].message
            self.status.setText(problems_words(len(check.problems), first))
        else:
            self.status.setText(ALL_GOOD)
        self._show_title()

    def _show_title(self) -> None:
        star = " *" if self.needs_saving else ""
        self.setWindowTitle(TITLE.format(name=self._draft.name or UNNAMED, star=star))

    # ----- edits from the parts ---------------------------------------------------------
    def _on_routine_form(self, draft: RoutineDraft, field: str) -> None:
        self.edit(draft, ROUTINE_UNDO.get(field, ROUTINE_UNDO["defaults"]), f"routine/{field}")

    def _on_items(self, items: tuple[Item, ...], text: str, key: str) -> None:
        page = self.sender()
        if not isinstance(page, SectionPage):
            return
        self.edit(with_section(self._draft, page.section, items), text, key)

    def _on_add_requested(self, row: int) -> None:
        page = self.sender()
        if isinstance(page, SectionPage):
            self.add_from_library(page.section, row)

    def add_from_library(self, section: str, row: int) -> None:
        chosen = LibraryDialog.ask(self, self._library)
        new: list[Item] = []
        for entry in chosen:
            try:
                exercise = exercise_draft(
                    entry.exercise, self._draft.defaults, library_folder(entry)
                )
            except PictureOutsideFolder:
                continue
            new.append(exercise if section == "exercises" else as_movement(entry.exercise))
        self.pages[section].insert(new, row)

    # ----- checks, trying, saving -----------------------------------------------------
    def go_to_first_problem(self) -> None:
        if not self._check.problems:
            return
        self.go_to(self._check.problems[0])

    def go_to(self, problem: FieldProblem) -> None:
        path = problem.path
        if path[:1] and path[0] in SECTIONS:
            page = self.pages[str(path[0])]
            self.tabs.setCurrentWidget(page)
            if len(path) > 1 and isinstance(path[1], int):
                page.list.setCurrentRow(path[1])
            page.list.setFocus()
        else:
            self.tabs.setCurrentWidget(self.routine_form)
            self.routine_form.name.setFocus()

    def try_current(self) -> None:
        page = self.pages["exercises"]
        self.tabs.setCurrentWidget(page)
        if page.current_row >= 0:
            self.try_exercise(page.current_row)

    def try_exercise(self, index: int) -> None:
        """Play exercise ``index`` alone in the main window, if it passes the checks."""
        exercises = self._draft.exercises
        if not 0 <= index < len(exercises):
            return
        # A try is no prescribed session: without the schedule (whose micro-sessions may
        # name the exercises left out), so it is checked as the exercise alone.
        alone = dataclasses.replace(
            self._draft, exercises=(exercises[index],), warmup=(), cooldown=(), schedule=None
        )
        check = check_draft(alone, self._folder)
        if check.routine is None:
            self.message.setText(TRY_PROBLEMS.format(first=check.problems[0].message))
            return
        self.message.setText("")
        # No source: the main window's Edit must never take this for the routine's file.
        # An id no plan names: the history keeps it (pain is never ignored), adherence not.
        routine = dataclasses.replace(
            check.routine, id=try_id(check.routine.id), name=exercises[index].name, source=None
        )
        self.try_requested.emit(routine)

    def save(self) -> bool:
        """Write the routine into its folder; refused (and told) while it has problems."""
        if self._check.problems:
            self.message.setText(NOT_SAVED_PROBLEMS)
            self.go_to_first_problem()
            return False
        try:
            path = save_routine(self._draft, self._folder)
            drop_draft(self._folder)
        except OSError as e:
            self.message.setText(SAVE_FAILED.format(reason=e.strerror or e))
            return False
        self._saved_file = path
        self._unsaved = False
        self.undo_stack.setClean()
        self.message.setText(SAVED.format(path=path))
        self._show_title()
        self.saved.emit(path)
        return True

    def close_keeping_draft(self) -> None:
        """Close without asking, unsaved work left on disk as a draft (the system is
        stopping BackTimer: no question may hold up a logout)."""
        self._ask_on_close = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._ask_on_close:
            if not self.needs_saving and self._saved_file is None:
                self._discard()
            super().closeEvent(event)
            self.closed.emit()
            return
        if self.needs_saving:
            answer = UnsavedQuestion.ask(self, self._draft.name or UNNAMED)
            if answer == "cancel" or (answer == "save" and not self.save()):
                event.ignore()
                return
            if answer == "discard":
                self._discard()
        elif self._saved_file is None:
            self._discard()
        super().closeEvent(event)
        self.closed.emit()

    def _discard(self) -> None:
        drop_draft(self._folder)
        if self._saved_file is None:
            remove_unsaved(self._folder, self._routines)

    # ----- one undo for the whole window ----------------------------------------------
    def _install_undo_filter(self) -> None:
        """Text fields keep Ctrl+Z for themselves; here it is the window's undo, so one
        undo history covers typing and every other change alike."""
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit | QSpinBox):
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            key: QKeyEvent = event  # type: ignore[assignment]
            combination = QKeySequence(key.keyCombination())
            undo_keys = (*self.undo_action.shortcuts(), *self.redo_action.shortcuts())
            if key.matches(QKeySequence.StandardKey.Undo) or combination in undo_keys:
                event.ignore()
                return True
        return False
