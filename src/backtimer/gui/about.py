"""Help → About: what BackTimer is, its version and licence, and the safety note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from backtimer import __version__
from backtimer.core.i18n import _

TITLE = _("About BackTimer")
NAME_VERSION = _("BackTimer {version}")
WHAT = _("A hands-free hold timer for back-pain stretching.")
SAFETY = _(
    "Safety: check with your medical provider before you start. Whenever something hurts, "
    "stop or go slower. BackTimer is not a medical device."
)
LICENCE = _(
    "Free software under the GNU General Public License, version 3 or later "
    "(GPL-3.0-or-later): you may share and change it under its terms. "
    "It comes with no warranty."
)
PRIVACY = _("Your sessions, pain events and goals stay on this computer.")
CLOSE_DESCRIPTION = _("Closes this window.")


class AboutDialog(QDialog):
    """The version, licence, safety note and privacy line, in plain text, with Close."""

    def __init__(self, parent: QWidget | None = None, icon: QIcon | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.name_label = QLabel(NAME_VERSION.format(version=__version__))
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.safety_label = QLabel(SAFETY)
        self.safety_label.setObjectName("aboutSafety")
        bold = self.safety_label.font()
        bold.setBold(True)
        self.safety_label.setFont(bold)
        self.licence_label = QLabel(LICENCE)
        texts = QVBoxLayout()
        texts.addWidget(self.name_label)
        for label in (QLabel(WHAT), self.safety_label, self.licence_label, QLabel(PRIVACY)):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            texts.addWidget(label)
        row = QHBoxLayout()
        chosen = icon if icon is not None else self.windowIcon()
        if not chosen.isNull():
            picture = QLabel()
            picture.setPixmap(chosen.pixmap(96, 96))
            picture.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addWidget(picture)
        row.addLayout(texts, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAccessibleDescription(CLOSE_DESCRIPTION)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        """Show it until closed (tests replace this)."""
        cls(parent).exec()
