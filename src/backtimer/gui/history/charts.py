"""Hold-time and pain charts drawn with QPainter, on screen and in the PDF report alike.

Why our own painter rather than a chart library: Qt Charts is deprecated since Qt 6.10;
Qt Graphs draws 2-D graphs only through Qt Quick (a QQuickWidget and QML), which here
logs RHI/OpenGL warnings offscreen and would make the PDF need a second drawing path;
pyqtgraph would add pyqtgraph and numpy for two simple series. One ``paint_chart``
function draws the same picture on a widget and on a ``QPdfWriter`` page.

The chart: the upper band shows the longest hold in each period (line and dots, seconds),
one line per side when the buckets carry sides (right orange, left violet, as on the
stage's side badges) so an asymmetry shows;
the lower band shows pain events in each period (red bars with their count). Periods are
days, weeks or months (``core.history.stats.bucket_size``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backtimer.core import formats
from backtimer.core.history.stats import Bucket
from backtimer.core.i18n import _, ngettext

HOLD_COLOUR = QColor("#1f5fa8")
RIGHT_COLOUR = QColor("#d35400")  #: the right side, as the stage's badge (orange)
LEFT_COLOUR = QColor("#6c3fc4")  #: the left side (blue-violet)
#: By period size; the first ■ is coloured as the right side, the second as the left.
SIDES_LEGEND = {
    "day": _("longest hold per day: right ■  left ■"),
    "week": _("longest hold per week: right ■  left ■"),
    "month": _("longest hold per month: right ■  left ■"),
}
PAIN_COLOUR = QColor("#c0392b")
GRID_COLOUR = QColor("#d0d0d0")
TEXT_COLOUR = QColor("#303030")

CHART_EMPTY = _("Nothing is drawn yet: no sessions in the chosen period.")
LONGEST_HOLD = {
    "day": _("longest hold per day"),
    "week": _("longest hold per week"),
    "month": _("longest hold per month"),
}
PAIN_EVENTS = {
    "day": _("pain events per day (most: {most})"),
    "week": _("pain events per week (most: {most})"),
    "month": _("pain events per month (most: {most})"),
}
SECONDS_AXIS = _("{value}s")
NO_HOLDS = _("No holds in this period")
PAIN_BAND = _("pain")
NO_PAIN_EVENTS = _("no pain events")
ACCESSIBLE_NAME = _("Hold and pain chart")
TOOLTIP_LONGEST = _("longest hold {seconds} s")


def tooltip_words(title: str, pains: int, longest: float) -> str:
    """ "Hamstrings: 3 pain events, longest hold 30 s" """
    text = ngettext(
        "{title}: {n} pain event, {longest}", "{title}: {n} pain events, {longest}", pains
    )
    longest_words = TOOLTIP_LONGEST.format(seconds=formats.decimal(longest, 0))
    return text.format(title=title, n=pains, longest=longest_words)


def _nice_top(value: float) -> float:
    for step in (20, 40, 60, 80, 120, 160, 200, 240, 320, 400, 600):  # quarters stay whole
        if value <= step:
            return float(step)
    return float(int(value / 240 + 1) * 240)


def _date_text(day: dt.date, size: str) -> str:
    return formats.month_year(day) if size == "month" else formats.short_date(day)


def _right(b: Bucket) -> float:
    return b.longest_right


def _left(b: Bucket) -> float:
    return b.longest_left


def _line(painter: QPainter, points: Sequence[QPointF], colour: QColor, unit: float) -> None:
    if not points:
        return
    path = QPainterPath()
    path.moveTo(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.setPen(QPen(colour, max(1.0, unit / 6)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    if len(points) <= 120:
        painter.setBrush(colour)
        radius = max(1.5, unit / 4)
        for point in points:
            painter.drawEllipse(point, radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _side_legend(painter: QPainter, rect: QRectF, unit: float, size: str) -> None:
    """ "longest hold per day: right ■ left ■" with each square in its side's colour."""
    text = SIDES_LEGEND[size]
    metrics = painter.fontMetrics()
    x = rect.right() - metrics.horizontalAdvance(text)
    y = rect.top()
    painter.setPen(TEXT_COLOUR)
    painter.drawText(
        QRectF(rect.left(), y, rect.width(), unit * 1.6),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        text,
    )
    square = metrics.horizontalAdvance("■")
    right_at = x + metrics.horizontalAdvance(text.split("■")[0]) - 0.0
    left_at = x + metrics.horizontalAdvance(text.rsplit("■", 1)[0])
    for colour, at in ((RIGHT_COLOUR, right_at), (LEFT_COLOUR, left_at)):
        painter.fillRect(QRectF(at, y + unit * 0.35, square, unit * 0.9), colour)


def paint_chart(
    painter: QPainter,
    rect: QRectF,
    buckets: Sequence[Bucket],
    first: dt.date,
    last: dt.date,
    size: str,
    title: str,
) -> None:
    """Draw the chart for ``buckets`` (periods of ``size``) spanning [first, last] in ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = painter.font()
    unit = max(6.0, min(rect.height() / 22, rect.width() / 50))  # text height in device units
    font = QFont(base)
    font.setPixelSize(int(unit))
    bold = QFont(font)
    bold.setBold(True)
    painter.setPen(TEXT_COLOUR)
    painter.setFont(bold)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), unit * 1.6),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title,
    )
    painter.setFont(font)
    # Room on the left for the axis figures and the pain band's word (longer in German).
    label = max(unit * 3.7, painter.fontMetrics().horizontalAdvance(PAIN_BAND) + unit * 0.4)
    left = rect.left() + label + unit * 0.3
    right = rect.right() - unit * 0.8
    top = rect.top() + unit * 2.6
    bottom = rect.bottom() - unit * 2.0
    pain_h = (bottom - top) * 0.24
    hold_bottom = bottom - pain_h - unit * 1.2
    span_days = max(1, (last - first).days)

    def x_of(day: dt.date) -> float:
        return left + (right - left) * min(1.0, max(0.0, (day - first).days / span_days))

    sided = any(b.longest_right or b.longest_left for b in buckets)
    top_value = _nice_top(1.1 * max((b.longest for b in buckets), default=0.0))
    # Grid and axis labels for the hold band.
    for i in range(5):
        value = top_value * i / 4
        y = hold_bottom - (hold_bottom - top) * i / 4
        painter.setPen(QPen(GRID_COLOUR, max(0.5, unit / 12)))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(TEXT_COLOUR)
        painter.drawText(
            QRectF(rect.left(), y - unit, left - rect.left() - unit * 0.3, unit * 2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            SECONDS_AXIS.format(value=formats.decimal(value)),
        )
    if sided:
        _side_legend(painter, rect, unit, size)
    else:
        painter.setPen(HOLD_COLOUR)
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), unit * 1.6),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            LONGEST_HOLD[size],
        )
    held = [b for b in buckets if b.longest > 0]
    if sided:
        for colour, side_of in ((RIGHT_COLOUR, _right), (LEFT_COLOUR, _left)):
            points = [
                QPointF(x_of(b.start), hold_bottom - (hold_bottom - top) * side_of(b) / top_value)
                for b in buckets
                if side_of(b) > 0
            ]
            _line(painter, points, colour, unit)
    elif held:
        path = QPainterPath()
        for n, b in enumerate(held):
            point = QPointF(
                x_of(b.start), hold_bottom - (hold_bottom - top) * b.longest / top_value
            )
            path.moveTo(point) if n == 0 else path.lineTo(point)
        painter.setPen(QPen(HOLD_COLOUR, max(1.0, unit / 6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if len(held) <= 120:
            painter.setBrush(HOLD_COLOUR)
            radius = max(1.5, unit / 4)
            for b in held:
                y = hold_bottom - (hold_bottom - top) * b.longest / top_value
                painter.drawEllipse(QPointF(x_of(b.start), y), radius, radius)
    else:
        painter.setPen(TEXT_COLOUR)
        painter.drawText(
            QRectF(left, top, right - left, hold_bottom - top),
            Qt.AlignmentFlag.AlignCenter,
            NO_HOLDS,
        )
    # Pain band.
    pain_top = bottom - pain_h
    painter.setPen(QPen(GRID_COLOUR, max(0.5, unit / 12)))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    painter.setPen(PAIN_COLOUR)
    painter.drawText(
        QRectF(rect.left(), pain_top, left - rect.left() - unit * 0.3, pain_h),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        PAIN_BAND,
    )
    most = max((b.pains for b in buckets), default=0)
    if most:
        periods = max(1, {"day": 1, "week": 7, "month": 30}[size])
        bar_w = max(unit / 3, (right - left) * periods / span_days * 0.7)
        for b in buckets:
            if b.pains:
                h = pain_h * b.pains / most
                x = x_of(b.start)
                painter.fillRect(QRectF(x - bar_w / 2, bottom - h, bar_w, h), PAIN_COLOUR)
        painter.drawText(
            QRectF(left, pain_top - unit * 1.2, right - left, unit * 1.2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            PAIN_EVENTS[size].format(most=most),
        )
    else:
        painter.drawText(
            QRectF(left, pain_top, right - left, pain_h),
            Qt.AlignmentFlag.AlignCenter,
            NO_PAIN_EVENTS,
        )
    # Date labels.
    painter.setPen(TEXT_COLOUR)
    for fraction, align in (
        (0.0, Qt.AlignmentFlag.AlignLeft),
        (0.5, Qt.AlignmentFlag.AlignHCenter),
        (1.0, Qt.AlignmentFlag.AlignRight),
    ):
        day = first + dt.timedelta(days=round(span_days * fraction))
        x = left + (right - left) * fraction
        w = unit * 8
        box_x = x if fraction == 0.0 else x - w if fraction == 1.0 else x - w / 2
        painter.drawText(
            QRectF(box_x, bottom + unit * 0.3, w, unit * 1.5),
            align | Qt.AlignmentFlag.AlignTop,
            _date_text(day, size),
        )
    painter.restore()


class HoldChart(QWidget):
    """The chart as a widget; ``set_data`` replaces what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buckets: list[Bucket] = []
        self._first = self._last = dt.date.today()
        self._size = "day"
        self._title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.setAccessibleName(ACCESSIBLE_NAME)
        self.setToolTip(CHART_EMPTY)  # what it shows now; set_data says more

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(640, 320)

    def set_data(
        self, buckets: Sequence[Bucket], first: dt.date, last: dt.date, size: str, title: str
    ) -> None:
        self._buckets = list(buckets)
        self._first, self._last, self._size, self._title = first, last, size, title
        longest = max((b.longest for b in buckets), default=0.0)
        self.setToolTip(tooltip_words(title, sum(b.pains for b in buckets), longest))
        self.update()

    @property
    def buckets(self) -> list[Bucket]:
        return list(self._buckets)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        paint_chart(
            painter,
            QRectF(self.rect()).adjusted(8, 8, -8, -8),
            self._buckets,
            self._first,
            self._last,
            self._size,
            self._title,
        )
        painter.end()
