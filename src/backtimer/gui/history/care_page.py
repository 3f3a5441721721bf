"""Page one of the clinician's report: what a clinician reads in a minute.

The prescription, adherence, the pain trend (before, after, next morning) with every
change of 2 points or more marked, each stop with where it hurt and what followed, the
changes BackTimer made, the goals against their due dates, and left against right.
The detail pages follow it (``report_pdf``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from backtimer.core import formats
from backtimer.core.care.changes import ChangeStatus
from backtimer.core.history.care_report import KIND_WORDS, CareReport, TrendPoint, trend_changes
from backtimer.core.history.goals import GoalStatus
from backtimer.core.i18n import _, ngettext


class _Pages(Protocol):
    """What this page needs of the report's page cursor (``report_pdf._Pages``); a
    protocol, so the report and its first page do not import each other."""

    p: QPainter
    width: float
    y: float

    def font(self, size: float, bold: bool = False) -> QFontMetricsF: ...
    def room(self, needed: float) -> None: ...
    def text(self, line: str, size: float = 10, bold: bool = False, gap: float = 2) -> None: ...
    def table(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        red: Sequence[bool] | None = None,
    ) -> None: ...


NOT_A_DEVICE = _(
    "BackTimer is not a medical device. This report shows what the person recorded while "
    "following their programme."
)
ROUTINE = _("Routine: {name}. Prescription now (after the changes below): {items}.")
ADHERENCE_MISSING = _(
    "Adherence: no schedule is set for this routine, so only the sessions done are "
    "counted ({sessions} in {days})."
)
TREND_TITLE = _("Back pain (0–10) before, after and the next morning")
TREND_NONE = _("No check-ins in this period: the person skipped the question each time.")
TREND_LEGEND = _(
    "● before  ■ after  ▲ next morning;  red ring: 2 points or more worse, green: better"
)
STOPS_TITLE = _("Stops for pain ({n})")
NO_STOPS = _("No stops for pain.")
CHANGES_TITLE = _("Changes BackTimer made ({n})")
NO_CHANGES = _("No changes.")
GOALS_TITLE = _("Goals")
NO_GOALS = _("No goals set.")
SIDES_TITLE = _("Left and right")
NO_SIDES = _("No stretches done on both sides in this period.")
RED_FLAGS = _(
    "Safety questions (red flags) answered in this period: {n}; with any yes (told to "
    "seek urgent care): {yes}."
)
RED_FLAGS_NONE = _("Safety questions (red flags): not answered in this period.")
STATUS = {
    ChangeStatus.APPLIED: _("in effect"),
    ChangeStatus.OFFERED: _("offered"),
    ChangeStatus.DECLINED: _("declined"),
    ChangeStatus.UNDONE: _("undone"),
}
STOPS_HEADERS = (_("When"), _("Exercise"), _("Where it hurt"), _("Pain"), _("What followed"))
CHANGES_HEADERS = (_("Day"), _("Exercise"), _("Change"), _("Now"), _("Why"))
GOALS_HEADERS = (_("Goal"), _("Due"), _("Status"), _("Now"))
SIDES_HEADERS = (
    _("Muscle group"),
    _("Best left"),
    _("Best right"),
    _("Pain left"),
    _("Pain right"),
)
STOP_EXERCISE = _("{exercise} ({side})")
CHANGE_AMOUNT = _("{change} ({amount})")
PRESCRIPTION_SEPARATOR = _("; ")
FINISHED = _("finished")
RATING = _("{rating}/10")
SECONDS = _("{seconds} s")


def sessions_words(n: int) -> str:
    return ngettext("{n} session", "{n} sessions", n).format(n=n)


def days_words(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def trend_count_words(n: int) -> str:
    return ngettext(
        "{n} change of 2 points or more (the smallest change that matters).",
        "{n} changes of 2 points or more (the smallest change that matters).",
        n,
    ).format(n=n)


_BEFORE, _AFTER, _MORNING = QColor("#1f5fa8"), QColor("#c05a00"), QColor("#5b3aa0")
_WORSE, _BETTER = QColor("#c62828"), QColor("#2e7d32")


def draw_first_page(
    pages: _Pages,
    report: CareReport,
    routine_name: str,
    first: dt.date,
    last: dt.date,
    sessions: int,
    adherence: Sequence[str] | None,
) -> None:
    """Page one from ``report``. ``adherence``: the plan's prescription and adherence
    lines (``gui/programme/adherence_views.summary_lines``); empty: sessions counted."""
    pages.text(NOT_A_DEVICE, 8, gap=6)
    items = PRESCRIPTION_SEPARATOR.join(report.prescription)
    pages.text(ROUTINE.format(name=routine_name, items=items), 9.5)
    if adherence:
        for line in adherence:
            pages.text(line, 9.5)
    else:
        days = (last - first).days + 1
        words = ADHERENCE_MISSING.format(sessions=sessions_words(sessions), days=days_words(days))
        pages.text(words, 9.5)
    if report.red_flag_screens:
        pages.text(RED_FLAGS.format(n=report.red_flag_screens, yes=report.red_flags_yes), 9.5)
    else:
        pages.text(RED_FLAGS_NONE, 9.5)
    _trend(pages, report.trend, first, last)
    _stops(pages, report)
    _changes(pages, report)
    _goals(pages, report)
    _sides(pages, report)


def _trend(pages: _Pages, trend: Sequence[TrendPoint], first: dt.date, last: dt.date) -> None:
    pages.text(TREND_TITLE, 11, bold=True, gap=2)
    rated = [t for t in trend if (t.before, t.after, t.morning) != (None, None, None)]
    if not rated:
        pages.text(TREND_NONE, 9)
        return
    h = 120.0
    pages.room(h + 30)
    p = pages.p
    box = QRectF(24, pages.y, pages.width - 30, h)
    p.setPen(QPen(QColor("#c8c8c8"), 0.5))
    pages.font(7)
    for tick in range(0, 11, 2):
        y = box.bottom() - box.height() * tick / 10
        p.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        p.setPen(QColor("#606060"))
        p.drawText(QRectF(0, y - 5, 20, 10), Qt.AlignmentFlag.AlignRight, str(tick))
        p.setPen(QPen(QColor("#c8c8c8"), 0.5))
    # Green band 0–3, amber 4–5: the traffic light behind the points.
    p.fillRect(
        QRectF(box.left(), box.bottom() - box.height() * 0.35, box.width(), box.height() * 0.35),
        QColor(46, 125, 50, 25),
    )
    p.fillRect(
        QRectF(box.left(), box.bottom() - box.height() * 0.55, box.width(), box.height() * 0.2),
        QColor(255, 160, 0, 25),
    )
    span = max(1, (last - first).days)

    def x_of(day: dt.date, n: int) -> float:
        return box.left() + box.width() * ((day - first).days + 0.15 * n) / (span + 0.5)

    def y_of(v: int) -> float:
        return box.bottom() - box.height() * v / 10

    series = ((0, _BEFORE), (1, _AFTER), (2, _MORNING))
    for index, colour in series:
        path = QPainterPath()
        started = False
        for t in rated:
            v = (t.before, t.after, t.morning)[index]
            if v is None:
                continue
            pt = QPointF(x_of(t.day, index), y_of(v))
            if started:
                path.lineTo(pt)
            else:
                path.moveTo(pt)
                started = True
        p.setPen(QPen(colour, 1.0))
        p.drawPath(path)
    for t in rated:
        marks = dict(t.changes())
        for index, colour in series:
            v = (t.before, t.after, t.morning)[index]
            if v is None:
                continue
            pt = QPointF(x_of(t.day, index), y_of(v))
            p.setPen(QPen(colour, 1))
            p.setBrush(colour)
            if index == 0:
                p.drawEllipse(pt, 2.6, 2.6)
            elif index == 1:
                p.drawRect(QRectF(pt.x() - 2.4, pt.y() - 2.4, 4.8, 4.8))
            else:
                tri = QPainterPath()
                tri.moveTo(pt.x(), pt.y() - 3)
                tri.lineTo(pt.x() + 3, pt.y() + 2.5)
                tri.lineTo(pt.x() - 3, pt.y() + 2.5)
                tri.closeSubpath()
                p.drawPath(tri)
            label = ("", "after", "morning")[index]
            if label in marks:
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(QPen(_WORSE if marks[label] > 0 else _BETTER, 1.4))
                p.drawEllipse(pt, 6, 6)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QColor("#606060"))
    pages.font(7)
    p.drawText(
        QRectF(box.left(), box.bottom() + 1, 80, 10),
        Qt.AlignmentFlag.AlignLeft,
        formats.day_month(first),
    )
    p.drawText(
        QRectF(box.right() - 80, box.bottom() + 1, 80, 10),
        Qt.AlignmentFlag.AlignRight,
        formats.day_month(last),
    )
    pages.y += h + 12
    pages.text(TREND_LEGEND, 7.5, gap=1)
    pages.text(trend_count_words(trend_changes(trend)), 8.5)


def _stops(pages: _Pages, report: CareReport) -> None:
    pages.text(STOPS_TITLE.format(n=len(report.stops)), 11, bold=True, gap=2)
    if not report.stops:
        pages.text(NO_STOPS, 9)
        return
    rows = [
        [
            formats.day_month_time(dt.datetime.fromtimestamp(s.at)),
            STOP_EXERCISE.format(exercise=s.exercise, side=s.side) if s.side else s.exercise,
            s.site,
            "—" if s.rating is None else RATING.format(rating=s.rating),
            s.followed,
        ]
        for s in report.stops
    ]
    pages.table(
        STOPS_HEADERS,
        (0.14, 0.22, 0.2, 0.1, 0.34),
        rows,
        [s.rating is not None and s.rating >= 6 for s in report.stops],
    )


def _changes(pages: _Pages, report: CareReport) -> None:
    pages.text(CHANGES_TITLE.format(n=len(report.changes)), 11, bold=True, gap=2)
    if not report.changes:
        pages.text(NO_CHANGES, 9)
        return
    rows = [
        [
            formats.day_month(c.day),
            name,
            CHANGE_AMOUNT.format(
                change=KIND_WORDS[c.proposal.kind], amount=formats.decimal(c.proposal.amount)
            )
            if c.proposal.amount
            else KIND_WORDS[c.proposal.kind],
            STATUS[c.status],
            c.proposal.reason,
        ]
        for c, name in report.changes
    ]
    pages.table(CHANGES_HEADERS, (0.08, 0.2, 0.16, 0.1, 0.46), rows)


def _goals(pages: _Pages, report: CareReport) -> None:
    pages.text(GOALS_TITLE, 11, bold=True, gap=2)
    if not report.goals:
        pages.text(NO_GOALS, 9)
        return
    rows, red = [], []
    for goal, prog in report.goals:
        state = FINISHED if goal.finished else prog.status.label
        rows.append([goal.describe(), formats.date(goal.due), state, prog.describe(goal)])
        red.append(not goal.finished and prog.status in (GoalStatus.BEHIND, GoalStatus.OVERDUE))
    pages.table(GOALS_HEADERS, (0.44, 0.14, 0.14, 0.28), rows, red)


def _sides(pages: _Pages, report: CareReport) -> None:
    pages.text(SIDES_TITLE, 11, bold=True, gap=2)
    if not report.sides:
        pages.text(NO_SIDES, 9)
        return
    rows = [
        [
            r.group,
            SECONDS.format(seconds=formats.decimal(r.best_left, 0)),
            SECONDS.format(seconds=formats.decimal(r.best_right, 0)),
            str(r.pains_left),
            str(r.pains_right),
        ]
        for r in report.sides
    ]
    red = [
        abs(r.best_left - r.best_right) >= 5 or r.pains_left != r.pains_right for r in report.sides
    ]
    pages.table(
        SIDES_HEADERS,
        (0.32, 0.17, 0.17, 0.17, 0.17),
        rows,
        red,
    )
