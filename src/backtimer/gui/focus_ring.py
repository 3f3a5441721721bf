"""A ring around whatever has keyboard focus, in every window, that no style can hide.

Fusion marks focus with a one-pixel highlight, and a widget with a style sheet (the pain
panel's buttons, the rating) marks it only if its sheet says so: from the floor, or with
low vision, neither shows where Tab went. One ring widget per window sits above
everything in it and follows the focused widget (moved, resized, scrolled, hidden), drawn
``WIDTH`` px thick in ``theme``'s focus colour. Widgets added later get it for nothing.
A widget that takes focus only to hear keys may opt out with
``setProperty("focus_ring", False)``.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from backtimer.gui import theme

WIDTH = 4  #: px: the ring's thickness
GAP = 1  #: px between the widget and the ring
_FOLLOW = frozenset({QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide})


def wants_ring(widget: QWidget | None) -> bool:
    """A widget reached from the keyboard (not a window, not opted out) gets the ring."""
    return (
        widget is not None
        and not widget.isWindow()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.property("focus_ring") is not False
    )


class Ring(QWidget):
    """The ring itself: a click-through child of one window, painting only its border."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(theme.colours(self.palette()).focus, WIDTH)
        painter.setPen(pen)
        half = WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 6, 6)


class FocusRings(QObject):
    """Keeps one :class:`Ring` on the widget with keyboard focus, whatever window it is in."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: Ring | None = None
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        app.focusChanged.connect(self._focus_changed)

    @property
    def ring(self) -> Ring | None:
        """The ring now shown (None when nothing that wants one has focus)."""
        ring = self._ring
        if ring is None or not shiboken6.isValid(ring) or not ring.isVisible():
            return None
        return ring

    @property
    def target(self) -> QWidget | None:
        return self._target if self.ring is not None else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        if not wants_ring(new):
            self._target = None
            if self._ring is not None and shiboken6.isValid(self._ring):
                self._ring.hide()
            return
        assert new is not None
        window = new.window()
        if (
            self._ring is None
            or not shiboken6.isValid(self._ring)
            or self._ring.parent() is not window
        ):
            if self._ring is not None and shiboken6.isValid(self._ring):
                self._ring.hide()
            self._ring = Ring(window)
        self._target = new
        widget: QWidget | None = new
        while widget is not None and widget is not window:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _FOLLOW:
            self._place()
        return False

    def _unwatch(self) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched = []

    def _place(self) -> None:
        ring, target = self._ring, self._target
        if ring is None or target is None or not shiboken6.isValid(ring):
            return
        if not shiboken6.isValid(target) or not target.isVisible():
            ring.hide()
            return
        window = ring.parentWidget()
        assert window is not None
        # Only the part of the widget that shows (a list scrolled half out of view): the
        # widget's rectangle clipped by each parent's, in the window's coordinates.
        shown = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        parent = target.parentWidget()
        while parent is not None and parent is not window:
            shown &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
            parent = parent.parentWidget()
        if shown.isEmpty():
            ring.hide()
            return
        margin = WIDTH + GAP
        area = shown.adjusted(-margin, -margin, margin, margin)
        ring.setGeometry(area.intersected(window.rect()))
        ring.raise_()
        ring.show()
        ring.update()
