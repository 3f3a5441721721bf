"""One row of the Plan window's times: a time of day and what to do then."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QTimeEdit, QWidget

from backtimer.core.i18n import _
from backtimer.core.programme.schedule import Slot
from backtimer.core.routine import Routine

WHOLE = _("Whole routine")
REMOVE_TIME = _("Remove")
#: What a screen reader says for each control of a row: (name, description).
WORDS = {
    "time": (_("Time of day"), _("When the reminder for this time comes, hours and minutes.")),
    "what": (_("What to do then"), _("The whole routine, or one of its exercises alone.")),
    "remove": (_("Remove this time"), _("Takes this time of day out of the plan.")),
}


class TimeRow(QWidget):
    """One time of day and what to do then (the whole routine or one exercise)."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, slot: Slot, routine: Routine | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.time = QTimeEdit(QTime(slot.at.hour, slot.at.minute))
        self.time.setDisplayFormat("HH:mm")
        self.what = QComboBox()
        # Item data: the exercise ids joined with ","; "" is the whole routine.
        self.what.addItem(WHOLE, "")
        for exercise in routine.exercises if routine else ():
            self.what.addItem(exercise.name, exercise.id)
        if slot.exercises:
            ids = ",".join(slot.exercises)
            index = self.what.findData(ids)
            if index < 0:  # several exercises, as a file may say: kept as they are
                self.what.addItem(", ".join(slot.exercises), ids)
                index = self.what.count() - 1
            self.what.setCurrentIndex(index)
        self.remove = QPushButton(REMOVE_TIME)
        layout.addWidget(self.time)
        layout.addWidget(self.what, 1)
        layout.addWidget(self.remove)
        for widget, key in ((self.time, "time"), (self.what, "what"), (self.remove, "remove")):
            name, description = WORDS[key]
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
        self.time.timeChanged.connect(self.changed)
        self.what.currentIndexChanged.connect(self.changed)
        self.remove.clicked.connect(self._on_remove)

    def slot(self) -> Slot:
        t = self.time.time()
        ids = str(self.what.currentData() or "")
        return Slot(dt.time(t.hour(), t.minute()), tuple(i for i in ids.split(",") if i))

    def _on_remove(self) -> None:
        self.remove_requested.emit(self)
