"""The history window: streak, a calendar of sessions, charts per muscle group, and the
list of sessions with their holds and pain events. Reads the store; never writes it.

Built for years of daily use: the session list is a model over one query, a session's
holds are read only when it is selected, and the charts draw daily totals the database
sums for them.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.history.faults import StoreError
from backtimer.core.history.rows import SessionRow
from backtimer.core.history.stats import bucket_size, buckets, longest_streak, streak
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import MUSCLE_GROUP_NAMES, Routine
from backtimer.core.session.record import Outcome
from backtimer.gui.history.charts import HoldChart
from backtimer.gui.programme.adherence_views import mark_calendar

log = logging.getLogger(__name__)

OUTCOME_WORDS = {
    Outcome.COMPLETED: "Completed",
    Outcome.ENDED_BY_USER: "Ended early",
    Outcome.ENDED_FOR_PAIN: "Ended for pain",
    Outcome.ENDED_BY_SYSTEM: "Ended by the system",
    Outcome.INTERRUPTED: "Interrupted",
}

#: (label, days back; None = all)
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("Last 30 days", 30),
    ("Last 3 months", 91),
    ("Last year", 365),
    ("Everything", None),
)

#: What a screen reader says of each control: (name, description).
CONTROL_WORDS = {
    "export": (
        "Export report (PDF)",
        "Write a summary of the chosen period on paper-sized pages for a clinician.",
    ),
    "group": ("Muscle group", "Show the chart for one muscle group, or for all."),
    "period": ("Period", "How far back the chart goes."),
    "calendar": (
        "Calendar of sessions",
        "Days with a session are marked; choose one to see its sessions.",
    ),
    "days": ("Days", "The days of the month shown; days with a session are marked."),
    "prevmonth": ("Previous month", "Show the month before in the calendar."),
    "nextmonth": ("Next month", "Show the month after in the calendar."),
    "monthbutton": ("Month", "Choose the month the calendar shows."),
    "yearbutton": ("Year", "Choose the year the calendar shows."),
    "sessions": (
        "Sessions",
        "Every session, newest first; choose one to see its holds and pain events.",
    ),
    "details": (
        "Holds and pain events of the chosen session",
        "Each hold and pain event of the session chosen in the list of sessions.",
    ),
}
_SESSION_COLUMNS = ("Date", "Routine", "Outcome", "Holds", "Pain events")
_DETAIL_COLUMNS = ("Time", "What", "Exercise", "Side", "Held", "Rating", "Choice", "Note")


#: A check-in's row in a session's details, and where a pain hurt beside its note.
CHECKIN_ROW = "Back pain {when}"
CHECKIN_WHEN = {"before": "before", "after": "after", "morning": "next morning"}
PAIN_WHERE = "{site}: {note}"


def _pain_note(site: str, note: str) -> str:
    if site and note:
        return PAIN_WHERE.format(site=site, note=note)
    return site or note


def _local(t: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(t)


class SessionTableModel(QAbstractTableModel):
    """Sessions, newest first."""

    def __init__(self, sessions: list[SessionRow]) -> None:
        super().__init__()
        self._rows = list(reversed(sessions))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_SESSION_COLUMNS)

    def session(self, row: int) -> SessionRow:
        return self._rows[row]

    def row_of(self, day: dt.date) -> int | None:
        """The row of the first session on ``day`` (rows are newest first)."""
        found = None
        for n, s in enumerate(self._rows):
            d = _local(s.started_at).date()
            if d == day:
                found = n
            elif d < day:
                break
        return found

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return _local(s.started_at).strftime("%a %d %b %Y %H:%M")
            if col == 1:
                return s.routine_name + (" (gentle)" if s.gentle else "")
            if col == 2:
                return OUTCOME_WORDS[s.outcome]
            if col == 3:
                return s.holds
            return s.pains
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and s.pains:
            return QBrush(QColor("#c0392b"))
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _SESSION_COLUMNS[section]
        return None


class HistoryWindow(QWidget):
    """Everything recorded, for the person and whoever they show it to."""

    #: a report was written to this path
    report_written = Signal(Path)

    def __init__(
        self,
        store: HistoryStore,
        *,
        today: dt.date | None = None,
        exercise_names: dict[str, str] | None = None,
        routine: Routine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("BackTimer — history")
        self._store = store
        self._names = dict(exercise_names or {})
        self._routine = routine  #: page one of the report: its prescription
        self._today = today or dt.date.today()
        self._build()
        self.reload()

    # --- building ----------------------------------------------------------------------

    def _name_controls(self) -> None:
        """Names and descriptions for a screen reader, the calendar's own buttons too."""
        own = {
            "export": self.export_button,
            "group": self.group_box,
            "period": self.period_box,
            "calendar": self.calendar,
            "sessions": self.sessions_view,
            "details": self.details,
        }
        inner = {
            key: self.calendar.findChild(QWidget, f"qt_calendar_{key}")
            for key in ("prevmonth", "nextmonth", "monthbutton", "yearbutton")
        }
        inner["days"] = self.calendar.findChild(QWidget, "qt_calendar_calendarview")
        for key, widget in (own | inner).items():
            if widget is not None:  # Qt's own parts: named as found
                name, description = CONTROL_WORDS[key]
                widget.setAccessibleName(name)
                widget.setAccessibleDescription(description)

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont(self.summary.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        self.summary.setFont(big)
        self.export_button = QPushButton("Export report (PDF)…")
        self.export_button.clicked.connect(self._export_report)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)

        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMaximumDate(QDate(self._today.year, self._today.month, self._today.day))
        self.calendar.clicked.connect(self._day_clicked)

        self.group_box = QComboBox()
        self.group_box.setAccessibleName("Muscle group")
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Period")
        for label, days in PERIODS:
            self.period_box.addItem(label, days)
        self.chart = HoldChart()
        self.group_box.currentIndexChanged.connect(self._update_chart)
        self.period_box.currentIndexChanged.connect(self._update_chart)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("Muscle group:"))
        chooser.addWidget(self.group_box, 1)
        chooser.addWidget(QLabel("Period:"))
        chooser.addWidget(self.period_box)
        chart_side = QWidget()
        chart_layout = QVBoxLayout(chart_side)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(chooser)
        chart_layout.addWidget(self.chart, 1)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.calendar)
        upper.addWidget(chart_side)
        upper.setStretchFactor(1, 1)

        self.sessions_view = QTableView()
        self.sessions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions_view.verticalHeader().hide()
        self.sessions_view.horizontalHeader().setStretchLastSection(True)
        # Size columns from the newest 60 rows, not from years of them.
        self.sessions_view.horizontalHeader().setResizeContentsPrecision(60)
        self.sessions_view.setAccessibleName("Sessions")

        self.details = QTableWidget(0, len(_DETAIL_COLUMNS))
        self.details.setHorizontalHeaderLabels(list(_DETAIL_COLUMNS))
        self.details.verticalHeader().hide()
        self.details.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.details.horizontalHeader().setSectionResizeMode(
            len(_DETAIL_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.details.setAccessibleName("Holds and pain events of the chosen session")
        self._name_controls()

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.sessions_view)
        lower.addWidget(self.details)
        lower.setSizes([480, 600])

        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(lower)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self.resize(1100, 760)

    # --- data --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the store again (after a session ends, say)."""
        try:
            sessions = self._store.sessions()
            days = [dt.date.fromisoformat(d) for d in self._store.session_days()]
            self._totals = self._store.daily_totals()
            self._pains = self._store.daily_pains()
            self._sides: list[tuple[str, str, str, float]] | None = None  # on first need
        except StoreError as error:
            self.summary.setText(str(error))
            return
        self._days = days
        self._mark_calendar(days)
        mark_calendar(self.calendar, self._store, self._today)  # planned against done
        this_month = sum(
            1 for d in days if (d.year, d.month) == (self._today.year, self._today.month)
        )
        self.summary.setText(
            f"Streak: {streak(days, self._today)} days   ·   longest: {longest_streak(days)}"
            f"   ·   sessions: {len(sessions)} ({this_month} days this month)"
        )
        self.model = SessionTableModel(sessions)
        self.sessions_view.setModel(self.model)
        self.sessions_view.selectionModel().selectionChanged.connect(self._session_chosen)
        self.sessions_view.resizeColumnsToContents()
        groups = sorted({g for _, g, *_ in self._totals} | {g for _, g, _ in self._pains if g})
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem("All muscle groups", None)
        for g in groups:
            self.group_box.addItem(MUSCLE_GROUP_NAMES.get(g, g), g)
        self.group_box.blockSignals(False)
        self._update_chart()
        self.details.setRowCount(0)

    def _mark_calendar(self, days: list[dt.date]) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear old marks
        mark = QTextCharFormat()
        mark.setBackground(QColor("#cfe3f7"))
        mark.setFontWeight(QFont.Weight.Bold)
        for d in days:
            self.calendar.setDateTextFormat(QDate(d.year, d.month, d.day), mark)

    def marked_days(self) -> list[dt.date]:
        """The days the calendar shows as session days."""
        out = []
        for qdate in self.calendar.dateTextFormat():
            if qdate.isValid():
                out.append(dt.date(qdate.year(), qdate.month(), qdate.day()))
        return sorted(out)

    def chart_range(self) -> tuple[dt.date, dt.date]:
        days = self.period_box.currentData()
        first_data = self._days[0] if self._days else self._today
        if days is None:
            return min(first_data, self._today), self._today
        return self._today - dt.timedelta(days=days - 1), self._today

    def _update_chart(self) -> None:
        group = self.group_box.currentData()
        first, last = self.chart_range()
        size = bucket_size(first, last)
        title = MUSCLE_GROUP_NAMES.get(group, "All muscle groups") if group else "All muscle groups"
        if group and self._sides is None:  # both sides are drawn for one group only
            try:
                self._sides = self._store.daily_side_longest()
            except StoreError as error:
                self.summary.setText(str(error))
                self._sides = []
        data = buckets(self._totals, self._pains, group, first, last, size, self._sides or ())
        self.chart.set_data(data, first, last, size, title)

    # --- selection ---------------------------------------------------------------------

    def _day_clicked(self, qdate: QDate) -> None:
        row = self.model.row_of(dt.date(qdate.year(), qdate.month(), qdate.day()))
        if row is not None:
            self.sessions_view.selectRow(row)
            self.sessions_view.scrollTo(self.model.index(row, 0))

    def select_session(self, row: int) -> None:
        self.sessions_view.selectRow(row)

    def _session_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {i.row() for i in selected.indexes()}
        if not rows:
            return
        self.show_session(self.model.session(min(rows)))

    def show_session(self, session: SessionRow) -> None:
        try:
            holds = self._store.holds(session.id)
            pains = self._store.pains(session.id)
            checkins = self._store.checkins_of(session.id)
        except StoreError as error:
            QMessageBox.warning(self, "History", str(error))
            return
        items: list[tuple[float, list[str]]] = []
        for h in holds:
            r = h.hold
            held = f"{r.held:.0f} of {r.planned:.0f} s" + ("" if r.completed else " (cut short)")
            what = "Hold (gentle)" if r.gentle else "Hold"
            side = r.side.value if r.side else ""
            name = self._names.get(r.exercise_id, r.exercise_id)
            items.append((r.started_at, [what, name, side, held, "", "", ""]))
        for p in pains:
            e = p.pain
            items.append(
                (
                    e.at,
                    [
                        f"Pain ({e.phase})",
                        self._names.get(e.exercise_id, e.exercise_id) if e.exercise_id else "",
                        e.side.value if e.side else "",
                        f"{e.held:.0f} s in",
                        "" if e.rating is None else f"{e.rating}/10",
                        e.choice.value if e.choice else "",
                        _pain_note(e.site.describe() if e.site else "", e.note),
                    ],
                )
            )
        for c in checkins:
            what = CHECKIN_ROW.format(when=CHECKIN_WHEN[c.kind.value])
            items.append((c.at, [what, "", "", "", f"{c.rating}/10", "", ""]))
        items.sort(key=lambda item: item[0])
        self.details.setRowCount(len(items))
        for row, (at, cells) in enumerate(items):
            for col, text in enumerate([_local(at).strftime("%H:%M:%S"), *cells]):
                item = QTableWidgetItem(text)
                if cells[0].startswith("Pain"):
                    item.setForeground(QBrush(QColor("#c0392b")))
                self.details.setItem(row, col, item)
        self.details.resizeColumnsToContents()

    def detail_rows(self) -> list[list[str]]:
        """What the detail table shows, row by row (for tests and accessibility checks)."""
        return [
            [self._cell(r, c) for c in range(self.details.columnCount())]
            for r in range(self.details.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.details.item(row, column)
        return item.text() if item is not None else ""

    # --- report ------------------------------------------------------------------------

    @classmethod
    def ask_report_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """Ask where to save the PDF; tests replace this (pytest-qt's dialog advice)."""
        name, _ = QFileDialog.getSaveFileName(parent, "Export report", suggested, "PDF (*.pdf)")
        return Path(name) if name else None

    @classmethod
    def tell(cls, parent: QWidget, title: str, text: str) -> None:
        """Show a message; tests replace this."""
        QMessageBox.information(parent, title, text)

    def _export_report(self) -> None:
        from backtimer.gui.history.report_pdf import ReportError, write_report

        first, last = self.chart_range()
        path = self.ask_report_path(self, str(Path.home() / f"backtimer-report-{last}.pdf"))
        if path is None:
            return
        try:
            write_report(
                self._store, path, first, last, exercise_names=self._names, routine=self._routine
            )
        except (ReportError, StoreError) as error:
            self.tell(self, "Report not saved", str(error))
            return
        self.tell(self, "Report saved", f"The report for {first} to {last} is in {path}.")
        self.report_written.emit(path)
