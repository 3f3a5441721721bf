"""After pain — stop: four big choices, where it hurts, an optional 0–10 rating and a note.

A page in the window, not a modal dialog: nothing waits on it, and the countdown behind
it stays frozen until a choice is made. Keys E, G, S and R choose while the panel has
focus (typing a note in the text field types letters, it does not choose); 1–4 and the
arrows choose on the body map; F opens the safety (red-flag) questions. The panel only
reports the choice; the window tells the engine.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.care.body import PainSite
from backtimer.core.i18n import _
from backtimer.core.session.record import PainChoice
from backtimer.gui import theme
from backtimer.gui.care.body_map import BodyMap
from backtimer.gui.slots import connect_call

ADVICE = _("If the pain is sharp or does not ease, stop and consult your medical provider.")
#: Shown instead of ADVICE when the rating is above the routine's prescribed limit.
OVER_LIMIT = _(
    "Your plan says to stop if pain is above {limit}/10. End the session or skip this "
    "stretch, and tell your clinician if it does not settle."
)

#: Button text and key for each choice, in the order shown.
CHOICES: tuple[tuple[PainChoice, str, Qt.Key], ...] = (
    (PainChoice.END, _("End session"), Qt.Key.Key_E),
    (PainChoice.GENTLER, _("Continue gentler"), Qt.Key.Key_G),
    (PainChoice.SKIP, _("Skip this stretch"), Qt.Key.Key_S),
    (PainChoice.RESUME, _("Resume"), Qt.Key.Key_R),
)
NOTE_MAX_LENGTH = 500
RED_FLAGS_BUTTON = _("Safety questions [F]")
RED_FLAGS_KEY = Qt.Key.Key_F
RED_FLAGS_NAME = _("Safety questions")
RED_FLAGS_DESCRIPTION = _(
    "Opens four questions about rare signs that back pain needs a doctor today. Key: F."
)
#: What each choice does, for a screen reader.
CHOICE_DESCRIPTIONS = {
    PainChoice.END: _("End the session now; the pain is kept in your history. Key: E."),
    PainChoice.GENTLER: _("Do this side again with a shorter hold, and the rest gentler. Key: G."),
    PainChoice.SKIP: _("Leave this stretch and go on with the next one. Key: S."),
    PainChoice.RESUME: _("Go on from where you stopped. Key: R."),
}
RATING_NAME = _("Pain rating {value}")
RATING_DESCRIPTION = _(
    "Optional: how bad the pain is, from 0, no pain, to 10, the worst imaginable; "
    "choose it again to take it back."
)
NOTE_DESCRIPTION = _("Optional: where it hurt and what it felt like; kept with the pain event.")
#: A choice's button: its words, and the key that chooses it.
CHOICE_BUTTON = "{choice}\n[{key}]"
PANEL_NAME = _("Stopped for pain")
HEADING = _("Stopped.")
RATING_TITLE = _("How bad is it? (optional, 0–10)")
NO_PAIN = _("0 = no pain")
WORST_PAIN = _("10 = worst pain imaginable")
NOTE_PLACEHOLDER = _("Note (optional): where, what it felt like")
NOTE_NAME = _("Note")


class PainPanel(QWidget):
    """ "Stopped." and what next. Call ``reset()`` before showing it again."""

    #: The person chose: (PainChoice, rating 0–10 or None, note — plain text, maybe "").
    #: Where it hurts is ``site()`` at that moment.
    choice_made = Signal(object, object, str)
    #: The person asked for the red-flag safety questions.
    red_flags_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(PANEL_NAME)
        self.heading = QLabel(HEADING)
        self.advice = QLabel(ADVICE)
        self.context = QLabel()
        for label in (self.heading, self.advice, self.context):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.context.hide()

        self.buttons: dict[PainChoice, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for n, (choice, text, key) in enumerate(CHOICES):
            button = QPushButton(CHOICE_BUTTON.format(choice=text, key=key.name[-1]))
            button.setAccessibleName(text)
            button.setAccessibleDescription(CHOICE_DESCRIPTIONS[choice])
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            # Reached with Tab, never by a click: Space must not pick whatever was last clicked.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            connect_call(button.clicked, self.choose, choice)
            grid.addWidget(button, n // 2, n % 2)
            self.buttons[choice] = button

        self.rating_buttons: list[QPushButton] = []
        rating_row = QHBoxLayout()
        rating_row.setSpacing(6)
        for value in range(11):
            b = QPushButton(str(value))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setAccessibleName(RATING_NAME.format(value=value))
            b.setAccessibleDescription(RATING_DESCRIPTION)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            connect_call(b.clicked, self._rating_clicked, value)
            rating_row.addWidget(b)
            self.rating_buttons.append(b)
        self.rating_title = QLabel(RATING_TITLE)
        anchors = QHBoxLayout()
        self.no_pain = QLabel(NO_PAIN)
        self.worst = QLabel(WORST_PAIN)
        anchors.addWidget(self.no_pain)
        anchors.addStretch(1)
        anchors.addWidget(self.worst)
        self.note = QLineEdit()
        self.note.setPlaceholderText(NOTE_PLACEHOLDER)
        self.note.setMaxLength(NOTE_MAX_LENGTH)
        self.note.setAccessibleName(NOTE_NAME)
        self.note.setAccessibleDescription(NOTE_DESCRIPTION)

        layout = QVBoxLayout(self)
        # Tight enough that all of it fits the stage of a 1024x600 screen with a banner
        # showing (about 340 px): every choice stays in sight, nothing to scroll.
        layout.setContentsMargins(20, 6, 20, 6)
        layout.setSpacing(5)
        layout.addWidget(self.heading)
        layout.addWidget(self.context)
        layout.addWidget(self.advice)
        self.body_map = BodyMap()
        self.red_flags_button = QPushButton(RED_FLAGS_BUTTON)
        self.red_flags_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.red_flags_button.setAccessibleName(RED_FLAGS_NAME)
        self.red_flags_button.setAccessibleDescription(RED_FLAGS_DESCRIPTION)
        self.red_flags_button.clicked.connect(self.red_flags_requested)
        middle = QHBoxLayout()
        middle.setSpacing(14)
        middle.addLayout(grid, 4)
        middle.addWidget(self.body_map, 1)
        layout.addLayout(middle, 1)
        layout.addWidget(self.rating_title)
        layout.addLayout(rating_row)
        layout.addLayout(anchors)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.red_flags_button)
        layout.addLayout(bottom)
        self._rating: int | None = None
        self._pain_limit: int | None = None
        self._restyle()

    # -- state ---------------------------------------------------------------------------
    def reset(self) -> None:
        """No rating, no note, no context: ready for the next pain — stop."""
        self._set_rating(None)
        self.note.clear()
        self.body_map.reset()
        self.set_context("")

    def set_context(self, text: str) -> None:
        """A plain line saying what was stopped ("Hamstring stretch, right side, 12 s in")."""
        self.context.setText(text)
        self.context.setVisible(bool(text))

    def set_pain_limit(self, limit: int | None) -> None:
        """The routine's "stop if pain is above ``limit``/10" (None: it sets none)."""
        self._pain_limit = limit
        self._set_rating(self._rating)

    def rating(self) -> int | None:
        return self._rating

    def site(self) -> PainSite | None:
        """Where it hurts, as chosen on the body map (None: not said)."""
        return self.body_map.site()

    def choose(self, choice: PainChoice) -> None:
        """Report ``choice`` with the rating and note as they stand."""
        self.choice_made.emit(choice, self._rating, self.note.text().strip())

    # -- input ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if (
            not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            and not event.isAutoRepeat()
        ):
            for choice, _text, key in CHOICES:
                if event.key() == key:
                    self.choose(choice)
                    event.accept()
                    return
            if event.key() == RED_FLAGS_KEY:
                self.red_flags_requested.emit()
                event.accept()
                return
            if self.body_map.handle_key(event.key()):
                event.accept()
                return
        super().keyPressEvent(event)

    def _rating_clicked(self, value: int) -> None:
        # A second click on the chosen value takes the rating back: it stays optional.
        self._set_rating(None if self._rating == value else value)

    def _set_rating(self, value: int | None) -> None:
        self._rating = value
        for n, b in enumerate(self.rating_buttons):
            b.setChecked(n == value)
        limit = self._pain_limit
        over = value is not None and limit is not None and value > limit
        self.advice.setText(OVER_LIMIT.format(limit=limit) if over else ADVICE)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # The panel, not a button, takes focus: Space on a focused button would choose.
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- look ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        # The look changed (the system went dark, or high contrast): colours follow now.
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _visible_height(self) -> int:
        """The height the person sees: the scroll area's, when the panel is in one. Its own
        height grows with its fonts, so sizing the fonts by it fed on itself until the
        panel overflowed a 1024x600 screen and its last choices scrolled out of sight."""
        viewport = self.parentWidget()
        if isinstance(viewport, QWidget) and isinstance(viewport.parentWidget(), QScrollArea):
            return max(1, viewport.height())
        return max(1, self.height())

    def _restyle(self) -> None:
        c = theme.colours(self.palette())
        h = self._visible_height()
        self.heading.setFont(theme.sans(theme.scaled_pixels(h, 0.09, lo=28, hi=96)))
        self.heading.setStyleSheet(f"color: {theme.css_colour(c.pain)};")
        self.advice.setFont(theme.sans(theme.scaled_pixels(h, 0.04, lo=16, hi=40)))
        self.context.setFont(theme.sans(theme.scaled_pixels(h, 0.035, lo=15, hi=34), bold=False))
        button_px = theme.scaled_pixels(h, 0.045, lo=18, hi=52)
        for choice, button in self.buttons.items():
            button.setFont(theme.sans(button_px))
            button.setMinimumHeight(round(button_px * 2.5))
            border = c.pain if choice is PainChoice.END else c.muted
            button.setStyleSheet(
                f"QPushButton {{ border: 3px solid {theme.css_colour(border)};"
                " border-radius: 12px; padding: 6px; }"
                f" QPushButton:focus {{ border-color: {theme.css_colour(c.hold)}; }}"
            )
        small = theme.scaled_pixels(h, 0.028, lo=14, hi=28)
        rating_px = theme.scaled_pixels(h, 0.035, lo=16, hi=36)
        for b in self.rating_buttons:
            b.setFont(theme.sans(rating_px))
            b.setMinimumHeight(round(rating_px * 1.9))
            muted, hold, ground = (
                theme.css_colour(c.muted),
                theme.css_colour(c.hold),
                theme.css_colour(c.background),
            )
            b.setStyleSheet(
                f"QPushButton {{ border: 2px solid {muted}; border-radius: 8px; }}"
                f" QPushButton:focus {{ border-color: {hold}; }}"
                f" QPushButton:checked {{ background: {hold}; color: {ground}; }}"
            )
        for label in (self.rating_title, self.no_pain, self.worst):
            label.setFont(theme.sans(small, bold=label is self.rating_title))
        self.note.setFont(theme.sans(small, bold=False))
        self.red_flags_button.setFont(theme.sans(small))
