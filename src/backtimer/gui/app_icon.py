"""BackTimer's icon for its windows: the PNGs rendered from ``icons/backtimer.svg`` (and
looked at), 16 to 128 px; Qt picks the nearest for each use.

Not the 256 and 512 px ones: on X11 Qt decodes every size it is given when the window is
first shown (a third of the time without them, ``bench/window_icon.py``), and the large
views (docks, software centres) take the menu entry's icon from the icon theme instead."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from backtimer.desktop_install import APP_ID, ICON_SIZES
from backtimer.resources import resource_path

LARGEST = 128  #: px; see above


def app_icon() -> QIcon:
    """The icon; the SVG itself if the PNGs are missing, the desktop's copy (an installed
    menu entry's) if that is too."""
    icon = QIcon()
    for size in (s for s in ICON_SIZES if s <= LARGEST):
        png = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        svg = resource_path("icons", "backtimer.svg")
        icon = QIcon(str(svg)) if svg.is_file() else QIcon.fromTheme(APP_ID)
    return icon
