"""``backtimer --tray [--routine FILE]``: the reminders process, without the main window.

One per person and data folder (a lock file in the data folder; a second one says so
and leaves). It reads the plan from the history, plus FILE's prescription for a routine
the plan does not have, and opens the window with ``launcher`` on *Start now*.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys

from PySide6.QtCore import QLockFile, QObject, QSettings
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from backtimer.core.history.store import HistoryStore
from backtimer.core.paths import data_dir
from backtimer.core.programme.due import local_zone
from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.gui.programme import texts
from backtimer.gui.programme.autostart import Autostart, tray_command
from backtimer.gui.programme.launcher import open_window, window_command
from backtimer.gui.programme.notifier_choice import choose_notifier
from backtimer.gui.programme.plan_window import PlanWindow, open_plan_window
from backtimer.gui.programme.tray import StartRequest, Tray

log = logging.getLogger(__name__)

LOCK_NAME = "tray.lock"


def wall_clock() -> dt.datetime:
    """Now, as an aware instant (the tray's wall clock)."""
    return dt.datetime.now(dt.UTC)


class PlanOpener(QObject):
    """The tray's Plan window, made on first use."""

    def __init__(self, tray: Tray, store: HistoryStore | None, extra: list[Routine]) -> None:
        super().__init__(tray)
        self._tray = tray
        self._store = store
        self._extra = extra
        self._window: PlanWindow | None = None

    def show(self) -> None:
        if self._window is None:
            self._window = open_plan_window(self._store, None, self._extra)
            self._window.plan_saved.connect(self._tray.wake)
        self._window.show()
        self._window.raise_()


class TrayWindowOpener:
    """Opens the window for a :class:`StartRequest` with this tray's options."""

    def __init__(self, options: argparse.Namespace) -> None:
        self.options = options
        self.pids: list[int] = []  #: the windows it started

    def open(self, request: StartRequest) -> None:
        command = window_command(
            routine=request.routine,
            exercises=request.exercises,
            data_dir=self.options.data_dir,
            silent=bool(self.options.silent),
        )
        self._open(command)

    def open_checkin(self) -> None:
        """The window without a session: it asks the morning question at launch."""
        self._open(
            window_command(
                routine=None,
                data_dir=self.options.data_dir,
                silent=bool(self.options.silent),
                start=False,
            )
        )

    def _open(self, command: list[str]) -> None:
        pid = open_window(command)
        if pid is not None:
            self.pids.append(pid)


def run_tray(options: argparse.Namespace) -> int:
    from backtimer.gui.qt_language import install_qt_translations

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    install_qt_translations(app)  # Qt's own words in the language in use
    app.setOrganizationName("BackTimer")
    app.setApplicationName("BackTimer")
    app.setDesktopFileName("backtimer")
    folder = data_dir(options.data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(folder / LOCK_NAME))
    if not lock.tryLock(0):
        print(texts.ALREADY_RUNNING, file=sys.stderr)
        return 0
    from backtimer.gui.system_end import SystemEnd

    ending = SystemEnd(app, parent=app)
    ending.install()
    opened = HistoryStore.open(folder)
    if opened.message:
        log.warning("history: %s", opened.message)
    extra: list[Routine] = []
    problem = ""
    if options.routine is not None:
        loaded = load_routine(options.routine)
        if loaded.routine is not None:
            extra.append(loaded.routine)
        else:
            problem = texts.BAD_ROUTINE.format(file=options.routine)
    if not QSystemTrayIcon.isSystemTrayAvailable():
        log.warning(texts.NO_TRAY)
    tray = Tray(
        store=opened.store,
        builtin=load_builtin(),
        extra=tuple(extra),
        notifier_factory=choose_notifier,
        now=wall_clock,
        zone=local_zone,
        autostart=Autostart(tray_command(options.data_dir, options.routine)),
        settings=QSettings(),
        parent=app,
    )
    opener = TrayWindowOpener(options)
    tray.start_requested.connect(opener.open)
    tray.checkin_requested.connect(opener.open_checkin)
    plans = PlanOpener(tray, opened.store, extra)
    tray.plan_requested.connect(plans.show)
    tray.menu.quit_action.triggered.connect(app.quit)
    ending.stop_requested.connect(app.quit)
    tray.begin()
    if problem:
        tray.icon.showMessage("BackTimer", problem)
    try:
        return app.exec()
    finally:
        tray.stop()
        ending.uninstall()
        if opened.store is not None:
            opened.store.close()
        lock.unlock()
