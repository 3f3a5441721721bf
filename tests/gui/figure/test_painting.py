"""Painting poses: real QPainter renders offscreen, looked at by pixel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from backtimer.core.poses.library import builtin_poses, load_pose
from backtimer.core.routine import Side
from backtimer.gui.figure.painting import render_pose
from backtimer.gui.figure.projection import layout
from backtimer.gui.figure.thumbnails import render_image
from backtimer.gui.theme import colours

from .pixels import DARK, LIGHT, accent_pixels, ink, window_palette

POSES = sorted(builtin_poses())


@pytest.mark.parametrize("name", POSES)
@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_pose_renders_visibly_at_thumbnail_size(qapp: object, name: str, palette: QPalette) -> None:
    """At 64 px, in light and dark themes, a good share of the square is figure."""
    img = render_image(load_pose(name), 64, side=Side.RIGHT, palette=palette)
    assert ink(img, palette.color(QPalette.ColorRole.Window)) > 64 * 64 * 0.04


@pytest.mark.parametrize("name", POSES)
def test_figure_stays_inside_its_rectangle(qapp: object, name: str) -> None:
    """Nothing is painted outside the rectangle the figure was given."""
    bg = QColor("#fafafa")
    img = QImage(120, 120, QImage.Format.Format_ARGB32)
    img.fill(bg)
    painter = QPainter(img)
    render_pose(painter, QRectF(20, 20, 80, 80), load_pose(name), side=Side.LEFT, palette=LIGHT)
    painter.end()
    inside = ink(img, bg, (20, 20, 100, 100))
    assert inside > 200
    assert ink(img, bg) == inside


def test_every_pose_looks_different(qapp: object) -> None:
    """No two built-in poses draw the same picture."""
    seen: dict[bytes, str] = {}
    for name in POSES:
        img = render_image(load_pose(name), 96, side=Side.RIGHT, palette=LIGHT)
        key = bytes(img.constBits())
        assert key not in seen, f"{name} looks like {seen.get(key)}"
        seen[key] = name


def test_highlight_lies_over_the_hamstrings(qapp: object) -> None:
    """The accent colour is painted on the back of the right thigh in hamstring-stand."""
    pose = load_pose("hamstring-stand")
    img = render_image(pose, 300, side=Side.RIGHT, palette=LIGHT)
    lay = layout(pose, QRectF(0, 0, 300, 300))
    a, b = lay.points["r_ham.a"], lay.points["r_ham.b"]
    mid_x, mid_y = round((a.x() + b.x()) / 2), round((a.y() + b.y()) / 2)
    accent = colours(LIGHT).muscle
    near = [
        (x, y) for x, y in accent_pixels(img, accent) if abs(x - mid_x) < 12 and abs(y - mid_y) < 12
    ]
    assert len(near) > 40


def test_no_highlight_where_the_pose_names_none(qapp: object) -> None:
    """A pose without target muscles shows no accent colour."""
    img = render_image(load_pose("stand"), 200, side=Side.RIGHT, palette=LIGHT)
    assert accent_pixels(img, colours(LIGHT).muscle) == []


def test_figure_colours_follow_the_window_alone(qapp: object) -> None:
    """A dark window gets the light figure whatever colour the palette gives its text."""
    figures = []
    for text in ("#000000", "#ffffff"):
        pal = window_palette("#24272b")
        pal.setColor(QPalette.ColorRole.WindowText, QColor(text))
        figures.append(colours(pal).figure)
    assert figures[0] == figures[1]
    assert figures[0].lightness() > 128 > colours(LIGHT).figure.lightness()


@pytest.mark.parametrize("name", ["hamstring-lean", "psoas-lean", "piriformis-pull"])
def test_mirroring_moves_the_highlight_across(qapp: object, name: str) -> None:
    """For the left side the picture is mirrored: the highlight moves to the other side."""
    accent = colours(LIGHT).muscle
    xs = {}
    for side in (Side.RIGHT, Side.LEFT):
        img = render_image(load_pose(name), 200, side=side, palette=LIGHT)
        pixels = accent_pixels(img, accent)
        assert pixels
        xs[side] = sum(x for x, _ in pixels) / len(pixels)
    assert abs(xs[Side.RIGHT] - 100) > 5  # off-centre, so moving it means something
    assert xs[Side.LEFT] == pytest.approx(199 - xs[Side.RIGHT], abs=2)
