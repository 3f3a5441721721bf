"""The "listening" mark: shown whenever the microphone is open, so nobody is heard unawares."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from backtimer.core.i18n import _

#: The keywords stay English words in every language (the recogniser knows only English).
LISTENING_ONE = _("● Listening: say “{word}” to stop")
LISTENING_TWO = _("● Listening: say “{word}” or “{other}” to stop")
STARTING = _("● Microphone opening…")
TOOLTIP = _(
    "Voice stop: the microphone is open while this session runs. What it hears is "
    "recognised on this computer and never recorded or kept."
)
MARK_COLOUR = "#c62828"  #: the red of a recording light: readable on light and dark


class ListeningMark(QLabel):
    """A bold red line in the window's top bar; hidden while the microphone is closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listeningMark")
        self.setStyleSheet(f"color: {MARK_COLOUR};")
        self.setToolTip(TOOLTIP)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.setFont(font)
        self.setVisible(False)

    def show_listening(self, words: Sequence[str]) -> None:
        if len(words) >= 2:
            self.setText(LISTENING_TWO.format(word=words[0], other=words[1]))
        else:
            self.setText(LISTENING_ONE.format(word=words[0] if words else "stop"))
        self.setVisible(True)

    def show_starting(self) -> None:
        self.setText(STARTING)
        self.setVisible(True)

    def hide_mark(self) -> None:
        self.setVisible(False)
