"""What the install tests share: a real history to export, and the commands a person
runs first, each with what its success looks like."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.resources import builtin_routine_path

T0 = 1_750_000_000.0


def make_history(folder: Path) -> Path:
    """A history with one completed session of one hold, written by the real store."""
    store = HistoryStore.open(folder).store
    assert store is not None
    sid = store.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    store.add_hold(
        sid, HoldRecord("psoas", "psoas", Side.RIGHT, 1, 30, 30, False, True, T0, T0 + 30)
    )
    store.finish_session(sid, Outcome.COMPLETED, T0 + 60)
    store.close()
    return folder


def run(argv: Sequence[str], env: Mapping[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(argv), capture_output=True, text=True, env=dict(env), cwd=cwd, timeout=300
    )


def check_first_commands(
    backtimer: Sequence[str], env: Mapping[str, str], tmp: Path, *, draws: bool = True
) -> None:
    """--help, --version, check, history and (if ``draws``) render-poses each do their
    work through ``backtimer`` (an argv prefix), with ``env`` as the only environment."""
    for args, words in (
        (["--help"], "usage: backtimer"),
        (["--version"], "backtimer "),
    ):
        done = run([*backtimer, *args], env, tmp)
        assert done.returncode == 0, done.stdout + done.stderr
        assert words in done.stdout
    routine = tmp / "routine.yaml"
    routine.write_text(builtin_routine_path().read_text(encoding="utf-8"), encoding="utf-8")
    done = run([*backtimer, "check", str(routine)], env, tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{routine}: ok" in done.stdout
    history = make_history(tmp / "history")
    done = run([*backtimer, "history", "--format", "json", "--data-dir", str(history)], env, tmp)
    assert done.returncode == 0, done.stderr
    (session,) = json.loads(done.stdout)["sessions"]
    assert session["outcome"] == "completed"
    if not draws:
        return
    listing = run([*backtimer, "render-poses", "--help"], env, tmp)
    assert listing.returncode == 0, listing.stderr
    assert "usage: backtimer render-poses" in listing.stdout
    out = tmp / "poses"
    done = run([*backtimer, "render-poses", str(out), "--size", "64"], env, tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    pngs = sorted(out.glob("*.png"))
    assert len(pngs) >= 18
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
