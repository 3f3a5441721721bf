"""The changes BackTimer made to the exercises, each with its reason: undo one that was
made, accept or decline one that is offered. The window only reports the decision; the
care controller stores it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core import formats
from backtimer.core.care.changes import CareChange, ChangeStatus
from backtimer.core.i18n import _

TITLE = _("Changes to your exercises")
INTRO = _(
    "BackTimer makes an exercise gentler when it hurt, and offers a step up when it has "
    "been comfortable. Each change says why. Undo any change you or your clinician "
    "disagree with."
)
NONE_YET = _("No changes yet.")
UNDO = _("Undo")
ACCEPT = _("Accept")
DECLINE = _("Decline")
LIST_NAME = _("Changes")
DESCRIPTIONS = {
    "list": _("Each change BackTimer made or offers, newest first, and why; choose one to act on."),
    "undo": _("Undoes the chosen change: the exercise goes back to what it was."),
    "accept": _("Accepts the chosen offer: the step up applies from the next session."),
    "decline": _("Declines the chosen offer: nothing changes."),
}
ROW = _("{day}  {what}\n    Why: {reason}\n    {status}")
STATUS_WORDS = {
    ChangeStatus.APPLIED: _("In effect"),
    ChangeStatus.OFFERED: _("Offered: accept or decline"),
    ChangeStatus.DECLINED: _("Declined"),
    ChangeStatus.UNDONE: _("Undone"),
}


class ChangesWindow(QWidget):
    """``set_changes`` fills the list; ``decided`` asks for a change's new status."""

    #: (change id, ChangeStatus wanted)
    decided = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(TITLE)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.undo_button = QPushButton(UNDO)
        self.accept_button = QPushButton(ACCEPT)
        self.decline_button = QPushButton(DECLINE)
        self.undo_button.clicked.connect(self.undo)
        self.accept_button.clicked.connect(self.accept)
        self.decline_button.clicked.connect(self.decline)
        self.list.setAccessibleName(LIST_NAME)
        for widget, key in (
            (self.list, "list"),
            (self.undo_button, "undo"),
            (self.accept_button, "accept"),
            (self.decline_button, "decline"),
        ):
            widget.setAccessibleDescription(DESCRIPTIONS[key])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.undo_button, self.accept_button, self.decline_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._changes: list[CareChange] = []
        self.resize(760, 520)
        self._update_buttons()

    def set_changes(self, changes: Sequence[tuple[CareChange, str]]) -> None:
        """Newest first: each change with what it does in words."""
        self.list.clear()
        self._changes = [c for c, _what in changes]
        for change, what in changes:
            text = ROW.format(
                day=formats.date(change.day) if isinstance(change.day, dt.date) else "",
                what=what,
                reason=change.proposal.reason,
                status=STATUS_WORDS[change.status],
            )
            QListWidgetItem(text, self.list)
        if not changes:
            QListWidgetItem(NONE_YET, self.list)
        self.list.setCurrentRow(0 if changes else -1)
        self._update_buttons()

    def selected(self) -> CareChange | None:
        row = self.list.currentRow()
        return self._changes[row] if 0 <= row < len(self._changes) else None

    def undo(self) -> None:
        self._decide(ChangeStatus.APPLIED, ChangeStatus.UNDONE)

    def accept(self) -> None:
        self._decide(ChangeStatus.OFFERED, ChangeStatus.APPLIED)

    def decline(self) -> None:
        self._decide(ChangeStatus.OFFERED, ChangeStatus.DECLINED)

    def _decide(self, from_status: ChangeStatus, to_status: ChangeStatus) -> None:
        change = self.selected()
        if change is not None and change.status is from_status:
            self.decided.emit(change.id, to_status)

    def _update_buttons(self, _row: int = -1) -> None:
        change = self.selected()
        status = None if change is None else change.status
        self.undo_button.setEnabled(status is ChangeStatus.APPLIED)
        self.accept_button.setEnabled(status is ChangeStatus.OFFERED)
        self.decline_button.setEnabled(status is ChangeStatus.OFFERED)
