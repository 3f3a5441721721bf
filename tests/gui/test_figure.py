"""The figure renderer and widget: real QPainter renders offscreen, looked at by pixel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from backtimer.core.poses.library import builtin_poses, load_pose
from backtimer.core.routine import Side
from backtimer.gui.figure import (
    FigureWidget,
    layout,
    pose_pixmap,
    render_image,
    render_pose,
)
from backtimer.gui.render_poses import run_render_poses
from backtimer.gui.theme import colours

POSES = sorted(builtin_poses())


def _palette(window: str) -> QPalette:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(window))
    return pal


LIGHT, DARK = _palette("#fafafa"), _palette("#24272b")


def _ink(img: QImage, bg: QColor, box: tuple[int, int, int, int] | None = None) -> int:
    """How many pixels (inside ``box``, if given) differ clearly from the background."""
    x0, y0, x1, y1 = box or (0, 0, img.width(), img.height())
    n = 0
    for y in range(y0, y1):
        for x in range(x0, x1):
            c = img.pixelColor(x, y)
            if (
                abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue())
                > 40
            ):
                n += 1
    return n


def _accent_pixels(img: QImage, accent: QColor) -> list[tuple[int, int]]:
    """Pixels in the warm accent (also where it shows through, blended, over the figure)."""
    assert accent.red() - accent.blue() > 100  # the accent is warm; nothing else is
    out = []
    for y in range(img.height()):
        for x in range(img.width()):
            c = img.pixelColor(x, y)
            if c.red() - c.green() > 50 and c.red() - c.blue() > 50:
                out.append((x, y))
    return out


@pytest.mark.parametrize("name", POSES)
@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_pose_renders_visibly_at_thumbnail_size(qapp: object, name: str, palette: QPalette) -> None:
    """At 64 px, in light and dark themes, a good share of the square is figure."""
    img = render_image(load_pose(name), 64, side=Side.RIGHT, palette=palette)
    assert _ink(img, palette.color(QPalette.ColorRole.Window)) > 64 * 64 * 0.04


@pytest.mark.parametrize("name", POSES)
def test_figure_stays_inside_its_rectangle(qapp: object, name: str) -> None:
    """Nothing is painted outside the rectangle the figure was given."""
    bg = QColor("#fafafa")
    img = QImage(120, 120, QImage.Format.Format_ARGB32)
    img.fill(bg)
    painter = QPainter(img)
    render_pose(painter, QRectF(20, 20, 80, 80), load_pose(name), side=Side.LEFT, palette=LIGHT)
    painter.end()
    inside = _ink(img, bg, (20, 20, 100, 100))
    assert inside > 200
    assert _ink(img, bg) == inside


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
        (x, y)
        for x, y in _accent_pixels(img, accent)
        if abs(x - mid_x) < 12 and abs(y - mid_y) < 12
    ]
    assert len(near) > 40


def test_no_highlight_where_the_pose_names_none(qapp: object) -> None:
    """A pose without target muscles shows no accent colour."""
    img = render_image(load_pose("stand"), 200, side=Side.RIGHT, palette=LIGHT)
    assert _accent_pixels(img, colours(LIGHT).muscle) == []


def test_figure_colours_follow_the_window_alone(qapp: object) -> None:
    """A dark window gets the light figure whatever colour the palette gives its text."""
    figures = []
    for text in ("#000000", "#ffffff"):
        pal = _palette("#24272b")
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
        pixels = _accent_pixels(img, accent)
        assert pixels
        xs[side] = sum(x for x, _ in pixels) / len(pixels)
    assert abs(xs[Side.RIGHT] - 100) > 5  # off-centre, so moving it means something
    assert xs[Side.LEFT] == pytest.approx(199 - xs[Side.RIGHT], abs=2)


def test_pose_pixmap_is_cached_and_sized(qapp: object) -> None:
    """Thumbnails have the asked size (times the pixel ratio) and are drawn once."""
    a = pose_pixmap("psoas-lean", 64, side=Side.LEFT, device_pixel_ratio=2.0)
    assert (a.width(), a.height()) == (128, 128)
    assert pose_pixmap("psoas-lean", 64, side=Side.LEFT, device_pixel_ratio=2.0) is a
    assert pose_pixmap("psoas-lean", 64, side=Side.RIGHT, device_pixel_ratio=2.0) is not a


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


def test_render_poses_writes_every_pose(qapp: object, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`backtimer render-poses DIR` writes a PNG per pose and the routine's steps."""
    assert run_render_poses([str(tmp_path), "--size", "64"]) == 0
    written = {p.stem for p in tmp_path.glob("*.png")}
    assert set(POSES) <= written
    assert len(list((tmp_path / "routine").glob("*.png"))) > len(POSES)
    assert not QImage(str(tmp_path / "psoas-lean.png")).isNull()
    assert "wrote" in capsys.readouterr().out


def test_widget_keeps_no_animation_after_jump(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Jumping to a pose without animation runs nothing in the background."""
    w = FigureWidget()
    qtbot.addWidget(w)
    w.set_pose("lie-back", None, animate=False)
    assert not w.is_animating()
    assert w.current_pose == load_pose("lie-back")
