"""Writing the history: sessions, holds, pauses, pain events and goals.

Every write is its own committed transaction (autocommit, WAL, ``synchronous=FULL``)
unless it runs inside ``transaction()``. A write that fails raises ``StoreError`` with a
message for the person and its ``fault``; what was saved before stays saved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Iterator

from backtimer.core.history.faults import StoreError, StoreFault, store_error
from backtimer.core.history.goals import Goal, GoalKind, validate_goal
from backtimer.core.history.opening import HistoryFile
from backtimer.core.i18n import _
from backtimer.core.routine import Side
from backtimer.core.session.record import HoldRecord, Outcome, PainRecord, PauseRecord

log = logging.getLogger(__name__)

READ_ONLY_STORE_MESSAGE = _("{path} is open read-only, so this could not be saved.")


def _side_value(side: Side | None) -> str | None:
    return None if side is None else side.value


def _site_values(pain: PainRecord) -> tuple[str | None, str | None]:
    site = pain.site
    if site is None:
        return None, None
    return site.region.value, None if site.side is None else site.side.value


class HistoryWrites(HistoryFile):
    """The writes of a ``HistoryStore``."""

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

    # --- sessions ----------------------------------------------------------------------

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
            " rating, note, choice, region, body_side) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
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
                *_site_values(pain),
            ),
        )

    def resolve_pain(self, pain_id: int, pain: PainRecord) -> None:
        """Record the rating, note, choice and site the person gave after stopping."""
        self._write(
            "UPDATE pains SET rating=?, note=?, choice=?, region=?, body_side=? WHERE id=?",
            (
                pain.rating,
                pain.note,
                None if pain.choice is None else pain.choice.value,
                *_site_values(pain),
                pain_id,
            ),
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

    # --- goals -------------------------------------------------------------------------

    def add_goal(
        self,
        muscle_group: str,
        kind: GoalKind,
        target: float,
        due: dt.date,
        note: str = "",
        created_at: float | None = None,
        side: Side | None = None,
    ) -> Goal:
        """Add a goal; ``ValueError`` (with a message for the person) for bad values."""
        problem = validate_goal(muscle_group, kind, target, due)
        if problem:
            raise ValueError(problem)
        created = time.time() if created_at is None else created_at
        goal_id = self._write(
            "INSERT INTO goals(muscle_group, kind, target, due, created_at, note, side)"
            " VALUES(?,?,?,?,?,?,?)",
            (muscle_group, kind.value, target, due.isoformat(), created, note, _side_value(side)),
        )
        return Goal(goal_id, muscle_group, kind, target, due, created, None, note, side)

    def update_goal(self, goal: Goal) -> None:
        """Save the group, kind, target, due date and note of an existing goal."""
        problem = validate_goal(goal.muscle_group, goal.kind, goal.target, goal.due)
        if problem:
            raise ValueError(problem)
        self._write(
            "UPDATE goals SET muscle_group=?, kind=?, target=?, due=?, note=?, side=? WHERE id=?",
            (
                goal.muscle_group,
                goal.kind.value,
                goal.target,
                goal.due.isoformat(),
                goal.note,
                _side_value(goal.side),
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
