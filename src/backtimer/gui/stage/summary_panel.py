"""The end of a session: how it ended, holds done, time, pain events, what was cut short.

Shown as a page in the window. It reads the engine's ``SessionRecord`` (or the same facts
as plain values) and offers the way on to the history.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backtimer.core.i18n import _
from backtimer.core.routine import Exercise, Movement, Routine, Side
from backtimer.core.session.record import HoldRecord, Outcome, PainChoice, PainRecord, SessionRecord
from backtimer.gui import theme
from backtimer.gui.stage.durations import duration_text

HEADINGS: dict[Outcome | None, str] = {
    Outcome.COMPLETED: _("Well done — session complete"),
    Outcome.ENDED_BY_USER: _("Session ended"),
    Outcome.ENDED_FOR_PAIN: _("Session ended after pain"),
    Outcome.ENDED_BY_SYSTEM: _("Session stopped: the computer shut down or logged out"),
    Outcome.INTERRUPTED: _("Session interrupted"),
    None: _("Session so far"),
}
ENDED = HEADINGS[Outcome.ENDED_BY_USER]
CHOICE_WORDS: dict[PainChoice | None, str] = {
    PainChoice.END: _("ended the session"),
    PainChoice.GENTLER: _("continued gentler"),
    PainChoice.SKIP: _("skipped the stretch"),
    PainChoice.RESUME: _("resumed"),
    None: _("no choice made"),
}
HISTORY_BUTTON = _("History…")
HISTORY_DESCRIPTION = _("Open your history: every session with its holds and pain events.")
HOLDS_DONE = _("Holds: {done} done")
HOLDS_DONE_CUT = _("Holds: {done} done, {cut} cut short")
TIME = _("Time: {time} ({held} holding)")
GENTLE_USED = _("Gentle mode was used.")
PAIN_EVENTS = _("Pain events: {n}")
NO_PAIN_EVENTS = _("No pain events.")
CUT_SHORT = _("Cut short:")
MORE = _("… and {n} more")
BETWEEN_EXERCISES = _("between exercises")
#: A cut-short hold: ``{held}`` of ``{planned}`` seconds, per side.
HOLD_LINES: dict[Side | None, str] = {
    None: _("{name}: {held} of {planned} s"),
    Side.RIGHT: _("{name}, right side: {held} of {planned} s"),
    Side.LEFT: _("{name}, left side: {held} of {planned} s"),
}
#: A pain event, per side and with or without its rating; ``{choice}`` what was chosen.
PAIN_LINES: dict[tuple[Side | None, bool], str] = {
    (None, False): _("{name} — {choice}"),
    (None, True): _("{name}, rating {rating} — {choice}"),
    (Side.RIGHT, False): _("{name}, right side — {choice}"),
    (Side.RIGHT, True): _("{name}, right side, rating {rating} — {choice}"),
    (Side.LEFT, False): _("{name}, left side — {choice}"),
    (Side.LEFT, True): _("{name}, left side, rating {rating} — {choice}"),
}
MAX_LINES = 6  #: pain events and cut-short holds listed before "and n more"


def _listed(lines: list[str]) -> str:
    shown = lines[:MAX_LINES]
    if len(lines) > MAX_LINES:
        shown.append(MORE.format(n=len(lines) - MAX_LINES))
    return "\n".join(f"• {line}" for line in shown)


class SummaryPanel(QWidget):
    """``set_summary(record)`` fills it; the History… button asks for the history."""

    #: The person pressed "History…".
    history_requested = Signal()

    def __init__(self, routine: Routine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routine = routine
        self.heading = QLabel()
        self.holds_label = QLabel()
        self.time_label = QLabel()
        self.pain_label = QLabel()
        self.pain_list = QLabel()
        self.cut_label = QLabel()
        self.cut_list = QLabel()
        self.gentle_label = QLabel()
        self.labels = (
            self.heading,
            self.holds_label,
            self.time_label,
            self.gentle_label,
            self.pain_label,
            self.pain_list,
            self.cut_label,
            self.cut_list,
        )
        for label in self.labels:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.history_button = QPushButton(HISTORY_BUTTON)
        self.history_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.history_button.setAccessibleDescription(HISTORY_DESCRIPTION)
        self.history_button.clicked.connect(self.history_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        for label in self.labels:
            layout.addWidget(label)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.history_button)
        layout.addLayout(row)
        self._restyle()

    def set_routine(self, routine: Routine) -> None:
        """The routine whose exercise names replace ids in the lists."""
        self._routine = routine

    def set_summary(self, record: SessionRecord) -> None:
        """Show what ``record`` says happened."""
        seconds = 0.0
        if record.started_at is not None and record.ended_at is not None:
            seconds = record.ended_at - record.started_at
        self.set_values(record.outcome, record.holds, record.pains, seconds, gentle=record.gentle)

    def set_values(
        self,
        outcome: Outcome | None,
        holds: Sequence[HoldRecord],
        pains: Sequence[PainRecord],
        seconds: float,
        *,
        gentle: bool = False,
    ) -> None:
        """The same as ``set_summary``, from plain values."""
        done = [h for h in holds if h.completed]
        cut = [h for h in holds if not h.completed]
        self.heading.setText(HEADINGS.get(outcome, ENDED))
        holds_text = HOLDS_DONE_CUT if cut else HOLDS_DONE
        self.holds_label.setText(holds_text.format(done=len(done), cut=len(cut)))
        held = sum(h.held for h in holds)
        self.time_label.setText(TIME.format(time=duration_text(seconds), held=duration_text(held)))
        self.gentle_label.setText(GENTLE_USED if gentle else "")
        self.pain_label.setText(PAIN_EVENTS.format(n=len(pains)) if pains else NO_PAIN_EVENTS)
        self.pain_list.setText(_listed([self._pain_line(p) for p in pains]))
        self.cut_label.setText(CUT_SHORT if cut else "")
        self.cut_list.setText(_listed([self._hold_line(h) for h in cut]))
        for label in self.labels:
            label.setVisible(bool(label.text()))

    def text(self) -> str:
        """Everything shown, one label a line (for tests and screen readers)."""
        return "\n".join(label.text() for label in self.labels if label.text())

    # -- internals -----------------------------------------------------------------------
    def _name(self, exercise_id: str | None) -> str:
        if exercise_id is None:
            return BETWEEN_EXERCISES
        if self._routine is not None:
            items: list[Exercise | Movement] = [*self._routine.exercises]
            items += [*self._routine.warmup, *self._routine.cooldown]
            for item in items:
                if item.id == exercise_id:
                    return item.name
        return exercise_id

    def _hold_line(self, h: HoldRecord) -> str:
        return HOLD_LINES[h.side].format(
            name=self._name(h.exercise_id), held=round(h.held), planned=round(h.planned)
        )

    def _pain_line(self, p: PainRecord) -> str:
        return PAIN_LINES[(p.side, p.rating is not None)].format(
            name=self._name(p.exercise_id), rating=p.rating, choice=CHOICE_WORDS[p.choice]
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        # The look changed (the system went dark, or high contrast): colours follow now.
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        c = theme.colours(self.palette())
        h = max(1, self.height())
        big = theme.scaled_pixels(h, 0.08, lo=26, hi=80)
        medium = theme.scaled_pixels(h, 0.05, lo=18, hi=44)
        small = theme.scaled_pixels(h, 0.04, lo=16, hi=34)
        self.heading.setFont(theme.sans(big))
        self.heading.setStyleSheet(f"color: {theme.css_colour(c.rest)};")
        for label in (self.holds_label, self.time_label, self.pain_label, self.cut_label):
            label.setFont(theme.sans(medium))
        self.gentle_label.setFont(theme.sans(small))
        self.gentle_label.setStyleSheet(f"color: {theme.css_colour(c.gentle)};")
        for label in (self.pain_list, self.cut_list):
            label.setFont(theme.sans(small, bold=False))
        self.history_button.setFont(theme.sans(medium))
        self.history_button.setMinimumHeight(round(medium * 2.4))
