"""The editor and the picker for the main window: Routine → Open, New, Edit, Duplicate,
Import, Export. One editor window per routine folder; a draft left from last time is
offered back before anything else."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from backtimer.core.i18n import _
from backtimer.core.routine import Routine
from backtimer.core.routines.folder import new_routine_folder, routines_dir
from backtimer.gui.slots import connect_call

if TYPE_CHECKING:
    # The editor, the picker and the library load when first opened, not with the main
    # window: about a sixth of its import time, and the first screen needs none of them.
    from backtimer.core.history.store import HistoryStore
    from backtimer.core.library.entry import LibraryExercise
    from backtimer.core.routine_file.draft import RoutineDraft
    from backtimer.gui.editor.picker import RoutinePicker
    from backtimer.gui.editor.window import EditorWindow

log = logging.getLogger(__name__)

NEW_ID = "my-routine"
NEW_NAME = _("My routine")
COPY_NAME = _("{name} (copy)")
COPY_ID = "{id}-copy"


class RoutineActions(Protocol):
    """The main window's Routine menu entries this wires (``WindowParts`` has them)."""

    open_action: QAction
    new_routine_action: QAction
    edit_routine_action: QAction
    duplicate_routine_action: QAction


class RoutineEditing(QObject):
    """Opens the picker and the editor windows over ``host`` (the main window), for the
    routines folder in ``data_folder``. What comes back goes out as signals."""

    #: a routine file to show in the main window (saved, or picked) (a Path)
    open_requested = Signal(object)
    #: a one-exercise routine to play now (a Routine)
    try_requested = Signal(object)
    #: Routine → Open deleted this routine file (a Path)
    routine_deleted = Signal(object)

    def __init__(
        self,
        host: QWidget,
        parts: RoutineActions,
        data_folder: Path,
        store: HistoryStore | None = None,
    ) -> None:
        super().__init__(host)
        self._host = host
        self._store = store  #: the plan's, for the picker's Delete
        self.routines = routines_dir(data_folder)
        self._library: tuple[LibraryExercise, ...] | None = None
        self.editors: dict[Path, EditorWindow] = {}
        self.picker: RoutinePicker | None = None
        parts.open_action.triggered.connect(self.show_picker)
        parts.new_routine_action.triggered.connect(self.new_routine)
        parts.edit_routine_action.triggered.connect(self.edit_shown)
        parts.duplicate_routine_action.triggered.connect(self.duplicate_shown)
        self._shown: Routine | None = None

    def set_shown(self, routine: Routine) -> None:
        """The routine the main window shows: what Edit and Duplicate work on."""
        self._shown = routine

    @property
    def library(self) -> tuple[LibraryExercise, ...]:
        if self._library is None:
            from backtimer.core.library.loader import load_library

            result = load_library()
            for problem in result.problems:  # a bug in a shipped file: logged, not fatal
                log.error("library: %s", problem.render())
            self._library = result.exercises
        return self._library

    # ----- the picker -------------------------------------------------------------------
    def show_picker(self) -> RoutinePicker:
        from backtimer.gui.editor.delete_routine import RoutineDeleter
        from backtimer.gui.editor.picker import RoutinePicker

        self.picker = RoutinePicker(self.routines, self._host)
        self.picker.deleter = RoutineDeleter(
            self.routines, store=self._store, open_folders=self.editors.keys
        )
        self.picker.open_requested.connect(self.open_requested)
        self.picker.edit_requested.connect(self.edit_file)
        self.picker.draft_requested.connect(self.resume)
        self.picker.routine_deleted.connect(self.routine_deleted)
        self.picker.show()
        self.picker.raise_()
        return self.picker

    # ----- editors ----------------------------------------------------------------------
    def new_routine(self) -> EditorWindow:
        folder = new_routine_folder(self.routines, NEW_ID)
        folder.mkdir(parents=True)  # taken now: a second New gets a folder of its own
        from backtimer.core.routine_file.draft import RoutineDraft

        # Its id is its folder's name: unlike another routine's, so their histories stay apart.
        draft = RoutineDraft(folder.name, NEW_NAME)
        return self._open(draft, folder, saved=None, unsaved=False)

    def edit_shown(self) -> EditorWindow | None:
        return self.edit(self._shown) if self._shown is not None else None

    def duplicate_shown(self) -> EditorWindow | None:
        return self.edit(self._shown, duplicate=True) if self._shown is not None else None

    def resume(self, folder: Path, draft: RoutineDraft) -> EditorWindow:
        """Go on with a routine begun and never saved."""
        return self._open(draft, folder, saved=None, unsaved=True)

    def edit_file(self, path: Path, duplicate: bool) -> EditorWindow | None:
        from backtimer.core.routine_file.loader import load_routine
        from backtimer.gui.routine_errors import RoutineErrorsDialog

        result = load_routine(path)
        if result.routine is None:
            RoutineErrorsDialog.ask(self._host, result.problems)
            return None
        return self.edit(result.routine, duplicate=duplicate)

    def edit(self, routine: Routine, *, duplicate: bool = False) -> EditorWindow:
        """Edit ``routine``: one of the person's own in place, any other (built-in,
        from elsewhere, or a duplicate) as a new copy in the routines folder."""
        from backtimer.core.routines.exchange import editable

        folder, draft = editable(routine, self.routines, copy=duplicate)
        own = routine.source is not None and folder == routine.source.parent
        if duplicate:
            draft = dataclasses.replace(
                draft,
                name=COPY_NAME.format(name=draft.name)[:100],
                id=COPY_ID.format(id=draft.id)[:64],
            )
        return self._open(draft, folder, saved=routine.source if own else None, unsaved=not own)

    def _open(
        self, draft: RoutineDraft, folder: Path, *, saved: Path | None, unsaved: bool
    ) -> EditorWindow:
        key = folder
        existing = self.editors.get(key)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        from backtimer.core.routines.draft_store import drop_draft, load_draft
        from backtimer.gui.editor.questions import RecoverQuestion
        from backtimer.gui.editor.window import EditorWindow

        left = load_draft(folder)
        if left is not None and left != draft:
            if RecoverQuestion.ask(self._host, left.name or draft.name):
                draft, unsaved = left, True
            else:
                drop_draft(folder)
        editor = EditorWindow(
            draft,
            folder,
            self.routines,
            library=self.library,
            saved_file=saved,
            unsaved=unsaved,
            parent=self._host,
        )
        editor.saved.connect(self.open_requested)
        editor.saved.connect(self._refresh_picker)
        editor.try_requested.connect(self.try_requested)
        connect_call(editor.closed, self._forget, key)
        self.editors[key] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def _refresh_picker(self, saved: Path) -> None:
        """An open picker lists a routine as soon as it is saved."""
        if self.picker is not None and self.picker.isVisible():
            self.picker.refresh(select=saved)

    def _forget(self, key: Path) -> None:
        editor = self.editors.pop(key, None)
        if editor is not None:
            editor.deleteLater()

    def close_editors(self) -> bool:
        """Close every editor (each asks about unsaved changes); False if one stays."""
        return all(editor.close() for editor in list(self.editors.values()))

    def close_editors_keeping_drafts(self) -> None:
        """Close every editor without a question; unsaved work stays on disk as a draft,
        offered back next time."""
        for editor in list(self.editors.values()):
            editor.close_keeping_draft()
