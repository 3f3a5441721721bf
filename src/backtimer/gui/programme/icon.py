"""The tray icon, drawn: a ring that fills as today's planned sessions are done."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

SIZE = 64
TRACK = QColor("#c9d6df")
DONE = QColor("#2e8b57")
CENTRE = QColor("#1f4e79")


def tray_icon(done: int, planned: int) -> QIcon:
    """A ring (``done`` of ``planned`` filled) around a dot; all done: a full ring."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ring = QRectF(6, 6, SIZE - 12, SIZE - 12)
    p.setPen(QPen(TRACK, 9))
    p.drawEllipse(ring)
    if planned > 0 and done > 0:
        p.setPen(QPen(DONE, 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        span = int(-360 * 16 * min(done, planned) / planned)
        p.drawArc(ring, 90 * 16, span)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(CENTRE)
    p.drawEllipse(QRectF(SIZE / 2 - 9, SIZE / 2 - 9, 18, 18))
    p.end()
    return QIcon(pixmap)
