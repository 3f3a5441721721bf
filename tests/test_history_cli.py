"""``backtimer history``: exports without a window; clear messages when it cannot."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import backtimer
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.history_cli import run_history

T0 = 1_750_000_000.0


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = HistoryStore.open(folder).store
    assert store is not None
    sid = store.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    store.add_hold(
        sid, HoldRecord("psoas", "psoas", Side.RIGHT, 1, 30, 30, False, True, T0, T0 + 30)
    )
    store.finish_session(sid, Outcome.COMPLETED, T0 + 60)
    store.close()
    return folder


def test_csv_to_a_private_file(data: Path, tmp_path: Path) -> None:
    """--output writes the CSV to a file only its owner can read."""
    out = tmp_path / "log.csv"
    assert run_history(["--format", "csv", "--output", str(out), "--data-dir", str(data)]) == 0
    lines = out.read_text().splitlines()
    assert lines[0].startswith("record,session_id,")
    assert [line.split(",")[0] for line in lines[1:]] == ["session", "hold"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_json_to_stdout_in_a_process_without_qt(data: Path) -> None:
    """The command runs in a fresh process, prints JSON, and never imports Qt."""
    code = (
        "import sys; from backtimer.history_cli import run_history;"
        f"rc = run_history(['--format', 'json', '--data-dir', {str(data)!r}]);"
        "assert 'PySide6' not in sys.modules; sys.exit(rc)"
    )
    env_path = str(Path(backtimer.__file__).parents[1])
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sessions"][0]["holds"][0]["exercise"] == "psoas"


def test_missing_history_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No history yet: exit 1 with one line naming the folder; nothing is created."""
    empty = tmp_path / "nothing"
    assert run_history(["--format", "csv", "--data-dir", str(empty)]) == 1
    err = capsys.readouterr().err
    assert f"no history yet in {empty}" in err.lower()
    assert not empty.exists()


def test_unwritable_output_is_a_message(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An output path in a missing folder gives exit 1 and a message naming it."""
    target = data / "no" / "such" / "dir" / "x.csv"
    assert run_history(["--format", "csv", "--output", str(target), "--data-dir", str(data)]) == 1
    assert "could not write" in capsys.readouterr().err
