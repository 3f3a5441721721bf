"""The exercise library: every shipped exercise loads clean, a library file is a routine
file's exercise, and a broken file is reported where it is broken and hides nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from backtimer.core.library.entry import LIBRARY_KEYS, Kind, Position
from backtimer.core.library.loader import builtin_library_dir, load_library
from backtimer.core.routine import Defaults
from backtimer.core.routine_file.loader import builtin_pose_names, load_routine, load_routine_text
from backtimer.resources import builtin_routine_path, resource_path

ROUTINES = sorted(resource_path("routines").glob("*.yaml"))
LIBRARY_FILES = sorted(builtin_library_dir().glob("*.yaml"))

GOOD = """\
format: 1
kind: stretch
position: floor
sources: [NHS inform, Exercises for back pain]
id: {id}
name: Knee rolls
muscle_group: lower_back
sides: both
hold: 5
reps: 5
steps:
  - text: Roll your knees to the {{side}}.
    pose: hook-lying
caution: Keep both shoulders on the mat.
"""


def _write(folder: Path, stem: str, text: str) -> Path:
    path = folder / f"{stem}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_library_loads_without_problems() -> None:
    """Every shipped library exercise loads, with no problem at all, sorted by id."""
    result = load_library()
    assert result.problems == ()
    assert [e.id for e in result.exercises] == sorted(p.stem for p in LIBRARY_FILES)


@pytest.mark.parametrize("path", ROUTINES, ids=[p.stem for p in ROUTINES])
def test_builtin_routine_loads_without_problems(path: Path) -> None:
    """Every shipped routine loads against the shipped pose library, with no problem."""
    result = load_routine(path, known_poses=builtin_pose_names())
    assert result.problems == ()
    assert result.routine is not None


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=[p.stem for p in LIBRARY_FILES])
def test_library_file_is_a_routine_files_exercise(path: Path) -> None:
    """Without the library's own keys, a library file pasted into a routine's exercises
    loads to the same exercise."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    exercise = {k: v for k, v in data.items() if k not in LIBRARY_KEYS}
    routine = {"format": 1, "id": "r", "name": "R", "exercises": [exercise]}
    text = yaml.safe_dump(routine, sort_keys=False).encode()
    loaded = load_routine_text(text, file="<r>", base_dir=path.parent).routine
    assert loaded is not None
    assert loaded.defaults == Defaults()
    assert loaded.exercises == (load_library().by_id()[path.stem].exercise,)


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=[p.stem for p in LIBRARY_FILES])
def test_library_exercise_names_its_sources(path: Path) -> None:
    """Every shipped exercise says which public sources its facts were checked against."""
    entry = load_library().by_id()[path.stem]
    assert entry.sources
    assert entry.exercise.caution


def test_the_gentle_routines_stretches_are_in_the_library() -> None:
    """The built-in routine's four stretches are library exercises, step for step."""
    library = [e.exercise for e in load_library().exercises]
    routine = load_routine(builtin_routine_path()).routine
    assert routine is not None
    for ex in routine.exercises:
        same = [
            e
            for e in library
            if (e.steps, e.caution, e.hold, e.reps, e.sides, e.muscle_group)
            == (ex.steps, ex.caution, ex.hold, ex.reps, ex.sides, ex.muscle_group)
        ]
        assert same, ex.id


def test_a_good_file_gives_its_values(tmp_path: Path) -> None:
    """A library file's kind, position, sources and exercise come back as frozen values."""
    _write(tmp_path, "knee-rolls", GOOD.format(id="knee-rolls"))
    result = load_library(tmp_path)
    assert result.problems == ()
    [entry] = result.exercises
    assert (entry.kind, entry.position) == (Kind.STRETCH, Position.FLOOR)
    assert entry.sources == ("NHS inform", "Exercises for back pain")
    assert (entry.exercise.hold, entry.exercise.reps, entry.poses) == (5, 5, ("hook-lying",))
    assert entry.source == tmp_path / "knee-rolls.yaml"
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.kind = Kind.STRENGTH  # type: ignore[misc]


def test_a_broken_file_is_located_and_hides_no_other(tmp_path: Path) -> None:
    """A hold out of range is reported at its line by the routine file's own check; the
    good file beside it still loads."""
    _write(tmp_path, "a-good", GOOD.format(id="a-good"))
    _write(tmp_path, "b-bad", GOOD.format(id="b-bad").replace("hold: 5", "hold: 300"))
    result = load_library(tmp_path)
    assert [e.id for e in result.exercises] == ["a-good"]
    [problem] = result.problems
    assert (Path(problem.file).name, problem.line, problem.column) == ("b-bad.yaml", 9, 7)
    assert problem.message == "hold is 300; it must be from 5 to 180 seconds"


def test_id_must_be_the_file_name(tmp_path: Path) -> None:
    """An id other than the file's name is a problem at the id, with the fix."""
    _write(tmp_path, "knee-rolls", GOOD.format(id="knee-roll"))
    result = load_library(tmp_path)
    assert result.exercises == ()
    [problem] = result.problems
    assert (problem.line, problem.column) == (5, 5)
    assert "not the file's name 'knee-rolls'" in problem.message
    assert "id: knee-rolls" in problem.hint


def test_library_keys_are_checked(tmp_path: Path) -> None:
    """An unknown kind, a missing position and a missing dose are each reported."""
    text = GOOD.format(id="x").replace("kind: stretch", "kind: strech")
    text = text.replace("position: floor\n", "").replace("reps: 5\n", "")
    _write(tmp_path, "x", text)
    messages = [p.message for p in load_library(tmp_path).problems]
    assert "kind cannot be 'strech'" in messages
    assert "a library exercise is missing 'position'" in messages
    assert "a library exercise is missing 'reps'" in messages


def test_unknown_key_suggests_a_library_key(tmp_path: Path) -> None:
    """A misspelt library key gets a 'did you mean' from the library's keys too."""
    _write(tmp_path, "x", GOOD.format(id="x").replace("position:", "positon:"))
    hints = [p.hint for p in load_library(tmp_path).problems]
    assert "did you mean 'position'?" in hints


def test_placeholders_follow_the_exercises_sides(tmp_path: Path) -> None:
    """{side} in a one-sided library exercise is refused, as in a routine file."""
    _write(tmp_path, "x", GOOD.format(id="x").replace("sides: both", "sides: none"))
    [problem] = load_library(tmp_path).problems
    assert problem.message == "{side} is only allowed in exercises with sides: both"


def test_unknown_pose_is_reported(tmp_path: Path) -> None:
    """A pose the library does not have is reported with the closest name."""
    _write(tmp_path, "x", GOOD.format(id="x").replace("hook-lying", "hook-lyin"))
    [problem] = load_library(tmp_path).problems
    assert problem.message == "unknown pose 'hook-lyin'"
    assert problem.hint == "did you mean 'hook-lying'?"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00", "the file is not UTF-8 at byte 0"),
        (b"- just\n- a list\n", "a library exercise must be a mapping of keys"),
        (b"format: 2\n", "format must be the number 1"),
    ],
)
def test_unusable_files_are_reported(tmp_path: Path, content: bytes, message: str) -> None:
    """Empty, non-UTF-8, wrongly shaped and other-format files give a problem, no crash."""
    (tmp_path / "x.yaml").write_bytes(content)
    result = load_library(tmp_path)
    assert result.exercises == ()
    assert any(p.message.startswith(message) for p in result.problems)


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """A library folder that does not exist gives one problem naming it."""
    result = load_library(tmp_path / "nowhere")
    assert result.exercises == ()
    [problem] = result.problems
    assert problem.file.endswith("nowhere")
    assert "cannot read the library folder" in problem.message
