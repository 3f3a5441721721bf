"""The application's look: light, dark or high contrast, following the system, and a
keyboard focus ring that is always visible.

The look follows the system's colour scheme (``QStyleHints.colorScheme``) and, from Qt
6.10, its contrast preference (``QStyleHints.accessibility().contrastPreference``), and
changes with them while the program runs. Where the platform says nothing (a bare X
session, Xvfb, the offscreen platform) the palette Qt chose is kept. The environment
variable ``BACKTIMER_LOOK`` (``light``, ``dark``, ``high-contrast``; ``system`` or unset:
follow the system) forces one, for screenshots and for anyone whose desktop reports the
wrong thing. The colours themselves are ``theme``'s.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from backtimer.gui.focus_ring import FocusRings
from backtimer.gui.theme import Look, look_palette

log = logging.getLogger(__name__)

LOOK_VARIABLE = "BACKTIMER_LOOK"


def forced_look(environ: dict[str, str] | os._Environ[str] = os.environ) -> Look | None:
    """The look ``BACKTIMER_LOOK`` asks for; None to follow the system (also for a value
    it does not know, which is logged)."""
    value = environ.get(LOOK_VARIABLE, "").strip().lower()
    if value in ("", "system"):
        return None
    try:
        return Look(value)
    except ValueError:
        log.warning("%s=%s is not one of light, dark, high-contrast, system", LOOK_VARIABLE, value)
        return None


def system_look(app: QApplication) -> Look | None:
    """What the system asks for: high contrast first, then its colour scheme; None when
    it says nothing."""
    hints = app.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is not None:
        contrast = accessibility().contrastPreference()
        if contrast == Qt.ContrastPreference.HighContrast:
            return Look.HIGH_CONTRAST
    scheme = hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return Look.DARK
    if scheme == Qt.ColorScheme.Light:
        return Look.LIGHT
    return None


class Looks(QObject):
    """Puts the look on ``app`` now and whenever the system's preference changes, and
    keeps the focus ring. Made once, right after the QApplication."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._forced = forced_look()
        self._platform_palette = app.palette()
        self.look: Look | None = None  #: the look put on (None: the platform's palette)
        self.focus_rings = FocusRings(app)
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self.follow_system)
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(self.follow_system)
        self.follow_system()

    def follow_system(self, *_changed: object) -> None:
        """Put on the forced look, or the system's (or go back to the platform's palette)."""
        look = self._forced if self._forced is not None else system_look(self._app)
        if look == self.look:
            return
        self.look = look
        palette = look_palette(look) if look is not None else self._platform_palette
        self._app.setPalette(palette)
