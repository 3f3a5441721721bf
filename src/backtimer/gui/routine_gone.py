"""When Routine → Open deletes the routine the main window shows.

The window must not go on offering a routine whose file is gone: it falls back to the
built-in routine and says so in its status line. A session running with the deleted
routine is left alone (its phases, cues and record come from the routine already loaded,
not from the file), and the fallback waits for it to end; the session's summary then
stays on screen, and the next Start is the built-in routine.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from backtimer.core.i18n import _
from backtimer.core.paths import same_file
from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.slots import call_soon
from backtimer.gui.window_layout import WindowParts

GONE = _("“{name}” was deleted, so the built-in routine is shown instead.")
GONE_AFTER_SESSION = _(
    "“{name}” was deleted during the session, so the next session is the built-in routine."
)


class RoutineGone(QObject):
    """Follows deletes for the main window, whose ``parts`` show the routine; the
    routine to show instead goes out as ``fall_back`` (the window's ``set_routine``)."""

    #: show this routine in place of the deleted one (a Routine)
    fall_back = Signal(object)

    def __init__(self, parts: WindowParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts = parts
        self._after_session: str | None = None  #: the deleted routine's name, waiting

    def deleted(self, path: Path, shown: Routine, *, running: bool) -> None:
        """``path`` was deleted while the window shows ``shown`` (a session running with
        it when ``running``)."""
        if not same_file(shown.source, path):
            return
        if running:
            self._after_session = shown.name
            return
        self.fall_back.emit(load_builtin())
        self._parts.banner.show_message(GONE.format(name=shown.name))

    def session_over(self) -> None:
        """The session has finished: once its summary is up, the fallback (if waiting)."""
        if self._after_session is not None:
            call_soon(self._fall_back_after_session)

    def _fall_back_after_session(self) -> None:
        name, self._after_session = self._after_session, None
        if name is None:
            return
        parts = self._parts
        summary = parts.pages.currentWidget() is parts.summary_page
        self.fall_back.emit(load_builtin())  # shows the idle stage …
        if summary:
            parts.pages.setCurrentWidget(parts.summary_page)  # … under the session's summary
        parts.banner.show_message(GONE_AFTER_SESSION.format(name=name))
