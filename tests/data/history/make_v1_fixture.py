"""Write ``history-v1.sqlite3``: a history made by BackTimer's schema-1 code, through the
real store, so the migration tests open a file the released program wrote.

Run once with the release that writes schema 1 (it was: ``git show ad4a3bb``) and commit
the file beside this script; never re-run it with newer code (a newer store would write a
newer schema and the test would no longer prove anything)::

    PYTHONPATH=src python tests/data/history/make_v1_fixture.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from backtimer.core.history.goals import GoalKind
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import (
    HoldRecord,
    Outcome,
    PainChoice,
    PainRecord,
    PauseReason,
    PauseRecord,
)

HERE = Path(__file__).resolve().parent
OUT = HERE / "history-v1.sqlite3"
T0 = 1_750_000_000.0  #: 15 June 2025, 15:06:40 UTC
DAY = 86400.0


def _hold(at: float, ex: str, group: str, side: Side | None, held: float, ok: bool) -> HoldRecord:
    return HoldRecord(ex, group, side, 1, 30.0, held, False, ok, at, at + held)


def write(folder: Path) -> None:
    opened = HistoryStore.open(folder)
    store = opened.store
    assert store is not None, opened.message
    # Day 1: a completed session, both sides of two stretches.
    s1 = store.begin_session("gentle-back", "Gentle back routine", T0, gentle=False)
    store.add_hold(s1, _hold(T0 + 30, "hamstring", "hamstrings", Side.RIGHT, 30.0, True))
    store.add_hold(s1, _hold(T0 + 70, "hamstring", "hamstrings", Side.LEFT, 30.0, True))
    store.add_hold(s1, _hold(T0 + 110, "knee-hug", "lower_back", None, 25.0, True))
    store.add_pause(s1, PauseRecord(T0 + 150, 12.0, PauseReason.USER))
    store.finish_session(s1, Outcome.COMPLETED, T0 + 400)
    # Day 2: a pain stop, resolved as "gentler", then a second one that ended it.
    t = T0 + DAY
    s2 = store.begin_session("gentle-back", "Gentle back routine", t, gentle=True)
    store.add_hold(s2, _hold(t + 30, "hamstring", "hamstrings", Side.RIGHT, 18.5, False))
    stop = PainRecord(t + 48.5, "hold", "hamstring", "hamstrings", Side.RIGHT, 18.5)
    pid = store.add_pain(s2, stop)
    store.resolve_pain(
        pid,
        PainRecord(
            t + 48.5,
            "hold",
            "hamstring",
            "hamstrings",
            Side.RIGHT,
            18.5,
            5,
            "pulling",
            PainChoice.GENTLER,
        ),
    )
    store.add_pause(s2, PauseRecord(t + 48.5, 20.0, PauseReason.PAIN))
    store.add_hold(s2, _hold(t + 90, "piriformis", "piriformis", Side.LEFT, 9.0, False))
    pid = store.add_pain(s2, PainRecord(t + 99, "hold", "piriformis", "piriformis", Side.LEFT, 9.0))
    store.resolve_pain(
        pid,
        PainRecord(
            t + 99,
            "hold",
            "piriformis",
            "piriformis",
            Side.LEFT,
            9.0,
            7,
            "sharp, down the leg",
            PainChoice.END,
        ),
    )
    store.finish_session(s2, Outcome.ENDED_FOR_PAIN, t + 120)
    # Day 3: a session that never finished (the program died), and an unrated pain
    # event in a rest (no exercise, no side).
    t = T0 + 2 * DAY
    s3 = store.begin_session("gentle-back", "Gentle back routine", t, gentle=False)
    store.add_hold(s3, _hold(t + 30, "hamstring", "hamstrings", Side.RIGHT, 30.0, True))
    store.add_pain(s3, PainRecord(t + 65, "rest", None, None, None, 3.0))
    store.add_pause(s3, PauseRecord(t + 70, 400.0, PauseReason.STALL))
    # Goals: one open, one finished.
    store.add_goal("hamstrings", GoalKind.HOLD, 40, dt.date(2025, 7, 15), "physio: 40 s", T0)
    g = store.add_goal("piriformis", GoalKind.SESSIONS_PER_WEEK, 3, dt.date(2025, 6, 30), "", T0)
    store.finish_goal(g.id, T0 + 3 * DAY)
    store.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(folder)
        db = folder / "history.sqlite3"
        conn = sqlite3.connect(db)
        # One self-contained file (no WAL beside it) so git keeps all of it.
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.close()
        shutil.copyfile(db, OUT)
    print(f"wrote {OUT} (schema {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
