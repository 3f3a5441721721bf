"""The tray: waits for the next due session, reminds, and opens the window on *Start now*.

Waiting costs almost nothing: one single-shot timer to the next due time, and never
longer than ``reminders.MAX_SLEEP`` (a minute), so a suspend or a clock change is seen
within a minute; nothing else runs. At each wake it reads the plan and today's sessions
from the history (the window may have changed either) and asks the ``ReminderBook``.

The wall clock (``now``, aware) and the zone are injected; the timer's interval is the
wall-clock distance to the next wake, measured again at every wake. The icon's menu and
its options are ``tray_menu``'s.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from backtimer.core.history.faults import StoreError
from backtimer.core.history.shown_names import routine_name
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.adherence import DoneSession, done_keys
from backtimer.core.programme.day import effective_plan, sessions_on
from backtimer.core.programme.due import Due, local_instant
from backtimer.core.programme.plan import Plan
from backtimer.core.programme.reminders import Reminder, ReminderBook
from backtimer.core.programme.schedule import format_time
from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import load_routine
from backtimer.gui.programme import texts
from backtimer.gui.programme.autostart import Autostart
from backtimer.gui.programme.icon import tray_icon
from backtimer.gui.programme.morning import MorningQuestion
from backtimer.gui.programme.notifier import SKIP, SNOOZE, START, Notifier
from backtimer.gui.programme.reminder_text import reminder_notice
from backtimer.gui.programme.tray_menu import TrayMenu

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
ZoneFn = Callable[[], dt.tzinfo]


@dataclass(frozen=True)
class StartRequest:
    """What *Start now* opens: the routine's file (None: built-in) and a micro-session's
    exercises (() for the whole routine)."""

    routine: Path | None
    exercises: tuple[str, ...]
    routine_id: str


class Tray(QObject):
    """See the module docstring. ``start_requested`` is emitted for *Start now*; the
    caller (tray_app) opens the window."""

    #: the person asked to start a session (a :class:`StartRequest`)
    start_requested = Signal(object)
    #: a reminder was handed to the notifier (its notice)
    reminded = Signal(object)
    #: the person asked for the Plan window
    plan_requested = Signal()
    #: the person wants the window's own morning check-in (0–10)
    checkin_requested = Signal()

    def __init__(
        self,
        *,
        store: HistoryStore | None,
        builtin: Routine,
        extra: tuple[Routine, ...],
        notifier_factory: Callable[[QSystemTrayIcon], Notifier],
        now: Clock,
        zone: ZoneFn,
        autostart: Autostart | None = None,
        settings: QSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._builtin = builtin
        self._extra = extra
        self._now = now
        self._zone = zone
        self._plan = self._read_plan()
        self.book = ReminderBook(self._plan)
        self._notices: dict[str, Due] = {}
        self._last: Due | None = None
        self._chime: object = None
        self.icon = QSystemTrayIcon(self)
        self.icon.setIcon(tray_icon(0, 0))
        self.notifier = notifier_factory(self.icon)
        self.notifier.action_invoked.connect(self._on_action)
        self.morning = MorningQuestion(store, self.notifier, now, self.routine_for, parent=self)
        self.morning.open_requested.connect(self.checkin_requested)
        self.menu = TrayMenu(self.icon, autostart=autostart, settings=settings, parent=self)
        self.menu.start_requested.connect(self.start_now)
        self.menu.snooze_requested.connect(self._snooze_last)
        self.menu.skip_requested.connect(self._skip_last)
        self.menu.plan_requested.connect(self.plan_requested)
        self.icon.activated.connect(self._on_activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.wake)

    # -- waking -----------------------------------------------------------------------

    def begin(self) -> None:
        """Adopt the built-in routine's suggestion as the person's plan if they have
        none yet (reminders were asked for), show the icon, look at the clock."""
        self._adopt_suggestion()
        self.icon.show()
        self.wake()

    def _adopt_suggestion(self) -> None:
        store = self._store
        if store is None or store.read_only or store.plan().entries:
            return
        suggestion = effective_plan(Plan(), self._builtin)
        try:
            store.save_plan(suggestion, self._now().timestamp())
        except StoreError as error:
            log.warning("the suggested plan was not saved: %s", error)

    def stop(self) -> None:
        self.timer.stop()
        self.notifier.stop()
        self.icon.hide()

    def wake(self) -> None:
        """Look at the clock: remind if something is due, refresh, sleep until next."""
        now = self._now()
        zone = self._zone()
        plan = self._read_plan()
        if _entries(plan) != _entries(self._plan):
            self._plan = plan
            self.book.set_plan(plan, now, zone)
        reminder = self.book.wake(now, zone, self._done_today(now, zone))
        # The question first: where notices are the tray's one message balloon, the
        # reminder's then replaces it (and the window asks instead, see morning.py).
        self.morning.check(now, zone, reminded=reminder is not None)
        if reminder is not None:
            self._remind(reminder, zone)
        self._refresh(now, zone)
        wake = self.book.next_wake(now, zone)
        delay_ms = max(0, int((wake - now).total_seconds() * 1000))
        self.timer.start(delay_ms + (0 if delay_ms == 0 else 50))  # land just past it

    def routine_for(self, routine_id: str) -> Routine | None:
        """A routine the tray knows by id, as loaded (its file read now), or None."""
        for routine in (self._builtin, *self._extra):
            if routine.id == routine_id:
                return routine
        for entry in self._plan.entries:
            if entry.routine_id == routine_id and entry.routine_path is not None:
                return load_routine(entry.routine_path).routine
        return None

    def _read_plan(self) -> Plan:
        stored = self._store.plan() if self._store is not None else Plan()
        return effective_plan(stored, self._builtin, self._extra)

    def _sessions(self, now: dt.datetime, zone: dt.tzinfo) -> list[DoneSession]:
        if self._store is None:
            return []
        day = now.astimezone(zone).date()
        since = local_instant(day, dt.time(0), zone).timestamp()
        until = local_instant(day + dt.timedelta(days=1), dt.time(0), zone).timestamp()
        try:
            rows = self._store.sessions(since, until)
        except Exception as error:  # a locked or damaged file must not stop reminders
            log.warning("could not read today's sessions: %s", error)
            return []
        return [DoneSession(r.routine_id, r.started_at, r.holds) for r in rows]

    def _done_today(self, now: dt.datetime, zone: dt.tzinfo) -> set[tuple[dt.date, int, int]]:
        return done_keys(self._plan, now.astimezone(zone).date(), self._sessions(now, zone), zone)

    def _refresh(self, now: dt.datetime, zone: dt.tzinfo) -> None:
        today = sessions_on(
            self._plan, now.astimezone(zone).date(), zone, self._sessions(now, zone)
        )
        done, planned = sum(s.done for s in today), len(today)
        self.icon.setIcon(tray_icon(done, planned))
        next_line = texts.MENU_NOTHING
        upcoming = self.book.next_due(now, zone)
        if (
            upcoming is not None
            and upcoming.at.astimezone(zone).date() == now.astimezone(zone).date()
        ):
            entry = self._plan.entries[upcoming.entry]
            name = routine_name(entry.routine_id, entry.routine_name)
            time = format_time(upcoming.at.astimezone(zone).time())
            next_line = texts.MENU_NEXT.format(routine=name, time=time)
            self.icon.setToolTip(
                texts.TOOLTIP.format(routine=name, time=time, done=done, planned=planned)
            )
        else:
            self.icon.setToolTip(texts.TOOLTIP_NOTHING.format(done=done, planned=planned))
        today_line = texts.MENU_TODAY.format(done=done, planned=planned)
        self.menu.show_day(next_line, today_line, reminded=self._last is not None)

    # -- reminding --------------------------------------------------------------------

    def _remind(self, reminder: Reminder, zone: dt.tzinfo) -> None:
        due = reminder.due
        notice = reminder_notice(reminder, self._plan, (self._builtin, *self._extra))
        self._notices[notice.key] = due
        self._last = due
        self.notifier.show(notice)
        self._play_chime()
        self.reminded.emit(notice)

    def _on_action(self, key: str, action: str) -> None:
        due = self._notices.get(key)
        if due is None:
            return
        self._last = due
        if action == START:
            self._start(due)
        elif action == SNOOZE:
            self.book.snooze(due, self._now())
        elif action == SKIP:
            self.book.skip(due)
        self.wake()

    def start_now(self) -> None:
        """*Start now* from the menu: the last reminded session, or the next one planned."""
        now, zone = self._now(), self._zone()
        due = self._last or self.book.next_due(now, zone)
        if due is None:
            self.start_requested.emit(StartRequest(None, (), self._builtin.id))
            return
        self._start(due)
        self.wake()

    def _start(self, due: Due) -> None:
        entry = self._plan.entries[due.entry]
        slot = entry.schedule.slots[due.slot]
        self.book.skip(due)  # started: never remind of it again
        self._last = None
        self.start_requested.emit(
            StartRequest(entry.routine_path, slot.exercises, entry.routine_id)
        )

    def _snooze_last(self) -> None:
        if self._last is not None:
            self.book.snooze(self._last, self._now())
            self.wake()

    def _skip_last(self) -> None:
        if self._last is not None:
            self.book.skip(self._last)
            self._last = None
            self.wake()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.menu.popup()

    # -- the chime ----------------------------------------------------------------------

    def _play_chime(self) -> None:
        if not self.menu.chime:
            return
        from backtimer.gui.programme.chime import Chime

        if self._chime is None:
            self._chime = Chime(self)
        self._chime.play()  # type: ignore[attr-defined]


def _entries(plan: Plan) -> tuple[object, ...]:
    return tuple((e.routine_id, e.schedule, e.routine_path) for e in plan.entries)
