"""The built-in routines made from the library: each is library exercises, fits where it
is meant to be done, and the real planner gives it the length it promises."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from backtimer.core.library.entry import Kind, Position
from backtimer.core.library.loader import load_library
from backtimer.core.poses.library import load_pose
from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import builtin_pose_names, load_routine
from backtimer.core.routine_file.safe_yaml import compose, to_plain
from backtimer.core.session.plan import plan_session
from backtimer.resources import resource_path

#: Routine id -> (shortest, longest) planned seconds, as its description and the README say.
LENGTHS = {
    "desk-break": (180, 240),  # 3-4 minutes
    "morning-mobility": (540, 660),  # about 10 minutes
    "core-strength": (360, 480),  # 6-8 minutes
}
ROUTINE_FILES = sorted(resource_path("routines").glob("*.yaml"))


def _routine(routine_id: str) -> Routine:
    result = load_routine(
        resource_path("routines", f"{routine_id}.yaml"), known_poses=builtin_pose_names()
    )
    assert result.problems == ()
    assert result.routine is not None
    return result.routine


@pytest.mark.parametrize("routine_id", sorted(LENGTHS))
def test_planned_length_is_within_the_stated_range(routine_id: str) -> None:
    """The planner's length for the whole session (lead-in to done) is in its range."""
    low, high = LENGTHS[routine_id]
    total = sum(p.seconds for p in plan_session(_routine(routine_id)))
    assert low <= total <= high


@pytest.mark.parametrize("routine_id", sorted(LENGTHS))
def test_exercises_are_the_librarys(routine_id: str) -> None:
    """Every exercise is a library exercise, word for word and picture for picture; only
    the dose (hold, reps, rest) may differ."""
    library = load_library().by_id()
    for ex in _routine(routine_id).exercises:
        entry = library[ex.id].exercise
        assert (ex.name, ex.muscle_group, ex.sides, ex.steps, ex.caution) == (
            entry.name,
            entry.muscle_group,
            entry.sides,
            entry.steps,
            entry.caution,
        )


def test_desk_break_needs_no_floor() -> None:
    """The desk break is done on a chair or standing: no exercise or figure on the floor."""
    library = load_library().by_id()
    routine = _routine("desk-break")
    assert {library[ex.id].position for ex in routine.exercises} <= {
        Position.CHAIR,
        Position.STANDING,
    }
    bases = {load_pose(s.pose).base for ex in routine.exercises for s in ex.steps if s.pose}
    assert bases <= {"seated", "standing"}


def test_morning_mobility_is_on_the_mat() -> None:
    """The morning routine stays on the floor, and is mostly mobility and stretching."""
    library = load_library().by_id()
    entries = [library[ex.id] for ex in _routine("morning-mobility").exercises]
    assert {e.position for e in entries} == {Position.FLOOR}
    assert Kind.STRENGTH not in {e.kind for e in entries}


def test_strength_routine_is_strengthening() -> None:
    """Every exercise of the strength routine is a strengthening one."""
    library = load_library().by_id()
    kinds = {library[ex.id].kind for ex in _routine("core-strength").exercises}
    assert kinds == {Kind.STRENGTH}


@pytest.mark.parametrize("path", ROUTINE_FILES, ids=[p.stem for p in ROUTINE_FILES])
def test_routine_file_matches_the_schema(path: Path) -> None:
    """Every shipped routine passes resources/routine.schema.json, as editors check it."""
    schema = json.loads(resource_path("routine.schema.json").read_text(encoding="utf-8"))
    root, problems = compose(path.read_text(encoding="utf-8"), file=str(path))
    assert problems == []
    assert root is not None
    jsonschema.validate(to_plain(root), schema)
