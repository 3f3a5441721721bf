"""The main window's size and place, remembered between runs (QSettings).

Restored sensibly when the screens changed since: a window whose place is now off every
screen (a monitor unplugged, a smaller resolution) opens centred on the primary screen,
and a window larger than its screen is shrunk to fit. Distance mode (full screen) is never
remembered as the window's size: the size before it is.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

GEOMETRY_KEY = "window/geometry"
MAXIMIZED_KEY = "window/maximized"
DEFAULT_SIZE = QSize(1280, 800)
#: Less of the window than this share on any screen counts as off the screens.
MIN_VISIBLE_SHARE = 0.25


def fit_to_screens(saved: QRect | None, screens: list[QRect], default: QSize) -> QRect:
    """Where the window goes: ``saved`` if it is still mostly on one of ``screens``
    (their available areas, the primary first), moved and shrunk to lie wholly on it;
    otherwise ``saved``'s size (or ``default``), fitted and centred on the primary."""
    if not screens:
        return saved if saved is not None and saved.isValid() else QRect(0, 0, *default.toTuple())
    target = screens[0]
    size = default
    if saved is not None and saved.isValid():
        size = saved.size()
        best, best_area = None, 0
        for screen in screens:
            overlap = screen.intersected(saved)
            area = overlap.width() * overlap.height() if overlap.isValid() else 0
            if area > best_area:
                best, best_area = screen, area
        whole = saved.width() * saved.height()
        if best is not None and best_area >= MIN_VISIBLE_SHARE * whole:
            return _inside(QRect(saved.topLeft(), size.boundedTo(best.size())), best)
    rect = QRect(0, 0, *size.boundedTo(target.size()).toTuple())
    rect.moveCenter(target.center())
    return _inside(rect, target)


def _inside(rect: QRect, screen: QRect) -> QRect:
    """``rect`` moved (not resized) so it lies within ``screen``; it already fits."""
    x = min(max(rect.left(), screen.left()), screen.right() - rect.width() + 1)
    y = min(max(rect.top(), screen.top()), screen.bottom() - rect.height() + 1)
    return QRect(x, y, rect.width(), rect.height())


class WindowPlace:
    """Restores ``window``'s remembered geometry and saves it again on ``save()``."""

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        self._window = window
        self._settings = settings
        self._before_full_screen: QRect | None = None

    def restore(self) -> None:
        """Size and place the (not yet shown) window as it was last closed."""
        saved = self._settings.value(GEOMETRY_KEY, None)
        rect = saved if isinstance(saved, QRect) else None
        screens = _available_screens()
        self._window.setGeometry(fit_to_screens(rect, screens, DEFAULT_SIZE))
        if self._settings.value(MAXIMIZED_KEY, False, type=bool):
            self._window.setWindowState(self._window.windowState() | Qt.WindowState.WindowMaximized)

    def remember_before_full_screen(self) -> None:
        """Called before distance mode covers the screen: this is the size to keep."""
        if self._before_full_screen is None and not self._window.isFullScreen():
            self._before_full_screen = self._window.normalGeometry()

    def left_full_screen(self) -> None:
        self._before_full_screen = None

    def save(self) -> None:
        rect = self._before_full_screen or self._window.normalGeometry()
        if rect.isValid():
            self._settings.setValue(GEOMETRY_KEY, rect)
        self._settings.setValue(MAXIMIZED_KEY, self._window.isMaximized())


def _available_screens() -> list[QRect]:
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = [primary, *(s for s in screens if s is not primary)] if primary else screens
    return [s.availableGeometry() for s in ordered]
