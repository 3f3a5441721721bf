"""The cue director: turns engine events into beeps and speech on time, and silence.

Rules the director keeps (what a person with eyes closed hears):

- A beep plays the moment its cue is due; the voice never talks over it. A beep that
  comes due while the voice is speaking stops the voice and drops what was still to be
  said (it belongs to a moment that has passed); the beep's own words follow it.
- Cues due at the same moment (within ``MERGE_WINDOW``, e.g. "release" and "rest" when a
  hold ends) are one group: only the last beep sounds, then all their words in order.
- Speech not rendered yet when its turn comes is waited for up to ``RENDER_WAIT``, then
  dropped: late words are worse than none.
- Pain — stop, pause, a stall, skipping, a session ended early: ``silence()`` at once.

Each part degrades on its own to :class:`~backtimer.gui.sound.silent.SilentPlayer` with a
message naming what to install; visual cues never depend on any of it.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backtimer.core.routine import Routine
from backtimer.core.session.cues import Cue
from backtimer.core.session.record import Outcome
from backtimer.core.session.retime import SPOKEN_KINDS, SpeechKey, speech_key
from backtimer.core.session.timeline import Phase, PhaseKind
from backtimer.gui.sound.settings import SoundSettings

# The engine's events load with the first session; the players and their modules when
# the sound starts (after the first paint).
if TYPE_CHECKING:
    from backtimer.core.session.events import CueDue
    from backtimer.gui.sound.choice import Players
    from backtimer.gui.sound.output import SoundOutput

log = logging.getLogger(__name__)

MERGE_WINDOW = 0.25  #: seconds: cues due this close together are one group
BEEP_GAP = 0.12  #: seconds of quiet between a beep's end and its words
RENDER_WAIT = 1.5  #: seconds speech may be late (still rendering) before it is dropped
SAY_WAIT = 10.0  #: seconds words asked for by ``say`` may take to render (not prepared ahead)

#: Phases that begin as a hold ends, so the hold's "release" is said first.
OPENED_BY_RELEASE = frozenset({PhaseKind.REST, PhaseKind.SWITCH})

#: Which beep each cue plays (cues absent here are words only).
BEEPS: dict[Cue, str] = {
    Cue.GET_READY: "get_ready",
    Cue.WARMUP_START: "get_ready",
    Cue.COOLDOWN_START: "get_ready",
    Cue.PREPARE_START: "get_ready",
    Cue.HOLD_START: "hold",
    Cue.COUNT_3: "count",
    Cue.COUNT_2: "count",
    Cue.COUNT_1: "count",
    Cue.RELEASE: "release",
    Cue.SWITCH_SIDES: "switch",
    Cue.REST_OVER: "rest_over",
    Cue.SESSION_DONE: "done",
}


class CueDirector(QObject):
    """Plays the right sounds for engine events, on time, and silences them on demand.

    Feed it every engine event (``on_event``). Building it never blocks: speech renders
    in the background after ``prepare_session``; ``speech_ready`` says when all of it is
    known, ``speech_seconds`` how long a phase's opening words last, and ``spoken_lengths``
    the same as the values a session hands its engine.
    """

    problems_changed = Signal(list)  #: plain-language messages: what is missing, what to install
    speech_ready = Signal()  #: every utterance asked for by prepare_session is ready (or failed)
    #: the program starts to sound: its words ("" for a beep) and for how many seconds;
    #: ("", 0.0) when it falls silent. Voice stop hears our own voice as no command.
    own_sound = Signal(str, float)

    def __init__(
        self,
        routine: Routine,
        settings: SoundSettings,
        parent: QObject | None = None,
        *,
        players: Players | None = None,
        clock: Callable[[], float] = time.monotonic,
        start_output: bool = True,
    ) -> None:
        super().__init__(parent)
        self._routine = routine
        self._settings = settings.clamped()
        self._clock = clock
        self._start_output = start_output
        self._made: Players | None = None
        self._problems: list[str] = []
        self._muted = False
        self._queue: deque[tuple[str, float]] = deque()  #: (text, give up at)
        self._busy_until = 0.0  #: clock time the beep or words now sounding end
        self._speaking: str | None = None
        self._last_cue_at: float | None = None
        self._awaited: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._pump)
        # A player process that waits (start_output=False) is chosen when it is started,
        # or when a session needs it first: the window paints before the sound modules load.
        if players is not None or start_output:
            self._adopt(players if players is not None else self._make())

    @property
    def _players(self) -> Players:
        if self._made is None:
            self._adopt(self._make())
            if self._problems:
                self.problems_changed.emit(self.problems)
        assert self._made is not None
        return self._made

    def _make(self) -> Players:
        from backtimer.gui.sound.choice import make_players

        return make_players(self._settings, start_output=self._start_output)

    def _adopt(self, players: Players) -> None:
        self._made = players
        self._problems = list(players.problems)
        for player in (players.beeps, players.voice):
            player.on_ready = self._item_ready
            player.on_failed = self._item_ready
            player.on_problem = self._player_problem

    # -- what the window asks ------------------------------------------------------------

    @property
    def problems(self) -> list[str]:
        """What is missing now (empty when everything works). With ``start_output=False``
        it is known from :meth:`start_output` on (``problems_changed`` then says it)."""
        return list(self._problems)

    def start_output(self) -> None:
        """Start the player process if it waits (``start_output=False``); else nothing."""
        output = self._players.output
        if output is not None:
            output.start()

    @property
    def output(self) -> SoundOutput | None:
        """The player process the cues sound through (None when both are silent)."""
        return self._players.output

    @property
    def settings(self) -> SoundSettings:
        return self._settings

    def prepare_session(self, phases: Sequence[Phase]) -> None:
        """Render every utterance the session may need, in order of need, off the GUI thread."""
        from backtimer.core.session.phrases import session_utterances

        texts = session_utterances(phases, self._settings.announcements)
        self._players.voice.prepare(texts)
        self._awaited = {t for t in texts if self._players.voice.is_pending(t)}
        if not self._awaited:
            self.speech_ready.emit()

    def speech_seconds(self, phase: Phase, following: Phase | None = None) -> float | None:
        """Seconds from the start of ``phase`` until its opening beep and words are over
        (``following``: the phase after it, which a rest announces).

        A rest or a switch begins as a hold ends: the hold's "release" is said first, in
        the same group, so it counts too. 0.0 when nothing is said; None while the words
        are still being rendered.
        """
        from backtimer.core.session.cue_schedule import START_CUES
        from backtimer.core.session.phrases import utterance

        cues = [START_CUES[phase.kind]]
        if phase.kind in OPENED_BY_RELEASE:
            cues.insert(0, Cue.RELEASE)
        beeps = [BEEPS[c] for c in cues if c in BEEPS] if self._settings.beeps else []
        beep_seconds = (self._players.beeps.seconds(beeps[-1]) or 0.0) if beeps else 0.0
        ann = self._settings.announcements
        texts = [utterance(c, phase, ann, following) for c in cues] if self._settings.voice else []
        said = 0.0
        for text in filter(None, texts):
            seconds = self._players.voice.seconds(text)
            if seconds is None:
                if self._players.voice.is_pending(text):
                    return None
                continue  # it failed: nothing is said
            said += seconds
        if not said:
            return beep_seconds
        return beep_seconds + (BEEP_GAP if beep_seconds else 0.0) + said

    def spoken_lengths(self, phases: Sequence[Phase]) -> dict[SpeechKey, float]:
        """:meth:`speech_seconds` of every spoken phase among ``phases`` (a plan, in order)
        whose words are known, as the values the engine plans with
        (``Engine.set_spoken_seconds``)."""
        lengths: dict[SpeechKey, float] = {}
        for i, phase in enumerate(phases):
            if phase.kind in SPOKEN_KINDS:
                following = phases[i + 1] if i + 1 < len(phases) else None
                seconds = self.speech_seconds(phase, following)
                if seconds is not None:
                    lengths[speech_key(phase)] = seconds
        return lengths

    def on_event(self, event: object) -> None:
        """Any engine event; those that mean sound or silence act, the rest are ignored."""
        from backtimer.core.session.events import (  # read in with the first session
            CueDue,
            PainStopped,
            Paused,
            PhaseEnded,
            SessionFinished,
            StallDetected,
        )

        if isinstance(event, CueDue):
            self._cue(event)
        elif isinstance(event, PainStopped | Paused | StallDetected):
            self.silence()
        elif isinstance(event, PhaseEnded) and not event.completed:
            self.silence()  # skipped or stepped: words about the old phase are stale
        elif isinstance(event, SessionFinished) and event.outcome is not Outcome.COMPLETED:
            self.silence()

    def say(self, text: str) -> None:
        """Say ``text`` once it is rendered (after what is sounding now); nothing when
        muted or with the voice off. For words no phase plans, such as a care stop."""
        if self._muted or not self._settings.voice or not text:
            return
        self._players.voice.prepare([text])
        self._queue.append((text, self._clock() + SAY_WAIT))
        self._pump()

    def silence(self) -> None:
        """Stop every sound and forget what was queued. Returns at once (nothing waits)."""
        self._timer.stop()
        self._queue.clear()
        self._speaking = None
        self._busy_until = 0.0
        self._last_cue_at = None
        if self._made is not None:  # none made yet: nothing sounds
            self._made.beeps.stop()
            self._made.voice.stop()
        self.own_sound.emit("", 0.0)

    def set_muted(self, muted: bool) -> None:
        """M: silence now and stay silent until unmuted."""
        self._muted = muted
        if muted:
            self.silence()

    @property
    def muted(self) -> bool:
        return self._muted

    def shutdown(self) -> None:
        """Silence, stop the timer, kill any synthesizer; safe to call twice."""
        self.silence()
        if self._made is not None:
            self._made.shutdown()

    # -- the queue -----------------------------------------------------------------------

    def _cue(self, event: CueDue) -> None:
        from backtimer.core.session.phrases import utterance

        if self._muted:
            return
        now = self._clock()
        merged = self._last_cue_at is not None and abs(event.at - self._last_cue_at) <= MERGE_WINDOW
        self._last_cue_at = event.at
        beep = BEEPS.get(event.cue) if self._settings.beeps else None
        text = (
            utterance(event.cue, event.phase, self._settings.announcements, event.following)
            if self._settings.voice
            else ""
        )
        if beep is not None and self._players.beeps.is_ready(beep):
            if self._speaking is not None:
                self._players.voice.stop()
                if merged:  # said again in full after this group's beep
                    self._queue.appendleft((self._speaking, now + RENDER_WAIT))
                self._speaking = None
            if not merged:
                self._queue.clear()
            self._players.beeps.stop()
            self._players.beeps.play(beep)
            self._busy_until = now + (self._players.beeps.seconds(beep) or 0.0) + BEEP_GAP
            self.own_sound.emit("", self._players.beeps.seconds(beep) or 0.0)
        if text:
            self._players.voice.prepare([text])  # already rendered after prepare_session
            self._queue.append((text, now + RENDER_WAIT))
        self._pump()

    def _pump(self) -> None:
        """Say the next words if nothing is sounding; otherwise wake when it ends."""
        now = self._clock()
        if now < self._busy_until:
            self._arm(self._busy_until - now)
            return
        self._speaking = None
        voice = self._players.voice
        while self._queue:
            text, give_up_at = self._queue[0]
            if voice.is_ready(text):
                self._queue.popleft()
                if voice.play(text):
                    self._speaking = text
                    self._busy_until = now + (voice.seconds(text) or 0.0)
                    self.own_sound.emit(text, voice.seconds(text) or 0.0)
                    self._arm(self._busy_until - now)
                    return
                continue
            if voice.is_pending(text) and now < give_up_at:
                self._arm(give_up_at - now)  # or sooner, when it is ready
                return
            self._queue.popleft()  # failed, or too late to be useful
        self._timer.stop()

    def _arm(self, seconds: float) -> None:
        self._timer.start(max(0, round(seconds * 1000)))

    def _item_ready(self, item: str) -> None:
        if item in self._awaited:
            self._awaited.discard(item)
            if not self._awaited:
                self.speech_ready.emit()
        if self._queue and self._queue[0][0] == item and self._clock() >= self._busy_until:
            self._pump()

    def _player_problem(self, _message: str | None) -> None:
        """A player's problem appeared or cleared (sound lost, sound back): say it all."""
        problems = list(self._players.problems)
        for player in (self._players.beeps, self._players.voice):
            if player.problem and player.problem not in problems:
                problems.append(player.problem)
        if problems != self._problems:
            self._problems = problems
            self.problems_changed.emit(self.problems)
