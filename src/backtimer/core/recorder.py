"""Engine events → history writes, one event at a time (no Qt).

``SessionRecorder.handle(event)`` is called with every engine event in order. The
session row is written on the first event (a ``SessionStarted`` if the engine sends one,
else whatever comes first), each hold and pain event as it arrives, and the session is
closed on ``SessionFinished``. A session whose recorder never sees ``SessionFinished``
stays *interrupted* in the history.

A storage failure never escapes as anything but ``StoreError``; with ``on_error`` given,
the message goes there instead and recording carries on with the next event (so freeing
disk space mid-session saves the rest).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from backtimer.core import events
from backtimer.core.record import PauseReason, PauseRecord
from backtimer.core.routine import Routine
from backtimer.core.store import HistoryStore, StoreError

log = logging.getLogger(__name__)


class SessionRecorder:
    def __init__(
        self,
        store: HistoryStore,
        routine: Routine,
        *,
        gentle: bool = False,
        wall_clock: Callable[[], float] = time.time,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self._store = store
        self._routine = (routine.id, routine.name)
        self._gentle = gentle
        self._now = wall_clock
        self._on_error = on_error
        self.session_id: int | None = None
        self._pain_ids: dict[float, int] = {}  # pain.at → row id, to resolve it later
        self._paused_at: float | None = None  # wall time of the pause in progress
        self._pause_reason = PauseReason.USER
        self.finished = False

    def handle(self, event: object) -> None:
        """Write what ``event`` means for the history; other events are ignored."""
        try:
            self._handle(event)
        except StoreError as error:
            if self._on_error is None:
                raise
            self._on_error(str(error))

    def _ensure_session(self, event: object) -> int:
        if self.session_id is None:
            if isinstance(event, events.SessionStarted):
                routine_id, started_at, gentle = event.routine_id, event.started_at, event.gentle
            else:
                routine_id, started_at, gentle = self._routine[0], self._now(), self._gentle
            self.session_id = self._store.begin_session(
                routine_id, self._routine[1], started_at, gentle
            )
        return self.session_id

    def _handle(self, event: object) -> None:
        if self.finished:
            return
        session = self._ensure_session(event)
        if isinstance(event, events.HoldRecorded):
            self._store.add_hold(session, event.hold)
        elif isinstance(event, events.PainStopped):
            self._pain_ids[event.pain.at] = self._store.add_pain(session, event.pain)
        elif isinstance(event, events.PainResolved):
            pain_id = self._pain_ids.pop(event.pain.at, None)
            if pain_id is None:  # the stop was not saved (disk full): save it whole now
                self._store.add_pain(session, event.pain)
            else:
                self._store.resolve_pain(pain_id, event.pain)
        elif isinstance(event, events.Paused):
            self._paused_at, self._pause_reason = self._now(), event.reason
        elif isinstance(event, events.Resumed):
            at = self._paused_at if self._paused_at is not None else self._now()
            self._paused_at = None
            self._store.add_pause(session, PauseRecord(at, event.paused_for, self._pause_reason))
        elif isinstance(event, events.SessionFinished):
            self._store.finish_session(session, event.outcome, self._now())
            self.finished = True
