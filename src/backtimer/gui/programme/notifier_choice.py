"""The best notifier for this platform: desktop notifications where freedesktop has them,
else the tray's own messages (see ``notifier``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from backtimer.core.platform import current
from backtimer.gui.programme.notifier import Notifier, TrayMessages


def choose_notifier(tray: QSystemTrayIcon, parent: QObject | None = None) -> Notifier:
    fallback = TrayMessages(tray, parent)
    if current().name in ("windows", "macos"):
        return fallback
    from backtimer.gui.programme.freedesktop import FreedesktopNotifier

    return FreedesktopNotifier(fallback, parent)
