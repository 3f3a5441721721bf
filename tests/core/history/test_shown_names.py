"""Names in the history follow the language in use: a shipped routine's session stored in
German reads in Spanish after the switch, in the exports too; the person's own names
stay as typed; shipped exercises are named, not shown by their id."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core import i18n
from backtimer.core.history.export import write_csv, write_json
from backtimer.core.history.shown_names import exercise_names, read_shipped, routine_name
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot
from backtimer.core.session.record import Outcome

from ..store_helpers import T0, hold, open_store

GERMAN = "Sanfte Rückenroutine"  #: the shipped "Gentle back routine", as de's catalog says
SPANISH = "Rutina suave para la espalda"


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.use_language("es")
    yield
    i18n.use_language("en")


def test_a_shipped_routine_reads_in_the_language_in_use(spanish: None) -> None:
    """Stored in German or English when the session ran, shown in Spanish now."""
    assert routine_name("gentle-back", GERMAN) == SPANISH
    assert routine_name("gentle-back", "Gentle back routine") == SPANISH
    assert routine_name("gentle-back", SPANISH) == SPANISH


def test_the_persons_own_names_stay_as_typed(spanish: None) -> None:
    """A shipped routine renamed, or the shipped name on the person's own routine id:
    shown as stored."""
    assert routine_name("gentle-back", "Mi espalda") == "Mi espalda"
    assert routine_name("my-routine", GERMAN) == GERMAN
    assert routine_name("my-routine", "Gentle back routine") == "Gentle back routine"


def test_shipped_exercises_are_named_in_the_language_and_the_routine_names_win(
    spanish: None,
) -> None:
    names = exercise_names({"hamstring": "Mis isquiotibiales"})
    assert names["knee-to-chest"] == "Rodilla al pecho"  # a library exercise
    assert names["pelvic-tilt"] == "Basculaciones pélvicas"  # a routine's own name first
    assert names["hamstring"] == "Mis isquiotibiales"  # the routine in use says so
    assert "my-own-stretch" not in names


def test_english_needs_no_catalog() -> None:
    assert routine_name("gentle-back", GERMAN) == "Gentle back routine"
    assert exercise_names()["knee-to-chest"] == "Knee to chest"


def test_a_shipped_file_that_does_not_read_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(
        "id: r\nname: R\nexercises:\n  - {id: e, name: E}\n", encoding="utf-8"
    )
    names = read_shipped([tmp_path / "broken.yaml", tmp_path / "r.yaml", tmp_path / "gone"])
    assert (dict(names.routines), dict(names.exercises)) == ({"r": "R"}, {"e": "E"})


def _store(folder: Path) -> HistoryStore:
    store = open_store(folder)
    for n, (routine_id, name) in enumerate(
        (("gentle-back", GERMAN), ("gentle-back", "Gentle back routine"), ("mine", "Mi rutina"))
    ):
        sid = store.begin_session(routine_id, name, T0 + n * 86400, gentle=False)
        store.add_hold(sid, hold(T0 + n * 86400 + 10))
        store.finish_session(sid, Outcome.COMPLETED, T0 + n * 86400 + 60)
    return store


def test_the_exports_name_shipped_routines_in_the_language_in_use(
    tmp_path: Path, spanish: None
) -> None:
    """CSV and JSON: one routine has one name, the export's language; own names as typed."""
    store = _store(tmp_path)
    out = io.StringIO()
    write_csv(store, out)
    rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["record"] == "session"]
    assert [r["routine"] for r in rows] == [SPANISH, SPANISH, "Mi rutina"]
    out = io.StringIO()
    write_json(store, out, T0 + 4 * 86400)
    sessions = json.loads(out.getvalue())["sessions"]
    assert [(s["routine_id"], s["routine"]) for s in sessions] == [
        ("gentle-back", SPANISH),
        ("gentle-back", SPANISH),
        ("mine", "Mi rutina"),
    ]
    store.close()


def test_the_stored_rows_are_not_rewritten(tmp_path: Path, spanish: None) -> None:
    store = _store(tmp_path)
    write_csv(store, io.StringIO())
    stored = [s.routine_name for s in store.sessions()]
    assert stored == [GERMAN, "Gentle back routine", "Mi rutina"]
    store.close()


def test_the_plan_in_the_export_names_shipped_routines_in_the_language_in_use(
    tmp_path: Path, spanish: None
) -> None:
    """The plan keeps the name it was saved with; the day rows and ``plan`` say Spanish."""
    store = open_store(tmp_path)
    every_day = Schedule((Slot(dt.time(0, 0)),))
    plan = Plan((PlanEntry("gentle-back", GERMAN, every_day), PlanEntry("mine", "Mía", every_day)))
    store.save_plan(plan, time.time())
    out = io.StringIO()
    write_csv(store, out)
    days = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["record"] == "day"]
    assert {r["routine"] for r in days} == {SPANISH, "Mía"}
    out = io.StringIO()
    write_json(store, out, time.time())
    planned = json.loads(out.getvalue())["plan"]
    assert [p["routine"] for p in planned] == [SPANISH, "Mía"]
    store.close()
