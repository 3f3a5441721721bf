"""Voice stop for the window: listens while a session runs (when wanted), shows the
mark, passes the program's own sounds to the listener, and says "pain" when it hears a
keyword. The window turns that into exactly what Esc does (``trigger(Action.PAIN)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance

from backtimer.gui.listen.mark import ListeningMark

if TYPE_CHECKING:  # the listener (QProcess, resampling) loads when it is first needed
    from backtimer.gui.listen.listener import Listener


class VoiceStop(QObject):
    """Owns the :class:`Listener` and the :class:`ListeningMark`.

    ``follow(happened, own_sound)`` for each session: the microphone opens now (if
    wanted) and closes when the session finishes, or at :meth:`shutdown`.
    """

    heard = Signal(str)  #: a keyword: the window stops for pain
    problem = Signal(str)  #: what the person should know (voice stop is off: why, what to do)

    def __init__(
        self,
        mark: ListeningMark,
        parent: QObject | None = None,
        *,
        listener: Listener | None = None,
    ) -> None:
        super().__init__(parent)
        self._mark = mark
        self._listener: Listener | None = None
        if listener is not None:
            self._adopt(listener)
        self._wanted = False
        self._words: tuple[str, ...] = ("stop",)
        self._happened: SignalInstance | None = None
        self._own_sound: SignalInstance | None = None
        self._told: str | None = None

    @property
    def listener(self) -> Listener:
        """The listener, made when first needed (most sessions never open the microphone)."""
        if self._listener is None:
            from backtimer.gui.listen.listener import Listener

            self._adopt(Listener(self))
        assert self._listener is not None
        return self._listener

    def _adopt(self, listener: Listener) -> None:
        self._listener = listener
        listener.heard.connect(self.heard)
        listener.state_changed.connect(self._state_changed)

    @property
    def wanted(self) -> bool:
        return self._wanted

    def configure(self, wanted: bool, words: Sequence[str]) -> None:
        """From the next session on: listen or not, and for which words."""
        self._wanted = wanted
        self._words = tuple(words) or ("stop",)

    def follow(self, happened: SignalInstance, own_sound: SignalInstance | None) -> None:
        """A session starts: ``happened`` carries its events; ``own_sound`` the cues'."""
        self._unfollow()
        if not self._wanted:
            return
        self._happened, self._own_sound = happened, own_sound
        happened.connect(self._on_event)
        if own_sound is not None:
            own_sound.connect(self.listener.own_sound)
        self._told = None
        self.listener.start(self._words)

    def shutdown(self) -> None:
        """Close the microphone now (the window closes, or the session is put away)."""
        self._unfollow()
        if self._listener is not None:
            self._listener.stop()

    def _unfollow(self) -> None:
        if self._happened is not None:
            self._happened.disconnect(self._on_event)
        if self._own_sound is not None:
            self._own_sound.disconnect(self.listener.own_sound)
        self._happened = self._own_sound = None

    def _on_event(self, event: object) -> None:
        from backtimer.core.session.events import SessionFinished  # with the first session

        if isinstance(event, SessionFinished):
            self.shutdown()

    def _state_changed(self) -> None:
        from backtimer.gui.listen.listener import State

        state, problem = self.listener.state, self.listener.problem
        if state is State.LISTENING:
            self._mark.show_listening(self.listener.words)
        elif state is State.STARTING and problem is None:
            self._mark.show_starting()
        else:
            self._mark.hide_mark()
        if problem is not None and problem != self._told:
            self._told = problem
            self.problem.emit(problem)
