"""View → Language: the person's language for the window, the voice and the command
line. The texts are translated when their modules load, so a choice applies from the
next start; it is kept in a plain file (core/language_setting.py) that the start reads
before Qt."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from backtimer.core.i18n import LANGUAGE_NAMES, LANGUAGES, _
from backtimer.core.language_setting import save_language, saved_language
from backtimer.gui.banner import Banner

log = logging.getLogger(__name__)

MENU = _("&Language")
MENU_NAME = _("Language")
MENU_DESCRIPTION = _(
    "The language of the window and the voice. A new choice applies the next time BackTimer starts."
)
SYSTEM = _("System default")
SYSTEM_TIP = _("The language your system is set to, when BackTimer speaks it; else English.")
NEXT_START = _("The new language applies the next time you start BackTimer.")
CANNOT_SAVE = _("The language could not be saved: {reason}")


class LanguageMenu(QObject):
    """A submenu of ``menu``: "System default" and each language under its own name, the
    saved choice checked; choosing one saves it and says when it applies."""

    def __init__(self, menu: QMenu, banner: Banner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._banner = banner
        self.menu = menu.addMenu(MENU)
        self.menu.setObjectName("languageMenu")
        self.menu.setAccessibleName(MENU_NAME)
        self.menu.setAccessibleDescription(MENU_DESCRIPTION)
        self.menu.setToolTipsVisible(True)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions: dict[str | None, QAction] = {}
        saved = saved_language()
        for code in (None, *LANGUAGES):
            text = SYSTEM if code is None else LANGUAGE_NAMES[code]
            action = QAction(text, self.menu)
            action.setObjectName(f"language_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.setData(code or "")
            action.setToolTip(SYSTEM_TIP if code is None else MENU_DESCRIPTION)
            action.setStatusTip(SYSTEM_TIP if code is None else MENU_DESCRIPTION)
            self._group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self._group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        code = str(action.data()) or None
        try:
            save_language(code)
        except OSError as error:
            log.warning("language not saved: %s", error)
            self._banner.show_message(CANNOT_SAVE.format(reason=error.strerror or error))
            return
        self._banner.show_message(NEXT_START)
