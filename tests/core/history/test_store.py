"""The history store with a real SQLite file: what is written is there, in order."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from backtimer.core.history.faults import StoreError
from backtimer.core.history.opening import DB_NAME
from backtimer.core.history.recorder import SessionRecorder
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.events import (
    HoldRecorded,
    PainResolved,
    PainStopped,
    PauseRecorded,
    SessionFinished,
    SessionStarted,
)
from backtimer.core.session.record import Outcome, PainChoice, PauseReason, PauseRecord

from ..store_helpers import ROUTINE, T0, hold, open_store, pain


def test_new_history_is_private_to_its_owner(tmp_path: Path) -> None:
    """A fresh data folder is 0700 and the database file 0600."""
    folder = tmp_path / "data" / "backtimer"
    result = HistoryStore.open(folder)
    assert result.store is not None
    assert result.message is None
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / DB_NAME).stat().st_mode) == 0o600


def test_session_round_trip(tmp_path: Path) -> None:
    """Holds, pain (with its later rating and choice), pauses and the outcome read back."""
    store = open_store(tmp_path)
    sid = store.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    store.add_hold(sid, hold(T0 + 10, side=Side.RIGHT))
    store.add_hold(sid, hold(T0 + 50, 12.5, side=Side.LEFT, completed=False))
    pid = store.add_pain(sid, pain(T0 + 62))
    store.resolve_pain(pid, pain(T0 + 62, rating=6, note="sharp, knee", choice=PainChoice.GENTLER))
    store.finish_session(sid, Outcome.COMPLETED, T0 + 300)
    store.close()

    store = open_store(tmp_path)
    (session,) = store.sessions()
    assert (session.outcome, session.ended_at, session.holds, session.pains) == (
        Outcome.COMPLETED,
        T0 + 300,
        2,
        1,
    )
    assert [h.hold for h in store.holds(sid)] == [
        hold(T0 + 10, side=Side.RIGHT),
        hold(T0 + 50, 12.5, side=Side.LEFT, completed=False),
    ]
    (stored,) = store.pains(sid)
    assert stored.pain == pain(T0 + 62, rating=6, note="sharp, knee", choice=PainChoice.GENTLER)


def test_session_never_finished_reads_as_interrupted(tmp_path: Path) -> None:
    """A session the program never closed is shown as interrupted, holds kept."""
    store = open_store(tmp_path)
    sid = store.begin_session("gentle-back", "Gentle back", T0, gentle=True)
    store.add_hold(sid, hold(T0))
    store.close()
    (session,) = open_store(tmp_path).sessions()
    assert session.outcome is Outcome.INTERRUPTED
    assert session.ended_at is None
    assert session.holds == 1


def test_recorder_writes_engine_events(tmp_path: Path) -> None:
    """The recorder turns a stream of engine events into one session with its records."""
    store = open_store(tmp_path)
    clock = iter([T0 + 400]).__next__  # wall time at the end
    rec = SessionRecorder(store, ROUTINE, wall_clock=clock)
    rec.handle(SessionStarted(at=5.0, started_at=T0, routine_id="gentle-back", gentle=False))
    rec.handle(HoldRecorded(hold(T0 + 20)))
    rec.handle(PainStopped(pain(T0 + 60)))
    rec.handle(PainResolved(pain(T0 + 60, rating=3, choice=PainChoice.RESUME)))
    rec.handle(PauseRecorded(PauseRecord(T0 + 100, 20.0, PauseReason.USER)))
    rec.handle(SessionFinished(Outcome.ENDED_FOR_PAIN, at=300.0))

    (session,) = store.sessions()
    assert (session.started_at, session.outcome, session.ended_at) == (
        T0,
        Outcome.ENDED_FOR_PAIN,
        T0 + 400,
    )
    assert [p.pain.rating for p in store.pains()] == [3]
    assert [(p.pause.at, p.pause.seconds) for p in store.pauses()] == [(T0 + 100, 20.0)]
    assert len(store.holds()) == 1


def test_recent_pain_exercises_looks_back_the_given_days(tmp_path: Path) -> None:
    """Adaptive start: only stretches with pain within the window are offered gentle."""
    store = open_store(tmp_path)
    sid = store.begin_session("r", "R", T0, gentle=False)
    store.add_pain(sid, pain(T0 - 20 * 86400, exercise="piriformis"))
    store.add_pain(sid, pain(T0 - 3 * 86400, exercise="hamstring"))
    assert store.recent_pain_exercises(days=14, now=T0) == frozenset({"hamstring"})


def test_read_only_store_refuses_writes_with_a_message(tmp_path: Path) -> None:
    """A history opened read-only raises StoreError naming the file, not sqlite3 errors."""
    open_store(tmp_path).close()
    result = HistoryStore.open(tmp_path, read_only=True)
    assert result.store is not None
    with pytest.raises(StoreError, match=DB_NAME):
        result.store.begin_session("r", "R", T0, gentle=False)


def test_migrations_leave_a_versioned_schema(tmp_path: Path) -> None:
    """Opening twice keeps the data and the schema version (migrations run once)."""
    store = open_store(tmp_path)
    store.begin_session("r", "R", T0, gentle=False)
    store.close()
    store = open_store(tmp_path)
    assert len(store.sessions()) == 1
    assert store._conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
