"""The figure on screen: ``FigureWidget`` moves into each pose of a step, or shows a picture.

``PoseMove`` is one eased move between two poses; it only emits poses, and the widget
connects its bound methods (see ``gui/slots.py`` for why never a closure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QEasingCurve,
    QObject,
    QPauseAnimation,
    QRectF,
    QSequentialAnimationGroup,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from backtimer.core.i18n import _
from backtimer.core.poses.library import load_pose
from backtimer.core.poses.motion import interpolate, mirrored
from backtimer.core.poses.pose import Pose
from backtimer.core.routine import Side
from backtimer.gui.figure.painting import render_pose

#: Said in the figure's place when a routine's picture cannot be shown.
NOT_SVG = _("Cannot show {file}: not a readable SVG picture.")
UNREADABLE = _("Cannot show {file}: {reason}.")

MOVE_MS = 1500  #: how long the figure takes to move into a pose
DWELL_MS = 1200  #: how long it stays in a pose before moving to the next of a step's poses


def _pose_for(name: str, side: Side | None) -> Pose:
    pose = load_pose(name)
    return mirrored(pose) if side is Side.LEFT else pose


class PoseMove(QVariantAnimation):
    """One move of the figure from pose ``a`` to pose ``b``; emits each in-between pose.

    Why a class and not a closure on ``valueChanged``: a closure that captures the widget
    is owned by the connection, so deleting this animation (a child of the widget's group)
    could drop the widget's last reference mid-destruction and crash in
    ``deleteChildren``. This object holds only poses; the widget connects bound methods.
    """

    moved = Signal(object)  #: the in-between Pose to paint now
    reached = Signal(int)  #: the index of the step pose this move ends on

    def __init__(self, a: Pose, b: Pose, index: int, ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._a, self._b, self._index = a, b, index
        self.setStartValue(0.0)
        self.setEndValue(1.0)
        self.setDuration(ms)
        self.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.valueChanged.connect(self._step)
        self.finished.connect(self._done)

    def _step(self, t: float) -> None:  # the animation runs from 0.0 to 1.0
        self.moved.emit(interpolate(self._a, self._b, t))

    def _done(self) -> None:
        self.reached.emit(self._index)


class FigureWidget(QWidget):
    """Shows a figure moving into each pose of a step, or a picture the routine names.

    Moves take ``MOVE_MS`` eased; between a step's poses the figure rests ``DWELL_MS``.
    Animations run only while the figure moves: no timer is left running afterwards.
    """

    #: the figure reached the index-th pose of the last ``set_steps`` (or 0 for set_pose)
    pose_reached = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, *, move_ms: int = MOVE_MS, dwell_ms: int = DWELL_MS
    ) -> None:
        super().__init__(parent)
        self._move_ms, self._dwell_ms = move_ms, dwell_ms
        self._shown: Pose | None = None  # what is painted now
        self._side: Side | None = None
        self._image: QImage | None = None
        self._svg: QSvgRenderer | None = None
        self._image_error = ""
        self._group: QSequentialAnimationGroup | None = None
        self._still: tuple[object, QPixmap] | None = None  # (what it shows, the drawing)
        self.setMinimumSize(64, 64)

    # -- what callers use ---------------------------------------------------------------

    @property
    def current_pose(self) -> Pose | None:
        """The pose drawn now (an in-between pose while moving)."""
        return self._shown

    def is_animating(self) -> bool:
        return self._group is not None

    def set_pose(self, name: str, side: Side | None, animate: bool = True) -> None:
        """Move (or jump, if ``animate`` is false) into one built-in pose."""
        self.set_steps([name], side, animate=animate)

    def set_steps(self, poses: Sequence[str], side: Side | None, animate: bool = True) -> None:
        """Move into each of ``poses`` in order, resting a moment in each but the last."""
        self._stop()
        stale = self._clear_image() or side != self._side  # drawn differently from now on
        self._side = side
        targets = [_pose_for(n, side) for n in poses]
        # Repeated pictures of one pose are one position to move into.
        targets = [p for i, p in enumerate(targets) if i == 0 or p != targets[i - 1]]
        if not targets:
            self._shown = None
            self.update()
            return
        # Already showing the first target (a hold after its prepare): no move into it,
        # so a still figure is not repainted 60 times a second for nothing.
        already = self._shown is not None and self._shown == targets[0]
        if not animate or self._shown is None or already:
            shown = targets[-1] if not animate else targets[0]
            if stale or shown != self._shown:
                self._shown = shown
                self.update()
            if not animate or len(targets) == 1:
                self.pose_reached.emit(len(targets) - 1)
                return
            start, targets = targets[0], targets[1:]
            first_index = 1
        else:
            start, first_index = self._shown, 0
        self._group = QSequentialAnimationGroup(self)
        prev = start
        for i, target in enumerate(targets):
            if i:
                self._group.addAnimation(QPauseAnimation(self._dwell_ms, self._group))
            a = prev if prev.mirror == target.mirror else _as_seen_from(prev, target)
            self._group.addAnimation(self._move(self._group, a, target, first_index + i))
            prev = target
        self._group.finished.connect(self._finished)
        self._group.start()

    def set_image(self, path: Path) -> None:
        """Show a picture file (PNG, JPEG, SVG) letterboxed instead of the figure."""
        self._stop()
        self._clear_image()
        if path.suffix.lower() == ".svg":
            svg = QSvgRenderer(str(path))
            if svg.isValid():
                self._svg = svg
            else:
                self._image_error = NOT_SVG.format(file=path.name)
        else:
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            img = reader.read()
            if img.isNull():
                self._image_error = UNREADABLE.format(file=path.name, reason=reader.errorString())
            else:
                self._image = img
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(360, 360)

    # -- internals ------------------------------------------------------------------------

    def _move(self, group: QObject, a: Pose, b: Pose, index: int) -> PoseMove:
        anim = PoseMove(a, b, index, self._move_ms, group)
        anim.moved.connect(self._show_moved)
        anim.reached.connect(self.pose_reached)
        return anim

    def _show_moved(self, pose: Pose) -> None:
        self._shown = pose
        self.update()

    def _finished(self) -> None:
        group, self._group = self._group, None
        if group is not None:
            group.deleteLater()

    def _stop(self) -> None:
        if self._group is not None:
            self._group.stop()
            self._finished()

    def _clear_image(self) -> bool:
        """Forget any picture; True if one (or its error) was showing."""
        showing = self._image is not None or self._svg is not None or bool(self._image_error)
        self._image = None
        self._svg = None
        self._image_error = ""
        return showing

    def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        rect = QRectF(self.rect())
        if self._image is not None:
            natural = QRectF(0, 0, self._image.width(), self._image.height())
            painter.drawImage(_letterbox(natural, rect), self._image)
        elif self._svg is not None:
            size = self._svg.defaultSize()
            self._svg.render(painter, _letterbox(QRectF(0, 0, size.width(), size.height()), rect))
        elif self._image_error:
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._image_error
            )
        elif self._shown is not None and self._group is None:
            painter.drawPixmap(0, 0, self._still_pixmap())
        elif self._shown is not None:
            render_pose(painter, rect, self._shown, side=self._side, palette=self.palette())
        painter.end()

    def _still_pixmap(self) -> QPixmap:
        """The still figure, drawn once and then copied: a countdown beside it, a banner
        or a panel over it repaint it often, and a copy costs a fraction of a drawing."""
        dpr = self.devicePixelRatioF()
        key = (self._shown, self._side, self.size(), dpr, self.palette().cacheKey())
        if self._still is None or self._still[0] != key:
            pixmap = QPixmap(round(self.width() * dpr), round(self.height() * dpr))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            assert self._shown is not None
            render_pose(
                painter, QRectF(self.rect()), self._shown, side=self._side, palette=self.palette()
            )
            painter.end()
            self._still = (key, pixmap)
        return self._still[1]


def _as_seen_from(a: Pose, b: Pose) -> Pose:
    """``a``'s position seen from ``b``'s side, so switching sides moves the limbs."""
    return replace(a, mirror=b.mirror, root=None)


def _letterbox(natural: QRectF, into: QRectF) -> QRectF:
    """The largest rectangle with ``natural``'s shape, centred in ``into``."""
    if natural.width() <= 0 or natural.height() <= 0:
        return into
    scale = min(into.width() / natural.width(), into.height() / natural.height())
    w, h = natural.width() * scale, natural.height() * scale
    return QRectF(into.center().x() - w / 2, into.center().y() - h / 2, w, h)
