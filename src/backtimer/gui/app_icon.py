"""BackTimer's icon for its windows: the PNGs rendered from ``icons/backtimer.svg`` (and
looked at) at 16 to 512 px; Qt picks the nearest for each use."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from backtimer.desktop_install import APP_ID, ICON_SIZES
from backtimer.resources import resource_path


def app_icon() -> QIcon:
    """The icon; the SVG itself if the PNGs are missing, the desktop's copy (an installed
    menu entry's) if that is too."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        svg = resource_path("icons", "backtimer.svg")
        icon = QIcon(str(svg)) if svg.is_file() else QIcon.fromTheme(APP_ID)
    return icon
