"""The check-in: "How is your back now?" 0–10, answered with one key (0–9) or a click,
and put away by itself after a few seconds so a session stays hands-free.

It floats across the top of the window it is given and takes the digit keys only while
it shows (an application event filter), so Esc and P still stop for pain.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.care.checkins import CheckInKind
from backtimer.core.i18n import _
from backtimer.gui import theme
from backtimer.gui.slots import connect_call

HINT = _("Press 0–9 (or click). 0 = no pain, 10 = worst imaginable.")
SKIPPING = _("Skipped in {seconds} s")
SKIP_BUTTON = _("Skip")
RATING_NAME = _("Back pain now {rating} of 10")
RATING_DESCRIPTION = _("Answers the question with this rating (or press its digit key).")
SKIP_DESCRIPTION = _("Puts the question away without an answer.")

#: Seconds before the question puts itself away: short around a session (hands-free),
#: longer in the morning, when nothing is running.
TIMEOUTS = {CheckInKind.BEFORE: 8, CheckInKind.AFTER: 10, CheckInKind.MORNING: 45}

_DIGITS = {Qt.Key.Key_0.value + n: n for n in range(10)}  #: key code → rating


class CheckInPrompt(QFrame):
    """``ask(kind, question)`` shows the question; ``answered`` or ``skipped`` follows."""

    #: (CheckInKind, rating 0–10)
    answered = Signal(object, int)
    #: (CheckInKind): no answer in time, or put away
    skipped = Signal(object)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("checkin")
        self._host = host
        self._kind: CheckInKind | None = None
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._second)
        self.question = QLabel()
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        self.hint = QLabel(HINT)
        self.countdown = QLabel()
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for n in range(11):
            b = QPushButton(str(n))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAccessibleName(RATING_NAME.format(rating=n))
            b.setAccessibleDescription(RATING_DESCRIPTION)
            connect_call(b.clicked, self.give, n)
            row.addWidget(b)
            self.buttons.append(b)
        self.skip_button = QPushButton(SKIP_BUTTON)
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.setAccessibleDescription(SKIP_DESCRIPTION)
        self.skip_button.clicked.connect(self.skip)
        row.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.countdown)
        layout.addLayout(bottom)
        c = theme.colours(self.palette())
        self.setStyleSheet(
            f"#checkin {{ background: {theme.css_colour(c.background)};"
            f" border: 3px solid {theme.css_colour(c.hold)}; border-radius: 12px; }}"
        )
        self._fit(800)
        self.hide()

    def _fit(self, host_height: int) -> int:
        """Type sized from the window's height (read across the room in distance mode);
        returns the height the question needs."""
        question = theme.scaled_pixels(host_height, 0.045, lo=28, hi=72)
        small = theme.scaled_pixels(host_height, 0.024, lo=16, hi=36)
        button = theme.scaled_pixels(host_height, 0.035, lo=22, hi=56)
        self.question.setFont(theme.sans(question))
        for label in (self.hint, self.countdown):
            label.setFont(theme.sans(small, bold=False))
        for b in self.buttons:
            b.setFont(theme.sans(button))
            b.setMinimumHeight(round(button * 2.1))
        self.skip_button.setFont(theme.sans(small))
        return round(question * 1.6 + button * 2.1 + small * 1.6 + 48)

    @property
    def kind(self) -> CheckInKind | None:
        """What is being asked now (None: nothing)."""
        return self._kind if self.isVisible() else None

    def ask(self, kind: CheckInKind, question: str) -> None:
        """Show ``question``; replaces one already showing (which counts as skipped)."""
        if self._kind is not None:
            self.skip()
        self._kind = kind
        self._left = TIMEOUTS[kind]
        self.question.setText(question)
        self._show_left()
        height = self._fit(self._host.height())
        width = min(self._host.width() - 40, max(1000, self._host.width() * 3 // 4))
        self.setGeometry((self._host.width() - width) // 2, 60, width, height)
        self.show()
        self.raise_()
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._timer.start()

    def give(self, rating: int) -> None:
        kind = self._close()
        if kind is not None:
            self.answered.emit(kind, rating)

    def skip(self) -> None:
        kind = self._close()
        if kind is not None:
            self.skipped.emit(kind)

    def _close(self) -> CheckInKind | None:
        kind, self._kind = self._kind, None
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        self.hide()
        return kind

    def _second(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.skip()
        else:
            self._show_left()

    def _show_left(self) -> None:
        self.countdown.setText(SKIPPING.format(seconds=self._left))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() != QEvent.Type.KeyPress
            or self._kind is None
            or not isinstance(watched, QWidget)
            or watched.window() is not self.window()
        ):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        rating = _DIGITS.get(int(key_event.key()))
        if rating is None:
            return False  # every other key (Esc, P, Space...) keeps its meaning
        if not key_event.isAutoRepeat():
            self.give(rating)
        return True
