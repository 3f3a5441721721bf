"""The key list (``keys.HELP_ROWS``), drawn over the window in large type; any key or
click closes it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from backtimer.core.i18n import _
from backtimer.gui import theme
from backtimer.gui.keys import HELP_ROWS, KEY_TABLE, Action

TITLE = _("Keys")
CLOSE_HINT = _("Press any key or click to close")
#: The meanings of the rows that stop for pain, drawn in red (found by their keys' action,
#: not their words, which are translated).
_PAIN_MEANINGS = frozenset(
    row.meaning for row in KEY_TABLE if any(k.action is Action.PAIN for k in row.keys)
)


class HelpOverlay(QWidget):
    """A translucent sheet over its parent listing ``rows``; it fills the parent.

    It takes focus while shown so the closing key does not also act on the window.
    """

    #: The person closed the help (any key or click).
    closed = Signal()

    def __init__(
        self, parent: QWidget | None = None, rows: tuple[tuple[str, str], ...] = HELP_ROWS
    ) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setAccessibleName(TITLE)
        self.setAccessibleDescription("; ".join(f"{k}: {v}" for k, v in rows))
        if parent is not None:
            parent.installEventFilter(self)
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def open(self) -> None:
        """Show over the whole parent and take the keyboard."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_overlay(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        event.accept()
        self.close_overlay()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        event.accept()
        self.close_overlay()

    def _widest_fit(self, keys_width: float, meaning_width: float) -> int:
        """The largest pixel size at which every row's keys and meaning fit their columns."""
        bold = QFontMetricsF(theme.sans(100))
        plain = QFontMetricsF(theme.sans(100, bold=False))
        keys = max(bold.horizontalAdvance(k) for k, _meaning in self.rows) + 100
        meanings = max(plain.horizontalAdvance(m) for _keys, m in self.rows)
        return int(100 * min(keys_width / keys, meaning_width / meanings))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(0, 0, 0, 225))
        h, w = self.height(), self.width()
        n = len(self.rows) + 2  # a title line and a "press any key" line
        split = w * 0.42
        px = max(14, min(round(h / (n * 1.5)), self._widest_fit(split * 0.92, w - split - 24)))
        top = (h - n * px * 1.5) / 2
        p.setPen(QColor("#ffffff"))
        p.setFont(theme.sans(round(px * 1.15)))
        p.drawText(QRectF(0, top, w, px * 1.5), Qt.AlignmentFlag.AlignCenter, TITLE)
        for i, (keys, meaning) in enumerate(self.rows, start=1):
            y = top + i * px * 1.5
            p.setFont(theme.sans(px))
            p.setPen(QColor("#ff6b6b") if meaning in _PAIN_MEANINGS else QColor("#7fdcff"))
            p.drawText(
                QRectF(0, y, split - px * 0.8, px * 1.5),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                keys,
            )
            p.setPen(QColor("#ffffff"))
            p.setFont(theme.sans(px, bold=False))
            p.drawText(
                QRectF(split, y, w - split, px * 1.5),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                meaning,
            )
        p.setPen(QColor("#bdbdbd"))
        p.setFont(theme.sans(round(px * 0.7), bold=False))
        p.drawText(
            QRectF(0, top + (n - 1) * px * 1.5, w, px * 1.5),
            Qt.AlignmentFlag.AlignCenter,
            CLOSE_HINT,
        )
        p.end()
