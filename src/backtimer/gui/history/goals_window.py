"""The goals window: each goal with its due date and status; add, edit, finish, delete.

Status comes from ``core.history.goals.progress`` over the store's history, recomputed
whenever the window reloads. Dialogs go through ``ask_goal``/``confirm`` classmethods so
tests can answer them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Mapping

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backtimer.core import formats
from backtimer.core.history.faults import StoreError
from backtimer.core.history.goal_week import goal_week, plan_weekly_target
from backtimer.core.history.goals import (
    SESSIONS_RANGE,
    Goal,
    GoalKind,
    GoalStatus,
    GroupSession,
    progress,
)
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import SOURCE_LANGUAGE, _, language, ngettext
from backtimer.core.programme.due import local_zone
from backtimer.core.programme.plan import Plan
from backtimer.core.routine import HOLD_RANGE, MUSCLE_GROUP_NAMES, MUSCLE_GROUPS, Side
from backtimer.gui.slots import connect_call

STATUS_COLOURS = {
    GoalStatus.MET: "#1e7b34",
    GoalStatus.ON_TRACK: "#1f5fa8",
    GoalStatus.BEHIND: "#b35c00",
    GoalStatus.OVERDUE: "#c0392b",
}
#: What a screen reader says of the table and each button: (name, description).
CONTROL_WORDS = (
    (_("Goals"), _("Your goals: what, when due, how it stands, progress and notes.")),
    (_("Add goal"), _("Add a goal for a muscle group.")),
    (_("Edit"), _("Change the chosen goal.")),
    (_("Mark finished"), _("Mark the chosen goal as finished.")),
    (_("Delete"), _("Delete the chosen goal.")),
)
_COLUMNS = (_("Goal"), _("Due"), _("Status"), _("Progress"), _("Note"))

TITLE = _("BackTimer — goals")
EDIT_TITLE = _("Edit goal")
NEW_TITLE = _("New goal")
KIND_HOLD = _("Hold without pain (seconds)")
KIND_SESSIONS = _("Sessions a week")
FORM_LABELS = (_("Muscle group"), _("Goal"), _("Side"), _("Target"), _("Due date"), _("Note"))
SUFFIX_SECONDS = _(" s")
SUFFIX_A_WEEK = _(" a week")
ADD_BUTTON = _("Add goal…")
EDIT_BUTTON = _("Edit…")
FINISH_BUTTON = _("Mark finished")
DELETE_BUTTON = _("Delete…")
CONFIRM_TITLE = "BackTimer"
FINISHED = _("Finished")
NO_GOALS = _("No goals yet: add one with “Add goal…”.")
DELETE_QUESTION = _("Delete the goal “{goal}”? Your history is kept.")
#: What failed, by the action tried; {error} says why.
COULD_NOT = {
    "add": _("Could not add the goal: {error}"),
    "save": _("Could not save the goal: {error}"),
    "finish": _("Could not finish the goal: {error}"),
    "delete": _("Could not delete the goal: {error}"),
}
#: A sessions-per-week goal's progress: this week beside the plan, then the last 7 days.
WEEK_AND_PROGRESS = _("{week}; {progress}")


#: A new hold goal's target, in seconds.
HOLD_DEFAULT = 30
#: A new sessions-a-week goal's target where the plan has none for the group.
NO_PLAN_SESSIONS = 3


def plan_hint(n: int) -> str:
    """Under a new sessions-a-week target: where its default came from."""
    return ngettext(
        "Your plan has {n} session a week for this muscle group.",
        "Your plan has {n} sessions a week for this muscle group.",
        n,
    ).format(n=n)


@dataclasses.dataclass(frozen=True)
class GoalValues:
    """What the goal dialog returns."""

    muscle_group: str
    kind: GoalKind
    target: float
    due: dt.date
    note: str
    side: Side | None = None  #: a hold goal for one side; None: both sides


#: The side choices of a hold goal, as the dialog lists them.
SIDE_CHOICES: tuple[tuple[str, Side | None], ...] = (
    (_("Both sides"), None),
    (_("Right side only"), Side.RIGHT),
    (_("Left side only"), Side.LEFT),
)


class GoalDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        goal: Goal | None,
        today: dt.date,
        plan_targets: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        #: a new sessions-a-week goal's default target: the plan's weekly number of the
        #: sessions that work the chosen muscle group (groups the plan leaves out: none)
        self._plan_targets = dict(plan_targets or {}) if goal is None else {}
        self._offering = goal is None  #: a new goal: the target follows the group chosen
        self.plan_hint = QLabel("")
        self.plan_hint.setWordWrap(True)
        self.setWindowTitle(EDIT_TITLE if goal else NEW_TITLE)
        self.group = QComboBox()
        for g in MUSCLE_GROUPS:
            self.group.addItem(MUSCLE_GROUP_NAMES[g], g)
        self.kind = QComboBox()
        self.kind.addItem(KIND_HOLD, GoalKind.HOLD)
        self.kind.addItem(KIND_SESSIONS, GoalKind.SESSIONS_PER_WEEK)
        self.target = QDoubleSpinBox()
        self.target.setDecimals(0)
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd MMM yyyy")
        if language() != SOURCE_LANGUAGE:  # the month's name in the language
            self.due.setLocale(QLocale(language()))
        self.note = QLineEdit()
        self.side = QComboBox()
        for text, side in SIDE_CHOICES:
            self.side.addItem(text, side)
        if goal is not None and goal.side is not None:
            self.side.setCurrentIndex([s for _text, s in SIDE_CHOICES].index(goal.side))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.group.currentIndexChanged.connect(self._group_changed)
        due = goal.due if goal else today + dt.timedelta(days=28)
        self.due.setDate(QDate(due.year, due.month, due.day))
        if goal:
            self.group.setCurrentIndex(MUSCLE_GROUPS.index(goal.muscle_group))
            self.kind.setCurrentIndex(0 if goal.kind is GoalKind.HOLD else 1)
            self._kind_changed()
            self.target.setValue(goal.target)
            self.note.setText(goal.note)
        else:
            self._kind_changed()
        form = QFormLayout(self)
        fields = (self.group, self.kind, self.side, self.target, self.due, self.note)
        for label, field in zip(FORM_LABELS, fields, strict=True):
            form.addRow(label, field)
            if field is self.target:
                form.addRow("", self.plan_hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _kind_changed(self) -> None:
        low, high = HOLD_RANGE if self.kind.currentData() is GoalKind.HOLD else SESSIONS_RANGE
        self.target.setRange(low, high)
        hold = self.kind.currentData() is GoalKind.HOLD
        self.target.setSuffix(SUFFIX_SECONDS if hold else SUFFIX_A_WEEK)
        self.side.setEnabled(self.kind.currentData() is GoalKind.HOLD)
        planned = self._plan_targets.get(self.group.currentData())
        self.plan_hint.setText(plan_hint(planned) if planned else "")
        self.plan_hint.setVisible(not hold and planned is not None)
        if self._offering:  # a new goal's default follows the kind chosen
            self.target.setValue(HOLD_DEFAULT if hold else self._sessions_default())

    def _group_changed(self) -> None:
        """A hold's seconds stay as typed; a sessions goal's hint and default follow."""
        if self.kind.currentData() is not GoalKind.HOLD:
            self._kind_changed()

    def _sessions_default(self) -> float:
        """The chosen group's plan number, or a neutral number: never another group's,
        nor a hold's seconds clamped to the range."""
        planned = self._plan_targets.get(self.group.currentData())
        return planned if planned is not None else NO_PLAN_SESSIONS

    def values(self) -> GoalValues:
        d = self.due.date()
        return GoalValues(
            self.group.currentData(),
            self.kind.currentData(),
            self.target.value(),
            dt.date(d.year(), d.month(), d.day()),
            self.note.text().strip(),
            self.side.currentData() if self.kind.currentData() is GoalKind.HOLD else None,
        )


class GoalsWindow(QWidget):
    """Goals and their status. Emits ``goals_changed`` after any edit."""

    #: a goal was added, edited, finished or deleted
    goals_changed = Signal()

    def __init__(
        self, store: HistoryStore, *, now: float | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._store = store
        self._now = now
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        connect_call(self.table.doubleClicked, self.edit_selected)
        self.add_button = QPushButton(ADD_BUTTON)
        self.edit_button = QPushButton(EDIT_BUTTON)
        self.finish_button = QPushButton(FINISH_BUTTON)
        self.delete_button = QPushButton(DELETE_BUTTON)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.finish_button.clicked.connect(self.finish_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        for widget, (name, description) in zip(
            (self.table, self.add_button, self.edit_button, self.finish_button, self.delete_button),
            CONTROL_WORDS,
            strict=True,
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.finish_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._goals: list[Goal] = []
        self.resize(900, 420)
        self.reload()

    def _time(self) -> float:
        return time.time() if self._now is None else self._now

    def _today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self._time()).date()

    # --- dialogs tests replace ---------------------------------------------------------

    @classmethod
    def ask_goal(
        cls,
        parent: QWidget,
        goal: Goal | None,
        today: dt.date,
        plan_targets: Mapping[str, int] | None = None,
    ) -> GoalValues | None:
        dialog = GoalDialog(parent, goal, today, plan_targets)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def confirm(cls, parent: QWidget, question: str) -> bool:
        answer = QMessageBox.question(parent, CONFIRM_TITLE, question)
        return answer == QMessageBox.StandardButton.Yes

    # --- data --------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self._goals = self._store.goals()
            plan = self._store.plan()
            rows = [(g, self._store.group_sessions(g.muscle_group), plan) for g in self._goals]
        except StoreError as error:
            self.message.setText(str(error))
            return
        self.table.setRowCount(len(rows))
        for r, (g, sessions, plan) in enumerate(rows):
            p = progress(g, sessions, self._time())
            status = FINISHED if g.finished else p.status.label
            cells = (
                g.describe(),
                formats.date(g.due),
                status,
                self._progress(g, sessions, plan),
                g.note,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, g.id)
                if c == 2 and not g.finished:
                    item.setForeground(QBrush(QColor(STATUS_COLOURS[p.status])))
                if g.finished:
                    item.setForeground(QBrush(QColor("#808080")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.message.setText("" if rows else NO_GOALS)
        self._selection_changed()

    def _progress(self, goal: Goal, sessions: list[GroupSession], plan: Plan) -> str:
        """The progress column: a sessions-per-week goal's week beside the plan first."""
        words = progress(goal, sessions, self._time()).describe(goal)
        week = goal_week(goal, sessions, plan, self._time(), local_zone())
        return (
            words
            if week is None
            else WEEK_AND_PROGRESS.format(week=week.describe(), progress=words)
        )

    def progress_texts(self) -> list[str]:
        """The progress column's text per row, as shown."""
        return [self._cell(r, 3) for r in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def statuses(self) -> list[tuple[str, str]]:
        """(goal in words, status word) per row, as shown."""

        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 2)) for r in range(self.table.rowCount())]

    def selected(self) -> Goal | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self._goals[min(rows)] if rows else None

    def _selection_changed(self) -> None:
        goal = self.selected()
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(goal is not None)
        self.finish_button.setEnabled(goal is not None and not goal.finished)

    # --- actions -----------------------------------------------------------------------

    def _plan_targets(self) -> dict[str, int]:
        """Each muscle group's weekly number of planned sessions that work it."""
        try:
            plan = self._store.plan()
        except StoreError:
            return {}
        today, zone = self._today(), local_zone()
        targets = {g: plan_weekly_target(plan, today, zone, g) for g in MUSCLE_GROUPS}
        return {g: n for g, n in targets.items() if n is not None}

    def _apply(self, action: str, change: object) -> None:
        try:
            change()  # type: ignore[operator]
        except (StoreError, ValueError) as error:
            self.message.setText(COULD_NOT[action].format(error=error))
            return
        self.reload()
        self.goals_changed.emit()

    def add(self) -> None:
        values = self.ask_goal(self, None, self._today(), plan_targets=self._plan_targets())
        if values is not None:
            self._apply(
                "add",
                lambda: self._store.add_goal(
                    values.muscle_group,
                    values.kind,
                    values.target,
                    values.due,
                    values.note,
                    created_at=self._time(),
                    side=values.side,
                ),
            )

    def edit_selected(self) -> None:
        goal = self.selected()
        if goal is None:
            return
        values = self.ask_goal(self, goal, self._today())
        if values is not None:
            edited = dataclasses.replace(
                goal,
                muscle_group=values.muscle_group,
                kind=values.kind,
                target=values.target,
                due=values.due,
                note=values.note,
                side=values.side,
            )
            self._apply("save", lambda: self._store.update_goal(edited))

    def finish_selected(self) -> None:
        goal = self.selected()
        if goal is not None:
            self._apply("finish", lambda: self._store.finish_goal(goal.id, self._time()))

    def delete_selected(self) -> None:
        goal = self.selected()
        if goal is not None and self.confirm(self, DELETE_QUESTION.format(goal=goal.describe())):
            self._apply("delete", lambda: self._store.delete_goal(goal.id))
