"""The countdown: a ring that empties as the phase runs out, and numerals read from the mat.

The widget only shows what it is told (``set_state``); the session screen passes
``remaining``, which the engine computes as its deadline minus now. Numerals are rounded
*up* to whole seconds, so "1" is on screen for the last second and "0" only once time is
up, which matches the 3-2-1 beeps.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backtimer.core.i18n import _
from backtimer.core.session.timeline import PHASE_LABELS, PhaseKind
from backtimer.gui import theme

#: What a screen reader reads as the countdown's description.
TIME_LEFT = _("{time} left: {phase}")
TIME_LEFT_FROZEN = _("{time} left: {phase}, stopped")
ACCESSIBLE_NAME = _("Countdown")
#: Under the numerals while the session is paused.
PAUSED = _("PAUSED")
#: Glyphs measured for the numerals' height (what a legibility test compares).
DIGITS = "0123456789"
#: Slack for float noise: 25.000000001 s left must still read "25", not "26".
_EPSILON = 1e-6


def whole_seconds(remaining: float) -> int:
    """``remaining`` rounded up to whole seconds (25.0→25, 24.01→25, 0.3→1, 0→0)."""
    if not math.isfinite(remaining) or remaining <= 0:
        return 0
    return max(0, math.ceil(remaining - _EPSILON))


def format_remaining(remaining: float) -> str:
    """ "25" under a minute, "1:05" from 60 s up (seconds rounded up first)."""
    secs = whole_seconds(remaining)
    if secs < 60:
        return str(secs)
    return f"{secs // 60}:{secs % 60:02d}"


class CountdownWidget(QWidget):
    """Ring + numerals. ``set_state`` repaints; nothing here keeps time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._remaining = 0.0
        self._total = 0.0
        self._kind = PhaseKind.LEAD_IN
        self._frozen = False
        self._distance = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.setAccessibleName(ACCESSIBLE_NAME)
        self._box_cache: tuple[object, QRect] = (None, QRect())

    # -- state ---------------------------------------------------------------------------
    def set_state(
        self, remaining: float, total: float, kind: PhaseKind, frozen: bool = False
    ) -> None:
        """Show ``remaining`` of ``total`` seconds of a ``kind`` phase; ``frozen`` greys it."""
        if (remaining, total, kind, frozen) == (
            self._remaining,
            self._total,
            self._kind,
            self._frozen,
        ):
            return
        only_time = (total, kind, frozen) == (self._total, self._kind, self._frozen)
        old_text, old_fraction = self.text(), self.fraction()
        self._remaining, self._total, self._kind, self._frozen = remaining, total, kind, frozen
        text = self.text()
        if not only_time or 0.0 in (old_fraction, self.fraction()):
            self.update()  # colours, the ring's start or the whole picture change
        else:
            # A tick: only the end of the lit arc moves, and the numerals once a second.
            self.update(self._arc_change(old_fraction, self.fraction()))
            if text != old_text:
                self.update(self._numeral_box(old_text).united(self._numeral_box(text)))
        template = TIME_LEFT_FROZEN if frozen else TIME_LEFT
        words = template.format(time=text, phase=PHASE_LABELS[kind])
        if words != self.accessibleDescription():  # once a second, not each repaint
            self.setAccessibleDescription(words)

    def set_distance_mode(self, on: bool) -> None:
        """High contrast and numerals filling more of the ring (full-screen use)."""
        if on != self._distance:
            self._distance = on
            self.update()

    def text(self) -> str:
        """The numerals as shown."""
        return format_remaining(self._remaining)

    def fraction(self) -> float:
        """The part of the ring still lit, 0..1."""
        if self._total <= 0:
            return 0.0
        return max(0.0, min(1.0, self._remaining / self._total))

    def is_frozen(self) -> bool:
        return self._frozen

    def colour(self) -> QColor:
        """The ring's and numerals' current colour (hold, rest or frozen)."""
        c = theme.colours(self.palette(), distance=self._distance)
        return theme.phase_colour(self._kind, c, frozen=self._frozen)

    # -- geometry ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(400, 400)

    def _ring_rect(self) -> QRectF:
        side = min(self.width(), self.height())
        thickness = self._thickness(side)
        d = side - thickness - 2
        return QRectF((self.width() - d) / 2, (self.height() - d) / 2, d, d)

    def _thickness(self, side: float) -> float:
        return max(4.0, side * (0.045 if self._distance else 0.05))

    def _arc_change(self, a: float, b: float) -> QRect:
        """Where the lit arc differs between fractions ``a`` and ``b``: the bounding box of
        the ring between the two ends, widened by the pen (its round cap) and a pixel of
        antialiasing."""
        ring = self._ring_rect()
        centre, r = ring.center(), ring.width() / 2
        lo, hi = sorted((a, b))
        steps = max(1, math.ceil((hi - lo) * 72))  # a point every 5 degrees at most
        xs, ys = [], []
        for i in range(steps + 1):
            # Clockwise from twelve o'clock, as painted.
            angle = 2 * math.pi * (lo + (hi - lo) * i / steps)
            xs.append(centre.x() + r * math.sin(angle))
            ys.append(centre.y() - r * math.cos(angle))
        pad = self._thickness(min(self.width(), self.height())) / 2 + 2
        box = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, 0)
        box.setBottom(max(ys) + pad)
        return box.toAlignedRect()

    def _numeral_box(self, text: str) -> QRect:
        """Where ``text``'s numerals are painted, with a margin."""
        key = (text, self.width(), self.height(), self._distance)
        if self._box_cache[0] != key:  # asked for at every tick's paint: measured once
            self._box_cache = (key, self._measure_numerals(text))
        return self._box_cache[1]

    def _measure_numerals(self, text: str) -> QRect:
        fm = QFontMetricsF(self._font_for(text))
        ring = self._ring_rect()
        box = fm.tightBoundingRect(text)
        cap = fm.tightBoundingRect(DIGITS).height()
        centre = ring.center()
        width = box.width() + 8
        return QRectF(centre.x() - width / 2, centre.y() - cap, width, 2 * cap).toAlignedRect()

    def numeral_font(self) -> QFont:
        """The largest bold font whose numerals fit inside the ring.

        The numerals may use most of the ring's inner width (0.94 in distance mode, 0.9
        otherwise) and at most half of its height, so "25" and "1:05" both fit.
        """
        return self._font_for(self.text())

    def _font_for(self, text: str) -> QFont:
        side = min(self.width(), self.height())
        inner = side - 2 * self._thickness(side) - 4
        width_share = 0.94 if self._distance else 0.9
        height_share = 0.62 if self._distance else 0.56
        probe = theme.sans(100)
        fm = QFontMetricsF(probe)
        # The numerals' box: the shown text's width, the digits' cap height.
        w100 = max(fm.tightBoundingRect(text).width(), fm.tightBoundingRect("00").width())
        h100 = fm.tightBoundingRect(DIGITS).height()
        scale = min(inner * width_share / w100, inner * height_share / h100)
        return theme.sans(max(8, int(100 * scale)))

    def numeral_pixel_height(self) -> int:
        """The measured cap height of the digits at the current size, in pixels."""
        fm = QFontMetricsF(self.numeral_font())
        return round(fm.tightBoundingRect(DIGITS).height())

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme.colours(self.palette(), distance=self._distance)
        colour = theme.phase_colour(self._kind, c, frozen=self._frozen)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._distance:
            p.fillRect(self.rect(), c.background)
        ring = self._ring_rect()
        thickness = self._thickness(min(self.width(), self.height()))
        pen = QPen(c.track, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        p.drawEllipse(ring)
        fraction = self.fraction()
        if fraction > 0:
            pen.setColor(colour)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            # From twelve o'clock, clockwise: the lit arc shrinks towards the top.
            p.drawArc(ring, 90 * 16, -round(fraction * 360 * 16))
        # A tick repaints only the arc's moving end (see set_state): the numerals are
        # drawn again only where they are to be repainted.
        if self._frozen or event.region().intersects(self._numeral_box(self.text())):
            self._paint_numerals(p, ring, colour, c)
        p.end()

    def _paint_numerals(self, p: QPainter, ring: QRectF, colour: QColor, c: theme.Colours) -> None:
        font = self.numeral_font()
        fm = QFontMetricsF(font)
        text = self.text()
        box = fm.tightBoundingRect(text)
        cap = fm.tightBoundingRect(DIGITS).height()
        centre = ring.center()
        # Centre the digits' cap height optically, not the font's ascent/descent box.
        baseline = centre.y() + cap / 2
        x = centre.x() - box.width() / 2 - box.left()
        p.setFont(font)
        if self._distance and not self._frozen:
            p.setPen(c.text)  # white on black: the most contrast there is
        else:
            p.setPen(colour)
        p.drawText(QPointF(x, baseline), text)
        if self._frozen:
            small = theme.sans(max(10, round(ring.height() * 0.075)))
            p.setFont(small)
            p.setPen(c.muted)
            below = QRectF(ring.left(), baseline + cap * 0.18, ring.width(), ring.height() * 0.12)
            p.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, PAUSED)
