"""Routine files for the main window: open (menu, drag and drop, recent list) and the
dialog of located problems when a file is bad. The built-in routine always stays usable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from backtimer.core.i18n import _
from backtimer.core.routine_file.loader import LoadResult, load_routine
from backtimer.core.routine_file.problems import Problem
from backtimer.gui.slots import call_soon, connect_call

MAX_RECENT = 8
OPEN_TITLE = _("Open a routine")
ROUTINE_FILES = _("Routines (*.yaml *.yml)")


class RoutineFiles(QObject):
    """Opens routine files and keeps ``recent_menu`` (remembered in ``settings``) listing
    the last ones opened; dialogs open over ``dialog_parent``. What the person chose comes
    out as ``routine_chosen``; showing it (or refusing to, mid-session) is the window's."""

    #: a routine was chosen and loaded without problems (a Routine)
    routine_chosen = Signal(object)

    def __init__(self, settings: QSettings, recent_menu: QMenu, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._settings = settings
        self._recent_menu = recent_menu
        self._dialog_parent = dialog_parent
        self._refresh_recent()

    def show_problems_later(self, result: LoadResult | None) -> None:
        """Once the window is up, show a bad routine's located messages (never blocks start)."""
        if result is not None and result.problems:
            call_soon(self._show_problems, result.problems)

    def _show_problems(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        from backtimer.gui.routine_errors import RoutineErrorsDialog  # only when needed

        RoutineErrorsDialog.ask(self._dialog_parent, problems)

    def open_routine(self, path: Path) -> bool:
        """Load ``path``: its routine is chosen and the file remembered, or its problems
        are shown in a dialog (and False returned)."""
        result = load_routine(path)
        if result.routine is None:
            self._show_problems(result.problems)
            return False
        self.routine_chosen.emit(result.routine)
        self._remember_recent(path)
        return True

    def open_routine_dialog(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self._dialog_parent, OPEN_TITLE, str(Path.home()), ROUTINE_FILES
        )
        if name:
            self.open_routine(Path(name))

    def open_builtin(self) -> None:
        from backtimer.core.routine_file.loader import load_builtin

        self.routine_chosen.emit(load_builtin())

    @staticmethod
    def accepts_drag(mime: QMimeData) -> bool:
        """A local routine file is being dragged over the window."""
        urls = mime.urls()
        return bool(
            urls and urls[0].isLocalFile() and urls[0].toLocalFile().endswith((".yaml", ".yml"))
        )

    def open_dropped(self, mime: QMimeData) -> bool:
        """Open the first dropped local file; False when nothing local was dropped."""
        urls = mime.urls()
        if not (urls and urls[0].isLocalFile()):
            return False
        self.open_routine(Path(urls[0].toLocalFile()))
        return True

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path.resolve())] + [p for p in self._recent() if p != str(path.resolve())]
        self._settings.setValue("recent_routines", recent[:MAX_RECENT])
        self._refresh_recent()

    def forget(self, path: Path) -> None:
        """``path`` is gone (deleted in Routine → Open): the recent list stops offering it."""
        gone = str(path.resolve())
        recent = self._recent()
        if gone in recent:
            self._settings.setValue("recent_routines", [p for p in recent if p != gone])
            self._refresh_recent()

    def _recent(self) -> list[str]:
        value = self._settings.value("recent_routines", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _refresh_recent(self) -> None:
        self._recent_menu.clear()
        for path in self._recent():
            action = self._recent_menu.addAction(path)
            connect_call(action.triggered, self.open_routine, Path(path))
        self._recent_menu.setEnabled(bool(self._recent()))
