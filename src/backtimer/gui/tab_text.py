"""Tab titles drawn whole: the dots of a capital umlaut ("Übungen") are not cut off.

Fusion draws a tab's title inside a rectangle one line of the font tall, shifted down on
the tabs that are not selected, and clips the text to it; a capital with an accent
(Ü, Ä, Ö, É, Á) reaches above the font's ascent, so its dots fell outside and were cut.
Taller tabs do not help (the rectangle stays one line tall). The style below only lets
the title's text draw past that rectangle (``Qt.TextDontClip``), still inside the tab;
everything else is the application's own style, unchanged. A style sheet padding would
have made the tab bar draw in the style sheet's plain look instead.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QTabWidget, QWidget


class WholeTabTitles(QProxyStyle):
    """The application's style, with tab titles that are not clipped."""

    def __init__(self) -> None:
        super().__init__()  # no base: the application's style
        self._in_tab_label = False

    def drawControl(  # noqa: N802 - Qt override
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is not QStyle.ControlElement.CE_TabBarTabLabel:
            super().drawControl(element, option, painter, widget)
            return
        self._in_tab_label = True
        try:
            super().drawControl(element, option, painter, widget)
        finally:
            self._in_tab_label = False

    def drawItemText(  # noqa: N802 - Qt override
        self,
        painter: QPainter,
        rect: QRect,
        flags: int,
        pal: QPalette | Qt.GlobalColor | QColor,
        enabled: bool,
        text: str,
        textRole: QPalette.ColorRole = QPalette.ColorRole.NoRole,  # noqa: N803 - Qt's name
    ) -> None:
        if self._in_tab_label:
            flags = int(flags) | Qt.TextFlag.TextDontClip.value
        super().drawItemText(painter, rect, flags, pal, enabled, text, textRole)


_style: WholeTabTitles | None = None


def whole_tab_titles(tabs: QTabWidget) -> None:
    """Draw ``tabs``' titles whole (one style for every tab bar, kept by the application)."""
    global _style
    if _style is None or not shiboken6.isValid(_style):  # none yet, or its application gone
        _style = WholeTabTitles()
        _style.setParent(QApplication.instance())
    tabs.tabBar().setStyle(_style)
