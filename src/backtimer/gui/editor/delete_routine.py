"""Delete in Routine → Open: one of the person's own routines goes to the trash (or, where
there is none, is removed for good), with its unsaved draft. Built-in routines cannot be
deleted. A routine open in an editor is refused (its window may hold unsaved work: the
person closes it first). A routine in the plan is taken out of the plan in the same step,
as the question says, so no reminder is left pointing at a file that is gone; its
sessions stay in the history."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFile, QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.paths import same_file
from backtimer.core.routines.draft_store import drop_draft
from backtimer.core.routines.folder import ROUTINE_FILE, Found

log = logging.getLogger(__name__)

DELETE = _("De&lete…")
DELETE_TIP = _("Delete the chosen routine of your own (the Delete key does the same).")
BUILT_IN_TIP = _("Built-in routines come with BackTimer and cannot be deleted.")
QUESTION_TITLE = _("Delete a routine")
QUESTION = _(
    "Delete “{name}”? Its file and pictures are moved to the trash if this computer has "
    "one, or else removed for good. Your history is kept."
)
QUESTION_PLANNED = _(
    "Delete “{name}”? It is in your plan: it is taken out of the plan, and its planned "
    "times stop reminding you. Its file and pictures are moved to the trash if this "
    "computer has one, or else removed for good. Your history is kept."
)
DELETE_BUTTON = _("Delete")
CANCEL_BUTTON = _("Cancel")
TRASHED = _("“{name}” was moved to the trash.")
REMOVED = _("“{name}” was deleted.")
FAILED = _("“{name}” could not be deleted ({reason}).")
OPEN_IN_EDITOR = _("“{name}” is open in the routine editor: close its window first.")
PLAN_FAILED = _(
    "“{name}” was deleted, but the plan could not be changed ({reason}); remove it in the "
    "Plan window."
)


class DeleteQuestion:
    """Whether to delete; tests replace ``ask`` (pytest-qt's note on dialogs)."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, QUESTION_TITLE, text, parent=parent)
        delete = box.addButton(DELETE_BUTTON, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(CANCEL_BUTTON, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is delete


@dataclass(frozen=True)
class Deleted:
    """What became of a delete: the words to show; ``done`` when the routine is gone."""

    message: str
    done: bool


def deletable(found: Found | None) -> bool:
    return found is not None and not found.builtin


def routine_name(found: Found) -> str:
    routine = found.result.routine
    return routine.name if routine is not None else found.path.name


def own_folder(path: Path, routines: Path) -> Path | None:
    """The folder that is this routine's alone (as Save lays it out: ``routine.yaml`` and
    its pictures, its draft), which goes with it; None for a loose file."""
    folder = path.parent
    if path.name != ROUTINE_FILE or folder.resolve() == routines.resolve():
        return None
    others = [p for p in folder.glob("*.yaml") if p.name != ROUTINE_FILE]
    return None if others else folder


def move_to_trash(target: Path) -> bool:
    """Into the freedesktop trash (Qt's); False when there is none to move it to."""
    data_home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    if data_home:  # Qt makes Trash/ inside it, not the folder itself
        Path(data_home).mkdir(parents=True, exist_ok=True)
    return bool(QFile.moveToTrash(str(target)))


def remove(target: Path) -> None:
    """Delete for good (no trash here); OSError if the disk refuses."""
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink()


class RoutineDeleter:
    """Deletes the person's routines in ``routines``; ``open_folders`` gives the folders
    the editor windows edit, ``store`` holds the plan (None: no history, no plan)."""

    def __init__(
        self,
        routines: Path,
        *,
        store: HistoryStore | None = None,
        open_folders: Callable[[], Collection[Path]] = tuple,
    ) -> None:
        self.routines = routines
        self.store = store
        self.open_folders = open_folders

    def planned(self, path: Path) -> bool:
        if self.store is None:
            return False
        plan = self.store.plan()
        return len(plan.without_file(path).entries) != len(plan.entries)

    def in_editor(self, path: Path) -> bool:
        return any(same_file(folder, path.parent) for folder in self.open_folders())

    def delete(self, found: Found, parent: QWidget | None) -> Deleted | None:
        """Ask, then delete ``found``; None when nothing was done (built in, cancelled)."""
        if not deletable(found):
            return None
        name = routine_name(found)
        if self.in_editor(found.path):
            return Deleted(OPEN_IN_EDITOR.format(name=name), False)
        planned = self.planned(found.path)
        question = QUESTION_PLANNED if planned else QUESTION
        if not DeleteQuestion.ask(parent, question.format(name=name)):
            return None
        folder = own_folder(found.path, self.routines)
        target = folder if folder is not None else found.path
        try:
            if folder is not None or found.path.name == ROUTINE_FILE:
                drop_draft(found.path.parent)  # unsaved work on a routine asked to go
            trashed = move_to_trash(target)
            if not trashed:
                remove(target)
        except OSError as error:
            log.warning("could not delete %s: %s", target, error)
            return Deleted(FAILED.format(name=name, reason=error.strerror or error), False)
        words = (TRASHED if trashed else REMOVED).format(name=name)
        if planned and self.store is not None:
            try:
                self.store.save_plan(self.store.plan().without_file(found.path))
            except StoreError as error:
                return Deleted(PLAN_FAILED.format(name=name, reason=error), True)
        return Deleted(words, True)
