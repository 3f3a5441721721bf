"""`backtimer check FILE...` prints problems like a compiler and exits 0, 1 or 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.resources import builtin_routine_path

DATA = Path(__file__).parent / "data" / "routines"


def test_builtin_routine_checks_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped routine passes: exit 0 and an 'ok' line naming it."""
    assert main(["check", str(builtin_routine_path())]) == 0
    assert "ok (Gentle back routine, 4 exercises)" in capsys.readouterr().out


def test_bad_file_prints_located_problems(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad sample exits 1 and prints FILE:LINE:COLUMN: message and a hint."""
    path = DATA / "bad-typos.yaml"
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:9:5: unknown key 'hodl' in an exercise\n    hint: did you mean 'hold'?" in out


def test_every_bad_sample_fails_and_every_good_one_passes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each tests/data/routines/bad-*.yaml exits 1, each good-*.yaml exits 0."""
    for path in sorted(DATA.glob("bad-*.yaml")):
        assert main(["check", str(path)]) == 1, path
        assert f"{path}:" in capsys.readouterr().out
    for path in sorted(DATA.glob("good-*.yaml")):
        assert main(["check", str(path)]) == 0, capsys.readouterr().out


def test_one_bad_file_among_good_ones_fails_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    """Checking several files reports each and exits 1 if any is bad."""
    code = main(["check", str(builtin_routine_path()), str(DATA / "bad-hostile.yaml")])
    assert code == 1
    out = capsys.readouterr().out
    assert "ok (Gentle back routine" in out
    assert "bad-hostile.yaml:" in out


def test_real_process_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    """`python -m backtimer check` exits 0 good, 1 bad, 2 usage, never with a traceback."""
    bin_file = tmp_path / "binary.yaml"
    bin_file.write_bytes(b"\x00\xff\xfe" * 100)
    runs = {
        0: [str(builtin_routine_path())],
        1: [str(p) for p in sorted(DATA.glob("bad-*.yaml"))] + [str(bin_file), str(tmp_path)],
        2: [],
    }
    for expected, files in runs.items():
        proc = subprocess.run(
            [sys.executable, "-m", "backtimer", "check", *files],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == expected, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr


def test_window_without_a_display_says_so_without_a_traceback(tmp_path) -> None:
    """Starting the window with no X11 or Wayland display explains itself and exits 1."""
    import os
    import subprocess
    import sys

    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    done = subprocess.run(
        [sys.executable, "-m", "backtimer", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "no display was found" in done.stderr
    assert "Traceback" not in done.stderr
