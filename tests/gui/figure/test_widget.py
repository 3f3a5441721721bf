"""The figure widget: moves between poses, and pictures in place of the figure."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from backtimer.core.poses.library import load_pose
from backtimer.core.routine import Side
from backtimer.gui.figure.thumbnails import render_image
from backtimer.gui.figure.widget import FigureWidget


def test_widget_moves_through_poses_and_stops(qtbot) -> None:  # type: ignore[no-untyped-def]
    """set_steps plays each pose in order, ends on the last one and stops animating."""
    w = FigureWidget(move_ms=120, dwell_ms=40)
    qtbot.addWidget(w)
    w.show()
    w.set_pose("stand", None, animate=False)
    reached: list[int] = []
    w.pose_reached.connect(reached.append)
    w.set_steps(["chair-sit", "chair-sit-forward", "glute-squeeze"], None)
    assert w.is_animating()
    qtbot.waitUntil(lambda: not w.is_animating(), timeout=5000)
    assert reached == [0, 1, 2]
    assert w.current_pose == load_pose("glute-squeeze")


def test_widget_left_side_ends_mirrored(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Switching to the left side moves into the mirrored pose."""
    w = FigureWidget(move_ms=80, dwell_ms=20)
    qtbot.addWidget(w)
    w.set_pose("hamstring-lean", Side.RIGHT, animate=False)
    w.set_pose("hamstring-stand", Side.LEFT)
    qtbot.waitUntil(lambda: not w.is_animating(), timeout=5000)
    pose = w.current_pose
    assert pose is not None
    assert pose.mirror
    assert pose.angle("left_hip.flex") == load_pose("hamstring-stand").angle("right_hip.flex")


def _grab(w: FigureWidget) -> QImage:
    return w.grab().toImage()


def test_picture_is_letterboxed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A wide PNG fills the width, centred, with empty bands above and below."""
    img = QImage(200, 100, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    path = tmp_path / "wide.png"
    assert img.save(str(path))
    w = FigureWidget()
    qtbot.addWidget(w)
    w.resize(200, 200)
    w.set_image(path)
    shot = _grab(w)
    assert shot.pixelColor(100, 100) == QColor("red")
    assert shot.pixelColor(100, 20) != QColor("red")
    assert shot.pixelColor(100, 180) != QColor("red")


def test_svg_picture_is_shown(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An SVG picture is drawn, scaled to the widget."""
    path = tmp_path / "p.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="#00ff00"/></svg>',
        encoding="utf-8",
    )
    w = FigureWidget()
    qtbot.addWidget(w)
    w.resize(100, 100)
    w.set_image(path)
    assert _grab(w).pixelColor(50, 50) == QColor("#00ff00")


def test_unreadable_picture_says_so(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A broken picture file shows a message instead of raising."""
    path = tmp_path / "broken.png"
    path.write_bytes(b"not a png")
    w = FigureWidget()
    qtbot.addWidget(w)
    w.resize(200, 200)
    w.set_image(path)
    blank = FigureWidget()
    qtbot.addWidget(blank)
    blank.resize(200, 200)
    assert _grab(w) != _grab(blank)


def test_widget_keeps_no_animation_after_jump(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Jumping to a pose without animation runs nothing in the background."""
    w = FigureWidget()
    qtbot.addWidget(w)
    w.set_pose("lie-back", None, animate=False)
    assert not w.is_animating()
    assert w.current_pose == load_pose("lie-back")


def _far_apart(a: QImage, b: QImage) -> int:
    """Pixels further apart than antialiasing drawn over another background makes them."""
    a, b = (i.convertToFormat(QImage.Format.Format_RGB32) for i in (a, b))
    far = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > 60
            ):
                far += 1
    return far


def _drawn_directly(w: FigureWidget, name: str, side: Side | None) -> QImage:
    pose = load_pose(name)
    return render_image(pose, w.width(), side=side, palette=w.palette())


def test_still_figure_looks_as_drawn_directly(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A still figure, copied from its drawing kept since, is the figure drawn afresh,
    also after the window is resized and the side changes."""
    w = FigureWidget()
    qtbot.addWidget(w)
    w.resize(240, 240)
    w.set_pose("hamstring-stand", Side.RIGHT, animate=False)
    assert _far_apart(_grab(w), _drawn_directly(w, "hamstring-stand", Side.RIGHT)) == 0
    w.resize(200, 200)
    assert _far_apart(_grab(w), _drawn_directly(w, "hamstring-stand", Side.RIGHT)) == 0
    w.set_pose("hamstring-stand", Side.LEFT, animate=False)
    assert _far_apart(_grab(w), _drawn_directly(w, "hamstring-stand", Side.LEFT)) == 0


def test_moving_into_the_pose_shown_keeps_the_figure_still(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A hold names the pose its prepare moved into: nothing moves, and it is reached."""
    w = FigureWidget()
    qtbot.addWidget(w)
    w.set_pose("psoas-kneel", Side.RIGHT, animate=False)
    reached: list[int] = []
    w.pose_reached.connect(reached.append)
    w.set_pose("psoas-kneel", Side.RIGHT)
    assert not w.is_animating()
    assert reached == [0]
    w.set_pose("psoas-kneel", Side.LEFT)  # the other side is a move
    assert w.is_animating()
