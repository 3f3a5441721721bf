"""Looking at rendered figures by pixel: palettes to draw on and counts of what was drawn."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPalette


def window_palette(window: str) -> QPalette:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(window))
    return pal


LIGHT, DARK = window_palette("#fafafa"), window_palette("#24272b")


def ink(img: QImage, bg: QColor, box: tuple[int, int, int, int] | None = None) -> int:
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


def accent_pixels(img: QImage, accent: QColor) -> list[tuple[int, int]]:
    """Pixels in the warm accent (also where it shows through, blended, over the figure)."""
    assert accent.red() - accent.blue() > 100  # the accent is warm; nothing else is
    out = []
    for y in range(img.height()):
        for x in range(img.width()):
            c = img.pixelColor(x, y)
            if c.red() - c.green() > 50 and c.red() - c.blue() > 50:
                out.append((x, y))
    return out
