"""The tray's morning question: "How is your back this morning?" for a person who runs
only the tray, as a desktop notification whose buttons record the answer.

The rule for *whether* it is due is the window's (``care_review.morning_session``: the
morning after a session, not answered yet, asked once whichever of window or tray asks
first; ``morning_mark`` keeps who asked). The tray adds only *when*: with the first
reminder of the day, or at ``ASK_FROM`` if no reminder has come by then (or at the tray's
first look at the clock, if it starts later). The tray's wakes are at most a minute
apart, so ``ASK_FROM`` is seen within a minute. The answer is stored as the window's
morning check-in is (a MORNING check-in about that session), and the care rules then run
on that session as the window runs them, so the history, the report and the next session
see it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from backtimer.core.care.checkins import CheckIn, CheckInKind
from backtimer.core.history import care_review
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.routine import Routine
from backtimer.gui.care import morning_mark
from backtimer.gui.programme.notifier import START, Notice, Notifier

log = logging.getLogger(__name__)

KEY = "morning"  #: the notice's key (never translated)
OPEN = "open"  #: the action that hands the question to the window
#: Ask by then even if the first reminder is later: a morning question at 18:00 is
#: no longer about the morning.
ASK_FROM = dt.time(10, 0)
#: seconds back to look for the session asked about (it began the day before)
REVIEW_LOOKBACK = 3 * 24 * 3600

TITLE = _("How is your back this morning?")
BODY = _(
    "After yesterday's session: 0 = no pain, 10 = worst imaginable. For any other "
    "number, open BackTimer."
)
# A notification's buttons cannot take a number, and desktops show only a few of them
# (GNOME three), so: three points of the 0–10 scale, each label saying the number stored,
# chosen where the care rules' zones (core/care/traffic.py) meet: 0 none, 3 the top of
# "settled" (0–3), 6 the start of "change the exercise" (6+). A 4 or 5, or any exact
# number, is the window's own 0–10 question ("Open BackTimer…", also a click on the
# notice, for desktops that do not show a fourth button); the body says so.
RATINGS = {"0": 0, "3": 3, "6": 6}
ACTIONS = (
    ("0", _("No pain (0)")),
    ("3", _("Some (3)")),
    ("6", _("Bad (6)")),
    (OPEN, _("Open BackTimer…")),
)


class MorningQuestion(QObject):
    """``check(now, zone, reminded)`` at each tray wake; ``answered`` after a stored
    answer, ``open_requested`` when the person wants the window's 0–10 question."""

    #: the rating stored
    answered = Signal(int)
    #: open the window: it asks the morning question at launch
    open_requested = Signal()
    #: the question is on screen with its buttons (a desktop notification)
    asked = Signal()

    def __init__(
        self,
        store: HistoryStore | None,
        notifier: Notifier,
        now: Callable[[], dt.datetime],
        routine_for: Callable[[str], Routine | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._routine_for = routine_for  #: a routine by id, as loaded (for the care rules)
        self._notifier = notifier
        self._now = now
        self._session: int | None = None  #: the session asked about
        self._tried: int | None = None  #: the session this tray put the question about
        notifier.action_invoked.connect(self._on_action)
        notifier.shown.connect(self._on_shown)

    def check(self, now: dt.datetime, zone: dt.tzinfo, *, reminded: bool) -> None:
        if self._store is None or (not reminded and now.astimezone(zone).time() < ASK_FROM):
            return
        try:
            due = care_review.morning_session(
                self._store, now.timestamp(), morning_mark.asked_for()
            )
        except Exception as error:  # noqa: BLE001 - reminders go on without it
            log.warning("morning check-in: %s", error)
            return
        if due is None or due == self._tried:
            return
        self._session = self._tried = due
        self._notifier.show(Notice(KEY, TITLE, BODY, ACTIONS, default=OPEN))

    def _on_shown(self, key: str, how: str) -> None:
        # Asked only once it is on screen with its buttons: the tray's own message
        # balloon (no D-Bus service; Windows, macOS) has none and is replaced by the next
        # one, so then the window still asks when it opens.
        if key == KEY and how == "dbus":
            morning_mark.mark_asked(self._session)
            self.asked.emit()

    def _on_action(self, key: str, action: str) -> None:
        if key != KEY or self._session is None:
            return
        if action in (OPEN, START):  # START: a click on the tray's own message
            morning_mark.forget(self._session)  # the window asks it now
            self.open_requested.emit()
            return
        rating = RATINGS.get(action)
        if rating is None or self._store is None:
            return
        try:
            self._store.add_checkin(
                CheckIn(self._now().timestamp(), CheckInKind.MORNING, rating, self._session)
            )
        except Exception as error:  # noqa: BLE001 - logged, never raised at a person
            log.warning("morning check-in not stored: %s", error)
            return
        about, self._session = self._session, None  # one answer per morning
        self._review(about)
        self.answered.emit(rating)

    def _review(self, session_id: int) -> None:
        """The care rules after the answer, as the window runs them after its own (the
        24-hour rule: pain not settled by the morning eases the exercise next time)."""
        assert self._store is not None
        try:
            recent = self._store.sessions(self._now().timestamp() - REVIEW_LOOKBACK)
            row = next((r for r in recent if r.id == session_id), None)
            routine = self._routine_for(row.routine_id) if row is not None else None
            if routine is None:
                log.info("morning check-in: no routine to review session %s", session_id)
                return
            care_review.review_session(
                self._store,
                routine,
                session_id,
                pain_limit=routine.pain_limit,
                now=self._now().timestamp(),
            )
        except Exception as error:  # noqa: BLE001 - the answer is stored; changes wait
            log.warning("care review after the morning check-in failed: %s", error)
