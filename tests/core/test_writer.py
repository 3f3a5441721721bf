"""The routine writer: what it writes passes the checker and loads back to the same routine."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core import routine as r
from backtimer.core.library.entry import LibraryExercise
from backtimer.core.library.loader import load_library
from backtimer.core.routine_file.draft import (
    PictureOutsideFolder,
    RoutineDraft,
    routine_draft,
)
from backtimer.core.routine_file.draft_check import check_draft
from backtimer.core.routine_file.loader import load_routine, load_routine_text
from backtimer.core.routine_file.writer import SCHEMA_LINE, write_draft, write_routine
from backtimer.resources import builtin_routine_path, resource_path

BUILTIN = sorted(resource_path("routines").glob("*.yaml"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


def reload(text: str, folder: Path, name: str = "routine.yaml") -> r.Routine:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    result = load_routine(path)
    assert result.problems == (), [p.render() for p in result.problems]
    assert result.routine is not None
    return result.routine


def same(a: r.Routine, b: r.Routine) -> bool:
    return dataclasses.replace(a, source=None) == dataclasses.replace(b, source=None)


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_builtin_routine_round_trips(path: Path, tmp_path: Path) -> None:
    """Each built-in routine, written and read back, is the same routine and passes check."""
    original = load_routine(path).routine
    assert original is not None
    text = write_routine(original, path.parent)
    assert text.splitlines()[0] == SCHEMA_LINE
    assert same(reload(text, tmp_path), original)


def test_written_file_is_what_a_person_would_write(tmp_path: Path) -> None:
    """Whole seconds without '.0', values equal to the defaults left out, the gentle
    hold left out when it follows its rule."""
    original = load_routine(builtin_routine_path()).routine
    assert original is not None
    text = write_routine(original, builtin_routine_path().parent)
    assert ".0\n" not in text
    assert "gentle_hold: 15\n" in text  # the hamstring's own
    assert text.count("prepare:") == 1  # only in the defaults: no exercise changes it


def test_pictures_are_written_relative_to_the_folder(tmp_path: Path) -> None:
    """A step's picture is named relative to the routine's folder, and found again."""
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "me.png").write_bytes(PNG)
    text = BASE.replace("pose: stand", "image: pictures/me.png")
    loaded = load_routine_text(text.encode(), file="x.yaml", base_dir=tmp_path, known_poses=())
    assert loaded.routine is not None
    written = write_routine(loaded.routine, tmp_path)
    assert "image: pictures/me.png\n" in written
    assert same(reload(written, tmp_path), loaded.routine)


def test_picture_outside_the_folder_is_refused(tmp_path: Path) -> None:
    """Writing for a folder the pictures are not in raises rather than naming a path out."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "me.png").write_bytes(PNG)
    text = BASE.replace("pose: stand", "image: me.png")
    loaded = load_routine_text(
        text.encode(), file="x.yaml", base_dir=tmp_path / "a", known_poses=()
    )
    assert loaded.routine is not None
    (tmp_path / "b").mkdir()
    with pytest.raises(PictureOutsideFolder):
        write_routine(loaded.routine, tmp_path / "b")


BASE = """\
format: 1
id: test
name: Test routine
exercises:
  - id: stretch
    name: Stretch
    muscle_group: hamstrings
    steps:
      - text: Lean towards your {side} knee.
        pose: stand
"""


def base_draft() -> RoutineDraft:
    loaded = load_routine_text(BASE.encode(), file="<t>", base_dir=Path("."), known_poses=())
    assert loaded.routine is not None
    return routine_draft(loaded.routine, Path("."))


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="{}"),
    min_size=1,
    max_size=300,
).filter(str.strip)


@settings(max_examples=300, deadline=None)
@given(name=texts.filter(lambda t: len(t) <= 100), text=texts, caution=texts)
def test_any_text_round_trips(name: str, text: str, caution: str) -> None:
    """Any printable or unprintable text a person types reads back exactly as typed."""
    draft = base_draft()
    exercise = draft.exercises[0]
    step = dataclasses.replace(exercise.steps[0], text=text)
    exercise = dataclasses.replace(exercise, name=name, caution=caution, steps=(step,))
    draft = dataclasses.replace(draft, name=name, description=text, exercises=(exercise,))
    written = write_draft(draft).text
    loaded = load_routine_text(written.encode(), file="t", base_dir=Path("."), known_poses=())
    assert loaded.problems == (), (written, [p.render() for p in loaded.problems])
    assert loaded.routine is not None
    assert loaded.routine.name == name
    assert loaded.routine.description == text
    assert loaded.routine.exercises[0].steps[0].text == text
    assert loaded.routine.exercises[0].caution == caution


def test_problems_are_found_at_their_field() -> None:
    """The checker's complaints come back at the draft field they are about."""
    draft = base_draft()
    exercise = dataclasses.replace(draft.exercises[0], hold=500, name="")
    step = dataclasses.replace(exercise.steps[0], text="Lean {sideways}")
    exercise = dataclasses.replace(exercise, steps=(step,))
    draft = dataclasses.replace(draft, exercises=(exercise,), id="Bad Id")
    check = check_draft(draft, Path("."), known_poses=())
    assert check.routine is None
    paths = {p.path for p in check.problems}
    assert paths == {
        ("id",),
        ("exercises", 0, "name"),
        ("exercises", 0, "hold"),
        ("exercises", 0, "steps", 0, "text"),
    }
    assert "180" in check.at(("exercises", 0, "hold"))[0].message


def test_empty_lists_are_problems_of_their_list() -> None:
    """A routine without exercises, or an exercise without steps, is told at that list."""
    draft = base_draft()
    no_steps = dataclasses.replace(draft.exercises[0], steps=())
    check = check_draft(dataclasses.replace(draft, exercises=(no_steps,)), Path("."))
    assert {p.path for p in check.problems} == {("exercises", 0, "steps")}
    check = check_draft(dataclasses.replace(draft, exercises=()), Path("."))
    assert {p.path for p in check.problems} == {("exercises",)}


def test_a_good_draft_checks_to_its_routine(tmp_path: Path) -> None:
    """A valid draft gives the loader's routine, with the defaults applied."""
    draft = base_draft()
    draft = dataclasses.replace(draft, defaults=r.Defaults(hold=20, reps=2))
    check = check_draft(draft, tmp_path, known_poses=())
    assert check.problems == ()
    assert check.routine is not None
    assert (check.routine.exercises[0].hold, check.routine.exercises[0].reps) == (20, 2)


def test_copied_builtin_routine_checks_in_its_new_folder(tmp_path: Path) -> None:
    """The built-in routine's file copied elsewhere still passes once written there."""
    shutil.copy(builtin_routine_path(), tmp_path / "copy.yaml")
    original = load_routine(tmp_path / "copy.yaml").routine
    assert original is not None
    assert check_draft(routine_draft(original, tmp_path), tmp_path).problems == ()


LIBRARY = load_library().exercises


def test_library_loads() -> None:
    """The library the round trip below walks over is there and has no problems."""
    assert LIBRARY
    assert load_library().problems == ()


@pytest.mark.parametrize("entry", LIBRARY, ids=[e.id for e in LIBRARY])
def test_library_exercise_round_trips(entry: LibraryExercise, tmp_path: Path) -> None:
    """Each library exercise, written into a routine and read back, is the same exercise."""
    routine = r.Routine(id="one", name="One", exercises=(entry.exercise,))
    assert entry.source is not None
    text = write_routine(routine, entry.source.parent)
    assert same(reload(text, tmp_path), routine)
