"""Render BackTimer's icon to PNGs: ``python resources/icons/render.py`` rewrites
``hicolor/NxN/apps/io.github.backtimer.backtimer.png`` here from
``backtimer.svg`` (named by the application ID, as desktops and AppStream look icons up),
and the 16 to 24 px ones from ``backtimer-small.svg``, drawn bolder for those sizes.

Qt's own SVG renderer (PySide6, already a dependency), so the PNGs match what the window
shows as its icon. Desktops pick the nearest size; 16 to 512 covers menus, docks, the
task switcher and software centres (which ask for 64 and 128).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: Up to this size the small drawing is used: thin lines blur into the background there.
SMALL_UP_TO = 24


def png_path(size: int) -> Path:
    return HERE / "hicolor" / f"{size}x{size}" / "apps" / "io.github.backtimer.backtimer.png"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    large = QSvgRenderer(str(HERE / "backtimer.svg"))
    small = QSvgRenderer(str(HERE / "backtimer-small.svg"))
    if not (large.isValid() and small.isValid()):
        print("render.py: backtimer.svg or backtimer-small.svg could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        renderer = small if size <= SMALL_UP_TO else large
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            print(f"render.py: could not write {path}", file=sys.stderr)
            return 1
    print(f"render.py: wrote {len(SIZES)} PNGs under {HERE / 'hicolor'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
