"""Pose files: every mistake is a clear ``PoseError`` naming the file, and no file runs code."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.poses.loader import PoseError, read_pose_file


def test_unknown_joint_is_a_clear_error(tmp_path: Path) -> None:
    """A misspelt joint is refused with the file's name and the list of joints."""
    f = tmp_path / "bad.yaml"
    f.write_text("joints:\n  right_knees: 10\n", encoding="utf-8")
    with pytest.raises(PoseError, match=r"bad\.yaml: unknown joint.*right_knee\.flex"):
        read_pose_file(f)


def test_pose_file_cannot_run_code(tmp_path: Path) -> None:
    """Pose files are read with safe_load: a Python tag is an error, not an object."""
    f = tmp_path / "evil.yaml"
    f.write_text("joints: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(PoseError, match="not valid YAML"):
        read_pose_file(f)


def test_unknown_muscle_is_a_clear_error(tmp_path: Path) -> None:
    """Highlighting a muscle the renderer does not know is refused with the known list."""
    f = tmp_path / "m.yaml"
    f.write_text("highlight: [biceps]\n", encoding="utf-8")
    with pytest.raises(PoseError, match="hamstrings"):
        read_pose_file(f)
