"""How long drawing the figure takes: a 512x512 render of each built-in pose, and one
animation frame (interpolate + render), median and max over at least 200 runs each.

Target: a render under 5 ms, so an animation frame never delays the countdown's refresh.
Run: ``.venv/bin/python bench/figure.py``.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette  # noqa: E402

RUNS = 200


def _report(label: str, samples: list[float]) -> None:
    ms = [s * 1000 for s in samples]
    print(
        f"{label:38s} n={len(ms):4d}  median {statistics.median(ms):6.2f} ms  max {max(ms):6.2f} ms"
    )


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    from backtimer.core.poses.library import builtin_poses
    from backtimer.core.poses.motion import interpolate, mirrored
    from backtimer.core.routine import Side
    from backtimer.gui.figure.painting import render_pose

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#fafafa"))
    img = QImage(512, 512, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, 512, 512)
    poses = list(builtin_poses().values())

    def draw(pose, side):  # type: ignore[no-untyped-def]
        img.fill(0)
        painter = QPainter(img)
        render_pose(painter, rect, pose, side=side, palette=palette)
        painter.end()

    for p in poses:  # warm caches, as the window does after its first paint
        draw(p, Side.RIGHT)
    samples = []
    for i in range(max(RUNS, 12 * len(poses))):
        p = poses[i % len(poses)]
        t0 = time.perf_counter()
        draw(p, Side.RIGHT if i % 2 else Side.LEFT)
        samples.append(time.perf_counter() - t0)
    _report("render 512x512 (all poses, both sides)", samples)

    # An animation frame: a new in-between pose each time (nothing cached), then drawn.
    pairs = [(poses[i], poses[(i + 1) % len(poses)]) for i in range(len(poses))]
    frames = []
    for i in range(RUNS * 2):
        a, b = pairs[i % len(pairs)]
        if a.mirror != b.mirror:
            b = mirrored(b)
        t0 = time.perf_counter()
        draw(interpolate(a, b, (i % 97) / 97), None)
        frames.append(time.perf_counter() - t0)
    _report("animation frame (interpolate + render)", frames)


if __name__ == "__main__":
    main()
