"""The person's plan, kept with the history (table ``plan_entries``).

``plan()`` never raises for a history without the table (a read-only file from before
the programme existed): the plan is then empty. An entry whose schedule cannot be read
is left out and logged, never a crash. Writes raise ``StoreError`` as every write does.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import time
from pathlib import Path

from backtimer.core.history.faults import StoreError, StoreFault, store_error
from backtimer.core.history.opening import HistoryFile
from backtimer.core.i18n import _
from backtimer.core.programme.codec import from_plain, to_plain
from backtimer.core.programme.plan import Plan, PlanEntry

log = logging.getLogger(__name__)

READ_ONLY_PLAN_MESSAGE = _("{path} is open read-only, so the plan could not be saved.")


class PlanRecords(HistoryFile):
    """The plan's reads and writes of a ``HistoryStore``."""

    def plan(self) -> Plan:
        try:
            rows = self._conn.execute(
                "SELECT id, routine_id, routine_name, routine_path, schedule, planned_since"
                " FROM plan_entries ORDER BY id"
            ).fetchall()
        except sqlite3.Error as error:
            log.info("no plan in %s: %s", self.path, error)
            return Plan()
        entries: list[PlanEntry] = []
        for row_id, routine_id, name, path, doc, since in rows:
            try:
                schedule = from_plain(json.loads(doc))
                first = dt.date.fromisoformat(since)
            except (ValueError, TypeError, AttributeError) as error:
                log.warning("plan entry %s left out: %s", routine_id, error)
                continue
            where = Path(path) if path else None
            entries.append(PlanEntry(routine_id, name, schedule, where, row_id, first))
        return Plan(tuple(entries))

    def save_plan(self, plan: Plan, at: float | None = None) -> None:
        """Make the stored plan ``plan``, in one transaction: all of it or none. A routine
        planned before keeps the date it was first planned; a new one is planned from
        the local date of ``at`` (default now), or its entry's own ``since``."""
        if self.read_only:
            message = READ_ONLY_PLAN_MESSAGE.format(path=self.path)
            raise StoreError(message, StoreFault.READ_ONLY)
        now = time.time() if at is None else at
        today = dt.datetime.fromtimestamp(now).date()
        earlier = {e.routine_id: e.since for e in self.plan().entries}
        try:
            with self._conn:
                self._conn.execute("BEGIN")
                self._conn.execute("DELETE FROM plan_entries")
                for e in plan.entries:
                    since = earlier.get(e.routine_id) or e.since or today
                    self._conn.execute(
                        "INSERT INTO plan_entries (routine_id, routine_name, routine_path,"
                        " schedule, planned_since, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            e.routine_id,
                            e.routine_name,
                            str(e.routine_path) if e.routine_path else None,
                            json.dumps(to_plain(e.schedule)),
                            since.isoformat(),
                            now,
                        ),
                    )
        except sqlite3.Error as error:
            log.warning("plan not saved: %s", error)
            raise store_error(error, self.path) from error
