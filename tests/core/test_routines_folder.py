"""The routines folder: saving, unsaved drafts kept on disk, summaries for the picker."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from backtimer.core import routine as r
from backtimer.core.routine_file.draft import RoutineDraft, routine_draft
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.core.routines.draft_store import draft_path, drop_draft, load_draft, save_draft
from backtimer.core.routines.folder import (
    new_routine_folder,
    remove_unsaved,
    save_routine,
)
from backtimer.core.routines.summary import summarize
from backtimer.core.session.plan import plan_session
from backtimer.core.session.timeline import planned_seconds
from backtimer.resources import builtin_routine_path


def builtin_draft() -> RoutineDraft:
    return routine_draft(load_builtin(), builtin_routine_path().parent)


def test_saved_routine_loads_back_and_has_the_schema_beside_it(tmp_path: Path) -> None:
    """Save writes routine.yaml that check accepts, and the schema its first line names."""
    folder = tmp_path / "routines" / "mine"
    path = save_routine(builtin_draft(), folder)
    loaded = load_routine(path)
    assert loaded.problems == ()
    assert loaded.routine is not None
    assert loaded.routine.name == "Gentle back routine"
    assert (tmp_path / "routines" / "routine.schema.json").is_file()
    assert not list(folder.glob(".*.part"))


def test_draft_survives_on_disk_with_values_the_checker_refuses(tmp_path: Path) -> None:
    """A draft with an empty name and an over-long hold comes back exactly as left."""
    draft = builtin_draft()
    exercise = dataclasses.replace(draft.exercises[1], hold=999, sides=r.Sides.NONE)
    draft = dataclasses.replace(draft, name="", exercises=(exercise, *draft.exercises[2:]))
    save_draft(draft, tmp_path / "mine")
    assert load_draft(tmp_path / "mine") == draft
    drop_draft(tmp_path / "mine")
    assert load_draft(tmp_path / "mine") is None


def test_damaged_draft_is_no_draft(tmp_path: Path) -> None:
    """A draft file cut short or from elsewhere reads as no draft, never an error."""
    save_draft(builtin_draft(), tmp_path)
    text = draft_path(tmp_path).read_text()
    draft_path(tmp_path).write_text(text[: len(text) // 2])
    assert load_draft(tmp_path) is None
    draft_path(tmp_path).write_text('{"draft_version": 1, "routine": {"id": 3}}')
    assert load_draft(tmp_path) is None


def test_new_folder_names_never_clash(tmp_path: Path) -> None:
    """A new routine's folder is made from its name and never reuses a taken one."""
    assert new_routine_folder(tmp_path, "Morning Stretch!").name == "morning-stretch"
    (tmp_path / "morning-stretch").mkdir()
    assert new_routine_folder(tmp_path, "Morning Stretch!").name == "morning-stretch-2"
    assert new_routine_folder(tmp_path, "!!!").name == "routine"


def test_discarding_removes_only_a_never_saved_folder(tmp_path: Path) -> None:
    """Throwing away a new routine removes its folder; a saved routine's folder stays."""
    routines = tmp_path / "routines"
    unsaved = routines / "new"
    save_draft(builtin_draft(), unsaved)
    remove_unsaved(unsaved, routines)
    assert not unsaved.exists()
    saved = routines / "saved"
    save_routine(builtin_draft(), saved)
    save_draft(builtin_draft(), saved)
    remove_unsaved(saved, routines)
    assert (saved / "routine.yaml").is_file()
    remove_unsaved(routines, routines)
    assert routines.is_dir()


def test_summary_length_is_the_planners() -> None:
    """The picker's length is the planner's whole session, groups in exercise order."""
    routine = load_builtin()
    summary = summarize(routine)
    assert summary.seconds == planned_seconds(plan_session(routine))
    assert summary.muscle_groups == ("gluteus", "hamstrings", "piriformis", "psoas")
    assert summary.minutes == round(summary.seconds / 60)


def test_a_draft_keeps_the_routines_prescription(tmp_path: Path) -> None:
    """Editing a routine with a schedule keeps it: the draft on disk and the saved file
    both carry the same times, days and pain limit."""
    from backtimer.core.routine_file.writer import write_routine

    routine = load_builtin()
    assert routine.schedule is not None
    draft = routine_draft(routine, builtin_routine_path().parent)
    save_draft(draft, tmp_path / "mine")
    kept = load_draft(tmp_path / "mine")
    assert kept is not None
    assert kept.schedule == routine.schedule
    path = tmp_path / "mine" / "routine.yaml"
    path.write_text(write_routine(routine, builtin_routine_path().parent), encoding="utf-8")
    loaded = load_routine(path)
    assert loaded.routine is not None, loaded.problems
    assert loaded.routine.schedule == routine.schedule
