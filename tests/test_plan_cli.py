"""``backtimer plan``: a day's planned sessions and which are done, without a window."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import backtimer
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Schedule, Slot
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.plan_cli import run_plan

DATA = Path(__file__).parent / "data" / "routines"
BERLIN = ZoneInfo("Europe/Berlin")


def at(day: dt.date, hour: int, minute: int = 0) -> float:
    return dt.datetime.combine(day, dt.time(hour, minute), BERLIN).timestamp()


@pytest.fixture
def berlin_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def run_child(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python ARGS --data-dir DATA`` in a fresh process, in Berlin, with no settings."""
    return subprocess.run(
        [sys.executable, *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env={
            "PYTHONPATH": str(Path(backtimer.__file__).parents[1]),
            "TZ": "Europe/Berlin",
            "HOME": str(data),
        },
        timeout=60,
        check=False,
    )


def record_session(folder: Path, started: float, holds: int = 1) -> None:
    store = HistoryStore.open(folder).store
    assert store is not None
    sid = store.begin_session("gentle-back", "Gentle back routine", started, gentle=False)
    for i in range(holds):
        t = started + 30 * i
        store.add_hold(sid, HoldRecord("psoas", "psoas", None, 1, 30, 30, False, True, t, t + 30))
    store.finish_session(sid, Outcome.COMPLETED, started + 300)
    store.close()


def test_without_a_plan_the_builtin_suggestion_is_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], berlin_clock: None
) -> None:
    """No plan yet: the built-in routine's three sessions, the micro-session named."""
    assert run_plan(["--date", "2026-03-29", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "Planned for Sunday 2026-03-29:",
        "  08:00  Gentle back routine",
        "  11:00  Gentle back routine: Psoas stretch (kneeling lunge)",
        "  19:00  Gentle back routine",
        "0 of 3 done",
    ]


def test_a_session_done_that_day_marks_the_first_planned_one_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], berlin_clock: None
) -> None:
    day = dt.date(2026, 10, 25)  # the day clocks go back: 08:10 is still that day's
    record_session(tmp_path, at(day, 8, 10))
    record_session(tmp_path, at(day, 9, 0), holds=0)  # started, nothing held: not counted
    assert (
        run_plan(["--date", day.isoformat(), "--data-dir", str(tmp_path), "--format", "json"]) == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert (doc["planned"], doc["done"]) == (3, 1)
    assert [(s["time"], s["done"]) for s in doc["sessions"]] == [
        ("08:00", True),
        ("11:00", False),
        ("19:00", False),
    ]
    assert doc["sessions"][0]["at"] == "2026-10-25T08:00:00+01:00"


def test_the_persons_plan_and_a_routine_files_schedule_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], berlin_clock: None
) -> None:
    """The stored plan replaces the suggestion; --routine adds that file's weekday times."""
    store = HistoryStore.open(tmp_path).store
    assert store is not None
    schedule = Schedule((Slot(dt.time(7, 30)),))
    planned = at(dt.date(2026, 3, 1), 12)
    store.save_plan(Plan((PlanEntry("gentle-back", "Gentle back routine", schedule),)), planned)
    store.close()
    routine = DATA / "good-schedule.yaml"
    args = ["--date", "2026-03-30", "--data-dir", str(tmp_path), "--routine", str(routine)]
    assert run_plan(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == ["  07:30  Gentle back routine", "  09:00  Scheduled routine"]
    assert lines[-1] == "0 of 6 done"
    assert run_plan(["--date", "2026-03-28", "--data-dir", str(tmp_path)]) == 0  # no file
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  07:30  Gentle back routine",
        "0 of 1 done",
    ]
    assert run_plan(["--date", "2026-02-28", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "Nothing is planned for 2026-02-28.\n"  # before planning


def test_a_bad_date_or_routine_is_a_message_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_plan(["--date", "2026-02-30", "--data-dir", str(tmp_path)]) == 1
    assert "'2026-02-30' is not a date" in capsys.readouterr().err
    bad = DATA / "bad-schedule.yaml"
    assert run_plan(["--routine", str(bad), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:17:20: '25:00' is not a time of day" in err
    assert "Traceback" not in err


def test_plan_runs_as_a_command_without_qt(tmp_path: Path) -> None:
    """`python -m backtimer plan` prints the day and never imports PySide6."""
    code = (
        "import sys; from backtimer.cli import main; rc = main(sys.argv[1:]);"
        "assert 'PySide6' not in sys.modules; sys.exit(rc)"
    )
    done = run_child(tmp_path, "-c", code, "plan", "--date", "2026-03-29")
    assert done.returncode == 0, done.stderr
    assert "Planned for Sunday 2026-03-29:" in done.stdout


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path) -> None:
    """`backtimer plan | head -0`: output nobody reads is dropped quietly, exit 0."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "backtimer", "plan", "--date", "2026-03-29"]
            + ["--data-dir", str(tmp_path)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0


def test_a_planned_builtin_routine_is_named_in_todays_language(tmp_path: Path) -> None:
    """Planned while English was in use, shown in German after the switch."""
    store = HistoryStore.open(tmp_path).store
    assert store is not None
    schedule = Schedule(slots=(Slot(dt.time(8, 0)),))
    entry = PlanEntry("gentle-back", "Gentle back routine", schedule)
    store.save_plan(Plan((entry,)), at=at(dt.date(2026, 3, 1), 9))
    store.close()
    german = ("-m", "backtimer", "--language", "de")
    done = run_child(tmp_path, *german, "plan", "--date", "2026-03-29")
    assert done.returncode == 0, done.stderr
    assert "08:00  Sanfte Rückenroutine" in done.stdout
    assert "Gentle back routine" not in done.stdout
