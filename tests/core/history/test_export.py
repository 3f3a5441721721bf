"""CSV and JSON exports: the documented columns, every record, readable back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from backtimer.core.history import export
from backtimer.core.history.export import CSV_COLUMNS, write_csv, write_json
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import Outcome, PainChoice, PauseReason, PauseRecord

from ..store_helpers import T0, hold, pain


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    result = HistoryStore.open(tmp_path)
    assert result.store is not None
    s = result.store
    sid = s.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    s.add_hold(sid, hold(T0 + 10, 30.0, side=Side.RIGHT))
    s.add_pause(sid, PauseRecord(T0 + 45, 12.0, PauseReason.USER))
    s.add_hold(sid, hold(T0 + 60, 17.25, side=Side.LEFT, completed=False))
    pid = s.add_pain(sid, pain(T0 + 77))
    s.resolve_pain(pid, pain(T0 + 77, rating=7, note='sharp, "behind" knee', choice=PainChoice.END))
    s.finish_session(sid, Outcome.ENDED_FOR_PAIN, T0 + 80)
    s.begin_session("gentle-back", "Gentle back", T0 + 86400, gentle=True)  # killed
    return s


def exported_csv(store: HistoryStore) -> tuple[str, int]:
    """The CSV ``write_csv`` writes, and the number of data rows it says it wrote."""
    out = io.StringIO()
    rows = write_csv(store, out)
    return out.getvalue(), rows


def exported_json(store: HistoryStore) -> tuple[dict[str, Any], int]:
    """The document ``write_json`` writes, and the number of sessions it says it wrote."""
    out = io.StringIO()
    sessions = write_json(store, out, now=T0)
    return json.loads(out.getvalue()), sessions


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_documented_column_is_in_the_docstring() -> None:
    """The module docstring (the user's documentation) lists every CSV column."""
    for column in CSV_COLUMNS:
        assert f"``{column}``" in (export.__doc__ or "")


def test_csv_has_one_row_per_record_in_order(store: HistoryStore) -> None:
    """Session, hold, pause, hold, pain, then the interrupted session, with their values."""
    text, written = exported_csv(store)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = read_csv(text)
    assert written == len(rows)
    assert [r["record"] for r in rows] == ["session", "hold", "pause", "hold", "pain", "session"]
    cut = rows[3]
    assert (cut["side"], cut["held_s"], cut["completed"], cut["planned_s"]) == (
        "left",
        "17.2",
        "no",
        "30.0",
    )
    hurt = rows[4]
    assert (hurt["pain_rating"], hurt["pain_choice"], hurt["note"], hurt["exercise"]) == (
        "7",
        "end",
        'sharp, "behind" knee',
        "hamstring",
    )
    assert rows[0]["outcome"] == "ended_for_pain"
    assert (rows[5]["outcome"], rows[5]["session_end"], rows[5]["gentle"]) == (
        "interrupted",
        "",
        "yes",
    )


def test_json_nests_records_in_sessions(store: HistoryStore) -> None:
    """JSON has each session with its holds, pains and pauses as numbers and nulls."""
    doc, written = exported_json(store)
    assert written == 2
    assert doc["format"] == "backtimer-history"
    first, second = doc["sessions"]
    assert [h["held_s"] for h in first["holds"]] == [30.0, 17.2]
    assert first["pains"][0]["rating"] == 7
    assert first["pauses"][0]["seconds"] == 12.0
    assert (second["outcome"], second["ended_at"], second["holds"]) == ("interrupted", None, [])


def test_a_session_ended_by_the_system_exports_its_outcome(tmp_path: Path) -> None:
    """A session stopped by a signal or logout reads ``ended_by_system`` in CSV and JSON,
    with its end time and holds, unlike a killed (interrupted) one."""
    s = HistoryStore.open(tmp_path).store
    assert s is not None
    sid = s.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    s.add_hold(sid, hold(T0 + 10, 30.0))
    s.finish_session(sid, Outcome.ENDED_BY_SYSTEM, T0 + 50)
    text, written = exported_csv(s)
    rows = read_csv(text)
    assert written == len(rows)
    assert [(r["record"], r["outcome"]) for r in rows] == [
        ("session", "ended_by_system"),
        ("hold", "ended_by_system"),
    ]
    assert rows[0]["session_end"] != ""
    doc, written = exported_json(s)
    (session,) = doc["sessions"]
    assert written == 1
    assert (session["outcome"], len(session["holds"])) == ("ended_by_system", 1)
