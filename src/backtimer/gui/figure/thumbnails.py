"""Pictures of poses: cached transparent thumbnails of built-in poses, and whole images.

Thumbnails are cached per pose, size, side, pixel ratio and window colour, so a theme
change draws new ones and a list of steps draws each only once.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette, QPixmap

from backtimer.core.poses.library import load_pose, pose_path
from backtimer.core.poses.pose import Pose
from backtimer.core.routine import Side
from backtimer.gui.figure import thumb_cache
from backtimer.gui.figure.painting import render_pose


@lru_cache(maxsize=256)
def _cached_pixmap(name: str, size: int, side: Side | None, dpr: float, bg: str) -> QPixmap:
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(bg))
    # Drawn once per pose, look and drawing code, then kept on disk (thumb_cache): the
    # first screen shows six without reading their poses.
    pose_file = pose_path(name).read_bytes()
    kept = thumb_cache.stored(pose_file, size, side, dpr, palette)
    if kept is not None:
        return kept
    pix = QPixmap(round(size * dpr), round(size * dpr))
    pix.setDevicePixelRatio(dpr)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    render_pose(painter, QRectF(0, 0, size, size), load_pose(name), side=side, palette=palette)
    painter.end()
    thumb_cache.store(pose_file, size, side, dpr, palette, pix)
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
