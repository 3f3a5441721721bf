"""The history store: one SQLite file, ``history.sqlite3`` in the data folder.

Contracts a caller may rely on:

* Every write (``begin_session``, ``add_hold``, ``add_pain``, ...) is its own committed
  transaction (autocommit, WAL, ``synchronous=FULL``), so a crash or SIGKILL loses at
  most what had not been handed to the store yet. A session never finished stays
  ``interrupted``.
* ``HistoryStore.open`` never raises for damage, permissions or a full disk: it returns
  an ``OpenResult`` whose ``message`` tells the person what happened. A damaged file is
  moved aside (renamed, never deleted) and a fresh one started.
* A write that fails (disk full, I/O error, read-only) raises ``StoreError`` with a
  message for the person and its ``fault`` (a ``StoreFault``); what was saved before
  stays saved, and the store goes on working once the disk does.
* The folder is created 0700 and the database 0600: health data is the owner's alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.history.faults import StoreError, StoreFault, explain, store_error
from backtimer.core.history.goals import Goal, GoalKind, GroupSession, validate_goal
from backtimer.core.history.migrations import MIGRATIONS, SCHEMA_VERSION
from backtimer.core.record import HoldRecord, Outcome, PainChoice, PainRecord, PauseRecord
from backtimer.core.routine import Side

log = logging.getLogger(__name__)

DB_NAME = "history.sqlite3"
_SIDECARS = ("-wal", "-shm")

READ_ONLY_STORE_MESSAGE = "{path} is open read-only, so this could not be saved."


@dataclass(frozen=True)
class OpenResult:
    store: HistoryStore | None
    message: str | None  #: what the person should know (damage moved aside, read-only, ...)


@dataclass(frozen=True)
class SessionRow:
    id: int
    routine_id: str
    routine_name: str
    started_at: float
    ended_at: float | None
    outcome: Outcome
    gentle: bool
    holds: int  #: number of holds recorded
    pains: int  #: number of pain events


@dataclass(frozen=True)
class StoredHold:
    id: int
    session_id: int
    hold: HoldRecord


@dataclass(frozen=True)
class StoredPain:
    id: int
    session_id: int
    pain: PainRecord


@dataclass(frozen=True)
class StoredPause:
    session_id: int
    pause: PauseRecord


def _side(value: str | None) -> Side | None:
    return None if value is None else Side(value)


def _side_value(side: Side | None) -> str | None:
    return None if side is None else side.value


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (before SQLite opens it)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _check(path: Path) -> str | None:
    """None if ``path`` is a healthy database, else why not."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:3])
    return None


def _move_aside(path: Path, now: float) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in _SIDECARS:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


class HistoryStore:
    """Sessions, holds, pain events, pauses and goals. Use ``HistoryStore.open``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, *, read_only: bool = False, now: float | None = None) -> OpenResult:
        """Open (creating if needed) the history in ``folder``; see the module contract.

        ``read_only`` opens without creating, repairing or writing anything (exports);
        a missing file then gives ``OpenResult(None, message)``.
        """
        path = folder / DB_NAME
        if read_only:
            return cls._open_read_only(path)
        try:
            if not folder.exists():
                folder.mkdir(parents=True, mode=0o700)
            elif not os.access(folder, os.W_OK):
                return cls._read_only_folder(path)
        except OSError as error:
            return OpenResult(None, f"{explain(error, folder)} Sessions will not be saved.")
        message = None
        if path.exists():
            problem = _check(path)
            if problem is not None:
                try:
                    moved = _move_aside(path, time.time() if now is None else now)
                except OSError as error:
                    return OpenResult(
                        None,
                        f"The history file {path} is damaged ({problem}) and could not be "
                        f"moved aside: {error.strerror}. Sessions will not be saved.",
                    )
                log.warning("damaged history %s moved to %s: %s", path, moved, problem)
                message = (
                    f"The history file was damaged ({problem}). It was kept as {moved} "
                    f"and a fresh history was started in {path}."
                )
        try:
            if not path.exists():
                _create_private_file(path)
            os.chmod(path, 0o600)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=2000")
            too_new = cls._migrate(conn)
        except (OSError, sqlite3.Error) as error:
            return OpenResult(None, f"{explain(error, path)} Sessions will not be saved.")
        if too_new:
            conn.close()
            return cls._open_read_only(path, newer=True)
        return OpenResult(cls(conn, path, read_only=False), message)

    @classmethod
    def _read_only_folder(cls, path: Path) -> OpenResult:
        folder = path.parent
        if not path.exists():
            return OpenResult(
                None,
                f"The data folder {folder} is read-only, so sessions will not be saved. "
                "Make it writable or start BackTimer with --data-dir pointing elsewhere.",
            )
        result = cls._open_read_only(path)
        if result.store is None:
            return result
        return OpenResult(
            result.store,
            f"The data folder {folder} is read-only: your history is shown, but new "
            "sessions will not be saved. Make it writable or use --data-dir.",
        )

    @classmethod
    def _open_read_only(cls, path: Path, newer: bool = False) -> OpenResult:
        if not path.exists():
            return OpenResult(None, f"There is no history yet in {path.parent}.")
        try:
            conn, version = cls._connect_read_only(path, "mode=ro")
        except sqlite3.Error:
            try:
                # Where the WAL's shared-memory file cannot be created (a read-only
                # folder), immutable=1 still reads what was checkpointed into the file.
                conn, version = cls._connect_read_only(path, "mode=ro&immutable=1")
            except sqlite3.Error as error:
                return OpenResult(None, explain(error, path))
        store = cls(conn, path, read_only=True)
        if newer or version > SCHEMA_VERSION:
            return OpenResult(
                store,
                f"{path} was written by a newer BackTimer: it is shown read-only and new "
                "sessions will not be saved there.",
            )
        return OpenResult(store, None)

    @staticmethod
    def _connect_read_only(path: Path, query: str) -> tuple[sqlite3.Connection, int]:
        uri = f"{path.resolve().as_uri()}?{query}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT count(*) FROM sessions").fetchone()
        except sqlite3.Error:
            conn.close()
            raise
        return conn, version

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> bool:
        """Bring the schema up to date; True if the file is newer than this program."""
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            return True
        for number in range(version + 1, SCHEMA_VERSION + 1):
            # One transaction per migration, version bump included: all or nothing.
            script = MIGRATIONS[number - 1]
            conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")
        return False

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    # --- writing -----------------------------------------------------------------------

    def _write(self, sql: str, params: tuple[object, ...]) -> int:
        if self.read_only:
            raise StoreError(READ_ONLY_STORE_MESSAGE.format(path=self.path), StoreFault.READ_ONLY)
        try:
            cursor = self._conn.execute(sql, params)
        except sqlite3.Error as error:
            log.warning("history write failed: %s", error)
            raise store_error(error, self.path) from error
        return int(cursor.lastrowid or 0)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group many writes in one transaction (imports, benchmarks): all or none."""
        self._write("BEGIN", ())
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._write("COMMIT", ())

    def begin_session(
        self, routine_id: str, routine_name: str, started_at: float, gentle: bool
    ) -> int:
        return self._write(
            "INSERT INTO sessions(routine_id, routine_name, started_at, gentle) VALUES(?,?,?,?)",
            (routine_id, routine_name, started_at, int(gentle)),
        )

    def add_hold(self, session_id: int, hold: HoldRecord) -> None:
        self._write(
            "INSERT INTO holds(session_id, exercise_id, muscle_group, side, rep, planned, held,"
            " gentle, completed, started_at, ended_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
            (
                session_id,
                hold.exercise_id,
                hold.muscle_group,
                _side_value(hold.side),
                hold.rep,
                hold.planned,
                hold.held,
                int(hold.gentle),
                int(hold.completed),
                hold.started_at,
                hold.ended_at,
            ),
        )

    def add_pain(self, session_id: int, pain: PainRecord) -> int:
        return self._write(
            "INSERT INTO pains(session_id, at, phase, exercise_id, muscle_group, side, held,"
            " rating, note, choice) VALUES(?,?,?,?,?,?,?,?,?,?)",
            (
                session_id,
                pain.at,
                pain.phase,
                pain.exercise_id,
                pain.muscle_group,
                _side_value(pain.side),
                pain.held,
                pain.rating,
                pain.note,
                None if pain.choice is None else pain.choice.value,
            ),
        )

    def resolve_pain(self, pain_id: int, pain: PainRecord) -> None:
        """Record the rating, note and choice the person gave after stopping for pain."""
        self._write(
            "UPDATE pains SET rating=?, note=?, choice=? WHERE id=?",
            (pain.rating, pain.note, None if pain.choice is None else pain.choice.value, pain_id),
        )

    def add_pause(self, session_id: int, pause: PauseRecord) -> None:
        self._write(
            "INSERT INTO pauses(session_id, at, seconds, reason) VALUES(?,?,?,?)",
            (session_id, pause.at, pause.seconds, pause.reason.value),
        )

    def finish_session(self, session_id: int, outcome: Outcome, ended_at: float) -> None:
        self._write(
            "UPDATE sessions SET outcome=?, ended_at=? WHERE id=?",
            (outcome.value, ended_at, session_id),
        )

    # --- reading -----------------------------------------------------------------------

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise StoreError(explain(error, self.path)) from error

    def sessions(self, since: float | None = None, until: float | None = None) -> list[SessionRow]:
        """Sessions started in [since, until), oldest first, with hold and pain counts."""
        rows = self._read(
            "SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at, s.outcome,"
            " s.gentle,"
            " (SELECT count(*) FROM holds h WHERE h.session_id = s.id),"
            " (SELECT count(*) FROM pains p WHERE p.session_id = s.id)"
            " FROM sessions s WHERE s.started_at >= ? AND s.started_at < ?"
            " ORDER BY s.started_at, s.id",
            (since or 0.0, until if until is not None else 1e18),
        )
        return [
            SessionRow(
                int(r[0]),  # type: ignore[call-overload]
                str(r[1]),
                str(r[2]),
                float(r[3]),  # type: ignore[arg-type]
                None if r[4] is None else float(r[4]),  # type: ignore[arg-type]
                Outcome(r[5]),
                bool(r[6]),
                int(r[7]),  # type: ignore[call-overload]
                int(r[8]),  # type: ignore[call-overload]
            )
            for r in rows
        ]

    def _where(
        self, column: str, session_id: int | None, since: float | None, until: float | None
    ) -> tuple[str, tuple[object, ...]]:
        if session_id is not None:
            return "session_id = ?", (session_id,)
        return f"{column} >= ? AND {column} < ?", (
            since or 0.0,
            until if until is not None else 1e18,
        )

    def holds(
        self,
        session_id: int | None = None,
        since: float | None = None,
        until: float | None = None,
    ) -> list[StoredHold]:
        """Holds of one session, or started in [since, until); in the order they happened."""
        where, params = self._where("started_at", session_id, since, until)
        rows = self._read(
            "SELECT id, session_id, exercise_id, muscle_group, side, rep, planned, held, gentle,"
            f" completed, started_at, ended_at FROM holds WHERE {where}"
            " ORDER BY session_id, started_at, id",
            params,
        )
        return [
            StoredHold(
                r[0],  # type: ignore[arg-type]
                r[1],  # type: ignore[arg-type]
                HoldRecord(
                    r[2],  # type: ignore[arg-type]
                    r[3],  # type: ignore[arg-type]
                    _side(r[4]),  # type: ignore[arg-type]
                    r[5],  # type: ignore[arg-type]
                    r[6],  # type: ignore[arg-type]
                    r[7],  # type: ignore[arg-type]
                    bool(r[8]),
                    bool(r[9]),
                    r[10],  # type: ignore[arg-type]
                    r[11],  # type: ignore[arg-type]
                ),
            )
            for r in rows
        ]

    def pains(
        self,
        session_id: int | None = None,
        since: float | None = None,
        until: float | None = None,
    ) -> list[StoredPain]:
        """Pain events of one session, or that happened in [since, until); oldest first."""
        where, params = self._where("at", session_id, since, until)
        rows = self._read(
            "SELECT id, session_id, at, phase, exercise_id, muscle_group, side, held, rating,"
            f" note, choice FROM pains WHERE {where} ORDER BY at, id",
            params,
        )
        return [
            StoredPain(
                r[0],  # type: ignore[arg-type]
                r[1],  # type: ignore[arg-type]
                PainRecord(
                    r[2],  # type: ignore[arg-type]
                    r[3],  # type: ignore[arg-type]
                    r[4],  # type: ignore[arg-type]
                    r[5],  # type: ignore[arg-type]
                    _side(r[6]),  # type: ignore[arg-type]
                    r[7],  # type: ignore[arg-type]
                    r[8],  # type: ignore[arg-type]
                    r[9],  # type: ignore[arg-type]
                    None if r[10] is None else PainChoice(r[10]),
                ),
            )
            for r in rows
        ]

    def pauses(self, session_id: int | None = None) -> list[StoredPause]:
        where, params = self._where("at", session_id, None, None)
        rows = self._read(
            f"SELECT session_id, at, seconds, reason FROM pauses WHERE {where} ORDER BY at",
            params,
        )
        from backtimer.core.record import PauseReason

        return [
            StoredPause(r[0], PauseRecord(r[1], r[2], PauseReason(r[3])))  # type: ignore[arg-type]
            for r in rows
        ]

    def export_rows(self) -> Iterator[tuple[object, ...]]:
        """Every session, hold, pause and pain event as flat rows: sessions oldest first,
        each followed by its records in time order. One query, so a ten-year export
        stays well under a second.

        Row: (record, session_id, session_start, session_end, routine_name, outcome, time,
        exercise_id, muscle_group, side, rep, planned, held, gentle, completed, rating,
        choice, phase, note); record is "session", "hold", "pause" or "pain"; a pause
        puts its seconds in ``held`` and its reason in ``phase``.
        """
        sql = (
            "SELECT r.record, s.id, s.started_at, s.ended_at, s.routine_name, s.outcome, r.t,"
            " r.exercise_id, r.muscle_group, r.side, r.rep, r.planned, r.held, r.gentle,"
            " r.completed, r.rating, r.choice, r.phase, r.note FROM ("
            " SELECT 'session' AS record, id AS sid, started_at AS t, 0 AS ord,"
            "  NULL AS exercise_id, NULL AS muscle_group, NULL AS side, NULL AS rep,"
            "  NULL AS planned, NULL AS held, gentle, NULL AS completed, NULL AS rating,"
            "  NULL AS choice, NULL AS phase, NULL AS note FROM sessions"
            " UNION ALL SELECT 'hold', session_id, started_at, 1, exercise_id, muscle_group,"
            "  side, rep, planned, held, gentle, completed, NULL, NULL, NULL, NULL FROM holds"
            " UNION ALL SELECT 'pause', session_id, at, 1, NULL, NULL, NULL, NULL, NULL,"
            "  seconds, NULL, NULL, NULL, NULL, reason, NULL FROM pauses"
            " UNION ALL SELECT 'pain', session_id, at, 1, exercise_id, muscle_group, side,"
            "  NULL, NULL, held, NULL, NULL, rating, choice, phase, note FROM pains"
            ") AS r JOIN sessions s ON s.id = r.sid ORDER BY s.started_at, s.id, r.ord, r.t"
        )
        try:
            cursor = self._conn.execute(sql)
            while rows := cursor.fetchmany(2000):
                yield from rows
        except sqlite3.Error as error:
            raise StoreError(explain(error, self.path)) from error

    def recent_pain_exercises(self, days: int = 14, now: float | None = None) -> frozenset[str]:
        """Exercise ids with a pain event in the last ``days`` days (adaptive start)."""
        since = (time.time() if now is None else now) - days * 86400.0
        rows = self._read(
            "SELECT DISTINCT exercise_id FROM pains WHERE at >= ? AND exercise_id IS NOT NULL",
            (since,),
        )
        return frozenset(str(r[0]) for r in rows)

    def daily_totals(self) -> list[tuple[str, str, float, float, int]]:
        """Per local day and muscle group: (ISO day, group, seconds held, longest hold,
        completed holds), oldest first — what the charts draw."""
        return self._read(  # type: ignore[return-value]
            "SELECT date(started_at, 'unixepoch', 'localtime') AS day, muscle_group,"
            " sum(held), max(held), sum(completed) FROM holds GROUP BY day, muscle_group"
            " ORDER BY day"
        )

    def daily_pains(self) -> list[tuple[str, str, int]]:
        """Per local day and muscle group: (ISO day, group or '', pain events)."""
        return self._read(  # type: ignore[return-value]
            "SELECT date(at, 'unixepoch', 'localtime') AS day, coalesce(muscle_group, ''),"
            " count(*) FROM pains GROUP BY day, muscle_group ORDER BY day"
        )

    def session_days(self) -> list[str]:
        """ISO dates (local) on which at least one session started, oldest first."""
        rows = self._read(
            "SELECT DISTINCT date(started_at, 'unixepoch', 'localtime') AS day FROM sessions"
            " ORDER BY day"
        )
        return [str(r[0]) for r in rows]

    def group_sessions(self, muscle_group: str) -> list[GroupSession]:
        """Sessions that worked ``muscle_group``, with their best holds per side."""
        rows = self._read(
            "SELECT s.started_at,"
            " coalesce(max(CASE WHEN h.side='right' THEN h.held END), 0),"
            " coalesce(max(CASE WHEN h.side='left' THEN h.held END), 0),"
            " coalesce(max(CASE WHEN h.side IS NULL THEN h.held END), 0),"
            " EXISTS(SELECT 1 FROM pains p WHERE p.session_id = s.id AND p.muscle_group = ?)"
            " FROM sessions s JOIN holds h ON h.session_id = s.id AND h.muscle_group = ?"
            " GROUP BY s.id ORDER BY s.started_at",
            (muscle_group, muscle_group),
        )
        return [GroupSession(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]  # type: ignore[arg-type]

    # --- goals -------------------------------------------------------------------------

    def _goal(self, r: tuple[object, ...]) -> Goal:
        return Goal(
            r[0],  # type: ignore[arg-type]
            r[1],  # type: ignore[arg-type]
            GoalKind(r[2]),
            r[3],  # type: ignore[arg-type]
            dt.date.fromisoformat(r[4]),  # type: ignore[arg-type]
            r[5],  # type: ignore[arg-type]
            r[6],  # type: ignore[arg-type]
            r[7],  # type: ignore[arg-type]
        )

    def goals(self, include_finished: bool = True) -> list[Goal]:
        """Goals, soonest due first; finished ones last."""
        rows = self._read(
            "SELECT id, muscle_group, kind, target, due, created_at, finished_at, note"
            " FROM goals ORDER BY finished_at IS NOT NULL, due, id"
        )
        goals = [self._goal(r) for r in rows]
        return goals if include_finished else [g for g in goals if not g.finished]

    def goal(self, goal_id: int) -> Goal | None:
        return next((g for g in self.goals() if g.id == goal_id), None)

    def add_goal(
        self,
        muscle_group: str,
        kind: GoalKind,
        target: float,
        due: dt.date,
        note: str = "",
        created_at: float | None = None,
    ) -> Goal:
        """Add a goal; ``ValueError`` (with a message for the person) for bad values."""
        problem = validate_goal(muscle_group, kind, target, due)
        if problem:
            raise ValueError(problem)
        created = time.time() if created_at is None else created_at
        goal_id = self._write(
            "INSERT INTO goals(muscle_group, kind, target, due, created_at, note)"
            " VALUES(?,?,?,?,?,?)",
            (muscle_group, kind.value, target, due.isoformat(), created, note),
        )
        return Goal(goal_id, muscle_group, kind, target, due, created, None, note)

    def update_goal(self, goal: Goal) -> None:
        """Save the group, kind, target, due date and note of an existing goal."""
        problem = validate_goal(goal.muscle_group, goal.kind, goal.target, goal.due)
        if problem:
            raise ValueError(problem)
        self._write(
            "UPDATE goals SET muscle_group=?, kind=?, target=?, due=?, note=? WHERE id=?",
            (
                goal.muscle_group,
                goal.kind.value,
                goal.target,
                goal.due.isoformat(),
                goal.note,
                goal.id,
            ),
        )

    def finish_goal(self, goal_id: int, at: float | None = None) -> None:
        self._write(
            "UPDATE goals SET finished_at=? WHERE id=?",
            (time.time() if at is None else at, goal_id),
        )

    def delete_goal(self, goal_id: int) -> None:
        self._write("DELETE FROM goals WHERE id=?", (goal_id,))
