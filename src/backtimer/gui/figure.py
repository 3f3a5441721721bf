"""Drawing poses: a shaded capsule figure with props, highlighted muscles and arrows.

``render_pose`` paints one pose into a rectangle; ``pose_pixmap`` caches thumbnails;
``FigureWidget`` shows the figure moving from one pose into the next (or a user picture).
Geometry (the body and the props) comes from ``backtimer.core.poses``; this module only
projects and paints.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import (
    QEasingCurve,
    QObject,
    QPauseAnimation,
    QPointF,
    QRectF,
    QSequentialAnimationGroup,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QImageReader,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from backtimer.core.poses.library import load_pose
from backtimer.core.poses.motion import interpolate, mirrored
from backtimer.core.poses.pose import Pose
from backtimer.core.poses.props import Box, box_faces, prop_boxes
from backtimer.core.poses.skeleton import Skeleton, skeleton
from backtimer.core.poses.vectors import Vec
from backtimer.core.routine import Side
from backtimer.gui.theme import Colours, colours

MOVE_MS = 1500  #: how long the figure takes to move into a pose
DWELL_MS = 1200  #: how long it stays in a pose before moving to the next of a step's poses


# ---------------------------------------------------------------------------------------
# Colours


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


# ---------------------------------------------------------------------------------------
# Projection


@dataclass(frozen=True)
class Camera:
    """Orthographic view: azimuth turns about the vertical, elevation looks down."""

    azimuth: float
    elevation: float
    mirror: bool

    def project(self, p: Vec) -> tuple[float, float, float]:
        """World point -> (u right, v up, depth towards the viewer)."""
        x, y, z = p
        if self.mirror:
            z = -z
        ca, sa = math.cos(math.radians(self.azimuth)), math.sin(math.radians(self.azimuth))
        ce, se = math.cos(math.radians(self.elevation)), math.sin(math.radians(self.elevation))
        u = x * ca - z * sa
        d1 = x * sa + z * ca
        v = y * ce - d1 * se
        d = d1 * ce + y * se
        return (-u if self.mirror else u), v, d

    def facing(self, n: Vec) -> float:
        """How much a world direction points at the viewer (positive = towards)."""
        return self.project(n)[2]


@dataclass
class Layout:
    """A pose placed in a rectangle: screen points, their depth, and the scale."""

    points: dict[str, QPointF]
    depth: dict[str, float]
    scale: float  #: pixels per unit of standing height
    camera: Camera
    origin: tuple[float, float, float, float]  # cu, cv, rect centre x, rect centre y
    shadow_x: float = 0.0  #: world x under the middle of the figure
    shadow_r: float = 0.3  #: half its length along x

    def to_screen(self, p: Vec) -> tuple[QPointF, float]:
        u, v, d = self.camera.project(p)
        cu, cv, cx, cy = self.origin
        return QPointF(cx + (u - cu) * self.scale, cy - (v - cv) * self.scale), d


def _boxes(pose: Pose, sk: Skeleton) -> list[Box]:
    xs = [p[0] for p in sk.points.values()]
    return prop_boxes(pose.props, (min(xs), max(xs)))


def layout(pose: Pose, rect: QRectF) -> Layout:
    """Fit the pose (figure and props) into ``rect`` with a small margin."""
    sk = skeleton(pose)
    az, el = pose.view_angles
    cam = Camera(az, el, pose.mirror)
    us: list[float] = []
    vs: list[float] = []
    radius = sk.radius
    for name, p in sk.points.items():
        u, v, _ = cam.project(p)
        r = radius.get(name, 0.035)
        us += [u - r, u + r]
        vs += [v - r, v + r]
    for _, lo, hi in _boxes(pose, sk):
        corners = [
            (a, b, c) for a in (lo[0], hi[0]) for b in (lo[1], hi[1]) for c in (lo[2], hi[2])
        ]
        for corner in corners:
            u, v, _ = cam.project(corner)
            us.append(u)
            vs.append(v)
    w, h = max(us) - min(us), max(vs) - min(vs)
    margin = 0.06 * min(rect.width(), rect.height())
    scale = min((rect.width() - 2 * margin) / w, (rect.height() - 2 * margin) / h)
    origin = (
        (max(us) + min(us)) / 2,
        (max(vs) + min(vs)) / 2,
        rect.center().x(),
        rect.center().y(),
    )
    xs = [p[0] for p in sk.points.values()]
    out = Layout({}, {}, scale, cam, origin, (max(xs) + min(xs)) / 2, (max(xs) - min(xs)) / 2 + 0.1)
    for name, p in sk.points.items():
        out.points[name], out.depth[name] = out.to_screen(p)
    return out


# ---------------------------------------------------------------------------------------
# Painting


def _capsule_path(a: QPointF, b: QPointF, ra: float, rb: float) -> QPainterPath:
    """One closed outline around both end circles (no inner seams when stroked)."""
    path = QPainterPath()
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    if length < 1e-6 or length + min(ra, rb) <= max(ra, rb):
        r = max(ra, rb)
        path.addEllipse(a if ra >= rb else b, r, r)
        return path
    # Qt's arc angles are counter-clockwise in degrees with y pointing up on screen.
    heading = math.degrees(math.atan2(-dy, dx))
    nx, ny = -dy / length, dx / length
    path.moveTo(a.x() + nx * ra, a.y() + ny * ra)
    path.lineTo(b.x() + nx * rb, b.y() + ny * rb)
    path.arcTo(QRectF(b.x() - rb, b.y() - rb, 2 * rb, 2 * rb), heading - 90, 180)
    path.lineTo(a.x() - nx * ra, a.y() - ny * ra)
    path.arcTo(QRectF(a.x() - ra, a.y() - ra, 2 * ra, 2 * ra), heading + 90, 180)
    path.closeSubpath()
    return path


def _trunk_radius(cam: Camera, frame: tuple[Vec, Vec, Vec], depth_r: float, width: float) -> float:
    """Projected half-width of an elliptical trunk section (depth ``depth_r``, ``width``)."""
    # Columns of the frame are the segment's local axes in the world.
    fwd = (frame[0][0], frame[1][0], frame[2][0])
    side = (frame[0][2], frame[1][2], frame[2][2])
    # Seen along the side axis we see the depth; along the forward axis, the width.
    a, b = abs(cam.facing(side)), abs(cam.facing(fwd))
    norm = math.hypot(a, b)
    if norm < 1e-6:  # looking along the spine
        return width
    return math.hypot(depth_r * a, width * b) / norm


def _shade_fill(
    painter: QPainter, path: QPainterPath, a: QPointF, b: QPointF, r: float, color: QColor
) -> None:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    if nx + ny > 0:  # light comes from the upper left
        nx, ny = -nx, -ny
    mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
    grad = QLinearGradient(
        QPointF(mid.x() + nx * r, mid.y() + ny * r), QPointF(mid.x() - nx * r, mid.y() - ny * r)
    )
    grad.setColorAt(0.0, color.lighter(118))
    grad.setColorAt(0.55, color)
    grad.setColorAt(1.0, color.darker(118))
    painter.fillPath(path, grad)


def render_pose(
    painter: QPainter,
    rect: QRectF,
    pose: Pose,
    *,
    side: Side | None,
    palette: QPalette | None = None,
) -> None:
    """Paint ``pose`` (authored for the right side) fitted into ``rect``.

    ``side=Side.LEFT`` draws the mirror image with the left limbs working and highlighted;
    ``None`` draws the pose as authored with no working side. The painter's state is
    restored afterwards; the background is left as it is.
    """
    if side is Side.LEFT and not pose.mirror:
        pose = mirrored(pose)
    working = None if side is None else ("left" if pose.mirror else "right")
    colors = colours(palette if palette is not None else QGuiApplication.palette())
    lay = layout(pose, rect)
    sk = skeleton(pose)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _paint_floor(painter, rect, lay, colors, any(p.kind == "mat" for p in pose.props))
    items = _paint_items(pose, sk, lay, colors, working)
    items.sort(key=lambda it: it.depth)
    bands: dict[str, list[tuple[str, str, float]]] = {}
    for band in sk.highlighted(pose.highlight):
        bands.setdefault(band.owner, []).append((band.a, band.b, band.radius))
    halo = QPen(colors.background, max(0.6, lay.scale * 0.004))
    for item in items:
        if isinstance(item, _Face):
            painter.setPen(QPen(item.color.darker(125), max(0.5, lay.scale * 0.002)))
            painter.setBrush(item.color)
            painter.drawPolygon(item.polygon)
            continue
        name, path, a, b, r, color = item.name, item.path, item.a, item.b, item.r, item.color
        painter.setPen(halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        _shade_fill(painter, path, a, b, r, color)
        if name in bands:
            painter.save()
            painter.setClipPath(path)
            for pa, pb, br in bands[name]:
                rr = br * lay.scale
                bp = _capsule_path(lay.points[pa], lay.points[pb], rr, rr)
                painter.fillPath(bp, colors.muscle)
            painter.restore()
        if name == "head":
            _paint_face(painter, lay, color)
    # Muscles hidden behind other parts still show faintly: where to feel the stretch
    # matters more than strict occlusion.
    painter.setOpacity(0.55)
    for owned in bands.values():
        for pa, pb, br in owned:
            rr = br * lay.scale
            painter.fillPath(_capsule_path(lay.points[pa], lay.points[pb], rr, rr), colors.muscle)
    painter.setOpacity(1.0)
    _paint_arrows(painter, pose, lay, colors)
    painter.restore()


def _paint_floor(
    painter: QPainter, rect: QRectF, lay: Layout, colors: Colours, has_mat: bool
) -> None:
    """A floor line seen level, else a soft shadow under the figure."""
    painter.save()
    painter.setClipRect(rect)
    if lay.camera.elevation < 1 or has_mat:
        y = lay.to_screen((0.0, 0.0, 0.0))[0].y()
        painter.setPen(QPen(colors.floor, max(1.0, lay.scale * 0.006)))
        if lay.camera.elevation < 1:
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    else:
        cx = lay.shadow_x
        ring = [
            lay.to_screen((cx + lay.shadow_r * math.cos(t), 0.0, 0.22 * math.sin(t)))[0]
            for t in (i * math.pi / 16 for i in range(32))
        ]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_blend(colors.background, colors.floor, 0.45))
        painter.drawPolygon(QPolygonF(ring))
    painter.restore()


@dataclass
class _Face:
    depth: float
    polygon: QPolygonF
    color: QColor


@dataclass
class _Part:
    depth: float
    name: str
    path: QPainterPath
    a: QPointF
    b: QPointF
    r: float
    color: QColor


def _paint_items(
    pose: Pose, sk: Skeleton, lay: Layout, colors: Colours, working: str | None
) -> list[_Face | _Part]:
    """Prop faces and body parts with their depth, for painting back to front."""
    items: list[_Face | _Part] = []
    cam = lay.camera
    pelvis_depth = lay.depth["pelvis"]
    for kind, lo, hi in _boxes(pose, sk):
        base = {"mat": colors.mat, "chair": colors.prop, "wall": colors.floor}[kind]
        for normal, corners in box_faces(lo, hi):
            facing = cam.facing(normal)
            if facing <= 1e-6:
                continue
            shade = _blend(base, QColor("black"), 0.18 * (1 - facing))
            screen = [lay.to_screen(c) for c in corners]
            depth = sum(d for _, d in screen) / 4
            if kind == "mat":
                depth = -10.0  # the mat is always under the figure
            items.append(_Face(depth, QPolygonF([p for p, _ in screen]), shade))
    for c in sk.capsules:
        a, b = lay.points[c.a], lay.points[c.b]
        if c.width:
            ra = _trunk_radius(cam, c.frame, c.ra, c.width) * lay.scale
            rb = _trunk_radius(cam, c.frame, c.rb, c.width * 1.12) * lay.scale
        else:
            ra, rb = c.ra * lay.scale, c.rb * lay.scale
        depth = (lay.depth[c.a] + lay.depth[c.b]) / 2
        if working is not None:
            fade = {"center": 0.12, working: 0.0}.get(c.side, 0.4)
        else:
            fade = 0.12 if c.side == "center" else (0.0 if depth >= pelvis_depth else 0.4)
        color = _blend(colors.figure, colors.background, fade)
        path = _capsule_path(a, b, ra, rb)
        items.append(_Part(depth, c.name, path, a, b, max(ra, rb), color))
    return items


def _paint_face(painter: QPainter, lay: Layout, color: QColor) -> None:
    """A small nose shows which way the head faces."""
    head, nose = lay.points["head"], lay.points["nose"]
    if math.hypot(nose.x() - head.x(), nose.y() - head.y()) < 0.03 * lay.scale:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(nose, 0.018 * lay.scale, 0.018 * lay.scale)


def _paint_arrows(painter: QPainter, pose: Pose, lay: Layout, colors: Colours) -> None:
    width = max(1.5, lay.scale * 0.011)
    for arrow in pose.arrows:
        p0 = lay.points[arrow.start]
        if arrow.delta is None:
            p1 = lay.points[arrow.end]
        else:
            sx, sy, sz = skeleton(pose).points[arrow.start]
            dx_, dy_, dz_ = arrow.delta
            p1 = lay.to_screen((sx + dx_, sy + dy_, sz + dz_))[0]
        dx, dy = p1.x() - p0.x(), p1.y() - p0.y()
        length = math.hypot(dx, dy)
        if length < 1e-3:
            continue
        start = QPointF(p0.x() + dx * arrow.begin, p0.y() + dy * arrow.begin)
        end = QPointF(p0.x() + dx * arrow.finish, p0.y() + dy * arrow.finish)
        nx, ny = -dy / length, dx / length
        seg = length * (arrow.finish - arrow.begin)
        mid = QPointF(
            (start.x() + end.x()) / 2 + nx * seg * arrow.bend,
            (start.y() + end.y()) / 2 + ny * seg * arrow.bend,
        )
        path = QPainterPath(start)
        path.quadTo(mid, end)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for color, w in ((colors.background, width * 2.2), (colors.arrow, width)):
            pen = QPen(color, w)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPath(path)
        # The head points along the curve's last tangent.
        tx, ty = end.x() - mid.x(), end.y() - mid.y()
        tl = math.hypot(tx, ty) or 1.0
        tx, ty = tx / tl, ty / tl
        size = width * 3.2
        head = QPolygonF(
            [
                QPointF(end.x() + tx * size * 0.6, end.y() + ty * size * 0.6),
                QPointF(
                    end.x() - tx * size + ty * size * 0.7, end.y() - ty * size - tx * size * 0.7
                ),
                QPointF(
                    end.x() - tx * size - ty * size * 0.7, end.y() - ty * size + tx * size * 0.7
                ),
            ]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.arrow)
        painter.drawPolygon(head)


# ---------------------------------------------------------------------------------------
# Thumbnails


def _pose_for(name: str, side: Side | None) -> Pose:
    pose = load_pose(name)
    return mirrored(pose) if side is Side.LEFT else pose


@lru_cache(maxsize=256)
def _cached_pixmap(name: str, size: int, side: Side | None, dpr: float, bg: str) -> QPixmap:
    pix = QPixmap(round(size * dpr), round(size * dpr))
    pix.setDevicePixelRatio(dpr)
    pix.fill(Qt.GlobalColor.transparent)
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(bg))
    painter = QPainter(pix)
    render_pose(painter, QRectF(0, 0, size, size), load_pose(name), side=side, palette=palette)
    painter.end()
    return pix


def pose_pixmap(
    name: str, size: int, *, side: Side | None = None, device_pixel_ratio: float = 1.0
) -> QPixmap:
    """A transparent square thumbnail of a built-in pose, cached per size, side and theme."""
    bg = QGuiApplication.palette().color(QPalette.ColorRole.Window).name()
    return _cached_pixmap(name, size, side, device_pixel_ratio, bg)


def render_image(pose: Pose, size: int, *, side: Side | None, palette: QPalette) -> QImage:
    """The pose on the palette's window colour, as a ``size``-square image."""
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(img)
    render_pose(painter, QRectF(0, 0, size, size), pose, side=side, palette=palette)
    painter.end()
    return img


# ---------------------------------------------------------------------------------------
# The animated widget


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

    def _step(self, t: object) -> None:
        self.moved.emit(interpolate(self._a, self._b, float(t)))  # type: ignore[arg-type]

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
        self._clear_image()
        self._side = side
        targets = [_pose_for(n, side) for n in poses]
        # Repeated pictures of one pose are one position to move into.
        targets = [p for i, p in enumerate(targets) if i == 0 or p != targets[i - 1]]
        if not targets:
            self._shown = None
            self.update()
            return
        if not animate or self._shown is None:
            self._shown = targets[-1] if not animate else targets[0]
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
                self._image_error = f"Cannot show {path.name}: not a readable SVG picture."
        else:
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            img = reader.read()
            if img.isNull():
                self._image_error = f"Cannot show {path.name}: {reader.errorString()}."
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

    def _clear_image(self) -> None:
        self._image = None
        self._svg = None
        self._image_error = ""

    def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        rect = QRectF(self.rect())
        if self._image is not None or self._svg is not None:
            natural = (
                QRectF(0, 0, self._image.width(), self._image.height())
                if self._image is not None
                else QRectF(0, 0, self._svg.defaultSize().width(), self._svg.defaultSize().height())  # type: ignore[union-attr]
            )
            target = _letterbox(natural, rect)
            if self._image is not None:
                painter.drawImage(target, self._image)
            elif self._svg is not None:
                self._svg.render(painter, target)
        elif self._image_error:
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._image_error
            )
        elif self._shown is not None:
            render_pose(painter, rect, self._shown, side=self._side, palette=self.palette())
        painter.end()


def _as_seen_from(a: Pose, b: Pose) -> Pose:
    """``a``'s position seen from ``b``'s side, so switching sides moves the limbs."""
    from dataclasses import replace

    return replace(a, mirror=b.mirror, root=None)


def _letterbox(natural: QRectF, into: QRectF) -> QRectF:
    """The largest rectangle with ``natural``'s shape, centred in ``into``."""
    if natural.width() <= 0 or natural.height() <= 0:
        return into
    scale = min(into.width() / natural.width(), into.height() / natural.height())
    w, h = natural.width() * scale, natural.height() * scale
    return QRectF(into.center().x() - w / 2, into.center().y() - h / 2, w, h)
