"""What a screen reader hears of a session: phase changes and the countdown's key moments.

A screen reader reads what has focus; a session changes while nobody touches anything, so
its moments are *announced* (``QAccessibleAnnouncementEvent``, Qt 6.8+, through AT-SPI on
Linux): each phase as it begins, with its length; halfway, ten seconds left and release;
what a rest says comes next, the steps of a stretch; pause, resume, pain — stop and the
end. The words are the voice's own (``core.session.phrases``), so the two never disagree;
the 3-2-1 stay beeps (a screen reader cannot keep up with one a second). Nothing is
announced when no assistive technology listens (``QAccessible.isActive()``), yet
:attr:`announced` always tells what would be said, for tests and for the log.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from backtimer.core.i18n import _, ngettext
from backtimer.core.routine import Side
from backtimer.core.session.cues import Cue
from backtimer.core.session.record import Outcome
from backtimer.core.session.timeline import Phase, PhaseKind

log = logging.getLogger(__name__)

PHASE_DONE = _("Session done.")
PAUSED = _("Paused.")
RESUMED = _("Going on.")
PAIN_STOPPED = _(
    "Stopped for pain. Choose: End session, Continue gentler, Skip this stretch or Resume."
)
SESSION_ENDED = _("Session ended.")

#: Cues whose words are announced (the start of a hold or the lead-in is the phase line).
_SPOKEN_CUES = frozenset(
    {
        Cue.WARMUP_START,
        Cue.COOLDOWN_START,
        Cue.PREPARE_START,
        Cue.HALFWAY,
        Cue.TEN_LEFT,
        Cue.RELEASE,
        Cue.SWITCH_SIDES,
        Cue.REST_START,
    }
)


def phase_line(phase: Phase) -> str:
    """The line announced when ``phase`` begins (whole sentences: one per side, since the
    side word's form depends on the noun in German and Spanish; counts by ngettext)."""
    if phase.kind is PhaseKind.DONE:
        return PHASE_DONE
    n = round(phase.seconds)
    values = {"phase": phase.label, "title": phase.title, "n": n}
    if phase.title == phase.label:  # a phase whose title is its kind (the lead-in)
        line = ngettext("{phase}: {n} second.", "{phase}: {n} seconds.", n)
    elif phase.side is Side.RIGHT:
        line = ngettext(
            "{phase}: {title}, right side, {n} second.",
            "{phase}: {title}, right side, {n} seconds.",
            n,
        )
    elif phase.side is Side.LEFT:
        line = ngettext(
            "{phase}: {title}, left side, {n} second.",
            "{phase}: {title}, left side, {n} seconds.",
            n,
        )
    else:
        line = ngettext("{phase}: {title}, {n} second.", "{phase}: {title}, {n} seconds.", n)
    return line.format(**values)


class ScreenReader(QObject):
    """Announces engine events on behalf of ``target`` (the window they happen in)."""

    announced = Signal(str)  #: the text just announced (also when no reader listens)

    def __init__(self, target: QObject, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target = target

    def on_event(self, event: object) -> None:
        """Any engine event; the moments worth hearing are announced, the rest ignored."""
        from backtimer.core.session import events as ev  # read in with the first session

        if isinstance(event, ev.PhaseStarted):
            if event.phase.kind is not PhaseKind.DONE:
                self.announce(phase_line(event.phase))
        elif isinstance(event, ev.CueDue) and event.cue in _SPOKEN_CUES:
            from backtimer.core.session.phrases import Announcements, utterance

            # Every milestone is worth reading, whatever the voice is set to say.
            every = Announcements(halfway=True, ten_left=True)
            text = utterance(event.cue, event.phase, every, event.following)
            if text:
                self.announce(text)
        elif isinstance(event, ev.Paused):
            self.announce(PAUSED)
        elif isinstance(event, ev.Resumed):
            self.announce(RESUMED)
        elif isinstance(event, ev.PainStopped):
            self.announce(PAIN_STOPPED, urgent=True)
        elif isinstance(event, ev.SessionFinished):
            self.announce(PHASE_DONE if event.outcome is Outcome.COMPLETED else SESSION_ENDED)

    def announce(self, text: str, *, urgent: bool = False) -> None:
        """Ask the screen reader to say ``text`` (``urgent``: interrupting what it says)."""
        self.announced.emit(text)
        # Loaded here, not with the window: QAccessible's enum types cost its start-up.
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if not QAccessible.isActive():
            return
        announcement = QAccessibleAnnouncementEvent(self._target, text)
        if urgent:
            announcement.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(announcement)
