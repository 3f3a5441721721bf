"""Opening the history file: a private file, WAL, an integrity check, migrations.

``open_history`` never raises for damage, permissions or a full disk: what it could not
do is said in ``Opened.message``. A damaged file is moved aside (renamed with its WAL
and shared-memory files, never deleted) and a fresh one started. A file written by a
newer BackTimer, or one in a folder that cannot be written, is opened read-only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.history.faults import explain
from backtimer.core.history.migrations import SCHEMA_VERSION, migrate, user_version
from backtimer.core.i18n import _

log = logging.getLogger(__name__)

DB_NAME = "history.sqlite3"

# What the person reads; {problem} is a sentence saying what went wrong.
NOT_SAVED = _("{problem} Sessions will not be saved.")
DAMAGED_NOT_MOVED = _(
    "The history file {path} is damaged ({problem}) and could not be moved aside: "
    "{error}. Sessions will not be saved."
)
DAMAGED_MOVED = _(
    "The history file was damaged ({problem}). It was kept as {moved} and a fresh "
    "history was started in {path}."
)
FOLDER_READ_ONLY = _(
    "The data folder {folder} is read-only, so sessions will not be saved. Make it "
    "writable or start BackTimer with --data-dir pointing elsewhere."
)
FOLDER_READ_ONLY_SHOWN = _(
    "The data folder {folder} is read-only: your history is shown, but new sessions will "
    "not be saved. Make it writable or use --data-dir."
)
NO_HISTORY_YET = _("There is no history yet in {folder}.")
NEWER_FILE = _(
    "{path} was written by a newer BackTimer: it is shown read-only and new sessions will "
    "not be saved there."
)
_SIDECARS = ("-wal", "-shm")


class HistoryFile:
    """An open history file: the one connection its writes and queries share."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


@dataclass(frozen=True)
class Opened:
    """What opening the history in a folder gave."""

    conn: sqlite3.Connection | None  #: None when the history cannot be used at all
    path: Path
    read_only: bool
    message: str | None  #: what the person should know (damage moved aside, read-only, ...)


def open_history(folder: Path, *, read_only: bool = False, now: float | None = None) -> Opened:
    """Open (creating if needed) the history in ``folder``; see the module docstring.

    ``read_only`` opens without creating, repairing or writing anything (exports); a
    missing file then gives no connection and a message. ``now`` (wall clock) dates the
    name a damaged file is kept under.
    """
    path = folder / DB_NAME
    if read_only:
        return _open_read_only(path)
    try:
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
        elif not os.access(folder, os.W_OK):
            return _read_only_folder(path)
    except OSError as error:
        return Opened(None, path, False, NOT_SAVED.format(problem=explain(error, folder)))
    message = None
    if path.exists():
        problem = _check(path)
        if problem is not None:
            try:
                moved = _move_aside(path, time.time() if now is None else now)
            except OSError as error:
                return Opened(
                    None,
                    path,
                    False,
                    DAMAGED_NOT_MOVED.format(path=path, problem=problem, error=error.strerror),
                )
            log.warning("damaged history %s moved to %s: %s", path, moved, problem)
            message = DAMAGED_MOVED.format(problem=problem, moved=moved, path=path)
    try:
        if not path.exists():
            _create_private_file(path)
        os.chmod(path, 0o600)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=2000")
        too_new = migrate(conn)
    except (OSError, sqlite3.Error) as error:
        return Opened(None, path, False, NOT_SAVED.format(problem=explain(error, path)))
    if too_new:
        conn.close()
        return _open_read_only(path, newer=True)
    return Opened(conn, path, False, message)


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


def _read_only_folder(path: Path) -> Opened:
    folder = path.parent
    if not path.exists():
        return Opened(
            None,
            path,
            True,
            FOLDER_READ_ONLY.format(folder=folder),
        )
    opened = _open_read_only(path)
    if opened.conn is None:
        return opened
    return Opened(
        opened.conn,
        path,
        True,
        FOLDER_READ_ONLY_SHOWN.format(folder=folder),
    )


def _open_read_only(path: Path, newer: bool = False) -> Opened:
    if not path.exists():
        return Opened(None, path, True, NO_HISTORY_YET.format(folder=path.parent))
    try:
        conn, version = _connect_read_only(path, "mode=ro")
    except sqlite3.Error:
        try:
            # Where the WAL's shared-memory file cannot be created (a read-only
            # folder), immutable=1 still reads what was checkpointed into the file.
            conn, version = _connect_read_only(path, "mode=ro&immutable=1")
        except sqlite3.Error as error:
            return Opened(None, path, True, explain(error, path))
    if newer or version > SCHEMA_VERSION:
        return Opened(
            conn,
            path,
            True,
            NEWER_FILE.format(path=path),
        )
    if version < SCHEMA_VERSION:
        conn = _migrated_copy(conn)
    return Opened(conn, path, True, None)


def _migrated_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """A file written by an older BackTimer, read without writing it: an in-memory copy,
    migrated, so every query sees the current schema (new fields empty)."""
    copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.backup(copy)
    conn.close()
    migrate(copy)
    return copy


def _connect_read_only(path: Path, query: str) -> tuple[sqlite3.Connection, int]:
    uri = f"{path.resolve().as_uri()}?{query}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        version = user_version(conn)
        conn.execute("SELECT count(*) FROM sessions").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn, version
