"""The tray icon's menu: what is next and how today stands (lines to read, not to click),
*Start now*, *Snooze*, *Skip*, *Plan…*, the two options, and *Quit*.

The options are kept here: *Start reminders at login* writes or removes the autostart
entry (a problem is said in the tray's balloon), *Chime* is remembered in the settings
(``tray/chime``). What the other entries ask goes out as signals; the tray does it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from backtimer.gui.programme import texts
from backtimer.gui.programme.autostart import Autostart

CHIME_KEY = "tray/chime"


class TrayMenu(QObject):
    """The menu of ``icon`` (set as its context menu); see the module docstring."""

    #: *Start now*
    start_requested = Signal()
    #: *Snooze* the last reminder
    snooze_requested = Signal()
    #: *Skip* the last reminder
    skip_requested = Signal()
    #: *Plan…*
    plan_requested = Signal()

    def __init__(
        self,
        icon: QSystemTrayIcon,
        *,
        autostart: Autostart | None,
        settings: QSettings | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon = icon
        self._autostart = autostart
        self._settings = settings
        self.menu = m = QMenu()
        self.next_action = m.addAction(texts.MENU_NOTHING)
        self.next_action.setEnabled(False)
        self.today_action = m.addAction(texts.MENU_TODAY.format(done=0, planned=0))
        self.today_action.setEnabled(False)
        m.addSeparator()
        self.start_action = m.addAction(texts.MENU_START)
        self.start_action.triggered.connect(self.start_requested)
        self.snooze_action = m.addAction(texts.MENU_SNOOZE)
        self.snooze_action.triggered.connect(self.snooze_requested)
        self.skip_action = m.addAction(texts.MENU_SKIP)
        self.skip_action.triggered.connect(self.skip_requested)
        m.addSeparator()
        plan = m.addAction(texts.MENU_PLAN)
        plan.triggered.connect(self.plan_requested)
        self.login_action = QAction(texts.MENU_AT_LOGIN, m)
        self.login_action.setCheckable(True)
        self.login_action.setChecked(bool(autostart and autostart.enabled()))
        self.login_action.setEnabled(autostart is not None)
        self.login_action.toggled.connect(self._on_login_toggled)
        m.addAction(self.login_action)
        self.chime_action = QAction(texts.MENU_CHIME, m)
        self.chime_action.setCheckable(True)
        self.chime_action.setChecked(self._chime_setting())
        self.chime_action.toggled.connect(self._on_chime_toggled)
        m.addAction(self.chime_action)
        m.addSeparator()
        self.quit_action = m.addAction(texts.MENU_QUIT)
        icon.setContextMenu(m)

    @property
    def chime(self) -> bool:
        """A chime is wanted with each reminder."""
        return self.chime_action.isChecked()

    def show_day(self, next_line: str, today_line: str, *, reminded: bool) -> None:
        """The two lines; *Snooze* and *Skip* only while a reminder is there to act on."""
        self.next_action.setText(next_line)
        self.today_action.setText(today_line)
        self.snooze_action.setEnabled(reminded)
        self.skip_action.setEnabled(reminded)

    def popup(self) -> None:
        """Open the menu at the icon (a left click, where the desktop sends one)."""
        self.menu.popup(self._icon.geometry().center())

    def _on_login_toggled(self, on: bool) -> None:
        if self._autostart is None:
            return
        message = self._autostart.set_enabled(on)
        if message:
            self._icon.showMessage("BackTimer", message)

    def _chime_setting(self) -> bool:
        return bool(self._settings is not None and self._settings.value(CHIME_KEY, False, bool))

    def _on_chime_toggled(self, on: bool) -> None:
        if self._settings is not None:
            self._settings.setValue(CHIME_KEY, on)
