"""Connecting signals without owning the receiver: the one rule for Qt lifetimes here.

The rule: a signal is connected to a *bound method* of a QObject, to another signal, or
through :func:`connect_call`; never to a lambda, ``functools.partial`` or nested function
that captures ``self`` or a widget. PySide keeps such a callable alive for as long as the
connection lasts; when the sender (often a child of ``self``) is destroyed, the callable
is freed and may drop the last reference to ``self``'s wrapper, so ``self`` is destroyed
while Qt is still deleting its children: a segfault in ``QObjectPrivate::deleteChildren``.
A bound method of a QObject is held weakly by PySide, and the connection ends with its
receiver. ``tests/gui/test_lifetimes.py`` checks every ``connect`` under ``gui/``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, SignalInstance


def connect_call(signal: SignalInstance, method: Callable[..., object], *args: Any) -> None:
    """When ``signal`` fires, call ``method(*args)`` (the signal's own values are dropped).

    ``method`` must be a bound method of a QObject; the connection keeps only a weak
    reference to that object and does nothing once it is gone or deleted by Qt.
    """
    signal.connect(_weak_call(method, args))


def call_soon(method: Callable[..., object], *args: Any) -> None:
    """Call the bound method ``method(*args)`` once the event loop runs, unless its
    QObject is deleted first (``QTimer.singleShot`` with a lambda would call into a
    deleted object, and would keep it alive until then)."""
    QTimer.singleShot(0, _weak_call(method, args))


def _weak_call(method: Callable[..., object], args: tuple[Any, ...]) -> Callable[..., None]:
    receiver = getattr(method, "__self__", None)
    func = getattr(method, "__func__", None)
    if not isinstance(receiver, QObject) or func is None:
        raise TypeError("a bound method of a QObject is needed")
    ref = weakref.ref(receiver)

    def call(*_values: object) -> None:
        obj = ref()
        if obj is not None and shiboken6.isValid(obj):
            func(obj, *args)

    return call
