"""One running session: the engine, its driver, the recorder and the cues, joined.

The window talks to this object only. Its commands are the engine's (same names), each
result handed to the driver, which re-emits every event and re-arms; this object hands
every event to the history recorder and the cue director and re-emits it for the
widgets. A storage failure is reported once, never allowed to stop the session; what
could not be saved waits in the recorder and is saved once the disk works again (and
that is reported too).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from backtimer.core.care.body import PainSite
from backtimer.core.history.faults import StoreError, StoreFault
from backtimer.core.history.recorder import SessionRecorder
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _, ngettext
from backtimer.core.routine import Routine
from backtimer.core.session.engine import Engine
from backtimer.core.session.events import PainStopped
from backtimer.core.session.phase_machine import State
from backtimer.core.session.record import PainChoice, SessionRecord
from backtimer.core.session.step_rows import StepRow, step_rows
from backtimer.core.session.timeline import Phase, PhaseKind
from backtimer.gui.driver import SessionDriver
from backtimer.gui.sound.director import CueDirector

log = logging.getLogger(__name__)

# What the window's banner says when the history stops (and starts again) being saved.
NOT_SAVED_FULL = _(
    "Your history could not be saved: the disk holding it ({folder}) is full. Free some "
    "space there; this session goes on, what was saved before is kept, and the rest is "
    "saved as soon as there is room."
)
NOT_SAVED_READ_ONLY = _(
    "Your history could not be saved: the disk or folder holding it ({folder}) is "
    "read-only. This session goes on and what was saved before is kept; afterwards, check "
    "that disk, or start BackTimer with --data-dir pointing to a folder that can be written."
)
NOT_SAVED_DISK_ERROR = _(
    "Your history could not be saved: the disk holding it ({folder}) reported an error. "
    "This session goes on and what was saved before is kept; afterwards, check that disk."
)
NOT_SAVED_OTHER = _(
    "Your history could not be saved: {error} This session goes on and what was saved "
    "before is kept."
)
SAVED_AGAIN = _("Your history is being saved again, with everything from while it could not be.")

#: Which stretches start gentle today; ``{names}`` is their names, listed.
GENTLE_TODAY_ONE = (
    "{names} hurt in a recent session, so it starts gentle today (shorter holds, longer rests)."
)
GENTLE_TODAY_MANY = (
    "{names} hurt in a recent session, so they start gentle today (shorter holds, longer rests)."
)
NAME_SEPARATOR = _(", ")

_NOT_SAVED = {
    StoreFault.FULL: NOT_SAVED_FULL,
    StoreFault.READ_ONLY: NOT_SAVED_READ_ONLY,
    StoreFault.DISK_ERROR: NOT_SAVED_DISK_ERROR,
    StoreFault.OTHER: NOT_SAVED_OTHER,
}


def recent_pain(store: HistoryStore | None, routine: Routine) -> frozenset[str]:
    """The ids of ``routine``'s stretches that hurt in recent sessions (they start gentle)."""
    if store is None:
        return frozenset()
    try:
        recent = store.recent_pain_exercises()
    except Exception as error:  # noqa: BLE001 - an unreadable history must not block a start
        log.warning("could not read recent pain: %s", error)
        return frozenset()
    return recent & {ex.id for ex in routine.exercises}


class Session(QObject):
    #: every engine event, in order, after the recorder and the cues have seen it
    happened = Signal(object)
    #: the display refresh: something on screen is counting
    tick = Signal()
    #: a plain-language message the window should show (history could not be saved, ...)
    problem = Signal(str)

    def __init__(
        self,
        routine: Routine,
        *,
        clock: Callable[[], float],
        store: HistoryStore | None,
        cues: CueDirector | None,
        gentle: frozenset[str] = frozenset(),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine = routine
        self.engine = Engine(routine, clock, gentle=gentle)
        self.driver = SessionDriver(self.engine, parent=self)
        self._cues = cues
        self._recorder = SessionRecorder(store, routine) if store is not None else None
        self._folder = store.path.parent if store is not None else None
        self._store_problem_shown = False  #: saving failed and the person has been told
        self._deferred: list[object] = []  #: events to write after the screen has frozen
        self.driver.event_emitted.connect(self._on_event)
        self.driver.tick.connect(self.tick)
        if cues is not None:
            # Prepare phases wait for their words; lengths arrive once speech is rendered
            # (well within the 10 s lead-in), so the first prepare already fits them.
            cues.speech_ready.connect(self._on_speech_ready)
            cues.prepare_session(self.engine.phases)

    # ----- what the window reads ------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.engine.state not in (State.IDLE, State.FINISHED)

    @property
    def in_pain(self) -> bool:
        return self.engine.state is State.PAIN

    @property
    def paused(self) -> bool:
        return self.engine.state is State.PAUSED

    @property
    def gentle(self) -> bool:
        return self.engine.gentle

    @property
    def current(self) -> Phase:
        return self.engine.current

    @property
    def phases(self) -> tuple[Phase, ...]:
        return self.engine.phases

    @property
    def session_id(self) -> int | None:
        """The session's row in the history (None before it is saved, or with no history)."""
        return None if self._recorder is None else self._recorder.session_id

    @property
    def record(self) -> SessionRecord:
        return self.engine.record

    def remaining(self) -> float:
        return self.engine.remaining()

    def phase_elapsed(self) -> float:
        return self.engine.phase_elapsed()

    def session_remaining(self) -> float:
        return self.engine.session_remaining()

    def planned_total(self) -> float:
        return self.engine.planned_total()

    def step_rows(self) -> tuple[StepRow, ...]:
        """What the step list shows of the engine's plan, with the phase under way."""
        return step_rows(self.routine, self.engine.phases, self.engine.index)

    def gentle_notice(self) -> str:
        """What to tell of stretches that start gentle because they hurt recently ("")."""
        gentle = sorted(
            {p.exercise_index for p in self.phases if p.gentle and p.exercise_index is not None}
        )
        if not gentle:
            return ""
        names = NAME_SEPARATOR.join(self.routine.exercises[i].name for i in gentle)
        return ngettext(GENTLE_TODAY_ONE, GENTLE_TODAY_MANY, len(gentle)).format(names=names)

    # ----- commands: the engine's, by the engine's names; the driver re-arms after each --
    def start(self) -> None:
        self.driver.dispatch(self.engine.start())

    def pain(self) -> None:
        """Silence first (the quickest thing a person notices), then freeze time."""
        if self._cues is not None:
            self._cues.silence()
        self.driver.dispatch(self.engine.pain())

    def resolve_pain(
        self, choice: PainChoice, rating: int | None, note: str, site: PainSite | None = None
    ) -> None:
        self.driver.dispatch(self.engine.resolve_pain(choice, rating, note, site))

    def toggle_pause(self) -> None:
        self.driver.dispatch(self.engine.toggle_pause())

    def next(self) -> None:
        self.driver.dispatch(self.engine.next())

    def back(self) -> None:
        self.driver.dispatch(self.engine.back())

    def adjust_hold(self, delta: float) -> None:
        self.driver.dispatch(self.engine.adjust_hold(delta))

    def jump_to_exercise(self, index: int) -> None:
        self.driver.dispatch(self.engine.jump_to_exercise(index))

    def jump_to_section(self, kind: PhaseKind) -> None:
        self.driver.dispatch(self.engine.jump_to_section(kind))

    def end(self) -> None:
        """End a running session so the history says it was ended, not interrupted."""
        if self.active:
            self.driver.dispatch(self.engine.end())

    def end_by_system(self) -> None:
        """End a running session because the program is being stopped (signal, logout)."""
        if self.active:
            self.driver.dispatch(self.engine.end_by_system())

    def set_muted(self, muted: bool) -> None:
        if self._cues is not None:
            self._cues.set_muted(muted)

    def shutdown(self) -> None:
        self._write_deferred()
        self._last_try()
        if self._cues is not None:
            self._cues.speech_ready.disconnect(self._on_speech_ready)
            self._cues = None  # shut down: later events (a second close) play nothing
        self.driver.shutdown()

    def _on_speech_ready(self) -> None:
        """Hand the engine how long each phase's opening words last, as numbers: it plans
        with them and never asks the cues itself."""
        if self._cues is not None:
            spoken = self._cues.spoken_lengths(self.engine.phases)
            self.driver.dispatch(self.engine.set_spoken_seconds(spoken))

    # ----- events ---------------------------------------------------------------------
    def _on_event(self, event: object) -> None:
        if isinstance(event, PainStopped):
            # The person sees the frozen countdown first; the pain is written a moment
            # later (before any other event), so a slow disk never delays the freeze.
            self._deferred.append(event)
            QTimer.singleShot(0, self._write_deferred)
        else:
            self._write_deferred()
            self._record(event)
        if self._cues is not None:
            self._cues.on_event(event)
        self.happened.emit(event)

    def _write_deferred(self) -> None:
        while self._deferred:
            self._record(self._deferred.pop(0))

    def _record(self, event: object) -> None:
        if self._recorder is None:
            return
        waiting = self._recorder.unsaved
        try:
            self._recorder.handle(event)
        except Exception as error:  # noqa: BLE001 - storage must never stop a session
            self._not_saved(error)
            return
        if waiting:
            self._saved()

    def _not_saved(self, error: Exception) -> None:
        """Tell the person once (until saving works again), however many holds fail."""
        log.warning("history not saved: %s", error)
        if self._store_problem_shown:
            return
        self._store_problem_shown = True
        fault = error.fault if isinstance(error, StoreError) else StoreFault.OTHER
        self.problem.emit(_NOT_SAVED[fault].format(folder=self._folder, error=error))

    def _last_try(self) -> None:
        """Save what still waits, if the disk works again by now (the session is put away)."""
        if self._recorder is None or not self._recorder.unsaved:
            return
        try:
            self._recorder.flush()
        except Exception as error:  # noqa: BLE001 - closing must not fail either
            log.warning("%d history records lost: %s", self._recorder.unsaved, error)
            return
        self._saved()

    def _saved(self) -> None:
        """If the person was told saving failed and now nothing waits, say it works again."""
        if self._store_problem_shown and self._recorder is not None and not self._recorder.unsaved:
            self._store_problem_shown = False  # a later failure is told again
            self.problem.emit(SAVED_AGAIN)
