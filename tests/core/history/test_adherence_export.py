"""Adherence in the export: a day row per planned routine and day, and JSON days/weeks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core.history.export import CSV_COLUMNS, write_csv, write_json
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot
from backtimer.core.session.record import HoldRecord, Outcome

from ..store_helpers import open_store


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def stamp(day: dt.date, hour: int) -> float:
    return dt.datetime.combine(day, dt.time(hour), dt.UTC).timestamp()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    """Twice a day planned since two days ago; one session yesterday, two today."""
    s = open_store(tmp_path)
    today = dt.date.today()
    two_ago = today - dt.timedelta(days=2)
    schedule = Schedule((Slot(dt.time(0, 0)), Slot(dt.time(0, 1))))
    s.save_plan(Plan((PlanEntry("gentle-back", "Gentle back", schedule),)), stamp(two_ago, 12))
    for day, hour in ((today - dt.timedelta(days=1), 9), (today, 0), (today, 0)):
        t = stamp(day, hour)
        sid = s.begin_session("gentle-back", "Gentle back", t, gentle=False)
        s.add_hold(sid, HoldRecord("psoas", "psoas", None, 1, 30, 30, False, True, t, t + 30))
        s.finish_session(sid, Outcome.COMPLETED, t + 60)
    yield s
    s.close()


def test_csv_ends_with_one_day_row_per_planned_day(store: HistoryStore) -> None:
    out = io.StringIO()
    write_csv(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0].keys()) == list(CSV_COLUMNS)
    days = [r for r in rows if r["record"] == "day"]
    today = dt.date.today()
    assert [(r["time"], r["routine"], r["planned_sessions"], r["done_sessions"]) for r in days] == [
        ((today - dt.timedelta(days=2)).isoformat(), "Gentle back", "2", "0"),
        ((today - dt.timedelta(days=1)).isoformat(), "Gentle back", "2", "1"),
        (today.isoformat(), "Gentle back", "2", "2"),
    ]
    assert all(r["planned_sessions"] == "" for r in rows if r["record"] != "day")


def test_json_has_the_plan_and_adherence_by_day_and_week(store: HistoryStore) -> None:
    out = io.StringIO()
    write_json(store, out, time.time())
    doc = json.loads(out.getvalue())
    assert doc["plan"][0]["routine_id"] == "gentle-back"
    assert doc["plan"][0]["schedule"]["slots"][0] == {"at": "00:00", "exercises": []}
    days = doc["adherence"]["days"]
    assert [(d["planned"], d["done"]) for d in days] == [(2, 0), (2, 1), (2, 2)]
    weeks = doc["adherence"]["weeks"]
    assert sum(w["planned"] for w in weeks) == 6
    assert sum(w["done"] for w in weeks) == 3
    assert all(dt.date.fromisoformat(w["week_of"]).weekday() == 0 for w in weeks)


def test_without_a_plan_there_are_no_day_rows(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    out = io.StringIO()
    write_csv(store, out)
    assert "\nday," not in out.getvalue()
    doc = io.StringIO()
    write_json(store, doc, time.time())
    assert json.loads(doc.getvalue())["adherence"] == {"days": [], "weeks": []}
