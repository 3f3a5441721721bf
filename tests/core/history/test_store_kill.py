"""SIGKILL in the middle of a session, many times: every hold reported saved is there."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import backtimer
from backtimer.core.history.store import HistoryStore
from backtimer.core.session.record import Outcome

KILLS = 20

# The child records a session through the real recorder and store, as fast as it can (so
# kills land anywhere, inside commits too), printing each hold once add_hold returned.
_CHILD = """
import sys
from pathlib import Path
from backtimer.core.session.events import HoldRecorded, SessionStarted
from backtimer.core.session.record import HoldRecord
from backtimer.core.history.recorder import SessionRecorder
from backtimer.core.routine import Routine, Side
from backtimer.core.history.store import HistoryStore

store = HistoryStore.open(Path(sys.argv[1])).store
rec = SessionRecorder(store, Routine("gentle-back", "Gentle back", ()))
t0 = float(sys.argv[2])
rec.handle(SessionStarted(at=0.0, started_at=t0, routine_id="gentle-back", gentle=False))
print("SESSION", rec.session_id, flush=True)
n = 0
while True:
    n += 1
    side = Side.RIGHT if n % 2 else Side.LEFT
    rec.handle(HoldRecorded(HoldRecord("hamstring", "hamstrings", side, n, 30.0, 30.0,
                                       False, True, t0 + n, t0 + n + 30)))
    print("HOLD", n, flush=True)
"""


@pytest.mark.slow
def test_kill_at_random_moments_loses_no_committed_hold(tmp_path: Path) -> None:
    """After 20 SIGKILLs mid-session: every reported hold is saved, the file passes its
    integrity check, and each killed session reads as interrupted."""
    rng = random.Random(8)
    env = {**os.environ, "PYTHONPATH": str(Path(backtimer.__file__).parents[1])}
    reported: dict[int, int] = {}
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(tmp_path), str(1_750_000_000 + kill * 86400)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        session = int(child.stdout.readline().split()[1])
        wanted = rng.randint(1, 150)
        last = 0
        for line in child.stdout:
            last = int(line.split()[1])
            if last >= wanted:
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        # Holds the child printed after we stopped reading were committed too: count them.
        for line in child.stdout:
            if line.endswith("\n"):
                last = int(line.split()[1])
        reported[session] = last

        result = HistoryStore.open(tmp_path)
        assert result.message is None, result.message
        assert result.store is not None
        saved = [h.hold.rep for h in result.store.holds(session)]
        assert saved[: reported[session]] == list(range(1, reported[session] + 1))
        assert len(saved) <= reported[session] + 1  # at most the hold in flight
        result.store.close()

    store = HistoryStore.open(tmp_path).store
    assert store is not None
    assert store.integrity_ok()
    sessions = store.sessions()
    assert len(sessions) == KILLS
    assert {s.outcome for s in sessions} == {Outcome.INTERRUPTED}
    for s in sessions:
        assert s.holds >= reported[s.id]
