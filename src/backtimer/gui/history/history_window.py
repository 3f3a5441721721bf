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
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
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

from backtimer.core import formats
from backtimer.core.history.faults import StoreError
from backtimer.core.history.rows import SessionRow
from backtimer.core.history.shown_names import exercise_names as shown_exercise_names
from backtimer.core.history.shown_names import routine_name
from backtimer.core.history.stats import bucket_size, buckets, longest_streak, streak
from backtimer.core.history.store import HistoryStore
from backtimer.core.history.wording import CHOICE_WORDS, SIDE_WORDS, pain_row
from backtimer.core.i18n import SOURCE_LANGUAGE, _, language, ngettext, pgettext
from backtimer.core.routine import MUSCLE_GROUP_NAMES, Routine
from backtimer.core.session.record import Outcome
from backtimer.gui.history.charts import HoldChart
from backtimer.gui.programme.adherence_views import mark_calendar
from backtimer.gui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

OUTCOME_WORDS = {
    Outcome.COMPLETED: _("Completed"),
    Outcome.ENDED_BY_USER: _("Ended early"),
    Outcome.ENDED_FOR_PAIN: _("Ended for pain"),
    Outcome.ENDED_BY_SYSTEM: _("Ended by the system"),
    Outcome.INTERRUPTED: _("Interrupted"),
}

#: (label, days back; None = all)
PERIODS: tuple[tuple[str, int | None], ...] = (
    (_("Last 30 days"), 30),
    (_("Last 3 months"), 91),
    (_("Last year"), 365),
    (_("Everything"), None),
)

#: What a screen reader says of each control: (name, description).
CONTROL_WORDS = {
    "export": (
        _("Export report (PDF)"),
        _("Write a summary of the chosen period on paper-sized pages for a clinician."),
    ),
    "group": (_("Muscle group"), _("Show the chart for one muscle group, or for all.")),
    "period": (_("Period"), _("How far back the chart goes.")),
    "calendar": (
        _("Calendar of sessions"),
        _("Days with a session are marked; choose one to see its sessions."),
    ),
    "days": (_("Days"), _("The days of the month shown; days with a session are marked.")),
    "prevmonth": (_("Previous month"), _("Show the month before in the calendar.")),
    "nextmonth": (_("Next month"), _("Show the month after in the calendar.")),
    "monthbutton": (_("Month"), _("Choose the month the calendar shows.")),
    "yearbutton": (_("Year"), _("Choose the year the calendar shows.")),
    "sessions": (
        _("Sessions"),
        _("Every session, newest first; choose one to see its holds and pain events."),
    ),
    "details": (
        _("Holds and pain events of the chosen session"),
        _("Each hold and pain event of the session chosen in the list of sessions."),
    ),
}
_SESSION_COLUMNS = (_("Date"), _("Routine"), _("Outcome"), _("Holds"), _("Pain events"))
_DETAIL_COLUMNS = (
    _("Time"),
    _("What"),
    _("Exercise"),
    _("Side"),
    _("Held"),
    _("Rating"),
    _("Choice"),
    _("Note"),
)

TITLE = _("BackTimer — history")
EXPORT_BUTTON = _("Export report (PDF)…")
GROUP_LABEL = _("Muscle group:")
PERIOD_LABEL = _("Period:")
ALL_GROUPS = _("All muscle groups")
GENTLE_ROUTINE = _("{routine} (gentle)")
HELD = _("{held} of {planned} s")
HELD_CUT_SHORT = _("{held} of {planned} s (cut short)")
HOLD = pgettext("history row", "Hold")
HOLD_GENTLE = _("Hold (gentle)")
HELD_BEFORE_PAIN = _("{held} s in")
RATING = _("{rating}/10")
#: What the summary line says; its parts are joined by SUMMARY_SEPARATOR.
SUMMARY_SEPARATOR = "   ·   "
LONGEST_STREAK = _("longest: {n}")
SESSIONS_THIS_MONTH = _("sessions: {sessions} ({days})")
HISTORY_ERROR_TITLE = _("History")
EXPORT_TITLE = _("Export report")
PDF_FILTER = _("PDF (*.pdf)")
REPORT_NOT_SAVED = _("Report not saved")
REPORT_SAVED = _("Report saved")
REPORT_SAVED_TEXT = _("The report for {first} to {last} is in {path}.")


def streak_words(n: int) -> str:
    return ngettext("Streak: {n} day", "Streak: {n} days", n).format(n=n)


def days_this_month(n: int) -> str:
    return ngettext("{n} day this month", "{n} days this month", n).format(n=n)


#: A check-in's row in a session's details, and where a pain hurt beside its note.
CHECKIN_ROWS = {
    "before": _("Back pain before"),
    "after": _("Back pain after"),
    "morning": _("Back pain next morning"),
}
PAIN_WHERE = _("{site}: {note}")


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
                return formats.weekday_date_time(_local(s.started_at))
            if col == 1:
                name = routine_name(s.routine_id, s.routine_name)  # in today's language
                return GENTLE_ROUTINE.format(routine=name) if s.gentle else name
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
        self.setWindowTitle(TITLE)
        self._store = store
        self._names = shown_exercise_names(exercise_names)  # shipped ones too
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
        self.export_button = QPushButton(EXPORT_BUTTON)
        self.export_button.clicked.connect(self._export_report)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)

        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        if language() != SOURCE_LANGUAGE:  # month and weekday names in the language
            self.calendar.setLocale(QLocale(language()))
        self.calendar.setMaximumDate(QDate(self._today.year, self._today.month, self._today.day))
        self.calendar.clicked.connect(self._day_clicked)

        self.group_box = QComboBox()
        self.group_box.setAccessibleName(CONTROL_WORDS["group"][0])
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(CONTROL_WORDS["period"][0])
        for label, days in PERIODS:
            self.period_box.addItem(label, days)
        self.chart = HoldChart()
        self.group_box.currentIndexChanged.connect(self._update_chart)
        self.period_box.currentIndexChanged.connect(self._update_chart)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(GROUP_LABEL))
        chooser.addWidget(self.group_box, 1)
        chooser.addWidget(QLabel(PERIOD_LABEL))
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
        self.sessions_view.setAccessibleName(CONTROL_WORDS["sessions"][0])

        self.details = QTableWidget(0, len(_DETAIL_COLUMNS))
        self.details.setHorizontalHeaderLabels(list(_DETAIL_COLUMNS))
        self.details.verticalHeader().hide()
        self.details.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.details.horizontalHeader().setSectionResizeMode(
            len(_DETAIL_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.details.setAccessibleName(CONTROL_WORDS["details"][0])
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
        fit_to_screen(self, QSize(1100, 760))  # nine tenths of a smaller screen

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
        parts = (
            streak_words(streak(days, self._today)),
            LONGEST_STREAK.format(n=longest_streak(days)),
            SESSIONS_THIS_MONTH.format(sessions=len(sessions), days=days_this_month(this_month)),
        )
        self.summary.setText(SUMMARY_SEPARATOR.join(parts))
        self.model = SessionTableModel(sessions)
        self.sessions_view.setModel(self.model)
        self.sessions_view.selectionModel().selectionChanged.connect(self._session_chosen)
        self.sessions_view.resizeColumnsToContents()
        groups = sorted(
            {g for _day, g, *_rest in self._totals} | {g for _day, g, _n in self._pains if g}
        )
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(ALL_GROUPS, None)
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
        title = MUSCLE_GROUP_NAMES.get(group, ALL_GROUPS) if group else ALL_GROUPS
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
            QMessageBox.warning(self, HISTORY_ERROR_TITLE, str(error))
            return
        items: list[tuple[float, bool, list[str]]] = []  # (when, a pain event, cells)
        for h in holds:
            r = h.hold
            words = HELD if r.completed else HELD_CUT_SHORT
            held = words.format(
                held=formats.decimal(r.held, 0), planned=formats.decimal(r.planned, 0)
            )
            what = HOLD_GENTLE if r.gentle else HOLD
            side = SIDE_WORDS[r.side] if r.side else ""
            name = self._names.get(r.exercise_id, r.exercise_id)
            items.append((r.started_at, False, [what, name, side, held, "", "", ""]))
        for p in pains:
            e = p.pain
            items.append(
                (
                    e.at,
                    True,
                    [
                        pain_row(e.phase),
                        self._names.get(e.exercise_id, e.exercise_id) if e.exercise_id else "",
                        SIDE_WORDS[e.side] if e.side else "",
                        HELD_BEFORE_PAIN.format(held=formats.decimal(e.held, 0)),
                        "" if e.rating is None else RATING.format(rating=e.rating),
                        CHOICE_WORDS[e.choice] if e.choice else "",
                        _pain_note(e.site.describe() if e.site else "", e.note),
                    ],
                )
            )
        for c in checkins:
            what = CHECKIN_ROWS[c.kind.value]
            items.append((c.at, False, [what, "", "", "", RATING.format(rating=c.rating), "", ""]))
        items.sort(key=lambda item: item[0])
        self.details.setRowCount(len(items))
        for row, (at, pain, cells) in enumerate(items):
            for col, text in enumerate([formats.clock(_local(at), seconds=True), *cells]):
                item = QTableWidgetItem(text)
                if pain:
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
        name, _chosen = QFileDialog.getSaveFileName(parent, EXPORT_TITLE, suggested, PDF_FILTER)
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
            self.tell(self, REPORT_NOT_SAVED, str(error))
            return
        saved = REPORT_SAVED_TEXT.format(
            first=formats.date(first), last=formats.date(last), path=path
        )
        self.tell(self, REPORT_SAVED, saved)
        self.report_written.emit(path)
