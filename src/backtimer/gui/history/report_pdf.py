"""The clinician's report: a PDF written with Qt's own ``QPdfWriter`` (A4, portrait).

Page one is the care summary a clinician reads in a minute (``care_page``), with the
plan's prescription and adherence. The detail pages after it hold, in order: the period
and when it was made; sessions done (by outcome); the plan and adherence by week
(gui/programme/adherence_views.py); the goals with their status; per exercise, the
holds (count, completed, typical and longest hold, planned); a chart per muscle group
(longest hold and pain events over time); and every pain event in the period (date, time,
exercise, side, phase, seconds in, rating, choice, note). Tables continue on new pages
with their header repeated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextOption,
)

from backtimer.core import formats
from backtimer.core.care.period import Period, check_period, no_sessions
from backtimer.core.history.care_report import CareReport, gather
from backtimer.core.history.goals import progress
from backtimer.core.history.rows import SessionRow, StoredHold, StoredPain
from backtimer.core.history.shown_names import exercise_names as shown_exercise_names
from backtimer.core.history.shown_names import routine_name as shown_routine_name
from backtimer.core.history.stats import bucket_size, buckets
from backtimer.core.history.store import HistoryStore
from backtimer.core.history.wording import CHOICE_WORDS, NARROW_SIDE_WORDS, phase_words
from backtimer.core.i18n import _, ngettext, pgettext
from backtimer.core.routine import MUSCLE_GROUP_NAMES, Routine
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.gui.history.care_page import draw_first_page
from backtimer.gui.history.charts import PAIN_COLOUR, paint_chart
from backtimer.gui.programme.adherence_views import report_section as adherence_section
from backtimer.gui.programme.adherence_views import summary_lines as adherence_lines

DPI = 72  # one device unit = one point
DETAILS_TITLE = _("Details")
TITLE = _("BackTimer — stretching and pain report")
DOCUMENT_TITLE = _("BackTimer report {first} to {last}")
FOOTER = _("BackTimer report {first} – {last}")
PAGE = _("page {n}")
PREPARED = _("Prepared: {when}")
CANNOT_WRITE = _("Could not write {path}: {error}.")
WRITE_FAILED = _("Could not write {path}.")
CANNOT_BEGIN = _("Could not write {path}: check that the folder exists and is writable.")
SESSIONS_HEADING = _("Sessions")
SESSIONS_LINE = _("{sessions} on {days} ({per_week} a week).")
SESSIONS_LINE_OUTCOMES = _("{sessions} on {days} ({per_week} a week): {outcomes}")
LIST_SEPARATOR = _(", ")
TOTALS_LINE = _("{holds}, {minutes}; {pains}; {gentle}.")
RATINGS_LINE = _("Pain ratings (0-10): median {median}, highest {highest}; {unrated}.")
GOALS_HEADING = _("Goals")
NO_GOALS = _("No goals set.")
FINISHED = _("finished")
MET_ON = _("{status} on {date}")
NOW_SECONDS = _("{value} s")
NOW_SESSIONS = _("{value} in last 7 days")
GOALS_HEADERS = (_("Goal"), _("Due"), _("Status"), _("Now"), _("Note"))
EXERCISES_HEADING = _("Holds per exercise")
NO_HOLDS = _("No holds in this period.")
SECONDS = _("{seconds} s")
EXERCISES_HEADERS = (
    _("Exercise"),
    _("Muscle group"),
    pgettext("narrow column: how many holds", "Holds"),
    pgettext("holds that ran to the end", "Done"),
    _("Typical"),
    _("Longest"),
    _("Planned"),
    _("Gentle"),
    pgettext("narrow column: how many pain events", "Pain events"),
)
EXERCISES_NOTE = _(
    "Done: holds that ran to the end. Typical: the median hold. Gentle: holds done in "
    "gentle mode (shorter, after pain)."
)
CHARTS_HEADING = _("Over time, per muscle group")
PAIN_EVENTS_HEADING = _("Every pain event ({n})")
NO_PAIN_EVENTS = _("No pain events in this period.")
RATING = _("{rating}/10")
PAIN_EVENTS_HEADERS = (
    _("Date"),
    _("Time"),
    _("Exercise"),
    _("Side"),
    _("Where"),
    _("During"),
    _("Into it"),
    _("Rating"),
    _("Then"),
    _("Note"),
)


def _period_words(first: str, last: str, days: int) -> str:
    text = ngettext(
        "Period: {first} to {last}  ({n} day)", "Period: {first} to {last}  ({n} days)", days
    )
    return text.format(first=first, last=last, n=days)


def _outcome_words(outcome: Outcome, n: int) -> str:
    """ "3 completed": the sessions of one outcome."""
    words = {
        Outcome.COMPLETED: ngettext("{n} completed", "{n} completed", n),
        Outcome.ENDED_BY_USER: ngettext("{n} ended early", "{n} ended early", n),
        Outcome.ENDED_FOR_PAIN: ngettext("{n} ended for pain", "{n} ended for pain", n),
        Outcome.ENDED_BY_SYSTEM: ngettext(
            "{n} ended by the system (shutdown or logout)",
            "{n} ended by the system (shutdown or logout)",
            n,
        ),
        Outcome.INTERRUPTED: ngettext(
            "{n} interrupted (program closed)", "{n} interrupted (program closed)", n
        ),
    }
    return words[outcome].format(n=n)


def _count(kind: str, n: int) -> str:
    """A count with its noun in the form for ``n``: "3 sessions", "1 day", ..."""
    words = {
        "sessions": ngettext("{n} session", "{n} sessions", n),
        "days": ngettext("{n} day", "{n} days", n),
        "holds": ngettext("{n} hold", "{n} holds", n),
        "minutes": ngettext("{n} minute held in all", "{n} minutes held in all", n),
        "pains": ngettext("{n} pain event", "{n} pain events", n),
        "gentle": ngettext("{n} session started gentle", "{n} sessions started gentle", n),
        "unrated": ngettext("{n} event without a rating", "{n} events without a rating", n),
    }
    return words[kind].format(n=n)


# A cell's text wraps between words; a word longer than its column (a long German
# compound, say) breaks inside rather than being cut off at the column's edge. Before
# that, ``fit_columns`` widens a column its longest word does not fit ("Danach",
# "beendet" in German), from the columns that have room to spare.
_CELL = QTextOption()
_CELL.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
_CELL_PADDING = 4.0  #: points between a cell's text and its column's edges, together


def _widest_word(text: str, metrics: QFontMetricsF) -> float:
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def fit_columns(widths: Sequence[float], needs: Sequence[float]) -> list[float]:
    """``widths`` (points) changed so that each column is at least as wide as it
    ``needs`` (its longest word) where the other columns have room to spare: the room is
    taken from them in proportion to what they can spare, and the total stays the same.
    When there is not room for all, each short column gets the same share of its lack."""
    lack = [max(0.0, n - w) for w, n in zip(widths, needs, strict=True)]
    spare = [max(0.0, w - n) for w, n in zip(widths, needs, strict=True)]
    short, room = sum(lack), sum(spare)
    if short == 0 or room == 0:
        return list(widths)
    given = min(short, room)
    return [
        w + lacking * given / short - spared * given / room
        for w, lacking, spared in zip(widths, lack, spare, strict=True)
    ]


class ReportError(Exception):
    """The report could not be written; the message says why, for the person."""


class _Pages:
    """A cursor down A4 pages: text lines and tables that break onto new pages."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: str) -> None:
        self.writer, self.p, self.footer = writer, painter, footer
        rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
        self.width, self.height = rect.width(), rect.height()
        self.y = 0.0
        self.page = 1
        self._draw_footer()

    def font(self, size: float, bold: bool = False) -> QFontMetricsF:
        f = QFont("DejaVu Sans")
        f.setPointSizeF(size)
        f.setBold(bold)
        self.p.setFont(f)
        return QFontMetricsF(f, self.writer)

    def _draw_footer(self) -> None:
        self.p.save()
        self.font(7.5)
        self.p.setPen(QColor("#606060"))
        self.p.drawText(
            QRectF(0, self.height - 12, self.width, 12),
            Qt.AlignmentFlag.AlignLeft,
            self.footer,
        )
        self.p.drawText(
            QRectF(0, self.height - 12, self.width, 12),
            Qt.AlignmentFlag.AlignRight,
            PAGE.format(n=self.page),
        )
        self.p.restore()

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = 0.0
        self._draw_footer()

    def room(self, needed: float) -> None:
        if self.y + needed > self.height - 20:
            self.new_page()

    def text(self, line: str, size: float = 10, bold: bool = False, gap: float = 2) -> None:
        metrics = self.font(size, bold)
        rect = metrics.boundingRect(
            QRectF(0, 0, self.width, 10_000), Qt.TextFlag.TextWordWrap, line
        )
        self.room(rect.height() + gap)
        self.p.setPen(QColor("black"))
        self.p.drawText(
            QRectF(0, self.y, self.width, rect.height()), Qt.TextFlag.TextWordWrap, line
        )
        self.y += rect.height() + gap

    def heading(self, line: str) -> None:
        self.room(60)  # never a heading alone at the foot of a page
        self.y += 8
        self.text(line, 13, bold=True, gap=4)

    def table(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        red: Sequence[bool] | None = None,
    ) -> None:
        """Rows of cells; ``widths`` are shares of the page width, widened where a
        column's longest word needs it (``fit_columns``); long cells wrap."""
        heavy, regular = self.font(8.5, True), self.font(8.5)
        needs = [
            _CELL_PADDING
            + 1
            + max([_widest_word(h, heavy), *(_widest_word(r[i], regular) for r in rows)])
            for i, h in enumerate(headers)
        ]
        xs = [0.0]
        for w in fit_columns([w * self.width for w in widths], needs):
            xs.append(xs[-1] + w)

        def row_height(cells: Sequence[str], bold: bool) -> float:
            self.font(8.5, bold)
            return 4 + max(
                self.p.boundingRect(QRectF(0, 0, xs[i + 1] - xs[i] - 4, 10_000), c, _CELL).height()
                for i, c in enumerate(cells)
            )

        def draw(cells: Sequence[str], bold: bool, colour: QColor) -> None:
            h = row_height(cells, bold)
            self.font(8.5, bold)
            if bold:
                self.p.fillRect(QRectF(0, self.y, self.width, h), QColor("#e8eef5"))
            self.p.setPen(colour)
            for i, c in enumerate(cells):
                self.p.drawText(QRectF(xs[i] + 2, self.y + 2, xs[i + 1] - xs[i] - 4, h), c, _CELL)
            self.p.setPen(QColor("#c8c8c8"))
            self.p.drawLine(0, int(self.y + h), int(self.width), int(self.y + h))
            self.y += h

        self.room(row_height(headers, True) * 2)
        draw(headers, True, QColor("black"))
        for n, cells in enumerate(rows):
            if self.y + row_height(cells, False) > self.height - 20:
                self.new_page()
                draw(headers, True, QColor("black"))
            draw(cells, False, PAIN_COLOUR if red and red[n] else QColor("black"))
        self.y += 6


def _bounds(first: dt.date, last: dt.date) -> tuple[float, float]:
    start = dt.datetime.combine(first, dt.time()).timestamp()
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time()).timestamp()
    return start, end


def _date(t: float) -> str:
    return formats.weekday_date(dt.datetime.fromtimestamp(t).date())


def _seconds(value: float) -> str:
    return SECONDS.format(seconds=formats.decimal(value, 0))


def write_report(
    store: HistoryStore,
    path: Path,
    first: dt.date,
    last: dt.date,
    *,
    now: float | None = None,
    exercise_names: Mapping[str, str] | None = None,
    routine: Routine | None = None,
    adherence: Sequence[str] | None = None,
) -> None:
    """Write the report for [first, last] to ``path``; ``ReportError`` if it cannot.

    ``exercise_names`` (id → name, from the routine) makes the tables read as words; an
    id without a name is shown as it is. ``routine`` gives page one its prescription;
    ``adherence`` its adherence lines (None: from the person's plan in ``store``).
    A period that ends before it starts, reaches into the future or has no sessions is
    refused with ``ReportError`` and no file is written; a report that fails half-way
    leaves no file either (it is written beside ``path`` and renamed when whole).
    """
    names = dict(exercise_names or {})
    if routine is not None:
        names = {e.id: e.name for e in routine.exercises} | names
    names = shown_exercise_names(names)  # the shipped exercises' in the report's language
    made = time.time() if now is None else now
    period = check_period(first, last, dt.datetime.fromtimestamp(made).date())
    if not isinstance(period, Period):
        raise ReportError(period)
    start, end = _bounds(first, last)
    sessions = store.sessions(start, end)
    if not sessions:
        raise ReportError(no_sessions(period))
    holds = store.holds(since=start, until=end)
    pains = store.pains(since=start, until=end)
    care = gather(store, routine or Routine("", "", ()), start, end, made, holds, pains)

    folder = path.parent if str(path.parent) else Path(".")
    try:  # find out here, with the system's reason, rather than from a silent QPainter
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as error:
        raise ReportError(CANNOT_WRITE.format(path=path, error=error.strerror)) from error
    tmp = Path(tmp_name)
    try:
        _write_pdf(
            tmp, store, first, last, made, names, sessions, holds, pains, care, routine, adherence
        )
        if tmp.stat().st_size == 0:
            raise ReportError(WRITE_FAILED.format(path=path))
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _write_pdf(
    path: Path,
    store: HistoryStore,
    first: dt.date,
    last: dt.date,
    made: float,
    names: dict[str, str],
    sessions: Sequence[SessionRow],
    holds: Sequence[StoredHold],
    pains: Sequence[StoredPain],
    care: CareReport,
    routine: Routine | None,
    adherence: Sequence[str] | None,
) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(DOCUMENT_TITLE.format(first=first, last=last))
    writer.setCreator("BackTimer")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(CANNOT_BEGIN.format(path=path))
    try:
        footer = FOOTER.format(first=formats.date(first), last=formats.date(last))
        pages = _Pages(writer, painter, footer)
        pages.text(TITLE, 18, bold=True, gap=4)
        period = _period_words(
            formats.weekday_date_long(first),
            formats.weekday_date_long(last),
            (last - first).days + 1,
        )
        pages.text(period)
        when = formats.date_time_long(dt.datetime.fromtimestamp(made))
        pages.text(PREPARED.format(when=when), 9, gap=8)
        last_run = sessions[-1]
        routine_name = (
            routine.name
            if routine is not None
            else shown_routine_name(last_run.routine_id, last_run.routine_name)
        )
        if adherence is None:
            adherence = adherence_lines(store, first, last)
        draw_first_page(pages, care, routine_name, first, last, len(sessions), adherence)

        pages.new_page()
        pages.text(DETAILS_TITLE, 14, bold=True, gap=4)
        _summary(pages, sessions, holds, pains, first, last)
        adherence_section(pages, store, first, last)
        _goals(pages, store, made)
        _exercises(pages, holds, pains, names)
        _charts(pages, store, first, last)
        _pain_events(pages, pains, names)
    finally:
        painter.end()


def _summary(
    pages: _Pages,
    sessions: Sequence[SessionRow],
    holds: Sequence[StoredHold],
    pains: Sequence[StoredPain],
    first: dt.date,
    last: dt.date,
) -> None:
    pages.heading(SESSIONS_HEADING)
    by_outcome: dict[Outcome, int] = defaultdict(int)
    for s in sessions:
        by_outcome[s.outcome] += 1
    days = {dt.datetime.fromtimestamp(s.started_at).date() for s in sessions}
    weeks = max(1.0, ((last - first).days + 1) / 7)
    parts = [_outcome_words(o, by_outcome[o]) for o in Outcome if by_outcome[o]]
    counts = {
        "sessions": _count("sessions", len(sessions)),
        "days": _count("days", len(days)),
        "per_week": formats.decimal(len(sessions) / weeks, 1),
    }
    if parts:
        pages.text(SESSIONS_LINE_OUTCOMES.format(outcomes=LIST_SEPARATOR.join(parts), **counts))
    else:
        pages.text(SESSIONS_LINE.format(**counts))
    held = sum(h.hold.held for h in holds)
    gentle = sum(1 for s in sessions if s.gentle)
    pages.text(
        TOTALS_LINE.format(
            holds=_count("holds", len(holds)),
            minutes=_count("minutes", round(held / 60)),
            pains=_count("pains", len(pains)),
            gentle=_count("gentle", gentle),
        )
    )
    ratings = [p.pain.rating for p in pains if p.pain.rating is not None]
    if ratings:
        pages.text(
            RATINGS_LINE.format(
                median=formats.decimal(statistics.median(ratings)),
                highest=max(ratings),
                unrated=_count("unrated", len(pains) - len(ratings)),
            )
        )


def _goals(pages: _Pages, store: HistoryStore, now: float) -> None:
    pages.heading(GOALS_HEADING)
    goals = store.goals()
    if not goals:
        pages.text(NO_GOALS)
        return
    rows, red = [], []
    for g in goals:
        p = progress(g, store.group_sessions(g.muscle_group), now)
        state = FINISHED if g.finished else p.status.label
        if p.met_at:
            state = MET_ON.format(status=state, date=_date(p.met_at))
        now_words = NOW_SECONDS if g.kind.value == "hold" else NOW_SESSIONS
        now_value = now_words.format(value=formats.decimal(p.current))
        rows.append([g.describe(), formats.date(g.due), state, now_value, g.note])
        red.append(p.status.value in ("behind", "overdue") and not g.finished)
    pages.table(GOALS_HEADERS, (0.36, 0.12, 0.2, 0.14, 0.18), rows, red)


def _exercises(
    pages: _Pages, holds: Sequence[StoredHold], pains: Sequence[StoredPain], names: dict[str, str]
) -> None:
    pages.heading(EXERCISES_HEADING)
    if not holds:
        pages.text(NO_HOLDS)
        return
    per: dict[str, list[HoldRecord]] = defaultdict(list)
    for h in holds:
        per[h.hold.exercise_id].append(h.hold)
    pain_count: dict[str, int] = defaultdict(int)
    for p in pains:
        pain_count[p.pain.exercise_id or ""] += 1
    rows = []
    for exercise, records in sorted(per.items()):
        held = [r.held for r in records]
        rows.append(
            [
                names.get(exercise, exercise),
                MUSCLE_GROUP_NAMES.get(records[0].muscle_group, records[0].muscle_group),
                str(len(records)),
                str(sum(r.completed for r in records)),
                _seconds(statistics.median(held)),
                _seconds(max(held)),
                _seconds(statistics.median(r.planned for r in records)),
                str(sum(r.gentle for r in records)),
                str(pain_count.get(exercise, 0)),
            ]
        )
    widths = (0.19, 0.15, 0.08, 0.1, 0.1, 0.1, 0.1, 0.08, 0.1)
    pages.table(EXERCISES_HEADERS, widths, rows)
    pages.text(EXERCISES_NOTE, 7.5)


def _charts(pages: _Pages, store: HistoryStore, first: dt.date, last: dt.date) -> None:
    totals, daily_pains = store.daily_totals(), store.daily_pains()
    start, end = _bounds(first, last)
    sides = store.daily_side_longest(start, end)
    size = bucket_size(first, last)
    groups = sorted(
        {g for d, g, *_rest in totals if first <= dt.date.fromisoformat(d) <= last}
        | {g for d, g, _n in daily_pains if g and first <= dt.date.fromisoformat(d) <= last}
    )
    if not groups:
        return
    pages.heading(CHARTS_HEADING)
    chart_h = 170.0
    for group in groups:
        pages.room(chart_h + 8)
        data = buckets(totals, daily_pains, group, first, last, size, sides)
        paint_chart(
            pages.p,
            QRectF(0, pages.y, pages.width, chart_h),
            data,
            first,
            last,
            size,
            MUSCLE_GROUP_NAMES.get(group, group),
        )
        pages.y += chart_h + 8


def _pain_events(pages: _Pages, pains: Sequence[StoredPain], names: dict[str, str]) -> None:
    pages.heading(PAIN_EVENTS_HEADING.format(n=len(pains)))
    if not pains:
        pages.text(NO_PAIN_EVENTS)
        return
    rows = []
    for p in pains:
        e = p.pain
        when = dt.datetime.fromtimestamp(e.at)
        rows.append(
            [
                formats.date(when.date()),
                formats.clock(when),
                names.get(e.exercise_id, e.exercise_id) if e.exercise_id else "—",
                NARROW_SIDE_WORDS[e.side] if e.side else "",
                e.site.describe() if e.site else "",
                phase_words(e.phase),
                _seconds(e.held),
                "—" if e.rating is None else RATING.format(rating=e.rating),
                CHOICE_WORDS[e.choice] if e.choice else "—",
                e.note,
            ]
        )
    pages.table(
        PAIN_EVENTS_HEADERS,
        (0.1, 0.06, 0.14, 0.06, 0.11, 0.1, 0.06, 0.08, 0.08, 0.21),
        rows,
    )
