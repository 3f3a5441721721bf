"""Painting a pose: shaded body parts and props back to front, muscles, a face, arrows.

``render_pose`` is the one entry point; it leaves the painter as it found it and the
background untouched, so thumbnails, the widget and the command share it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from backtimer.core.poses.motion import mirrored
from backtimer.core.poses.pose import Pose
from backtimer.core.poses.props import box_faces
from backtimer.core.poses.skeleton import Skeleton, skeleton
from backtimer.core.poses.vectors import Vec
from backtimer.core.routine import Side
from backtimer.gui.figure.projection import Camera, Layout, layout, pose_boxes
from backtimer.gui.theme import Colours, colours


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


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
    for kind, lo, hi in pose_boxes(pose, sk):
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
