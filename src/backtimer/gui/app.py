"""Start the windowed program: QApplication, the routine, the history, the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from backtimer.core.i18n import _
from backtimer.core.paths import data_dir
from backtimer.core.programme.micro import only_exercises
from backtimer.core.routine_file.loader import LoadResult, load_builtin, load_routine

log = logging.getLogger(__name__)

LISTEN_AT_LATEST_MS = 3000  #: the single-instance server starts by then, painted or not
ORGANIZATION = "BackTimer"
APPLICATION = "BackTimer"
NOT_WRITTEN = _("(not written)")
UNEXPECTED = _(
    "Something went wrong inside BackTimer. Your history is saved.\nDetails were written to {file}."
)


def _install_excepthook(log_folder: Path) -> None:
    """An unexpected error is logged to a file and told in one calm sentence, never as a
    traceback; the session's record is already on disk hold by hold."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log_file = log_folder / "errors.log"
        try:
            log_folder.mkdir(parents=True, exist_ok=True)
            with log_file.open("a", encoding="utf-8") as f:
                f.write(text + "\n")
        except OSError:
            log_file = Path(NOT_WRITTEN)
        log.error("unexpected error: %s", value)
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.warning(
                None,
                "BackTimer",
                UNEXPECTED.format(file=log_file),
            )

    sys.excepthook = hook


def run_app(options: argparse.Namespace) -> int:
    """The window program; exit status 0 also when the system stops it (SIGTERM, Ctrl+C,
    logout), since the session is then ended and saved properly."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from backtimer.desktop_install import APP_ID
    from backtimer.gui.app_icon import app_icon
    from backtimer.gui.gui_thread_gc import GuiThreadCollector
    from backtimer.gui.main_window import MainWindow
    from backtimer.gui.qt_language import install_qt_translations
    from backtimer.gui.single_instance import Request, SingleInstance
    from backtimer.gui.system_end import SystemEnd

    app = QApplication(sys.argv[:1])
    install_qt_translations(app)  # Qt's own buttons and dialogs in the language in use
    GuiThreadCollector(app)  # before any worker thread: no Qt object dies off this thread
    folder = data_dir(options.data_dir)
    # Before anything slow: a second launch only passes its arguments on and leaves.
    instance = SingleInstance(folder, parent=app)
    only = tuple(x.strip() for x in (getattr(options, "only", None) or "").split(",") if x.strip())
    request = Request.from_arguments(options.routine, options.start, exercises=only)
    if instance.hand_over(request, listen_later=True):  # listens once the window is painted
        return 0
    ending = SystemEnd(app, parent=app)
    ending.install()  # from here a SIGTERM waits for the event loop instead of killing
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(APP_ID)  # the menu entry's name: Wayland finds the icon by it
    app.setWindowIcon(app_icon())
    _install_excepthook(folder)

    from backtimer.gui.parsed_folder import use_parsed_folder

    use_parsed_folder()  # a later start reads the built-in routine and poses as parsed
    routine = load_builtin()
    problems: LoadResult | None = None
    if options.routine is not None:
        result = load_routine(options.routine)
        if result.routine is not None:
            routine = result.routine
        else:
            problems = result

    if getattr(options, "only", None):
        routine = only_exercises(routine, options.only)
    from backtimer.gui.looks import Looks

    Looks(app)  # light, dark or high contrast as the system says; the focus ring
    window = MainWindow(routine, data_folder=folder, silent=options.silent, listen=options.listen)
    window.routine_files.show_problems_later(problems)
    if options.fullscreen:
        window.set_distance_mode(True)
    window.show()
    # First-run safety questions (after the session, with --start), the morning check-in.
    window.care.start_of_day(session_starting=options.start)
    if options.start:
        window.start_session()
    instance.request_received.connect(window.follow_request)
    window.first_painted.connect(instance.listen)
    # A window never painted (started on a hidden desktop) still serves later launches.
    QTimer.singleShot(LISTEN_AT_LATEST_MS, instance, instance.listen)
    ending.stop_requested.connect(window.end_by_system)
    ending.stop_requested.connect(app.quit)  # closes the windows (Qt 6), then leaves exec
    ending.save_requested.connect(window.end_by_system)
    app.aboutToQuit.connect(window.end_by_system)  # any other way out: never left running
    try:
        return app.exec()
    finally:
        ending.uninstall()
        instance.close()
