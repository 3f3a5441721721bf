"""The care controller: the window's one contact with pain-aware care.

It asks the check-ins (before and after a session, the next morning), stores them,
runs the care rules after a session and after the morning check-in, turns a pain event
that spread down the leg into a stop for the day, shows the red-flag screen (first run,
and from the pain panel), and keeps the changes window. It says what it did through
``message`` (the banner) and ``speak`` (the voice); nothing here waits for a click.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QMenuBar, QWidget

from backtimer.core.care.body import PainSite
from backtimer.core.care.changes import CareChange, ChangeStatus, dose_of
from backtimer.core.care.checkins import QUESTION, QUESTION_MORNING, CheckIn, CheckInKind
from backtimer.core.care.red_flags import RedFlag
from backtimer.core.care.rules import describe
from backtimer.core.care.stops import after_pain
from backtimer.core.formats import decimal
from backtimer.core.history import care_review
from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.routine import Routine
from backtimer.core.session.record import PainChoice
from backtimer.gui.care import morning_mark
from backtimer.gui.care.checkin import CheckInPrompt
from backtimer.gui.care.red_flags_dialog import RedFlagsDialog
from backtimer.gui.window_layout import menu_action

if TYPE_CHECKING:
    from backtimer.gui.care.changes_window import ChangesWindow
    from backtimer.gui.session import Session

log = logging.getLogger(__name__)

NEXT_TIME = _("Changed for next time: {changes} (Care ▸ Changes to see why or undo.)")
OFFERED = _("You could try a step up: {changes} (Care ▸ Changes to accept or decline.)")
ALL_STOPPED = _(
    "Every stretch in this routine is stopped for today because the pain spread. Rest, "
    "and if it does not settle, speak to your clinician."
)
IN_EFFECT = _("Changed by BackTimer after earlier sessions: {changes}. (Care ▸ Changes to undo.)")
DOSE_CHANGE = _("{exercise} {hold} s × {reps} (was {was_hold} s × {was_reps})")
STOPPED_TODAY = _("{exercise} stopped for today")
FIRST_RUN_KEY = "red_flags_first_run_done"
PAUSED_TO_READ = _("The session is paused so you can take this in: press Space to go on.")
#: Between the changes listed in IN_EFFECT.
CHANGES_SEPARATOR = _("; ")
MENU = _("&Care")
MENU_CHANGES = _("&Changes to your exercises…")
MENU_RED_FLAGS = _("&Safety questions…")


class CareController(QObject):
    #: a plain message for the window's banner
    message = Signal(str)
    #: words to say aloud (the stop for spreading pain)
    speak = Signal(str)

    def __init__(
        self,
        store: HistoryStore | None,
        host: QWidget,
        *,
        wall_clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._host = host
        self._now = wall_clock
        #: The routine's own "stop above N/10" (None: the traffic light alone). The
        #: routine's schedule (issue 13) carries it; the window sets it when it has one.
        self.pain_limit: int | None = None
        self.prompt = CheckInPrompt(host)
        self.prompt.answered.connect(self._on_answered)
        self.prompt.skipped.connect(self._on_skipped)
        self._asking_for: Session | None = None  #: the session a before/after check-in is about
        self._morning_for: int | None = None
        self._stop_words = ""  #: the reason for a stop for today, until it is told
        #: a session started while the morning question showed: its answer counts for both
        self._before_too = False
        #: the first-run safety questions wait for the end of a session started at launch
        self._red_flags_waiting = False
        self._routine: Routine | None = None  #: as loaded (changes are applied on top)
        self.red_flags: RedFlagsDialog | None = None
        self._red_flags_origin = ""
        self.changes_window: ChangesWindow | None = None

    # ----- the routine as today's session runs it ------------------------------------
    def today(self, routine: Routine) -> Routine:
        """``routine`` with the changes in effect (doses, today's stops)."""
        self._routine = routine
        if self._store is None:
            return routine
        try:
            return care_review.routine_today(self._store, routine, self._now())
        except Exception as error:  # noqa: BLE001 - an unreadable history must not block a start
            log.warning("care changes not applied: %s", error)
            return routine

    def in_effect_message(self, today: Routine) -> str:
        """What differs today from the routine as loaded ("" when nothing does)."""
        loaded = self._routine
        if loaded is None:
            return ""
        now = {e.id: e for e in today.exercises}
        parts = []
        for e in loaded.exercises:
            changed = now.get(e.id)
            if changed is None:
                parts.append(STOPPED_TODAY.format(exercise=e.name))
            elif (changed.hold, changed.reps) != (e.hold, e.reps):
                parts.append(
                    DOSE_CHANGE.format(
                        exercise=e.name,
                        hold=decimal(changed.hold),
                        reps=changed.reps,
                        was_hold=decimal(e.hold),
                        was_reps=e.reps,
                    )
                )
        return IN_EFFECT.format(changes=CHANGES_SEPARATOR.join(parts)) if parts else ""

    def all_stopped_message(self, routine: Routine) -> str:
        """What to say when today's routine has nothing left ("" when it has)."""
        return ALL_STOPPED if routine.exercises == () and self._routine is not None else ""

    # ----- check-ins --------------------------------------------------------------------
    def ask_before(self, session: Session) -> None:
        """The session's lead-in began: ask how the back is (or let the morning question
        that is showing answer for it too)."""
        self._asking_for = session
        if self.prompt.kind is not CheckInKind.MORNING and self._morning_due():
            # A window left open overnight: the first session of the day asks about the
            # morning after yesterday's (and the answer counts for both).
            self._ask_morning()
        if self.prompt.kind is CheckInKind.MORNING:
            self._before_too = True
            return
        self.prompt.ask(CheckInKind.BEFORE, QUESTION)
        self.speak.emit(QUESTION)  # on the mat, the person may not be looking

    def session_over(self, session: Session) -> None:
        """The session ended: ask how the back is now; the rules run once it is answered
        (or skipped)."""
        if self.prompt.kind is CheckInKind.BEFORE:
            self.prompt.skip()
        self._asking_for = session
        self.prompt.ask(CheckInKind.AFTER, QUESTION)
        self.speak.emit(QUESTION)

    def put_away(self) -> None:
        """Pain — stop: the question goes (its digit keys belong to the body map now)."""
        if self.prompt.kind is not None:
            self.prompt.skip()

    def start_of_day(self, *, session_starting: bool = False) -> None:
        """At launch: the safety questions the first time, and the next-morning check-in
        when it is due. With a hands-free start (``session_starting``) the questions wait
        for the end of that session: a window of questions must not take the keys from it."""
        settings = QSettings()
        if not settings.value(FIRST_RUN_KEY, False, type=bool):
            settings.setValue(FIRST_RUN_KEY, True)
            if session_starting:
                self._red_flags_waiting = True
            else:
                self.open_red_flags("first_run")
        if self._morning_due():
            self._ask_morning()

    def _ask_morning(self) -> None:
        morning_mark.mark_asked(self._morning_for)  # once per morning, window or tray
        self.prompt.ask(CheckInKind.MORNING, QUESTION_MORNING)

    def _morning_due(self) -> bool:
        """Whether the next-morning question is due now (and for which session)."""
        if self._store is None:
            return False
        try:
            due = care_review.morning_session(self._store, self._now(), morning_mark.asked_for())
        except Exception as error:  # noqa: BLE001 - never block the start for this
            log.warning("morning check-in: %s", error)
            return False
        if due is not None:
            self._morning_for = due
        return due is not None

    def _on_answered(self, kind: CheckInKind, rating: int) -> None:
        session_id = self._session_id_for(kind)
        answers = [(kind, session_id)]
        if kind is CheckInKind.MORNING and self._before_too and self._asking_for is not None:
            answers.append((CheckInKind.BEFORE, self._asking_for.session_id))
        self._before_too = False
        if self._store is not None:
            try:
                for what, about in answers:
                    self._store.add_checkin(CheckIn(self._now(), what, rating, about))
            except Exception as error:  # noqa: BLE001 - reported, never raised at a person
                self.message.emit(str(error))
        self._after_checkin(kind, session_id)

    def _on_skipped(self, kind: CheckInKind) -> None:
        self._before_too = False
        self._after_checkin(kind, self._session_id_for(kind))

    def _session_id_for(self, kind: CheckInKind) -> int | None:
        if kind is CheckInKind.MORNING:
            return self._morning_for
        return None if self._asking_for is None else self._asking_for.session_id

    def _after_checkin(self, kind: CheckInKind, session_id: int | None) -> None:
        if kind is CheckInKind.BEFORE:
            return
        if session_id is not None:
            self.review(session_id)
        if kind is CheckInKind.AFTER and self._red_flags_waiting:
            self._red_flags_waiting = False
            self.open_red_flags("first_run")

    # ----- the rules --------------------------------------------------------------------
    def review(self, session_id: int) -> list[CareChange]:
        """Run the care rules on ``session_id`` and say what changed."""
        if self._store is None or self._routine is None:
            return []
        try:
            before = self._store.care_changes()
            made = care_review.review_session(
                self._store,
                self._routine,
                session_id,
                pain_limit=self.pain_limit,
                now=self._now(),
            )
        except Exception as error:  # noqa: BLE001 - a failed review changes nothing
            log.warning("care review failed: %s", error)
            self.message.emit(str(error))
            return []
        applied = [self._describe(c, before) for c in made if c.status is ChangeStatus.APPLIED]
        offered = [self._describe(c, before) for c in made if c.status is ChangeStatus.OFFERED]
        if applied:
            self.message.emit(NEXT_TIME.format(changes=" ".join(applied)))
        if offered:
            self.message.emit(OFFERED.format(changes=" ".join(offered)))
        self._refresh_changes()
        return made

    def _describe(self, change: CareChange, before: list[CareChange]) -> str:
        routine = self._routine
        exercise = next(
            (
                e
                for e in (routine.exercises if routine else ())
                if e.id == change.proposal.exercise_id
            ),
            None,
        )
        if exercise is None:
            return change.proposal.reason
        earlier = [c for c in before if c.id < change.id]
        return describe(change.proposal, exercise.name, dose_of(exercise, earlier))

    def after_pain(self, session: Session, choice: PainChoice, site: PainSite | None) -> PainChoice:
        """A pain event is being resolved with ``site``: if the pain spread further down
        the leg than at this exercise's last event, stop the exercise for today (the
        choice becomes "skip this stretch" unless it was "end"), and say why."""
        if self._store is None or not session.record.pains:
            return choice
        pain = session.record.pains[-1]
        if pain.exercise_id is None:
            return choice
        name = next(
            (e.name for e in session.routine.exercises if e.id == pain.exercise_id),
            pain.exercise_id,
        )
        try:
            previous = care_review.previous_site(self._store, pain.exercise_id, pain.at)
            stop, words = after_pain(pain.exercise_id, name, previous, site, session.session_id)
            if stop is not None:
                care_review.record_stop(self._store, stop, self._now())
        except Exception as error:  # noqa: BLE001 - the choice stands; the person is told
            log.warning("pain site check failed: %s", error)
            return choice
        if stop is None:
            if words:
                self.message.emit(words)  # a good sign: said on screen, nothing changes
            return choice
        self._stop_words = words
        self._refresh_changes()
        return choice if choice is PainChoice.END else PainChoice.SKIP

    @property
    def stop_pending(self) -> bool:
        """``after_pain`` stopped a stretch whose reason is still to be told."""
        return bool(self._stop_words)

    def tell_stop(self, *, paused: bool) -> None:
        """Show and say why the stretch was stopped. The window pauses the session first
        (``paused``), so no cue talks over the reason and the person can take it in."""
        words, self._stop_words = self._stop_words, ""
        if not words:
            return
        self.message.emit(f"{words}\n{PAUSED_TO_READ}" if paused else words)
        self.speak.emit(words)

    # ----- red flags ----------------------------------------------------------------------
    def open_red_flags(self, origin: str = "pain_panel", *, activate: bool = True) -> None:
        """The safety questions, in a window of their own that blocks nothing."""
        if self.red_flags is not None:  # a fresh screen: answers are for now, not before
            self.red_flags.close()
            self.red_flags.deleteLater()
        self.red_flags = RedFlagsDialog(self._host)
        self.red_flags.answered.connect(self._on_red_flags)
        self._red_flags_origin = origin
        # At launch it must not take the keys from the window (a hands-free start).
        self.red_flags.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.red_flags.show()
        if activate:
            self.red_flags.raise_()
            self.red_flags.activateWindow()

    def _on_red_flags(self, answers: Mapping[RedFlag, bool]) -> None:
        if any(answers.values()):
            log.warning("red-flag screen: yes to %s", [f.value for f, y in answers.items() if y])
        if self._store is None:
            return
        try:
            self._store.add_red_flag_screen(self._now(), self._red_flags_origin, answers)
        except Exception as error:  # noqa: BLE001 - told, never raised
            self.message.emit(str(error))

    def add_menu(self, menu_bar: QMenuBar) -> None:
        """Care ▸ Changes to your exercises, Care ▸ Safety questions."""
        menu = menu_bar.addMenu(MENU)
        self.changes_action = menu_action(self._host, MENU_CHANGES, "changes")
        self.red_flags_action = menu_action(self._host, MENU_RED_FLAGS, "redFlags")
        self.changes_action.triggered.connect(self.show_changes)
        self.red_flags_action.triggered.connect(self.open_red_flags_from_menu)
        menu.addAction(self.changes_action)
        menu.addAction(self.red_flags_action)
        # Also the window's own: a hidden menu bar (distance mode) keeps its shortcuts.
        self._host.addActions([self.changes_action, self.red_flags_action])

    def open_red_flags_from_menu(self) -> None:
        self.open_red_flags("menu")

    # ----- the changes window -------------------------------------------------------------
    def show_changes(self) -> None:
        if self.changes_window is None:
            from backtimer.gui.care.changes_window import ChangesWindow  # first opened here

            self.changes_window = ChangesWindow()
            self.changes_window.decided.connect(self._on_decided)
        self._refresh_changes()
        self.changes_window.show()
        self.changes_window.raise_()

    def _refresh_changes(self) -> None:
        if self.changes_window is None or self._store is None:
            return
        try:
            changes = self._store.care_changes()
        except StoreError as error:  # told in the banner, never raised at a person
            self.message.emit(str(error))
            return
        rows = [(c, self._describe(c, changes)) for c in reversed(changes)]
        self.changes_window.set_changes(rows)

    def _on_decided(self, change_id: int, status: ChangeStatus) -> None:
        if self._store is None:
            return
        try:
            self._store.set_change_status(change_id, status, self._now())
        except Exception as error:  # noqa: BLE001 - told, never raised
            self.message.emit(str(error))
        self._refresh_changes()

    def shutdown(self) -> None:
        """The window is closing and closes the history next: nothing here may use it
        after this (a menu entry or a late answer finds no store and does nothing)."""
        self.prompt.skip()  # a pending after-session answer is reviewed while it is open
        self._store = None
        for window in (self.red_flags, self.changes_window):
            if window is not None:
                window.close()
