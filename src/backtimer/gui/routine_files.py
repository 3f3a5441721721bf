"""Routine files for the main window: open (menu, drag and drop, recent list) and the
dialog of located problems when a file is bad. The built-in routine always stays usable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from backtimer.core.loader import LoadResult, load_routine
from backtimer.core.problems import Problem
from backtimer.core.routine import Routine
from backtimer.gui.routine_errors import RoutineErrorsDialog
from backtimer.gui.slots import call_soon, connect_call

MAX_RECENT = 8


if TYPE_CHECKING:  # a mixin of the main window: type-check it as one
    _Base = QMainWindow
else:
    _Base = object


class RoutineFiles(_Base):
    """Mixed into the main window, which provides ``set_routine``, ``_settings`` and
    ``recent_menu``."""

    _settings: QSettings
    recent_menu: QMenu
    set_routine: Callable[[Routine], None]

    def show_routine_problems_later(self, result: LoadResult | None) -> None:
        """Once the window is up, show a bad routine's located messages (never blocks start)."""
        if result is not None and result.problems:
            call_soon(self._show_problems, result.problems)

    def _show_problems(self, problems: list[Problem]) -> None:
        RoutineErrorsDialog.ask(self, problems)

    def open_routine(self, path: Path) -> bool:
        result = load_routine(path)
        if result.routine is None:
            RoutineErrorsDialog.ask(self, result.problems)
            return False
        self.set_routine(result.routine)
        self._remember_recent(path)
        return True

    def open_routine_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a routine", str(Path.home()), "Routines (*.yaml *.yml)"
        )
        if name:
            self.open_routine(Path(name))

    def _open_builtin(self) -> None:
        from backtimer.core.loader import load_builtin

        self.set_routine(load_builtin())

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path.resolve())] + [p for p in self._recent() if p != str(path.resolve())]
        self._settings.setValue("recent_routines", recent[:MAX_RECENT])
        self._refresh_recent()

    def _recent(self) -> list[str]:
        value = self._settings.value("recent_routines", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            action = self.recent_menu.addAction(path)
            connect_call(action.triggered, self.open_routine, Path(path))
        self.recent_menu.setEnabled(bool(self._recent()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().endswith((".yaml", ".yml")):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.open_routine(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()
