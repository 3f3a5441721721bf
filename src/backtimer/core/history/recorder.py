"""Engine events → history writes, one event at a time (no Qt).

``SessionRecorder.handle(event)`` is called with every engine event in order. The
session row is written on the first event (a ``SessionStarted`` if the engine sends one,
else whatever comes first), each hold, pain event and pause as it arrives, and the
session is closed on ``SessionFinished``. Holds, pauses and pain events are stored as the
engine recorded them (``HoldRecorded``, ``PauseRecorded``, ``PainStopped``,
``PainResolved``): the recorder derives none of its own, so the history and
``Engine.record`` say the same. A session whose recorder never sees
``SessionFinished`` stays *interrupted* in the history.

A write that fails (disk full, read-only, disk error) is not lost: it waits in memory,
in order, with the times it had when it happened, and is tried again before the next
write, so everything is saved once the disk works again. ``unsaved`` counts what waits;
``flush()`` tries again at once (the window calls it when a session is put away). What
still waits when the program ends is lost, as a crash would lose it.

A storage failure never escapes as anything but ``StoreError``; with ``on_error`` given,
the message goes there instead and recording carries on with the next event.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Routine
from backtimer.core.session import events
from backtimer.core.session.record import HoldRecord, Outcome, PauseRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Begin:
    routine_id: str
    started_at: float
    gentle: bool


@dataclass(frozen=True)
class _Finish:
    outcome: Outcome
    ended_at: float


#: One write waiting for the store, with every value it needs already fixed.
_Write: TypeAlias = (
    _Begin | HoldRecord | events.PainStopped | events.PainResolved | PauseRecord | _Finish
)


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
        self._pending: deque[_Write] = deque()
        self._begun = False
        self._pain_ids: dict[float, int] = {}  # pain.at → row id, to resolve it later
        self.finished = False  #: ``SessionFinished`` arrived; later events are ignored

    @property
    def unsaved(self) -> int:
        """Writes that failed and wait to be tried again."""
        return len(self._pending)

    def handle(self, event: object) -> None:
        """Write what ``event`` means for the history (after whatever still waits); events
        that mean no write are ignored and do not try again."""
        if self.finished:
            return
        before = len(self._pending)
        self._queue(event)
        if len(self._pending) > before:
            self.flush()

    def flush(self) -> None:
        """Write what waits, oldest first, stopping at the first failure (which waits on)."""
        try:
            while self._pending:
                self._write(self._pending[0])
                self._pending.popleft()
        except StoreError as error:
            if self._on_error is None:
                raise
            self._on_error(str(error))
        except Exception:
            # Not the disk: this record would fail the same way every time and hold up
            # all the others behind it.
            log.exception("history record dropped: %r", self._pending.popleft())
            raise

    def _queue(self, event: object) -> None:
        """Turn ``event`` into the writes it means, with wall times taken now."""
        if not self._begun:
            self._begun = True
            if isinstance(event, events.SessionStarted):
                self._pending.append(_Begin(event.routine_id, event.started_at, event.gentle))
            else:
                self._pending.append(_Begin(self._routine[0], self._now(), self._gentle))
        if isinstance(event, events.HoldRecorded):
            self._pending.append(event.hold)
        elif isinstance(event, events.PainStopped | events.PainResolved):
            self._pending.append(event)
        elif isinstance(event, events.PauseRecorded):
            self._pending.append(event.pause)
        elif isinstance(event, events.SessionFinished):
            self._pending.append(_Finish(event.outcome, self._now()))
            self.finished = True

    def _write(self, item: _Write) -> None:
        if isinstance(item, _Begin):
            self.session_id = self._store.begin_session(
                item.routine_id, self._routine[1], item.started_at, item.gentle
            )
            return
        session = self.session_id
        assert session is not None, "the session row is always the first write"
        if isinstance(item, HoldRecord):
            self._store.add_hold(session, item)
        elif isinstance(item, events.PainStopped):
            self._pain_ids[item.pain.at] = self._store.add_pain(session, item.pain)
        elif isinstance(item, events.PainResolved):
            pain_id = self._pain_ids.get(item.pain.at)
            if pain_id is None:  # the stop itself was never saved: save it whole now
                self._pain_ids[item.pain.at] = self._store.add_pain(session, item.pain)
            else:
                self._store.resolve_pain(pain_id, item.pain)
        elif isinstance(item, PauseRecord):
            self._store.add_pause(session, item)
        else:
            self._store.finish_session(session, item.outcome, item.ended_at)
