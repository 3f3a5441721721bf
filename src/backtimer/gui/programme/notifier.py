"""How a reminder reaches the person: one small interface, a part per platform.

``Notifier.show(notice)`` puts the notice on screen; a person's answer comes back as
``action_invoked(key, action)`` with ``action`` one of ``START``, ``SNOOZE``, ``SKIP``
(or, for a notice with actions of its own, one of those keys).

* Linux and other freedesktop desktops: ``freedesktop.FreedesktopNotifier``, a desktop
  notification with the three actions as buttons; where no notification service runs,
  it hands the notice to the tray's messages instead.
* Windows and macOS: ``TrayMessages``, the tray icon's own message (a toast on Windows,
  Notification Center on macOS, through Qt). These have no buttons: clicking the message
  is *Start now*, and the tray menu has *In 10 minutes* and *Skip*.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from backtimer.core.i18n import _

log = logging.getLogger(__name__)

#: the actions' keys (D-Bus action identifiers: never translated); only the labels are
START = "start"
SNOOZE = "snooze"
SKIP = "skip"

ACTION_LABELS = {START: _("Start now"), SNOOZE: _("In 10 minutes"), SKIP: _("Skip")}


@dataclass(frozen=True)
class Notice:
    key: str  #: names the reminder in ``action_invoked``
    title: str
    body: str
    #: (action key, label) buttons of its own (the morning question); () for a
    #: reminder's START / SNOOZE / SKIP
    actions: tuple[tuple[str, str], ...] = ()
    #: what a click on the notice itself (or the tray's message) is; "" for START
    default: str = ""


class Notifier(QObject):
    """See the module docstring."""

    #: the person answered the notice ``key`` with ``action`` (START, SNOOZE or SKIP)
    action_invoked = Signal(str, str)
    #: a notice was handed to the desktop (its key, and how: "dbus" or "tray")
    shown = Signal(str, str)

    def show(self, notice: Notice) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """Let go of any connection; no more signals after this."""


class TrayMessages(Notifier):
    """The tray icon's message balloon; clicking it is *Start now*."""

    MESSAGE_MS = 60_000

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._last: Notice | None = None
        tray.messageClicked.connect(self._on_clicked)

    def show(self, notice: Notice) -> None:
        self._last = notice
        if not QSystemTrayIcon.supportsMessages():
            log.info("this desktop shows no tray messages; the icon's tooltip says it")
        self._tray.showMessage(
            notice.title, notice.body, QSystemTrayIcon.MessageIcon.Information, self.MESSAGE_MS
        )
        self.shown.emit(notice.key, "tray")

    def _on_clicked(self) -> None:
        if self._last is not None:
            self.action_invoked.emit(self._last.key, self._last.default or START)
