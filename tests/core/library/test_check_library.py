"""`backtimer check` knows a library exercise from a routine and checks it as one."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.core.library.loader import builtin_library_dir, is_library_file
from backtimer.resources import builtin_routine_path


def test_library_files_check_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """Every shipped library file passes `check`, named as a library exercise."""
    files = sorted(builtin_library_dir().glob("*.yaml"))
    assert main(["check", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert out.count("a library exercise)") == len(files)
    assert f"{files[0]}: ok (" in out


def test_broken_library_file_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A library file with a bad kind exits 1 with the line, column and the choices."""
    source = (builtin_library_dir() / "knee-rolls.yaml").read_text(encoding="utf-8")
    path = tmp_path / "knee-rolls.yaml"
    path.write_text(source.replace("kind: mobility", "kind: mobilty"), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    line = 1 + source.splitlines().index("kind: mobility")
    assert f"{path}:{line}:7: kind cannot be 'mobilty'" in out
    assert "did you mean 'mobility'?" in out


def test_a_routine_is_not_taken_for_a_library_file(tmp_path: Path) -> None:
    """Routines, unreadable files and other YAML are left to the routine checks."""
    assert not is_library_file(builtin_routine_path())
    assert not is_library_file(tmp_path / "missing.yaml")
    (tmp_path / "list.yaml").write_text("- kind\n", encoding="utf-8")
    assert not is_library_file(tmp_path / "list.yaml")
