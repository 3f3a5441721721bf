"""Reading the history: each row is read by column name into a frozen value.

Queries never write. A read that fails raises ``StoreError`` with a message for the
person. Times are wall-clock seconds; "day" is the local calendar day (ISO date).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator

from backtimer.core.care.body import PainSite
from backtimer.core.history.faults import StoreError, explain
from backtimer.core.history.goals import Goal, GoalKind, GroupSession
from backtimer.core.history.opening import HistoryFile
from backtimer.core.history.rows import ExportRow, SessionRow, StoredHold, StoredPain, StoredPause
from backtimer.core.routine import Side
from backtimer.core.session.record import (
    HoldRecord,
    Outcome,
    PainChoice,
    PainRecord,
    PauseReason,
    PauseRecord,
)

_FOREVER = 1e18  #: the end of an open time range

# Sessions oldest first, each followed by its records in time order, in one query; the
# column names are ExportRow's fields (checked when the query runs).
_EXPORT_SQL = (
    "SELECT r.record AS record, s.id AS session_id, s.started_at AS session_start,"
    " s.ended_at AS session_end, s.routine_name AS routine_name, s.outcome AS outcome,"
    " r.t AS time, r.exercise_id AS exercise_id, r.muscle_group AS muscle_group,"
    " r.side AS side, r.rep AS rep, r.planned AS planned, r.held AS held,"
    " r.gentle AS gentle, r.completed AS completed, r.rating AS rating, r.choice AS choice,"
    " r.phase AS phase, r.note AS note, r.region AS region, r.body_side AS body_side,"
    " s.routine_id AS routine_id FROM ("
    " SELECT 'session' AS record, id AS sid, started_at AS t, 0 AS ord,"
    "  NULL AS exercise_id, NULL AS muscle_group, NULL AS side, NULL AS rep,"
    "  NULL AS planned, NULL AS held, gentle, NULL AS completed, NULL AS rating,"
    "  NULL AS choice, NULL AS phase, NULL AS note, NULL AS region, NULL AS body_side"
    "  FROM sessions"
    " UNION ALL SELECT 'hold', session_id, started_at, 1, exercise_id, muscle_group,"
    "  side, rep, planned, held, gentle, completed, NULL, NULL, NULL, NULL, NULL, NULL"
    "  FROM holds"
    " UNION ALL SELECT 'pause', session_id, at, 1, NULL, NULL, NULL, NULL, NULL,"
    "  seconds, NULL, NULL, NULL, NULL, reason, NULL, NULL, NULL FROM pauses"
    " UNION ALL SELECT 'pain', session_id, at, 1, exercise_id, muscle_group, side,"
    "  NULL, NULL, held, NULL, NULL, rating, choice, phase, note, region, body_side FROM pains"
    # A check-in's kind (before, after, morning) goes in the phase column, its rating in
    # the rating column.
    " UNION ALL SELECT 'checkin', session_id, at, 1, NULL, NULL, NULL, NULL, NULL, NULL,"
    "  NULL, NULL, rating, NULL, kind, NULL, NULL, NULL FROM checkins"
    "  WHERE session_id IS NOT NULL"
    ") AS r JOIN sessions s ON s.id = r.sid ORDER BY s.started_at, s.id, r.ord, r.t"
)


def _side(value: str | None) -> Side | None:
    return None if value is None else Side(value)


def _session(r: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=r["id"],
        routine_id=r["routine_id"],
        routine_name=r["routine_name"],
        started_at=r["started_at"],
        ended_at=r["ended_at"],
        outcome=Outcome(r["outcome"]),
        gentle=bool(r["gentle"]),
        holds=r["holds"],
        pains=r["pains"],
    )


def _hold(r: sqlite3.Row) -> StoredHold:
    return StoredHold(
        id=r["id"],
        session_id=r["session_id"],
        hold=HoldRecord(
            exercise_id=r["exercise_id"],
            muscle_group=r["muscle_group"],
            side=_side(r["side"]),
            rep=r["rep"],
            planned=r["planned"],
            held=r["held"],
            gentle=bool(r["gentle"]),
            completed=bool(r["completed"]),
            started_at=r["started_at"],
            ended_at=r["ended_at"],
        ),
    )


def _pain(r: sqlite3.Row) -> StoredPain:
    return StoredPain(
        id=r["id"],
        session_id=r["session_id"],
        pain=PainRecord(
            at=r["at"],
            phase=r["phase"],
            exercise_id=r["exercise_id"],
            muscle_group=r["muscle_group"],
            side=_side(r["side"]),
            held=r["held"],
            rating=r["rating"],
            note=r["note"],
            choice=None if r["choice"] is None else PainChoice(r["choice"]),
            site=PainSite.from_values(r["region"], r["body_side"]),
        ),
    )


def _pause(r: sqlite3.Row) -> StoredPause:
    return StoredPause(
        session_id=r["session_id"],
        pause=PauseRecord(at=r["at"], seconds=r["seconds"], reason=PauseReason(r["reason"])),
    )


def _goal(r: sqlite3.Row) -> Goal:
    return Goal(
        id=r["id"],
        muscle_group=r["muscle_group"],
        kind=GoalKind(r["kind"]),
        target=r["target"],
        due=dt.date.fromisoformat(r["due"]),
        created_at=r["created_at"],
        finished_at=r["finished_at"],
        note=r["note"],
        side=_side(r["side"]),
    )


def _group_session(r: sqlite3.Row) -> GroupSession:
    return GroupSession(
        started_at=r["started_at"],
        best_right=r["best_right"],
        best_left=r["best_left"],
        best_unsided=r["best_unsided"],
        pain=bool(r["pain"]),
        pain_right=bool(r["pain_right"]),
        pain_left=bool(r["pain_left"]),
        routine_id=r["routine_id"],
    )


def _where(
    column: str, session_id: int | None, since: float | None, until: float | None
) -> tuple[str, tuple[object, ...]]:
    if session_id is not None:
        return "session_id = ?", (session_id,)
    return f"{column} >= ? AND {column} < ?", (
        since or 0.0,
        until if until is not None else _FOREVER,
    )


class HistoryQueries(HistoryFile):
    """The queries of a ``HistoryStore``."""

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        try:
            cursor = self._conn.cursor()
            cursor.row_factory = sqlite3.Row
            return cursor.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise StoreError(explain(error, self.path)) from error

    def sessions(self, since: float | None = None, until: float | None = None) -> list[SessionRow]:
        """Sessions started in [since, until), oldest first, with hold and pain counts."""
        rows = self._read(
            "SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at, s.outcome,"
            " s.gentle,"
            " (SELECT count(*) FROM holds h WHERE h.session_id = s.id) AS holds,"
            " (SELECT count(*) FROM pains p WHERE p.session_id = s.id) AS pains"
            " FROM sessions s WHERE s.started_at >= ? AND s.started_at < ?"
            " ORDER BY s.started_at, s.id",
            (since or 0.0, until if until is not None else _FOREVER),
        )
        return [_session(r) for r in rows]

    def holds(
        self,
        session_id: int | None = None,
        since: float | None = None,
        until: float | None = None,
    ) -> list[StoredHold]:
        """Holds of one session, or started in [since, until); in the order they happened."""
        where, params = _where("started_at", session_id, since, until)
        rows = self._read(
            "SELECT id, session_id, exercise_id, muscle_group, side, rep, planned, held, gentle,"
            f" completed, started_at, ended_at FROM holds WHERE {where}"
            " ORDER BY session_id, started_at, id",
            params,
        )
        return [_hold(r) for r in rows]

    def pains(
        self,
        session_id: int | None = None,
        since: float | None = None,
        until: float | None = None,
    ) -> list[StoredPain]:
        """Pain events of one session, or that happened in [since, until); oldest first."""
        where, params = _where("at", session_id, since, until)
        rows = self._read(
            "SELECT id, session_id, at, phase, exercise_id, muscle_group, side, held, rating,"
            f" note, choice, region, body_side FROM pains WHERE {where} ORDER BY at, id",
            params,
        )
        return [_pain(r) for r in rows]

    def pauses(self, session_id: int | None = None) -> list[StoredPause]:
        """Pauses of one session, or of all sessions; oldest first."""
        where, params = _where("at", session_id, None, None)
        rows = self._read(
            f"SELECT session_id, at, seconds, reason FROM pauses WHERE {where} ORDER BY at",
            params,
        )
        return [_pause(r) for r in rows]

    def export_rows(self) -> Iterator[ExportRow]:
        """Every session, hold, pause and pain event as flat rows (see ``ExportRow``):
        sessions oldest first, each followed by its records in time order. One query, so
        a ten-year export stays well under a second."""
        try:
            cursor = self._conn.execute(_EXPORT_SQL)
            columns = tuple(d[0] for d in cursor.description)
            if columns != ExportRow._fields:
                raise RuntimeError(f"the export query gives {columns}, not ExportRow's fields")
            while rows := cursor.fetchmany(2000):
                yield from map(ExportRow._make, rows)
        except sqlite3.Error as error:
            raise StoreError(explain(error, self.path)) from error

    def recent_pain_exercises(self, days: int = 14, now: float | None = None) -> frozenset[str]:
        """Exercise ids with a pain event in the last ``days`` days (adaptive start)."""
        since = (time.time() if now is None else now) - days * 86400.0
        rows = self._read(
            "SELECT DISTINCT exercise_id FROM pains WHERE at >= ? AND exercise_id IS NOT NULL",
            (since,),
        )
        return frozenset(r["exercise_id"] for r in rows)

    def daily_totals(self) -> list[tuple[str, str, float, float, int]]:
        """Per local day and muscle group: (ISO day, group, seconds held, longest hold,
        completed holds), oldest first — what the charts draw."""
        rows = self._read(
            "SELECT date(started_at, 'unixepoch', 'localtime') AS day, muscle_group,"
            " sum(held) AS seconds, max(held) AS longest, sum(completed) AS completed"
            " FROM holds GROUP BY day, muscle_group ORDER BY day"
        )
        return [
            (r["day"], r["muscle_group"], r["seconds"], r["longest"], r["completed"]) for r in rows
        ]

    def daily_side_longest(
        self, since: float | None = None, until: float | None = None
    ) -> list[tuple[str, str, str, float]]:
        """Per local day, muscle group and side: (ISO day, group, "right"/"left", longest
        hold) of holds started in [since, until), oldest first; one-sided stretches are
        left out."""
        rows = self._read(
            "SELECT date(started_at, 'unixepoch', 'localtime') AS day, muscle_group, side,"
            " max(held) AS longest FROM holds WHERE side IS NOT NULL"
            " AND started_at >= ? AND started_at < ?"
            " GROUP BY day, muscle_group, side ORDER BY day",
            (since or 0.0, until if until is not None else _FOREVER),
        )
        return [(r["day"], r["muscle_group"], r["side"], r["longest"]) for r in rows]

    def daily_pains(self) -> list[tuple[str, str, int]]:
        """Per local day and muscle group: (ISO day, group or '', pain events)."""
        rows = self._read(
            "SELECT date(at, 'unixepoch', 'localtime') AS day,"
            " coalesce(muscle_group, '') AS muscle_group, count(*) AS pains"
            " FROM pains GROUP BY day, pains.muscle_group ORDER BY day"
        )
        return [(r["day"], r["muscle_group"], r["pains"]) for r in rows]

    def session_days(self) -> list[str]:
        """ISO dates (local) on which at least one session started, oldest first."""
        rows = self._read(
            "SELECT DISTINCT date(started_at, 'unixepoch', 'localtime') AS day FROM sessions"
            " ORDER BY day"
        )
        return [r["day"] for r in rows]

    def group_sessions(self, muscle_group: str) -> list[GroupSession]:
        """Sessions that worked ``muscle_group``, with their best holds per side."""
        rows = self._read(
            "SELECT s.started_at AS started_at, s.routine_id AS routine_id,"
            " coalesce(max(CASE WHEN h.side='right' THEN h.held END), 0.0) AS best_right,"
            " coalesce(max(CASE WHEN h.side='left' THEN h.held END), 0.0) AS best_left,"
            " coalesce(max(CASE WHEN h.side IS NULL THEN h.held END), 0.0) AS best_unsided,"
            " EXISTS(SELECT 1 FROM pains p WHERE p.session_id = s.id AND p.muscle_group = ?)"
            " AS pain,"
            # A pain on one side: the side being stretched, or where it hurt on the map.
            " EXISTS(SELECT 1 FROM pains p WHERE p.session_id = s.id AND p.muscle_group = ?"
            "  AND (p.side = 'right' OR p.body_side IN ('right', 'both'))) AS pain_right,"
            " EXISTS(SELECT 1 FROM pains p WHERE p.session_id = s.id AND p.muscle_group = ?"
            "  AND (p.side = 'left' OR p.body_side IN ('left', 'both'))) AS pain_left"
            " FROM sessions s JOIN holds h ON h.session_id = s.id AND h.muscle_group = ?"
            " GROUP BY s.id ORDER BY s.started_at",
            (muscle_group, muscle_group, muscle_group, muscle_group),
        )
        return [_group_session(r) for r in rows]

    def goals(self, include_finished: bool = True) -> list[Goal]:
        """Goals, soonest due first; finished ones last."""
        rows = self._read(
            "SELECT id, muscle_group, kind, target, due, created_at, finished_at, note, side"
            " FROM goals ORDER BY finished_at IS NOT NULL, due, id"
        )
        goals = [_goal(r) for r in rows]
        return goals if include_finished else [g for g in goals if not g.finished]

    def goal(self, goal_id: int) -> Goal | None:
        return next((g for g in self.goals() if g.id == goal_id), None)
