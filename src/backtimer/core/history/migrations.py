"""The history database's schema, as numbered migrations (``PRAGMA user_version``).

Migration ``n`` (1-based) brings a database from version ``n-1`` to ``n``. Never edit a
released migration: add the next one. Times are wall-clock seconds since the epoch
(REAL); enum values are stored as their ``.value`` strings; sides as "right"/"left"/NULL.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL,
        outcome TEXT NOT NULL DEFAULT 'interrupted',
        gentle INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_by_start ON sessions(started_at);
    CREATE TABLE holds (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        exercise_id TEXT NOT NULL,
        muscle_group TEXT NOT NULL,
        side TEXT,
        rep INTEGER NOT NULL,
        planned REAL NOT NULL,
        held REAL NOT NULL,
        gentle INTEGER NOT NULL,
        completed INTEGER NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL NOT NULL
    );
    CREATE INDEX holds_by_session ON holds(session_id);
    CREATE INDEX holds_by_group ON holds(muscle_group, started_at);
    CREATE TABLE pains (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        at REAL NOT NULL,
        phase TEXT NOT NULL,
        exercise_id TEXT,
        muscle_group TEXT,
        side TEXT,
        held REAL NOT NULL,
        rating INTEGER,
        note TEXT NOT NULL DEFAULT '',
        choice TEXT
    );
    CREATE INDEX pains_by_session ON pains(session_id);
    CREATE INDEX pains_by_time ON pains(at);
    CREATE TABLE pauses (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        at REAL NOT NULL,
        seconds REAL NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE INDEX pauses_by_session ON pauses(session_id);
    CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        muscle_group TEXT NOT NULL,
        kind TEXT NOT NULL,
        target REAL NOT NULL,
        due TEXT NOT NULL,
        created_at REAL NOT NULL,
        finished_at REAL,
        note TEXT NOT NULL DEFAULT ''
    );
    """,
    # The person's plan (core/programme/plan.py): one row per planned routine; the
    # schedule is JSON as core/programme/codec.py writes it; planned_since is the local
    # date (YYYY-MM-DD) the routine was first planned, from which adherence counts.
    """
    CREATE TABLE plan_entries (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL UNIQUE,
        routine_name TEXT NOT NULL,
        routine_path TEXT,
        schedule TEXT NOT NULL,
        planned_since TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    """,
    # Pain-aware care (issue 15): where it hurts, check-ins, red-flag screens, the changes
    # the care rules made, and goals for one side. Old rows stay valid: every new column
    # is NULL for them (region unknown; a goal without a side is for both sides).
    """
    ALTER TABLE pains ADD COLUMN region TEXT;
    ALTER TABLE pains ADD COLUMN body_side TEXT;
    ALTER TABLE goals ADD COLUMN side TEXT;
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        at REAL NOT NULL,
        kind TEXT NOT NULL,
        rating INTEGER NOT NULL
    );
    CREATE INDEX checkins_by_time ON checkins(at);
    CREATE INDEX checkins_by_session ON checkins(session_id);
    CREATE TABLE red_flag_screens (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        origin TEXT NOT NULL,
        answers TEXT NOT NULL,
        any_yes INTEGER NOT NULL
    );
    CREATE TABLE care_changes (
        id INTEGER PRIMARY KEY,
        made_at REAL NOT NULL,
        day TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount REAL NOT NULL,
        reason TEXT NOT NULL,
        automatic INTEGER NOT NULL,
        source_session INTEGER,
        status TEXT NOT NULL,
        decided_at REAL
    );
    CREATE INDEX care_changes_by_exercise ON care_changes(exercise_id, made_at);
    CREATE INDEX pains_by_exercise ON pains(exercise_id, session_id);
    """,
    # A care change's reason as a code with its values (JSON, core/care/reasons.py), so
    # the history says it in the language in use; ``reason`` keeps the sentence as said
    # then (older rows have only that: NULL here, shown as stored).
    """
    ALTER TABLE care_changes ADD COLUMN reason_code TEXT;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version the database at ``conn`` is at (0: empty)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> bool:
    """Bring the schema up to date; True if the file is newer than this program (then
    nothing is changed)."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        return True
    for number in range(version + 1, SCHEMA_VERSION + 1):
        # One transaction per migration, version bump included: all or nothing.
        script = MIGRATIONS[number - 1]
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")
    return False
