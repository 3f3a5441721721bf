"""The Plan window's form for the chosen routine's schedule: its times (each the whole
routine or one of its exercises: a micro-session), days, first and last dates, and pain
limit, with the button that puts back the routine's own prescription.

The form holds no plan: it shows a schedule (``show_entry``), says when the person
changed it (``changed``), and reads it back (``edited``), with the problem in words when
it cannot be one (no time, a day list left empty, dates backwards)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import SOURCE_LANGUAGE, _, language
from backtimer.core.programme.editing import problem
from backtimer.core.programme.plan import PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot, Weekday
from backtimer.core.routine import Routine
from backtimer.gui.programme.texts import DAY_NAMES
from backtimer.gui.programme.time_row import TimeRow

ADD_TIME = _("Add a time")
RESET = _("Use the routine's prescription")
NO_LIMIT = _("no limit")
TIMES = _("Times")
DAYS = _("Days")
FROM = _("From")
UNTIL = _("Until")
PAIN = _("Stop if pain is above (of 10)")
DEFAULT_TIME = dt.time(8, 0)
#: What a screen reader says for each control: (name, description); a name "" keeps the
#: control's own text as its name.
WORDS = {
    "add_time": ("", _("Adds another time of day for this routine.")),
    "from_on": (_("Starts on a date"), _("When ticked, the plan begins on the date beside it.")),
    "from_date": (_("First date"), _("The first day of the plan.")),
    "until_on": (_("Ends on a date"), _("When ticked, the plan ends on the date beside it.")),
    "until_date": (_("Last date"), _("The last day of the plan.")),
    "pain": ("", _("A session stops when pain is rated above this; 'no limit' for none.")),
    "reset": ("", _("Puts back the times and days the routine's file suggests.")),
}
#: what a screen reader says of each day's box, a whole sentence per day
DAY_DESCRIPTIONS = {
    Weekday.MON: _("When ticked, this routine is planned on Mondays."),
    Weekday.TUE: _("When ticked, this routine is planned on Tuesdays."),
    Weekday.WED: _("When ticked, this routine is planned on Wednesdays."),
    Weekday.THU: _("When ticked, this routine is planned on Thursdays."),
    Weekday.FRI: _("When ticked, this routine is planned on Fridays."),
    Weekday.SAT: _("When ticked, this routine is planned on Saturdays."),
    Weekday.SUN: _("When ticked, this routine is planned on Sundays."),
}


def say(widget: QWidget, words: tuple[str, str]) -> None:
    """Give ``widget`` a screen reader's name and description (a name "" keeps its text)."""
    name, description = words
    if name:
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


class ScheduleForm(QWidget):
    """See the module docstring."""

    #: the person changed the schedule shown (never while one is being shown)
    changed = Signal()
    #: the person asked for the routine's own prescription back
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TimeRow] = []
        self._routine: Routine | None = None
        self._loading = False
        self.times_box = QVBoxLayout()
        self.add_time = QPushButton(ADD_TIME)
        self.add_time.clicked.connect(self._add_time)
        times = QVBoxLayout()
        times.addLayout(self.times_box)
        times.addWidget(self.add_time)
        self.day_boxes: dict[Weekday, QCheckBox] = {}
        days = QHBoxLayout()
        for day in Weekday:
            box = QCheckBox(DAY_NAMES[day])
            box.toggled.connect(self._on_changed)
            box.setAccessibleDescription(DAY_DESCRIPTIONS[day])
            self.day_boxes[day] = box
            days.addWidget(box)
        self.from_on, self.from_date = QCheckBox(), QDateEdit()
        self.until_on, self.until_date = QCheckBox(), QDateEdit()
        for on, date in ((self.from_on, self.from_date), (self.until_on, self.until_date)):
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
            if language() != SOURCE_LANGUAGE:  # the calendar's month and day names
                date.setLocale(QLocale(language()))
            on.toggled.connect(self._on_changed)
            date.dateChanged.connect(self._on_changed)
        self.pain = QSpinBox()
        self.pain.setRange(-1, 10)
        self.pain.setSpecialValueText(NO_LIMIT)
        self.pain.valueChanged.connect(self._on_changed)
        self.reset_button = QPushButton(RESET)
        self.reset_button.clicked.connect(self.reset_requested)
        for widget, key in (
            (self.add_time, "add_time"),
            (self.from_on, "from_on"),
            (self.from_date, "from_date"),
            (self.until_on, "until_on"),
            (self.until_date, "until_date"),
            (self.pain, "pain"),
            (self.reset_button, "reset"),
        ):
            say(widget, WORDS[key])
        form = QFormLayout(self)
        form.addRow(TIMES, times)
        form.addRow(DAYS, days)
        form.addRow(FROM, _pair(self.from_on, self.from_date))
        form.addRow(UNTIL, _pair(self.until_on, self.until_date))
        form.addRow(PAIN, self.pain)
        form.addRow("", self.reset_button)

    def show_entry(self, entry: PlanEntry, routine: Routine | None) -> None:
        """Show ``entry``'s schedule; ``routine`` (None: not at hand) names the exercises
        a time may do alone, and says whether it has a prescription to go back to."""
        self._loading = True
        self._routine = routine
        s = entry.schedule
        self.clear()
        for slot in s.slots:
            self._append_row(slot)
        for day, box in self.day_boxes.items():
            box.setChecked(day in s.days)
        today = QDate.currentDate()
        for on, date, value in (
            (self.from_on, self.from_date, s.start),
            (self.until_on, self.until_date, s.end),
        ):
            on.setChecked(value is not None)
            date.setDate(QDate(value.year, value.month, value.day) if value else today)
        self.pain.setValue(s.pain_limit if s.pain_limit is not None else -1)
        self.reset_button.setEnabled(routine is not None and routine.schedule is not None)
        self._loading = False
        self._enable_dates()

    def clear(self) -> None:
        """No times shown (nothing is planned)."""
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []

    def edited(self) -> tuple[Schedule | None, str | None]:
        """The schedule as the form now says, or None and the problem in words."""
        slots = sorted(r.slot() for r in self.rows)
        days = frozenset(d for d, box in self.day_boxes.items() if box.isChecked())
        start = _date(self.from_date) if self.from_on.isChecked() else None
        end = _date(self.until_date) if self.until_on.isChecked() else None
        names = {e.id for e in self._routine.exercises} if self._routine else set()
        said = problem(slots, days, start, end, names)
        if said is not None:
            return None, said
        limit = self.pain.value()
        schedule = Schedule(tuple(slots), days, start, end, limit if limit >= 0 else None)
        return schedule, None

    def _append_row(self, slot: Slot) -> None:
        row = TimeRow(slot, self._routine, self)
        row.changed.connect(self._on_changed)
        row.remove_requested.connect(self._remove_row)
        self.rows.append(row)
        self.times_box.addWidget(row)

    def _add_time(self) -> None:
        taken = {r.slot().at for r in self.rows}
        at = max(taken, default=DEFAULT_TIME)
        at = DEFAULT_TIME if not taken else dt.time(min(23, at.hour + 1), at.minute)
        self._append_row(Slot(at))
        self._on_changed()

    def _remove_row(self, row: TimeRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self._on_changed()

    def _enable_dates(self) -> None:
        for on, date in ((self.from_on, self.from_date), (self.until_on, self.until_date)):
            date.setEnabled(on.isChecked())

    def _on_changed(self) -> None:
        if self._loading:
            return
        self._enable_dates()
        self.changed.emit()


def _pair(box: QCheckBox, date: QDateEdit) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.addWidget(box)
    layout.addWidget(date, 1)
    return layout


def _date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())
