"""Which session the next-morning question was last put about, kept in the settings so
the window and the tray (two processes) ask it once per morning between them."""

from __future__ import annotations

from PySide6.QtCore import QSettings

KEY = "care/morning_asked_for"


def asked_for() -> int | None:
    """The session the morning question was put about last (None: never)."""
    value = QSettings().value(KEY, 0, type=int)
    return int(value) if value else None  # type: ignore[call-overload]


def mark_asked(session_id: int | None) -> None:
    if session_id is not None:
        QSettings().setValue(KEY, session_id)


def forget(session_id: int | None) -> None:
    """Let the question be put again about ``session_id`` (the tray hands it to the
    window: "Open BackTimer…")."""
    settings = QSettings()
    if session_id is not None and settings.value(KEY, 0, type=int) == session_id:
        settings.remove(KEY)
