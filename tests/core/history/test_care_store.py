"""A history written by the schema-1 release opens, migrates and keeps all of it; the
care records (sites, check-ins, red flags, care changes, side goals) read back."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from backtimer.core.care.body import BodyRegion, BodySide, PainSite
from backtimer.core.care.changes import ChangeKind, ChangeStatus, Proposal
from backtimer.core.care.checkins import CheckIn, CheckInKind
from backtimer.core.care.red_flags import RedFlag
from backtimer.core.history.goals import GoalKind
from backtimer.core.history.migrations import SCHEMA_VERSION, user_version
from backtimer.core.history.opening import DB_NAME
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import Outcome, PainChoice

from ..store_helpers import T0, open_store, pain

FIXTURE = Path(__file__).parents[2] / "data" / "history" / "history-v1.sqlite3"


def _v1_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DB_NAME
    shutil.copyfile(FIXTURE, target)
    return target


def _table_rows(path: Path, table: str, columns: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def test_the_fixture_was_written_by_schema_1() -> None:
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    try:
        assert user_version(conn) == 1
    finally:
        conn.close()


def test_a_v1_history_migrates_and_keeps_every_row(tmp_path: Path) -> None:
    """Every session, hold, pause, pain event and goal of the old file is there after the
    migration, as it was, with the new fields empty."""
    path = _v1_copy(tmp_path)
    old = {t: _table_rows(path, t, "*") for t in ("sessions", "holds", "pains", "pauses", "goals")}
    store = open_store(tmp_path)
    assert user_version(store._conn) == SCHEMA_VERSION
    sessions = store.sessions()
    assert [s.outcome for s in sessions] == [
        Outcome.COMPLETED,
        Outcome.ENDED_FOR_PAIN,
        Outcome.INTERRUPTED,
    ]
    assert [(s.holds, s.pains) for s in sessions] == [(3, 0), (2, 2), (1, 1)]
    pains = store.pains()
    assert [(p.pain.rating, p.pain.choice, p.pain.note) for p in pains] == [
        (5, PainChoice.GENTLER, "pulling"),
        (7, PainChoice.END, "sharp, down the leg"),
        (None, None, ""),
    ]
    assert all(p.pain.site is None for p in pains)
    goals = store.goals()
    assert [(g.describe(), g.side, g.finished) for g in goals] == [
        ("Hamstrings: hold 40 s on both sides without pain", None, False),
        ("Piriformis: 3 sessions a week", None, True),
    ]
    assert store.checkins() == []
    assert store.care_changes() == []
    store.close()
    for table, rows in old.items():
        width = len(rows[0])
        new = _table_rows(path, table, "*")
        assert [r[:width] for r in new] == rows, table


def test_a_v1_history_exported_read_only_is_not_written(tmp_path: Path) -> None:
    """An export of an old file (read-only) sees the new schema but leaves the file as it was."""
    path = _v1_copy(tmp_path)
    before = path.read_bytes()
    result = HistoryStore.open(tmp_path, read_only=True)
    assert result.store is not None, result.message
    assert [p.pain.site for p in result.store.pains()] == [None, None, None]
    assert len(list(result.store.export_rows())) > 0
    result.store.close()
    assert path.read_bytes() == before


def test_care_records_round_trip(tmp_path: Path) -> None:
    """A pain site, check-ins, a red-flag screen, care changes and a one-side goal read back."""
    store = open_store(tmp_path)
    sid = store.begin_session("r", "R", T0, gentle=False)
    site = PainSite(BodyRegion.BELOW_KNEE, BodySide.LEFT)
    pid = store.add_pain(sid, pain(T0 + 5))
    store.resolve_pain(pid, replace(pain(T0 + 5, rating=6, choice=PainChoice.SKIP), site=site))
    store.add_checkin(CheckIn(T0 - 10, CheckInKind.BEFORE, 2, sid))
    store.add_checkin(CheckIn(T0 + 600, CheckInKind.AFTER, 5, sid))
    store.add_red_flag_screen(T0, "first_run", {RedFlag.BOTH_LEGS: False, RedFlag.WEAKNESS: True})
    shorter = Proposal("hamstring", ChangeKind.SHORTER_HOLD, 5, "why", True, sid)
    longer = Proposal("hamstring", ChangeKind.LONGER_HOLD, 5, "calm", False, sid)
    made = store.add_care_change(shorter, T0 + 700, dt.date(2025, 6, 15))
    store.add_care_change(longer, T0 + 701, dt.date(2025, 6, 15))
    store.set_change_status(made.id, ChangeStatus.UNDONE, T0 + 800)
    store.add_goal("hamstrings", GoalKind.HOLD, 30, dt.date(2025, 7, 1), side=Side.LEFT)
    store.close()

    store = open_store(tmp_path)
    assert store.pains()[0].pain.site == site
    assert store.session_checkins(sid) == {CheckInKind.BEFORE: 2, CheckInKind.AFTER: 5}
    (screen,) = store.red_flag_screens()
    assert screen.any_yes
    assert screen.answers == {RedFlag.BOTH_LEGS: False, RedFlag.WEAKNESS: True}
    changes = store.care_changes()
    assert [(c.proposal, c.status) for c in changes] == [
        (shorter, ChangeStatus.UNDONE),
        (longer, ChangeStatus.OFFERED),
    ]
    (goal,) = store.goals()
    assert goal.side is Side.LEFT
    assert goal.describe() == "Hamstrings: hold 30 s on the left side without pain"


def test_charts_get_both_sides_of_a_muscle_group(tmp_path: Path) -> None:
    """The longest hold per day comes per side, so a chart can show an asymmetry."""
    from backtimer.core.history.stats import buckets

    from ..store_helpers import hold

    store = open_store(tmp_path)
    sid = store.begin_session("r", "R", T0, gentle=False)
    store.add_hold(sid, hold(T0, 30.0, side=Side.RIGHT))
    store.add_hold(sid, hold(T0 + 40, 18.0, side=Side.LEFT))
    store.add_hold(sid, hold(T0 + 80, 22.0, side=Side.LEFT))
    store.add_hold(sid, hold(T0 + 120, 40.0, side=None, exercise="knee", group="lower_back"))
    day = dt.datetime.fromtimestamp(T0).date()
    sides = store.daily_side_longest()
    assert sorted(sides) == [
        (day.isoformat(), "hamstrings", "left", 22.0),
        (day.isoformat(), "hamstrings", "right", 30.0),
    ]
    (bucket,) = buckets(store.daily_totals(), [], "hamstrings", day, day, "day", sides)
    assert (bucket.longest, bucket.longest_right, bucket.longest_left) == (30.0, 30.0, 22.0)


def test_exports_carry_the_care_fields(tmp_path: Path) -> None:
    """CSV: where it hurt on pain rows, a row per check-in; JSON: sites, check-ins, goal
    sides, care changes and red-flag screens."""
    import csv
    import io
    import json

    from backtimer.core.history.export import write_csv, write_json

    store = open_store(tmp_path)
    sid = store.begin_session("r", "R", T0, gentle=False)
    site = PainSite(BodyRegion.THIGH, BodySide.BOTH)
    pid = store.add_pain(sid, pain(T0 + 5))
    store.resolve_pain(pid, replace(pain(T0 + 5, rating=4), site=site))
    store.add_checkin(CheckIn(T0 + 600, CheckInKind.AFTER, 5, sid))
    store.add_care_change(
        Proposal("hamstring", ChangeKind.SHORTER_HOLD, 5, "why", True, sid),
        T0 + 700,
        dt.date(2025, 6, 15),
    )
    store.add_red_flag_screen(T0, "first_run", {RedFlag.BOTH_LEGS: True})
    store.add_goal("hamstrings", GoalKind.HOLD, 30, dt.date(2025, 7, 1), side=Side.RIGHT)

    text = io.StringIO()
    write_csv(store, text)
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    (pain_row,) = [r for r in rows if r["record"] == "pain"]
    assert (pain_row["pain_region"], pain_row["pain_body_side"]) == ("thigh", "both")
    (checkin_row,) = [r for r in rows if r["record"] == "checkin"]
    assert (checkin_row["pain_phase"], checkin_row["pain_rating"]) == ("after", "5")

    out = io.StringIO()
    write_json(store, out, T0 + 1000)
    doc = json.loads(out.getvalue())
    (session,) = doc["sessions"]
    assert (session["pains"][0]["region"], session["pains"][0]["body_side"]) == ("thigh", "both")
    assert session["checkins"] == [
        {"time": session["checkins"][0]["time"], "kind": "after", "rating": 5}
    ]
    assert doc["goals"][0]["side"] == "right"
    assert doc["care_changes"][0]["kind"] == "shorter_hold"
    assert doc["care_changes"][0]["status"] == "applied"
    assert doc["red_flag_screens"][0]["answers"] == {"both_legs": True}
    assert doc["red_flag_screens"][0]["any_yes"] is True
