"""The optional soft chime with a reminder: the session-done sound, quietly.

QtMultimedia is loaded only when the person has turned the chime on, so the waiting
tray does not carry it; a missing sound system means no chime, said once in the log.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

from backtimer.resources import resource_path

log = logging.getLogger(__name__)

VOLUME = 0.35


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: object = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            log.info("no QtMultimedia: no chime")
            return
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds") / "done.wav")))
        effect.setVolume(VOLUME)
        self._effect = effect

    def play(self) -> None:
        if self._effect is not None:
            self._effect.play()  # type: ignore[attr-defined]
