"""The Plan window: which routines, at which times, on which days — the person's plan.

It starts from a routine's prescription (its ``schedule:``) and saves into the history
(``HistoryStore.save_plan``). The list on the left holds the planned routines; the form
on the right edits the chosen one: its times (each the whole routine or one of its
exercises: a micro-session), days, first and last dates, and pain limit. Nothing is
kept until *Save*; a problem (no time, a day list left empty, dates backwards) is said
in words under the form and *Save* waits until it is fixed. The form is ``plan_form``'s.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.history.faults import StoreError
from backtimer.core.history.shown_names import routine_name
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.paths import same_file
from backtimer.core.programme.day import effective_plan
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import EVERY_DAY, Schedule, Slot
from backtimer.core.routine import Routine
from backtimer.gui.programme.plan_form import DEFAULT_TIME, ScheduleForm, say
from backtimer.gui.slots import connect_call

log = logging.getLogger(__name__)

TITLE = _("Plan")
ADD = _("Add a routine")
REMOVE = _("Remove from the plan")
SAVE = _("Save")
CLOSE = _("Close")
SAVED = _("Saved. Reminders follow the new plan within a minute.")
EMPTY = _("Nothing is planned. Add a routine to plan it.")
SUGGESTED = _("This is the routine's suggestion. Change it if you like, then Save to keep it.")
GONE = _("“{name}” was deleted, and is no longer in the plan.")
#: What a screen reader says for each control: (name, description); a name "" keeps the
#: control's own text as its name.
WORDS = {
    "entries": (_("Planned routines"), _("The routines in the plan; choose one to edit it.")),
    "add": ("", _("Opens a list of routines to add to the plan.")),
    "remove": ("", _("Takes the chosen routine out of the plan (kept only on Save).")),
    "save": ("", _("Keeps the plan; reminders follow it within a minute.")),
    "close": ("", _("Closes the window; changes not saved are lost.")),
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

        self.form = ScheduleForm()
        self.form.changed.connect(self._on_changed)
        self.form.reset_requested.connect(self._reset_entry)
        for widget, key in (
            (self.entries, "entries"),
            (self.add_button, "add"),
            (self.remove_button, "remove"),
        ):
            say(widget, WORDS[key])

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(SAVE)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(CLOSE)
        close.clicked.connect(self.close)
        say(self.save_button, WORDS["save"])
        say(close, WORDS["close"])
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
            self.entries.addItem(routine_name(entry.routine_id, entry.routine_name))
        self.entries.blockSignals(False)
        has = bool(self.plan.entries)
        self.form.setEnabled(has)
        self.remove_button.setEnabled(has)
        if has:
            self.entries.setCurrentRow(min(select, len(self.plan.entries) - 1))
            self._on_entry_chosen(self.entries.currentRow())
        else:
            self.form.clear()
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
        self.form.show_entry(entry, self._routines.get(entry.routine_id))
        self._on_changed()

    def _on_changed(self) -> None:
        schedule, said = self.form.edited()
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
        remaining = self.plan.without_file(path)
        gone = [e for e in self.plan.entries if e not in remaining.entries]
        self._routines = {i: r for i, r in self._routines.items() if not same_file(r.source, path)}
        if not gone:
            return
        chosen, row = self.current, self.entries.currentRow()
        self.plan = remaining
        kept = self.plan.entries
        self._fill_list(kept.index(chosen) if chosen in kept else max(0, row))
        if self.plan.entries:  # with none left, the list says that it is empty
            self.status.setText(
                GONE.format(name=routine_name(gone[0].routine_id, gone[0].routine_name))
            )

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
