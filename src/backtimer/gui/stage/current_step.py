"""What to do now, in words big enough to read from the mat.

The phase ("Hold"), which side (a coloured RIGHT/LEFT badge with an arrow), the
exercise, the instruction, rep n of m, a gentle badge, the caution and what comes next.
All routine text is plain text: labels are set to ``Qt.PlainText`` so a routine file can
never inject markup. Font sizes follow the panel's height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from backtimer.core.i18n import _
from backtimer.core.routine import Routine, Side, step_text
from backtimer.core.session.timeline import LEAD_IN_TITLE, Phase, PhaseKind
from backtimer.gui import theme
from backtimer.gui.stage.durations import duration_text

#: The side badge's words; the arrow points the way the side is named.
SIDE_TEXT = {Side.RIGHT: _("RIGHT SIDE ▶"), Side.LEFT: _("◀ LEFT SIDE")}
GENTLE_BADGE = _("GENTLE")
IDLE_PHASE = _("Ready when you are")
IDLE_INSTRUCTION = _(
    "Press Start or Space. You get 10 seconds to get down on the mat; "
    "everything after that runs by itself."
)
LEAD_IN_INSTRUCTION = _("Get down on the mat or beside your chair. The session starts by itself.")
DONE_INSTRUCTION = _("Well done. That is the end of the session.")
REST_INSTRUCTION = _("Relax and breathe slowly.")
SWITCH_INSTRUCTION = {
    Side.RIGHT: _("Gently come out of the stretch and change to your right side."),
    Side.LEFT: _("Gently come out of the stretch and change to your left side."),
}
STEP_COUNT = _("step {step} of {steps}")
REP_COUNT = _("Rep {rep} of {reps}")
CAUTION = _("⚠ {caution}")

#: What comes next, keyed by the phase's kind and side: ``{time}`` a length, ``{title}``
#: the exercise or movement, ``{phase}`` the phase's name.
NEXT: dict[tuple[PhaseKind | None, Side | None], str] = {
    (PhaseKind.HOLD, None): _("Next: hold {time}"),
    (PhaseKind.HOLD, Side.RIGHT): _("Next: hold {time} — right side"),
    (PhaseKind.HOLD, Side.LEFT): _("Next: hold {time} — left side"),
    (PhaseKind.SWITCH, None): _("Next: switch"),
    (PhaseKind.SWITCH, Side.RIGHT): _("Next: switch to the right side"),
    (PhaseKind.SWITCH, Side.LEFT): _("Next: switch to the left side"),
    (PhaseKind.REST, None): _("Next: rest {time}"),
    (PhaseKind.PREPARE, None): _("Next: {title}"),
    (PhaseKind.WARMUP, None): _("Next: warm-up — {title}"),
    (PhaseKind.COOLDOWN, None): _("Next: cool-down — {title}"),
    (PhaseKind.DONE, None): _("Next: the end — well done"),
    (None, None): _("Next: {phase}"),
}
#: The same before a session, for its first phase.
FIRST: dict[tuple[PhaseKind | None, Side | None], str] = {
    (PhaseKind.HOLD, None): _("First: hold {time}"),
    (PhaseKind.HOLD, Side.RIGHT): _("First: hold {time} — right side"),
    (PhaseKind.HOLD, Side.LEFT): _("First: hold {time} — left side"),
    (PhaseKind.SWITCH, None): _("First: switch"),
    (PhaseKind.SWITCH, Side.RIGHT): _("First: switch to the right side"),
    (PhaseKind.SWITCH, Side.LEFT): _("First: switch to the left side"),
    (PhaseKind.REST, None): _("First: rest {time}"),
    (PhaseKind.PREPARE, None): _("First: {title}"),
    (PhaseKind.WARMUP, None): _("First: warm-up — {title}"),
    (PhaseKind.COOLDOWN, None): _("First: cool-down — {title}"),
    (PhaseKind.DONE, None): _("First: the end — well done"),
    (None, None): _("First: {phase}"),
}
_SIDED = (PhaseKind.HOLD, PhaseKind.SWITCH)


def next_text(phase: Phase | None, *, first: bool = False) -> str:
    """ "Next: …" for the phase after this one ("" at the end); "First: …" with ``first``."""
    if phase is None:
        return ""
    templates = FIRST if first else NEXT
    side = phase.side if phase.kind in _SIDED else None
    key: tuple[PhaseKind | None, Side | None] = (phase.kind, side)
    if key not in templates:
        key = (None, None)
    return templates[key].format(
        time=duration_text(phase.seconds), title=phase.title, phase=phase.label
    )


def _plain_label(parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # routine text is never markup
    label.setWordWrap(wrap)
    return label


class FitLabel(QLabel):
    """A plain-text, word-wrapped label whose font grows to fill the space it is given."""

    def __init__(self, parent: QWidget | None = None, *, lo: int = 16, hi: int = 56) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Ignored: the text's length must not push the layout around as steps change.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.lo, self.hi = lo, hi

    def set_range(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, max(lo, hi)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        r = self.contentsRect()
        size = theme.fit_pixel_size(self.text(), r.width(), r.height(), lo=self.lo, hi=self.hi)
        if self.font().pixelSize() != size:
            self.setFont(theme.sans(size, bold=False))


class CurrentStepPanel(QWidget):
    """The words beside the figure. ``set_phase`` shows a phase; nothing here keeps time."""

    def __init__(self, routine: Routine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restyling = False
        self._routine = routine
        self._phase: Phase | None = None
        self._next: Phase | None = None
        self._step = 0
        self._distance = False
        self._side: Side | None = None

        self.phase_label = _plain_label(self)
        self.side_badge = _plain_label(self)
        self.side_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rep_label = _plain_label(self)
        self.gentle_badge = _plain_label(self)
        self.gentle_badge.setText(GENTLE_BADGE)
        self.name_label = _plain_label(self, wrap=True)
        self.step_count_label = _plain_label(self)
        self.instruction = FitLabel(self)
        self.caution_label = _plain_label(self, wrap=True)
        self.next_label = _plain_label(self, wrap=True)
        for label in (self.side_badge, self.gentle_badge):
            label.hide()

        for label in (self.phase_label, self.side_badge, self.gentle_badge, self.rep_label):
            label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        for label in (self.phase_label, self.side_badge):
            # Their fonts follow the panel's width (see _restyle); without this their text
            # width would become the panel's minimum and starve the countdown beside it.
            label.setMinimumWidth(1)
        # Side by side normally; stacked in distance mode, where both are huge.
        self._top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(16)
        top.addWidget(self.phase_label)
        top.addWidget(self.side_badge)
        top.addStretch(1)
        top.addWidget(self.gentle_badge)
        # The rep count sits with the name: beside "Get into position" and a side badge
        # it left too little room at 1024-1280 px windows, and the badge was cut off.
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label, 1)
        name_row.addWidget(self.rep_label, 0, Qt.AlignmentFlag.AlignBottom)
        name_row.addWidget(self.step_count_label, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(name_row)
        layout.addWidget(self.instruction, 1)
        layout.addWidget(self.caution_label)
        layout.addWidget(self.next_label)
        layout.addStretch(0)
        self._restyle()

    # -- what to show --------------------------------------------------------------------
    def set_routine(self, routine: Routine) -> None:
        """The routine cautions are looked up in."""
        self._routine = routine

    def set_phase(self, phase: Phase, next_phase: Phase | None, step_index: int) -> None:
        """Show ``phase`` with its step ``step_index`` large; ``next_phase`` for "Next: …"."""
        self._phase, self._next, self._step = phase, next_phase, step_index
        self._refresh()

    def set_idle(self, routine: Routine, first: Phase) -> None:
        """Before a session: the routine's first part, and how to begin."""
        self._routine = routine
        self._phase, self._next, self._step = None, first, 0
        self.phase_label.setText(IDLE_PHASE)
        self.name_label.setText(routine.name)
        self.instruction.setText(IDLE_INSTRUCTION)
        self._set_side(None)
        self.rep_label.setText("")
        self.step_count_label.setText("")
        self.gentle_badge.hide()
        self.caution_label.setText("")
        self.next_label.setText(next_text(first, first=True))
        self._restyle()

    def set_prepare_progress(self, elapsed: float, phase: Phase) -> None:
        """Step through a multi-step phase's instructions as its time passes."""
        if phase != self._phase or phase.kind not in (
            PhaseKind.PREPARE,
            PhaseKind.WARMUP,
            PhaseKind.COOLDOWN,
        ):
            return
        n = len(phase.steps)
        if n < 2 or phase.seconds <= 0:
            return
        step = max(0, min(n - 1, int(elapsed / (phase.seconds / n))))
        if step != self._step:
            self._step = step
            self._refresh()

    def set_distance_mode(self, on: bool) -> None:
        """Only the phase and the side, larger and high-contrast."""
        self._distance = on
        self._top.setDirection(
            QBoxLayout.Direction.TopToBottom if on else QBoxLayout.Direction.LeftToRight
        )
        for w in (
            self.name_label,
            self.step_count_label,
            self.instruction,
            self.caution_label,
            self.next_label,
            self.rep_label,
        ):
            w.setVisible(not on)
        self._refresh()

    # -- reading (tests, accessibility) --------------------------------------------------
    def side_text(self) -> str:
        return self.side_badge.text() if self.side_badge.isVisibleTo(self) else ""

    def instruction_text(self) -> str:
        return self.instruction.text()

    # -- internals -----------------------------------------------------------------------
    def _caution(self, phase: Phase) -> str:
        if self._routine is None or phase.item_id is None:
            return ""
        if phase.exercise_index is not None and phase.exercise_index < len(self._routine.exercises):
            return self._routine.exercises[phase.exercise_index].caution
        for m in (*self._routine.warmup, *self._routine.cooldown):
            if m.id == phase.item_id:
                return m.caution
        return ""

    def _instruction(self, phase: Phase) -> str:
        if phase.kind is PhaseKind.LEAD_IN:
            return LEAD_IN_INSTRUCTION
        if phase.kind is PhaseKind.DONE:
            return DONE_INSTRUCTION
        if phase.kind is PhaseKind.REST:
            return REST_INSTRUCTION
        if phase.kind is PhaseKind.SWITCH and phase.side is not None:
            return SWITCH_INSTRUCTION[phase.side]
        if not phase.steps:
            return ""
        step = phase.steps[max(0, min(self._step, len(phase.steps) - 1))]
        return step_text(step, phase.side)

    def _refresh(self) -> None:
        phase = self._phase
        if phase is None:
            self._restyle()
            return
        self.phase_label.setText(phase.label)
        title = phase.title if phase.title not in (phase.label, LEAD_IN_TITLE) else ""
        self.name_label.setText(title)
        self.instruction.setText(self._instruction(phase))
        n = len(phase.steps)
        showing_steps = phase.kind in (PhaseKind.PREPARE, PhaseKind.WARMUP, PhaseKind.COOLDOWN)
        self.step_count_label.setText(
            STEP_COUNT.format(step=min(self._step, n - 1) + 1, steps=n)
            if showing_steps and n > 1
            else ""
        )
        self.rep_label.setText(
            REP_COUNT.format(rep=phase.rep, reps=phase.reps) if phase.reps > 1 else ""
        )
        self.gentle_badge.setVisible(phase.gentle)
        self._set_side(phase.side if phase.kind is not PhaseKind.REST else None)
        caution = self._caution(phase)
        self.caution_label.setText(CAUTION.format(caution=caution) if caution else "")
        self.next_label.setText(next_text(self._next))
        self._restyle()

    def _set_side(self, side: Side | None) -> None:
        self._side = side
        if side is None:
            self.side_badge.hide()
            self.side_badge.setText("")
        else:
            self.side_badge.setText(SIDE_TEXT[side])
            self.side_badge.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        # The look changed (the system went dark, or high contrast): colours follow now.
        if event.type() == QEvent.Type.PaletteChange and not self._restyling:
            self._restyling = True  # _restyle sets this panel's palette: no loop
            try:
                self._restyle()
            finally:
                self._restyling = False

    def _fit_top_row(self, big: int) -> int:
        """The largest size up to ``big`` at which the phase and the side badge fit side
        by side (and the gentle badge): "Get into position" and "◀ LEFT SIDE" together
        are wider than the "Hold" the width rule above was made for."""
        room = self.width() - 24 - 2 * 16  # the margins, and the row's spacing
        if self._phase is not None and self._phase.gentle:
            room -= self.gentle_badge.sizeHint().width()
        phase_text = self.phase_label.text()
        side_text = self.side_badge.text() if self._side is not None else ""
        size = big
        while size > 22:
            width = QFontMetrics(theme.sans(size)).horizontalAdvance(phase_text)
            if side_text:
                badge = QFontMetrics(theme.sans(round(size * 0.8)))
                width += badge.horizontalAdvance(side_text) + 2 * (size // 3) + 4
            if width <= room:
                break
            size -= 2
        return max(22, size)

    def _restyle(self) -> None:
        """Colours from the phase and the palette, font sizes from the panel's height."""
        c = theme.colours(self.palette(), distance=self._distance)
        h = max(1, self.height())
        big = theme.scaled_pixels(h, 0.3 if self._distance else 0.15, lo=22, hi=160)
        # "◀ LEFT SIDE" in bold is about 8 font-sizes wide: keep it inside the panel.
        big = max(22, min(big, self.width() // (9 if self._distance else 13)))
        if not self._distance:
            big = self._fit_top_row(big)
        medium = theme.scaled_pixels(h, 0.09, lo=18, hi=44)
        small = theme.scaled_pixels(h, 0.065, lo=15, hi=30)
        self.setAutoFillBackground(self._distance)
        if self._distance:
            pal = self.palette()
            pal.setColor(QPalette.ColorRole.Window, c.background)
            pal.setColor(QPalette.ColorRole.WindowText, c.text)
            self.setPalette(pal)
        else:
            self.setPalette(QPalette())
        phase = self._phase
        kind = phase.kind if phase is not None else PhaseKind.LEAD_IN
        accent = theme.phase_colour(kind, c)
        self.phase_label.setFont(theme.sans(big))
        self.phase_label.setStyleSheet(f"color: {theme.css_colour(accent)};")
        side = self._side
        if side is not None:
            bg = theme.side_colour(side, c)
            self.side_badge.setFont(theme.sans(big if self._distance else round(big * 0.8)))
            self.side_badge.setStyleSheet(
                f"background: {theme.css_colour(bg)}; color: {theme.css_colour(c.on_side)};"
                f" border-radius: {big // 4}px; padding: 2px {big // 3}px;"
            )
        self.gentle_badge.setFont(theme.sans(small))
        self.gentle_badge.setStyleSheet(
            f"color: {theme.css_colour(c.gentle)}; border: 2px solid {theme.css_colour(c.gentle)};"
            " border-radius: 6px; padding: 1px 8px;"
        )
        self.rep_label.setFont(theme.sans(medium))
        self.name_label.setFont(theme.sans(medium))
        self.step_count_label.setFont(theme.sans(small, bold=False))
        self.step_count_label.setStyleSheet(f"color: {theme.css_colour(c.muted)};")
        self.instruction.set_range(16, theme.scaled_pixels(h, 0.15, lo=20, hi=72))
        self.caution_label.setFont(theme.sans(small))
        self.caution_label.setStyleSheet(f"color: {theme.css_colour(c.cut_short)};")
        self.caution_label.setVisible(bool(self.caution_label.text()) and not self._distance)
        self.next_label.setFont(theme.sans(small, bold=False))
        self.next_label.setStyleSheet(f"color: {theme.css_colour(c.muted)};")
