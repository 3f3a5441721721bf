"""The history store: one SQLite file, ``history.sqlite3`` in the data folder.

``HistoryStore`` is the one class callers use: the writes (``writes.py``), queries
(``queries.py``) and care records (``care_records.py``) over the one connection that
``opening.py`` opened and migrated.

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

from dataclasses import dataclass
from pathlib import Path

from backtimer.core.history.care_records import CareRecords
from backtimer.core.history.opening import open_history
from backtimer.core.history.plan_records import PlanRecords


@dataclass(frozen=True)
class OpenResult:
    store: HistoryStore | None
    message: str | None  #: what the person should know (damage moved aside, read-only, ...)


class HistoryStore(CareRecords, PlanRecords):
    """Sessions, holds, pain events, pauses and goals, the care records (check-ins,
    red-flag screens, care changes) and the person's plan. Use ``HistoryStore.open``."""

    @classmethod
    def open(cls, folder: Path, *, read_only: bool = False, now: float | None = None) -> OpenResult:
        """Open (creating if needed) the history in ``folder``; see the module contract.

        ``read_only`` opens without creating, repairing or writing anything (exports);
        a missing file then gives ``OpenResult(None, message)``.
        """
        opened = open_history(folder, read_only=read_only, now=now)
        if opened.conn is None:
            return OpenResult(None, opened.message)
        return OpenResult(cls(opened.conn, opened.path, opened.read_only), opened.message)
