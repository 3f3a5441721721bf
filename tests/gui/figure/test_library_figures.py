"""The library's figures: the held position shows the worked muscle, and every figure of an
exercise done on both sides is drawn mirrored for the left side."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QPalette

from backtimer.core.library.loader import load_library
from backtimer.core.poses.library import load_pose
from backtimer.core.routine import Side, Sides
from backtimer.gui.figure.thumbnails import render_image
from backtimer.gui.theme import colours

from .pixels import LIGHT, accent_pixels

LIBRARY = load_library().exercises
HELD = [(e.id, e.exercise.steps[-1].pose) for e in LIBRARY]
TWO_SIDED = sorted({p for e in LIBRARY if e.exercise.sides is Sides.BOTH for p in e.poses})
SIZE = 160


def _ink_xs(img: QImage) -> list[int]:
    bg = LIGHT.color(QPalette.ColorRole.Window)
    xs = []
    for y in range(img.height()):
        for x in range(img.width()):
            c = img.pixelColor(x, y)
            diff = abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue())
            if diff > 40:
                xs.append(x)
    return xs


def _mean(xs: list[int]) -> float:
    return sum(xs) / len(xs)


@pytest.mark.parametrize(("exercise", "pose"), HELD, ids=[e for e, _ in HELD])
def test_held_position_highlights_the_worked_muscle(qapp: object, exercise: str, pose: str) -> None:
    """The figure shown while an exercise is held highlights its muscle group, in colour."""
    entry = load_library().by_id()[exercise]
    figure = load_pose(pose)
    assert entry.muscle_group in {h.muscle for h in figure.highlight}
    img = render_image(figure, SIZE, side=Side.RIGHT, palette=LIGHT)
    assert len(accent_pixels(img, colours(LIGHT).muscle)) > 20


@pytest.mark.parametrize("name", TWO_SIDED)
def test_two_sided_figure_is_mirrored_for_the_left_side(qapp: object, name: str) -> None:
    """For the left side the figure, and its highlighted muscle, are drawn mirrored."""
    pose = load_pose(name)
    right = render_image(pose, SIZE, side=Side.RIGHT, palette=LIGHT)
    left = render_image(pose, SIZE, side=Side.LEFT, palette=LIGHT)
    assert right != left
    assert _mean(_ink_xs(left)) == pytest.approx(SIZE - 1 - _mean(_ink_xs(right)), abs=1.5)
    accent = colours(LIGHT).muscle
    lit_right, lit_left = accent_pixels(right, accent), accent_pixels(left, accent)
    assert bool(lit_right) == bool(lit_left)
    if lit_right:
        mean_right = _mean([x for x, _ in lit_right])
        mean_left = _mean([x for x, _ in lit_left])
        assert mean_left == pytest.approx(SIZE - 1 - mean_right, abs=2)
