"""The routine file's schedule: section, read into the routine, or each problem located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from backtimer.core.programme.schedule import Slot, Weekday
from backtimer.core.routine_file.loader import load_builtin, load_routine, load_routine_text

DATA = Path(__file__).parents[1] / "data" / "routines"

BASE = """\
format: 1
id: test
name: Test routine
exercises:
  - id: stretch
    name: Stretch
    muscle_group: hamstrings
    steps:
      - text: Lean forward.
  - id: psoas
    name: Psoas
    muscle_group: psoas
    steps:
      - text: Kneel and lean.
schedule:
"""


def load(schedule: str):  # -> LoadResult
    text = BASE + "".join(f"  {line}\n" for line in schedule.splitlines())
    return load_routine_text(text.encode(), file="r.yaml", base_dir=Path("."), known_poses=())


def test_times_with_a_micro_session_are_read_in_order() -> None:
    result = load('times: ["19:00", "8:00", {at: "11:00", exercises: [psoas]}]\npain_limit: 3')
    assert result.routine is not None, result.problems
    schedule = result.routine.schedule
    assert schedule is not None
    assert schedule.slots == (
        Slot(dt.time(8, 0)),
        Slot(dt.time(11, 0), ("psoas",)),
        Slot(dt.time(19, 0)),
    )
    assert schedule.days == frozenset(Weekday)
    assert result.routine.pain_limit == 3


def test_per_day_in_a_window_on_weekdays_between_dates() -> None:
    routine = load_routine(DATA / "good-schedule.yaml").routine
    assert routine is not None
    schedule = routine.schedule
    assert schedule is not None
    assert [s.at.strftime("%H:%M") for s in schedule.slots] == [
        "09:00",
        "11:00",
        "13:00",
        "15:00",
        "17:00",
    ]
    assert Weekday.SAT not in schedule.days
    assert (schedule.start, schedule.end) == (dt.date(2026, 1, 5), dt.date(2026, 3, 31))


def test_a_routine_without_a_schedule_has_none_and_no_pain_limit() -> None:
    result = load_routine_text(
        BASE.replace("schedule:\n", "").encode(), file="r.yaml", base_dir=Path("."), known_poses=()
    )
    assert result.routine is not None
    assert result.routine.schedule is None
    assert result.routine.pain_limit is None


def test_the_builtin_routine_suggests_three_sessions_with_a_psoas_micro_session() -> None:
    schedule = load_builtin().schedule
    assert schedule is not None
    assert [(s.at.strftime("%H:%M"), s.exercises) for s in schedule.slots] == [
        ("08:00", ()),
        ("11:00", ("psoas",)),
        ("19:00", ()),
    ]
    assert schedule.pain_limit == 3


@pytest.mark.parametrize(
    ("schedule", "where", "message"),
    [
        ('times: ["25:00"]', (16, 11), "'25:00' is not a time of day"),
        ('times: ["12:60"]', (16, 11), "'12:60' is not a time of day"),
        ("times: [13:00]", (16, 11), "YAML read this time as the number 780"),
        ('times: ["08:00"]\ndays: [mon, funday]', (17, 15), "a day cannot be 'funday'"),
        (
            'times: ["08:00"]\nstart: "2026-03-01"\nend: "2026-02-01"',
            (18, 8),
            "the schedule ends (2026-02-01) before it starts (2026-03-01)",
        ),
        (
            'times: [{at: "11:00", exercises: [psaos]}]',
            (16, 37),
            "the micro-session names 'psaos', which is not an exercise of this routine",
        ),
        ('times: ["08:00", "8:00"]', (16, 20), "08:00 is in the schedule twice"),
        ("per_day: 3", (16, 12), "per_day needs a window"),
        ('per_day: 3\nwindow: ["20:00", "08:00"]', (17, 21), "the window ends at 08:00"),
        ("days: [mon]", (16, 3), "the schedule gives no times"),
        ('times: ["08:00"]\npain_limit: 11', (17, 15), "pain_limit is 11"),
        ('times: ["08:00"]\nstart: 5th of May', (17, 10), "start cannot be '5th of May'"),
    ],
)
def test_each_bad_schedule_is_a_located_problem(
    schedule: str, where: tuple[int, int], message: str
) -> None:
    """check names the file, line and column of the bad value and says what is wrong."""
    result = load(schedule)
    assert result.routine is None
    found = [(p.line, p.column, p.message) for p in result.problems]
    assert any((p[0], p[1]) == where and message in p[2] for p in found), found


def test_the_bad_schedule_sample_reports_every_problem() -> None:
    """One run of check lists all six problems of tests/data/routines/bad-schedule.yaml."""
    problems = load_routine(DATA / "bad-schedule.yaml").problems
    assert [p.line for p in problems] == [17, 17, 17, 18, 20, 21]
