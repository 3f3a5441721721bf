"""The person's plan kept with the history: saved whole, read back equal, never a crash."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot, Weekday

from ..store_helpers import open_store

SCHEDULE = Schedule(
    slots=(Slot(dt.time(8, 0)), Slot(dt.time(11, 0), ("psoas",)), Slot(dt.time(19, 0))),
    days=frozenset({Weekday.MON, Weekday.WED}),
    start=dt.date(2026, 1, 5),
    end=dt.date(2026, 3, 31),
    pain_limit=3,
)
DAY1 = dt.datetime(2026, 3, 1, 12).timestamp()  # noon, local
PLAN = Plan(
    (
        PlanEntry("gentle-back", "Gentle back routine", SCHEDULE, since=dt.date(2026, 3, 1)),
        PlanEntry(
            "desk",
            "Desk",
            Schedule((Slot(dt.time(15, 30)),)),
            Path("/r/desk.yaml"),
            since=dt.date(2026, 3, 1),
        ),
    )
)


def strip_ids(plan: Plan) -> Plan:
    return Plan(
        tuple(
            PlanEntry(e.routine_id, e.routine_name, e.schedule, e.routine_path, since=e.since)
            for e in plan.entries
        )
    )


def test_a_saved_plan_reads_back_equal_after_reopening(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    assert store.plan() == Plan()
    store.save_plan(PLAN, DAY1)
    store.close()
    again = open_store(tmp_path)
    assert strip_ids(again.plan()) == PLAN
    assert all(e.id is not None for e in again.plan().entries)


def test_saving_replaces_the_whole_plan(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save_plan(PLAN)
    store.save_plan(PLAN.without("gentle-back"))
    assert [e.routine_id for e in store.plan().entries] == ["desk"]


def test_an_unreadable_entry_is_left_out_not_a_crash(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.save_plan(PLAN)
    store.close()
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:
        conn.execute("UPDATE plan_entries SET schedule = '{\"slots\": []}' WHERE routine_id='desk'")
    assert [e.routine_id for e in open_store(tmp_path).plan().entries] == ["gentle-back"]


def test_a_read_only_history_refuses_to_save_with_a_message(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    result = HistoryStore.open(tmp_path, read_only=True)
    assert result.store is not None
    with pytest.raises(StoreError, match="read-only"):
        result.store.save_plan(PLAN)
    assert result.store.plan() == Plan()


def test_a_routine_keeps_the_day_it_was_first_planned_across_saves(tmp_path: Path) -> None:
    """Planned on 1 March, edited on 10 March: still planned since 1 March; a routine
    added on 10 March is planned since 10 March."""
    store = open_store(tmp_path)
    first = Plan((PlanEntry("gentle-back", "Gentle back routine", SCHEDULE),))
    store.save_plan(first, DAY1)
    later = dt.datetime(2026, 3, 10, 12).timestamp()
    desk = PlanEntry("desk", "Desk", Schedule((Slot(dt.time(15, 30)),)))
    store.save_plan(first.with_entry(desk), later)
    since = {e.routine_id: e.since for e in store.plan().entries}
    assert since == {"gentle-back": dt.date(2026, 3, 1), "desk": dt.date(2026, 3, 10)}
