"""A calm one-line notice across the top of the window: never a dialog that waits for a
click, so a hands-free session is never held up by it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from backtimer.core.i18n import _

CLOSE = _("Close")

_STYLES = {
    "info": "background:#fff4ce; color:#3d2f00; border:1px solid #e0c25a; border-radius:6px;",
    "safety": "background:#e3f1ff; color:#0b2a4a; border:1px solid #7fb2e5; border-radius:6px;",
}
#: The words' colour on each kind's light ground, whatever the look (in a dark or
#: high-contrast look the label would otherwise take the palette's light text).
_TEXT = {"info": "#3d2f00", "safety": "#0b2a4a"}


class Banner(QFrame):
    """``show_message(text)`` shows plain text with a close button; ``dismissed`` says
    when the notice was put away (by its button or by :meth:`dismiss`)."""

    #: the person (or the program, by ``dismiss``) put the notice away
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, *, kind: str = "info") -> None:
        super().__init__(parent)
        self.setObjectName(f"banner_{kind}")
        self.setStyleSheet(f"#{self.objectName()} {{{_STYLES[kind]}}}")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(f"color: {_TEXT[kind]};")
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.label.setFont(font)
        self.button = QPushButton(CLOSE)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_message(self, text: str, *, button: str = CLOSE) -> None:
        self.label.setText(text)
        self.button.setText(button)
        self.show()

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
