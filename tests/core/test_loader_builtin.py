"""The built-in routine loads, and a broken one is a loud bug rather than a quiet gap."""

from __future__ import annotations

from pathlib import Path

import pytest

import backtimer.resources
from backtimer.core.routine_file.loader import builtin_pose_names, load_builtin, load_routine
from backtimer.resources import builtin_routine_path


def test_builtin_routine_has_the_sessions_parts() -> None:
    """The shipped routine has 4 exercises, 3 warm-up and 2 cool-down movements."""
    routine = load_builtin()
    assert len(routine.exercises) == 4
    assert len(routine.warmup) == 3
    assert len(routine.cooldown) == 2
    assert [e.muscle_group for e in routine.exercises] == [
        "gluteus",
        "hamstrings",
        "piriformis",
        "psoas",
    ]


def test_builtin_routine_checks_against_the_pose_library() -> None:
    """Every pose the built-in routine names exists in the shipped pose library."""
    result = load_routine(builtin_routine_path(), known_poses=builtin_pose_names())
    assert result.problems == ()


def test_broken_builtin_routine_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_builtin raises RuntimeError with the located problems when the file is bad."""
    bad = tmp_path / "gentle-back.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    monkeypatch.setattr(backtimer.resources, "builtin_routine_path", lambda: bad)
    with pytest.raises(RuntimeError, match=r"gentle-back.yaml:1:1: the routine is missing"):
        load_builtin()
