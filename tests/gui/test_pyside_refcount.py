"""Guard against the PySide6 6.12.0 bug that aborted the program a few seconds into use."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer


def test_void_calls_keep_none_alive(qapp: QCoreApplication) -> None:
    """Thousands of Qt setter calls leave None's reference count where it was.

    PySide6 6.12.0 under Python 3.11 dropped one reference to None per void call, so a
    window refreshing its countdown died with "none_dealloc" within minutes; pyproject pins
    below 6.12 for that reason. If this fails after an upgrade, keep the pin.
    """
    timer, obj = QTimer(), QObject()
    before = sys.getrefcount(None)
    for _ in range(5000):
        timer.setInterval(5)
        obj.setObjectName("x")
        QCoreApplication.processEvents()
    assert abs(sys.getrefcount(None) - before) < 100
