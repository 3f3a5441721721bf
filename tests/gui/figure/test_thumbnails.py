"""Thumbnails of built-in poses."""

from __future__ import annotations

from backtimer.core.routine import Side
from backtimer.gui.figure.thumbnails import pose_pixmap


def test_pose_pixmap_is_cached_and_sized(qapp: object) -> None:
    """Thumbnails have the asked size (times the pixel ratio) and are drawn once."""
    a = pose_pixmap("psoas-lean", 64, side=Side.LEFT, device_pixel_ratio=2.0)
    assert (a.width(), a.height()) == (128, 128)
    assert pose_pixmap("psoas-lean", 64, side=Side.LEFT, device_pixel_ratio=2.0) is a
    assert pose_pixmap("psoas-lean", 64, side=Side.RIGHT, device_pixel_ratio=2.0) is not a
