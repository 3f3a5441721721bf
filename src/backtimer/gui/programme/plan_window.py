"""The Plan window: which routines, at which times, on which days — the person's plan.

It starts from a routine's prescription (its ``schedule:``) and saves into the history
(``HistoryStore.save_plan``). The list on the left holds the planned routines; the form
on the right edits the chosen one: its times (each the whole routine or one of its
exercises: a micro-session), days, first and last dates, and pain limit. Nothing is
kept until *Save*; a problem (no time, a day list left empty, dates backwards) is said
in words under the form and *Save* waits until it is fixed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import SOURCE_LANGUAGE, _, language
from backtimer.core.programme.day import effective_plan
from backtimer.core.programme.editing import problem
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import EVERY_DAY, Schedule, Slot, Weekday
from backtimer.core.routine import Routine
from backtimer.gui.programme.texts import DAY_NAMES
from backtimer.gui.programme.time_row import TimeRow
from backtimer.gui.slots import connect_call

log = logging.getLogger(__name__)

TITLE = _("Plan")
ADD = _("Add a routine")
REMOVE = _("Remove from the plan")
ADD_TIME = _("Add a time")
RESET = _("Use the routine's prescription")
SAVE = _("Save")
CLOSE = _("Close")
NO_LIMIT = _("no limit")
TIMES = _("Times")
DAYS = _("Days")
FROM = _("From")
UNTIL = _("Until")
PAIN = _("Stop if pain is above (of 10)")
SAVED = _("Saved. Reminders follow the new plan within a minute.")
EMPTY = _("Nothing is planned. Add a routine to plan it.")
SUGGESTED = _("This is the routine's suggestion. Change it if you like, then Save to keep it.")
GONE = _("“{name}” was deleted, and is no longer in the plan.")
DEFAULT_TIME = dt.time(8, 0)
#: What a screen reader says for each control: (name, description); a name "" keeps the
#: control's own text as its name.
WORDS = {
    "entries": (_("Planned routines"), _("The routines in the plan; choose one to edit it.")),
    "add": ("", _("Opens a list of routines to add to the plan.")),
    "remove": ("", _("Takes the chosen routine out of the plan (kept only on Save).")),
    "add_time": ("", _("Adds another time of day for this routine.")),
    "from_on": (_("Starts on a date"), _("When ticked, the plan begins on the date beside it.")),
    "from_date": (_("First date"), _("The first day of the plan.")),
    "until_on": (_("Ends on a date"), _("When ticked, the plan ends on the date beside it.")),
    "until_date": (_("Last date"), _("The last day of the plan.")),
    "pain": ("", _("A session stops when pain is rated above this; 'no limit' for none.")),
    "reset": ("", _("Puts back the times and days the routine's file suggests.")),
    "save": ("", _("Keeps the plan; reminders follow it within a minute.")),
    "close": ("", _("Closes the window; changes not saved are lost.")),
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


class PlanWindow(QWidget):
    """See the module docstring. ``routines`` are those that may be added to the plan."""

    #: the plan was saved (the new :class:`Plan`)
    plan_saved = Signal(object)

    def __init__(
        self,
        store: HistoryStore | None,
        routines: Sequence[Routine],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._store = store
        self._routines = {r.id: r for r in routines}
        builtin = routines[0]
        unreadable = ""
        try:
            stored = store.plan() if store is not None else Plan()
        except StoreError as error:  # said under the form; the window still opens
            stored, unreadable = Plan(), str(error)
        self.plan = effective_plan(stored, builtin)
        self._rows: list[TimeRow] = []
        self._loading = False
        self._build()
        self._fill_list()
        if unreadable:
            self.status.setText(unreadable)
        elif not stored.entries and self.plan.entries:
            self.status.setText(SUGGESTED)

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.entries = QListWidget()
        self.entries.currentRowChanged.connect(self._on_entry_chosen)
        self.add_button = QPushButton(ADD)
        self.add_menu = QMenu(self)
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.remove_button = QPushButton(REMOVE)
        self.remove_button.clicked.connect(self._remove_entry)
        left = QVBoxLayout()
        left.addWidget(self.entries, 1)
        left.addWidget(self.add_button)
        left.addWidget(self.remove_button)

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
        self.reset_button.clicked.connect(self._reset_entry)
        for widget, key in (
            (self.entries, "entries"),
            (self.add_button, "add"),
            (self.remove_button, "remove"),
            (self.add_time, "add_time"),
            (self.from_on, "from_on"),
            (self.from_date, "from_date"),
            (self.until_on, "until_on"),
            (self.until_date, "until_date"),
            (self.pain, "pain"),
            (self.reset_button, "reset"),
        ):
            _say(widget, key)
        form = QFormLayout()
        form.addRow(TIMES, times)
        form.addRow(DAYS, days)
        form.addRow(FROM, _pair(self.from_on, self.from_date))
        form.addRow(UNTIL, _pair(self.until_on, self.until_date))
        form.addRow(PAIN, self.pain)
        form.addRow("", self.reset_button)
        self.form = QWidget()
        self.form.setLayout(form)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(SAVE)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(CLOSE)
        close.clicked.connect(self.close)
        _say(self.save_button, "save")
        _say(close, "close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.form, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(buttons)
        self.resize(820, 480)

    def _fill_list(self, select: int = 0) -> None:
        self.entries.blockSignals(True)
        self.entries.clear()
        for entry in self.plan.entries:
            self.entries.addItem(entry.routine_name)
        self.entries.blockSignals(False)
        has = bool(self.plan.entries)
        self.form.setEnabled(has)
        self.remove_button.setEnabled(has)
        if has:
            self.entries.setCurrentRow(min(select, len(self.plan.entries) - 1))
            self._on_entry_chosen(self.entries.currentRow())
        else:
            self._clear_rows()
            self.status.setText(EMPTY)

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        for routine in self._routines.values():
            if self.plan.entry_for(routine.id) is None:
                action = self.add_menu.addAction(routine.name)
                connect_call(action.triggered, self.add_routine, routine.id)

    # -- the chosen entry -------------------------------------------------------------

    @property
    def current(self) -> PlanEntry | None:
        row = self.entries.currentRow()
        return self.plan.entries[row] if 0 <= row < len(self.plan.entries) else None

    def _on_entry_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.plan.entries):
            return
        self._show(self.plan.entries[row])

    def _show(self, entry: PlanEntry) -> None:
        self._loading = True
        s = entry.schedule
        self._clear_rows()
        routine = self._routines.get(entry.routine_id)
        for slot in s.slots:
            self._append_row(slot, routine)
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
        self._on_changed()

    def _clear_rows(self) -> None:
        for row in self._rows:
            row.setParent(None)
            row.deleteLater()
        self._rows = []

    def _append_row(self, slot: Slot, routine: Routine | None) -> None:
        row = TimeRow(slot, routine, self.form)
        row.changed.connect(self._on_changed)
        row.remove_requested.connect(self._remove_row)
        self._rows.append(row)
        self.times_box.addWidget(row)

    def _add_time(self) -> None:
        entry = self.current
        if entry is None:
            return
        taken = {r.slot().at for r in self._rows}
        at = max(taken, default=DEFAULT_TIME)
        at = DEFAULT_TIME if not taken else dt.time(min(23, at.hour + 1), at.minute)
        self._append_row(Slot(at), self._routines.get(entry.routine_id))
        self._on_changed()

    def _remove_row(self, row: TimeRow) -> None:
        if row in self._rows:
            self._rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self._on_changed()

    def _edited(self) -> tuple[Schedule | None, str | None]:
        slots = sorted(r.slot() for r in self._rows)
        days = frozenset(d for d, box in self.day_boxes.items() if box.isChecked())
        start = _date(self.from_date) if self.from_on.isChecked() else None
        end = _date(self.until_date) if self.until_on.isChecked() else None
        entry = self.current
        routine = self._routines.get(entry.routine_id) if entry else None
        names = {e.id for e in routine.exercises} if routine else set()
        said = problem(slots, days, start, end, names)
        if said is not None:
            return None, said
        limit = self.pain.value()
        schedule = Schedule(tuple(slots), days, start, end, limit if limit >= 0 else None)
        return schedule, None

    def _on_changed(self) -> None:
        if self._loading:
            return
        for on, date in ((self.from_on, self.from_date), (self.until_on, self.until_date)):
            date.setEnabled(on.isChecked())
        schedule, said = self._edited()
        entry = self.current
        if schedule is not None and entry is not None:
            self.plan = self.plan.replace_entry(entry, schedule)
        self.status.setText(said or "")
        self.save_button.setEnabled(said is None)

    # -- the plan's entries -----------------------------------------------------------

    def add_routine(self, routine_id: str) -> None:
        routine = self._routines[routine_id]
        schedule = routine.schedule or Schedule((Slot(DEFAULT_TIME),), EVERY_DAY)
        entry = PlanEntry(routine.id, routine.name, schedule, routine.source)
        self.plan = self.plan.with_entry(entry)
        self._fill_list(len(self.plan.entries) - 1)

    def _remove_entry(self) -> None:
        entry = self.current
        if entry is not None:
            self.plan = self.plan.without(entry.routine_id)
            self._fill_list(max(0, self.entries.currentRow() - 1))

    def _reset_entry(self) -> None:
        entry = self.current
        routine = self._routines.get(entry.routine_id) if entry else None
        if entry is None or routine is None or routine.schedule is None:
            return
        self.plan = self.plan.replace_entry(entry, routine.schedule)
        self._show(self.plan.entries[self.entries.currentRow()])

    def forget_file(self, path: Path) -> None:
        """The routine file ``path`` was deleted (Routine → Open, which also took it out
        of the stored plan): its entry leaves the list, and it is no longer offered to
        add; what else was edited here and not saved stays as it was."""
        gone = [e for e in self.plan.entries if _same_file(e.routine_path, path)]
        self._routines = {i: r for i, r in self._routines.items() if not _same_file(r.source, path)}
        if not gone:
            return
        chosen, row = self.current, self.entries.currentRow()
        self.plan = Plan(tuple(e for e in self.plan.entries if e not in gone))
        kept = self.plan.entries
        self._fill_list(kept.index(chosen) if chosen in kept else max(0, row))
        if self.plan.entries:  # with none left, the list says that it is empty
            self.status.setText(GONE.format(name=gone[0].routine_name))

    def save(self) -> bool:
        """Keep the plan in the history; False (and said) if it could not be saved."""
        if self._store is None:
            return False
        try:
            self._store.save_plan(self.plan)
            self.plan = self._store.plan()
        except StoreError as error:
            self.status.setText(str(error))
            return False
        self.status.setText(SAVED)
        self.plan_saved.emit(self.plan)
        return True


def _say(widget: QWidget, key: str) -> None:
    """Give ``widget`` its words from ``WORDS`` (a screen reader's name and description)."""
    name, description = WORDS[key]
    if name:
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def _pair(box: QCheckBox, date: QDateEdit) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.addWidget(box)
    layout.addWidget(date, 1)
    return layout


def _same_file(a: Path | None, b: Path) -> bool:
    if a is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def _date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def open_plan_window(
    store: HistoryStore | None, current: Routine | None, extra: Sequence[Routine] = ()
) -> PlanWindow:
    """A Plan window offering the built-in routine, ``current`` (the routine open in the
    main window) and ``extra`` routines (the tray's --routine)."""
    from backtimer.core.routine_file.loader import load_builtin

    routines = [load_builtin()]
    for routine in (current, *extra):
        if routine is not None and all(r.id != routine.id for r in routines):
            routines.append(routine)
    return PlanWindow(store, routines)
