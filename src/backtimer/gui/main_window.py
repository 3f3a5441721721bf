"""The main window: wiring only. It owns, by composition, its widgets and menus
(``WindowParts``), the routine files (``RoutineFiles``), what is shown of a session
(``SessionScreen``) and the session (``Session``: engine and driver). Commands go one way:
key or button → ``trigger`` → the session's command (the engine's name) → the engine."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from backtimer.core.clock import monotonic
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _, ngettext
from backtimer.core.programme.micro import only_exercises
from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.plan import plan_session
from backtimer.core.session.step_rows import step_rows
from backtimer.core.session.timeline import PhaseKind, planned_seconds
from backtimer.gui.care.controller import CareController
from backtimer.gui.editor.hookup import RoutineEditing
from backtimer.gui.history.goals_line import goals_text
from backtimer.gui.keys import Action, action_for
from backtimer.gui.language_menu import LanguageMenu
from backtimer.gui.listen.voice_stop import VoiceStop
from backtimer.gui.programme.today_line import today_text
from backtimer.gui.routine_files import RoutineFiles
from backtimer.gui.routine_gone import RoutineGone
from backtimer.gui.screen_reader import ScreenReader
from backtimer.gui.session_screen import SessionScreen
from backtimer.gui.slots import call_soon, connect_call
from backtimer.gui.sound.director import CueDirector
from backtimer.gui.sound.settings import SoundSettings
from backtimer.gui.window_layout import WindowParts
from backtimer.gui.window_place import WindowPlace

if TYPE_CHECKING:  # the history windows and the session load on first use, not at start-up
    from backtimer.core.session.record import PainChoice
    from backtimer.gui.history.goals_window import GoalsWindow
    from backtimer.gui.history.history_window import HistoryWindow
    from backtimer.gui.programme.plan_window import PlanWindow
    from backtimer.gui.session import Session
    from backtimer.gui.single_instance import Request

log = logging.getLogger(__name__)

SAFETY_NOTE = _(
    "Before you start: check with your medical provider that these stretches suit you. "
    "Stop or slow down whenever something hurts. BackTimer is not a medical device."
)
UNDERSTOOD = _("I understand")
VISUAL_ONLY = _("Visual cues only. {problems}")
SETTINGS_LATER = _("The new sound settings apply from the next session.")
SOUND_BACK = _("Sound is back.")
ROUTINE_WHILE_RUNNING = _("Finish or end the session before opening another routine.")
WINDOW_TITLE = _("BackTimer — {routine}")
SOUND_OFF = _("Sound off (M to turn it on)")
SOUND_ON = _("Sound on")
NO_HISTORY = _("Your history cannot be opened; see the message above.")
NO_GOALS = _("Your goals cannot be opened; see the message above.")


class MainWindow(QMainWindow):
    """BackTimer's window. ``clock`` is injectable so tests can drive whole sessions."""

    #: the window's first frame is on screen (what is not needed for it may start now)
    first_painted = Signal()

    def __init__(
        self,
        routine: Routine,
        *,
        data_folder: Path,
        silent: bool = False,
        listen: bool = False,
        clock: Callable[[], float] = monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._data_folder = data_folder
        self._silent = silent
        self._settings = QSettings()
        self._session: Session | None = None
        self._pending_cues = False
        self._sound_missing = False
        self._history_window: HistoryWindow | None = None
        self._goals_window: GoalsWindow | None = None
        self._plan_window: PlanWindow | None = None
        self._routine = routine
        self._painted = False
        self._watching_keys = False  #: the application-wide key filter is installed
        self.setAcceptDrops(True)
        self.parts = WindowParts(self, routine)
        self._store = self._open_store()
        self.care = CareController(self._store, self, parent=self)
        self.cues = self._make_cues()
        self.routine_files = RoutineFiles(self._settings, self.parts.recent_menu, self)
        self.routine_editing = RoutineEditing(self, self.parts, data_folder, self._store)
        self.session_screen = SessionScreen(self.parts, parent=self)
        self.routine_gone = RoutineGone(self.parts, parent=self)
        self.screen_reader = ScreenReader(self, parent=self)
        self.language_menu = LanguageMenu(self.parts.view_menu, self.parts.banner, parent=self)
        self._listen = listen  #: --listen: voice stop for this run, whatever the settings say
        self.voice_stop = VoiceStop(self.parts.listening_mark, parent=self)
        self._configure_voice_stop()
        self._wire()
        self.set_routine(routine)
        self._refresh_goals()
        self.place = WindowPlace(self, self._settings)
        self.place.restore()

    def _wire(self) -> None:
        """Every part's intent to the window's slots: each key, button and menu entry
        through ``trigger`` or a slot here."""
        parts = self.parts
        parts.step_list.exercise_selected.connect(self._on_exercise_selected)
        parts.step_list.section_selected.connect(self._on_section_selected)
        parts.pain.choice_made.connect(self._on_pain_choice)
        parts.summary.history_requested.connect(self.show_history)
        parts.safety.dismissed.connect(self._safety_seen)
        connect_call(parts.back_button.clicked, self.trigger, Action.BACK)
        connect_call(parts.next_button.clicked, self.trigger, Action.NEXT)
        parts.start_button.clicked.connect(self._on_start_clicked)
        parts.pain_button.clicked.connect(self.pain_stop)
        self.routine_editing.open_requested.connect(self.routine_files.open_routine)
        self.routine_editing.try_requested.connect(self.set_routine)
        connect_call(self.routine_editing.try_requested, self.start_session)
        self.routine_editing.routine_deleted.connect(self._on_routine_deleted)
        self.routine_gone.fall_back.connect(self.set_routine)
        parts.builtin_action.triggered.connect(self.routine_files.open_builtin)
        connect_call(parts.distance_action.triggered, self.trigger, Action.DISTANCE)
        parts.history_action.triggered.connect(self.show_history)
        parts.goals_action.triggered.connect(self.show_goals)
        parts.plan_action.triggered.connect(self.show_plan)
        parts.sound_action.triggered.connect(self.open_sound_settings)
        connect_call(parts.keys_action.triggered, self.trigger, Action.HELP)
        parts.quit_action.triggered.connect(self.close)
        parts.about_action.triggered.connect(self.show_about)
        self.routine_files.routine_chosen.connect(self.set_routine)
        self.session_screen.session_finished.connect(self._refresh_goals)
        self.session_screen.session_finished.connect(self._on_session_over)
        self.session_screen.session_finished.connect(self.routine_gone.session_over)
        parts.pain.red_flags_requested.connect(self.care.open_red_flags)
        self.care.message.connect(parts.banner.show_message)
        self.care.speak.connect(self._say)
        self.care.add_menu(self.menuBar())
        connect_call(self.voice_stop.heard, self.trigger, Action.PAIN)  # what Esc does
        self.voice_stop.problem.connect(self.parts.banner.show_message)

    def _open_store(self) -> HistoryStore | None:
        result = HistoryStore.open(self._data_folder)
        if result.message:
            call_soon(self.parts.banner.show_message, result.message)  # once the window is up
        return result.store

    def _make_cues(self) -> CueDirector:
        """The best sound this machine allows; ``--silent``: none (no player, no synthesizer)."""
        settings = SoundSettings.load()
        players = None
        if self._silent:
            from backtimer.gui.sound.choice import Players
            from backtimer.gui.sound.silent import SilentPlayer

            players = Players(SilentPlayer(), SilentPlayer())
        # The player process (about 0.3 s of CPU to start) waits for the window's first
        # paint, or for the first sound, so the two do not share the CPU at start-up.
        director = CueDirector(
            self._routine, settings, parent=self, players=players, start_output=self._painted
        )
        director.problems_changed.connect(self._on_sound_problems)
        director.set_muted(bool(self._settings.value("muted", False, type=bool)))
        if director.problems:
            call_soon(self._on_sound_problems, director.problems)
        return director

    def open_sound_settings(self) -> None:
        """Beeps, voice, volume, rate, announcements; applied at once unless a session runs
        (its speech is already rendered), then from the next session."""
        from backtimer.gui.sound.settings_dialog import SettingsDialog

        chosen = SettingsDialog.ask(self, self.cues.settings)
        if chosen is None:
            return
        chosen.save()
        if self._session is not None and self._session.active:
            self._pending_cues = True
            self.parts.banner.show_message(SETTINGS_LATER)
            return
        self._replace_cues()

    def _replace_cues(self) -> None:
        self._pending_cues = False
        self.cues.shutdown()  # ends its player process
        self.cues.deleteLater()
        self.cues = self._make_cues()
        self._configure_voice_stop()

    def _configure_voice_stop(self) -> None:
        settings = self.cues.settings
        self.voice_stop.configure(self._listen or settings.listen, settings.stop_words)

    def _on_sound_problems(self, messages: list[str]) -> None:
        if messages:
            self.parts.banner.show_message(VISUAL_ONLY.format(problems=" ".join(messages)))
            self._sound_missing = True
        elif self._sound_missing:
            self.parts.banner.show_message(SOUND_BACK)
            self._sound_missing = False

    def set_routine(self, routine: Routine) -> None:
        """Show ``routine`` ready to start; refused while a session runs."""
        if self._session is not None and self._session.active:
            self.parts.banner.show_message(ROUTINE_WHILE_RUNNING)
            return
        self._routine = routine
        self.routine_editing.set_shown(routine)
        self.care.pain_limit = routine.pain_limit  # the prescription's "stop above N/10"
        self.parts.pain.set_pain_limit(routine.pain_limit)
        routine = self.care.today(routine)  # with the care changes in effect
        self.setWindowTitle(WINDOW_TITLE.format(routine=routine.name))
        self.parts.routine_label.setText(routine.name)
        plan = plan_session(routine)  # what the engine will start from
        self.parts.step_model.set_routine(routine, step_rows(routine, plan))
        self.parts.step_panel.set_routine(routine)
        self.parts.summary.set_routine(routine)
        minutes = round(planned_seconds(plan) / 60)
        self.parts.time_label.setText(
            ngettext("about {n} min", "about {n} min", minutes).format(n=minutes)
        )
        self.session_screen.show_idle(routine, plan)

    # ----- session ------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        return self._session

    def start_session(self) -> None:
        """Begin the lead-in; everything after it advances by itself (hands-free).

        The first-run safety note shows as a banner on the lead-in, never a dialog that
        would wait for a click."""
        if self._session is not None and self._session.active:
            return
        from backtimer.gui.session import Session, recent_pain  # not needed to show the window

        routine = self.care.today(self._routine)
        if self.care.all_stopped_message(routine):
            self.parts.banner.show_message(self.care.all_stopped_message(routine))
            return
        if routine != self.parts.step_model.routine():
            self.set_routine(self._routine)  # changed since shown (a stop for today)
        if self._session is not None:
            self._session.shutdown()
        if self._pending_cues:
            self._replace_cues()
        self._session = Session(
            routine,
            clock=self._clock,
            store=self._store,
            cues=self.cues,
            gentle=recent_pain(self._store, routine),
            parent=self,
        )
        self._session.problem.connect(self.parts.banner.show_message)
        self.session_screen.follow(self._session)
        self._session.happened.connect(self.screen_reader.on_event)
        notices = [self._session.gentle_notice(), self.care.in_effect_message(routine)]
        if any(notices):  # two whole messages, one after the other
            self.parts.banner.show_message("\n".join(n for n in notices if n))
        if not self._settings.value("safety_note_seen", False, type=bool):
            self.parts.safety.show_message(SAFETY_NOTE, button=UNDERSTOOD)
        self.voice_stop.follow(self._session.happened, self.cues.own_sound)
        self._session.start()  # the lead-in's start holds the screen awake
        self.care.ask_before(self._session)

    def end_by_system(self) -> None:
        """The program is being stopped (SIGTERM, Ctrl+C, logout): a running session ends
        as ended by the system, every hold kept. The window stays until it is closed."""
        self.routine_editing.close_editors_keeping_drafts()  # no question holds up a logout
        if self._session is not None:
            self._session.end_by_system()

    def follow_request(self, request: Request) -> None:
        """A later launch's ``--routine`` and ``--start``, as if given to this one."""
        self.bring_forward()
        if request.routine is not None or request.exercises:
            if self._session is not None and self._session.active:
                self.parts.banner.show_message(ROUTINE_WHILE_RUNNING)  # and no dialog mid-hold
            elif (
                request.routine is None or self.routine_files.open_routine(request.routine)
            ) and request.exercises:  # a micro-session; without a routine, the built-in's
                base = self._routine if request.routine else load_builtin()
                self.set_routine(only_exercises(base, ",".join(request.exercises)))
        if request.start:
            self.start_session()

    def bring_forward(self) -> None:
        """Un-minimise and raise the window (the desktop may still keep the focus away)."""
        state = self.windowState() & ~Qt.WindowState.WindowMinimized
        self.setWindowState(state | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    def _safety_seen(self) -> None:
        self._settings.setValue("safety_note_seen", True)

    def _on_start_clicked(self) -> None:
        if self._session is None or not self._session.active:
            self.start_session()
        else:
            self.trigger(Action.TOGGLE_PAUSE)

    def pain_stop(self) -> None:
        """Freeze everything at once: sound first, then time, then the picture."""
        session = self._session
        if session is None or not session.active or session.in_pain:
            return
        session.pain()
        self.care.put_away()
        self.session_screen.show_pain()

    def _on_pain_choice(self, choice: PainChoice, rating: object, note: str) -> None:
        if self._session is None:
            return
        self.session_screen.hide_pain()
        site = self.parts.pain_panel.site()
        choice = self.care.after_pain(self._session, choice, site)  # spread: stop it today
        self._session.resolve_pain(choice, rating if isinstance(rating, int) else None, note, site)
        if self.care.stop_pending:
            if self._session.active and not self._session.paused:
                self._session.toggle_pause()  # no cue talks over the reason
            self.care.tell_stop(paused=self._session.paused)
        self.setFocus()

    def _on_session_over(self) -> None:
        if self._session is not None:
            self.care.session_over(self._session)

    def _say(self, text: str) -> None:
        self.cues.say(text)

    def trigger(self, action: Action) -> None:
        """Do what a key or a button asks; commands that need a session wait for one."""
        session = self._session
        if action is Action.PAIN:
            self.pain_stop()
        elif action is Action.HELP:  # F1 is also Help → Keys: a second press closes it
            if self.parts.help.isVisible():
                self.parts.help.close_overlay()
            else:
                self.parts.help.open()
        elif action is Action.DISTANCE:
            self.set_distance_mode(not self.distance_mode)
        elif action is Action.MUTE:
            muted = not self._settings.value("muted", False, type=bool)
            self._settings.setValue("muted", muted)
            if session is not None:
                session.set_muted(muted)
            self.parts.banner.show_message(SOUND_OFF if muted else SOUND_ON)
        elif action is Action.TOGGLE_PAUSE and (session is None or not session.active):
            self.start_session()
        elif session is None or not session.active or session.in_pain:
            return
        elif action is Action.TOGGLE_PAUSE:
            session.toggle_pause()
        elif action is Action.NEXT:
            session.next()
        elif action is Action.BACK:
            session.back()
        elif action is Action.HOLD_LONGER:
            session.adjust_hold(+5)
        elif action is Action.HOLD_SHORTER:
            session.adjust_hold(-5)
        self.session_screen.refresh_time()

    def _on_exercise_selected(self, index: int) -> None:
        if self._session is not None and self._session.active and not self._session.in_pain:
            self._session.jump_to_exercise(index)

    def _on_section_selected(self, section: str) -> None:
        """Warm-up and cool-down rows: jump to their first movement."""
        session = self._session
        if session is None or not session.active or session.in_pain:
            return
        kind = PhaseKind.WARMUP if section == "warmup" else PhaseKind.COOLDOWN
        session.jump_to_section(kind)

    @property
    def distance_mode(self) -> bool:
        return self.parts.distance_mode

    def set_distance_mode(self, on: bool) -> None:
        """Full screen with nothing but picture, side, phase, countdown and pain button."""
        if on:
            self.place.remember_before_full_screen()
        self.parts.set_distance_mode(on)
        if on:
            screen = self.screen()
            if screen is not None:
                # Without a window manager (a bare X server, a kiosk) the full-screen
                # request is ignored: cover the screen ourselves as well.
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.showNormal()
            self.place.left_full_screen()
        self.parts.fit_pain_label(self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            call_soon(self.cues.start_output)  # once this frame is on screen
            call_soon(self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        # Keys are watched once the first frame is on screen (no key can reach a window
        # that is not). Not before: the layout's geometry animation as the window shows
        # would pass Qt's private animation timer through this Python filter, and
        # PySide6 then creates every QObject class it knows (~30 ms) to name it.
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._watching_keys = True
        call_soon(self.parts.pain.build)  # the next turn (pain — stop builds it sooner)
        self.first_painted.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A key that reaches the window before its filter is in (the first frame's own
        # turn of the event loop) does what it would do a moment later.
        if not self._watching_keys and self.eventFilter(self, event):
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.parts.fit_pain_label(self.height())

    # ----- keys, files dropped, other windows ------------------------------------------
    @property
    def pain_panel_shown(self) -> bool:
        """The four choices after pain — stop are on screen."""
        return self.session_screen.pain_shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys reach the window wherever focus is, except while the pain panel takes its
        own keys (E/G/S/R, typing a note) or a dialog is up."""
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(watched, QWidget)
            or watched.window() is not self
        ):
            return False
        if self.parts.help.isVisible():
            return False  # the overlay closes itself on any key
        if self.pain_panel_shown:
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        action = action_for(key_event.key())
        if action is None or key_event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        if key_event.isAutoRepeat() and action is not Action.PAIN:
            return True
        self.trigger(action)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.routine_files.accepts_drag(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.routine_files.open_dropped(event.mimeData()):
            event.acceptProposedAction()

    def show_about(self) -> None:
        from backtimer.gui.about import AboutDialog

        AboutDialog.ask(self)

    def show_history(self) -> None:
        from backtimer.gui.history.history_window import HistoryWindow

        if self._store is None:
            self.parts.banner.show_message(NO_HISTORY)
            return
        names = {e.id: e.name for e in self._routine.exercises}
        if self._history_window is None:
            self._history_window = HistoryWindow(
                self._store, exercise_names=names, routine=self._routine
            )
        else:
            self._history_window.reload()
        self._history_window.show()
        self._history_window.raise_()

    def show_goals(self) -> None:
        from backtimer.gui.history.goals_window import GoalsWindow

        if self._store is None:
            self.parts.banner.show_message(NO_GOALS)
            return
        if self._goals_window is None:
            self._goals_window = GoalsWindow(self._store)
            self._goals_window.goals_changed.connect(self._refresh_goals)
        self._goals_window.show()
        self._goals_window.raise_()

    def show_plan(self) -> None:
        """The Plan window (gui/programme/plan_window.py), for the routines at hand."""
        from backtimer.gui.programme.plan_window import open_plan_window

        if self._plan_window is None:
            self._plan_window = open_plan_window(self._store, self._routine)
            self._plan_window.plan_saved.connect(self._refresh_goals)
        self._plan_window.show()
        self._plan_window.raise_()

    def _on_routine_deleted(self, path: Path) -> None:
        """Routine → Open deleted ``path``: neither the Plan window nor this one keeps it."""
        if self._plan_window is not None:
            self._plan_window.forget_file(path)
        self.routine_files.forget(path)
        running = self._session is not None and self._session.active
        self.routine_gone.deleted(path, self._routine, running=running)
        self._refresh_goals()  # today's planned sessions may be fewer

    def _refresh_goals(self) -> None:
        """One line per open goal under the routine's name: on track, behind, met, overdue."""
        lines = (today_text(self._store), goals_text(self._store))
        self.parts.set_goals_text("\n".join(line for line in lines if line))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-session ends it properly, so the record says what happened."""
        if not self.routine_editing.close_editors():  # an editor's unsaved work: Cancel
            event.ignore()
            return
        self.place.save()
        if self._session is not None:
            self._session.end()
            self._session.shutdown()
        self.cues.shutdown()
        self.voice_stop.shutdown()
        self.care.shutdown()
        for child in (self._history_window, self._goals_window, self._plan_window):
            if child is not None:
                child.close()
        if self._store is not None:
            self._store.close()
            self._store = None  # closed: no window, menu entry or line may use it again
        self.session_screen.shutdown()
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        super().closeEvent(event)
