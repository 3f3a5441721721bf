"""A window's first size: the size it was laid out for, or nine tenths of a smaller
screen (a 1024×600 netbook), so it opens whole with room for the panels and its frame.

Shared by the windows that open at a designed size (the editor, the history); the main
window remembers its own place instead (``window_place``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

#: The share of a smaller screen's free area a window takes at most.
SCREEN_SHARE_PERCENT = 90


def fitted_size(wanted: QSize, available: QSize | None) -> QSize:
    """``wanted``, each side no larger than :data:`SCREEN_SHARE_PERCENT` of ``available``
    (the screen's area without panels; None: not known, ``wanted`` as it is)."""
    if available is None or available.isEmpty():
        return QSize(wanted)
    return QSize(
        min(wanted.width(), available.width() * SCREEN_SHARE_PERCENT // 100),
        min(wanted.height(), available.height() * SCREEN_SHARE_PERCENT // 100),
    )


def fit_to_screen(window: QWidget, wanted: QSize) -> None:
    """Resize ``window`` (before it is shown) to ``wanted`` fitted to its screen."""
    screen = window.screen()
    window.resize(fitted_size(wanted, screen.availableSize() if screen is not None else None))
