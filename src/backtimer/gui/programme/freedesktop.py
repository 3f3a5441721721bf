"""Reminders as freedesktop desktop notifications (org.freedesktop.Notifications).

Sent over ``session_bus.SessionBus``, so nothing waits on the bus. A notice shown before
the bus is ready waits for it; if the bus or the service is missing (ServiceUnknown, no
bus at all) the notice goes to the fallback notifier (the tray's messages) at once. The
actions are Start now / In 10 minutes / Skip; clicking the notification itself (the
"default" action) is Start now. A notice with actions of its own (the morning question)
gets those instead, and its ``default`` for the click.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from backtimer.gui.programme.notifier import (
    ACTION_LABELS,
    SKIP,
    SNOOZE,
    START,
    Notice,
    Notifier,
)
from backtimer.gui.programme.session_bus import SessionBus

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
APP_NAME = "BackTimer"
ICON = "backtimer"
#: (key, label) pairs, flat as the spec wants them
ACTIONS: tuple[str, ...] = (
    *("default", ACTION_LABELS[START]),
    *(START, ACTION_LABELS[START]),
    *(SNOOZE, ACTION_LABELS[SNOOZE]),
    *(SKIP, ACTION_LABELS[SKIP]),
)
_KNOWN = {"default": START, START: START, SNOOZE: SNOOZE, SKIP: SKIP}


class FreedesktopNotifier(Notifier):
    def __init__(self, fallback: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fallback = fallback
        fallback.action_invoked.connect(self.action_invoked)
        fallback.shown.connect(self.shown)
        self._bus = SessionBus(parent=self)
        self._bus.ready.connect(self._on_ready)
        self._bus.failed.connect(self._on_failed)
        self._bus.answered.connect(self._on_answered)
        self._bus.signalled.connect(self._on_signal)
        self._waiting: list[Notice] = []
        self._calls: dict[int, Notice] = {}  #: Notify calls not answered yet, by serial
        self._ids: dict[int, Notice] = {}  #: the server's notification ids → our notices
        self._broken = False
        self._bus.open()

    def show(self, notice: Notice) -> None:
        if self._broken:
            self._fallback.show(notice)
        elif not self._bus.is_ready:
            self._waiting.append(notice)
        else:
            self._notify(notice)

    def stop(self) -> None:
        self._bus.close()

    def _notify(self, notice: Notice) -> None:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        hints = {"desktop-entry": ("s", "backtimer"), "urgency": ("y", 1)}
        actions = list(ACTIONS)
        if notice.actions:
            actions = ["default", dict(notice.actions)[notice.default]] if notice.default else []
            actions += [part for pair in notice.actions for part in pair]
        body = (APP_NAME, 0, ICON, notice.title, notice.body, actions, hints, -1)
        message = new_method_call(address, "Notify", "susssasa{sv}i", body)
        serial = self._bus.call(message)
        if serial:
            self._calls[serial] = notice
        else:
            self._fallback.show(notice)

    def _on_ready(self, _name: str) -> None:
        from jeepney import MatchRule, message_bus

        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=SERVICE, path=PATH, member=member)
            self._bus.call(message_bus.AddMatch(rule))
        waiting, self._waiting = self._waiting, []
        for notice in waiting:
            self._notify(notice)

    def _on_failed(self, reason: str) -> None:
        log.info("desktop notifications unavailable (%s); using tray messages", reason)
        self._broken = True
        pending = self._waiting + list(self._calls.values())
        self._waiting, self._calls = [], {}
        for notice in pending:
            self._fallback.show(notice)

    def _on_answered(self, serial: int, message: object) -> None:
        from jeepney.low_level import MessageType

        notice = self._calls.pop(serial, None)
        if notice is None:
            return
        if message.header.message_type is MessageType.error:  # type: ignore[attr-defined]
            log.info("Notify refused (%s); using tray messages", message.body)  # type: ignore[attr-defined]
            self._fallback.show(notice)
            return
        self._ids[int(message.body[0])] = notice  # type: ignore[attr-defined]
        self.shown.emit(notice.key, "dbus")

    def _on_signal(self, message: object) -> None:
        from jeepney.low_level import HeaderFields

        fields = message.header.fields  # type: ignore[attr-defined]
        if fields.get(HeaderFields.interface) != SERVICE:
            return
        member = fields.get(HeaderFields.member)
        body = message.body  # type: ignore[attr-defined]
        if member == "ActionInvoked" and len(body) == 2:
            notice = self._ids.get(int(body[0]))
            if notice is None:
                return
            action = _action(notice, str(body[1]))
            if action is not None:
                self.action_invoked.emit(notice.key, action)
        elif member == "NotificationClosed" and body:
            # Closed (and any action already told): the id may be reused by the server.
            self._ids.pop(int(body[0]), None)


def _action(notice: Notice, key: str) -> str | None:
    """The action a server's ActionInvoked key means for ``notice`` (None: not one of its)."""
    if not notice.actions:
        return _KNOWN.get(key)
    if key == "default":
        return notice.default or None
    return key if key in dict(notice.actions) else None
