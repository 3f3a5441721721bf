"""The real window program as a child process: ``python -m backtimer`` offscreen, silent,
with its data, settings and runtime folders in the test's own folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import backtimer
from backtimer.core.history.rows import SessionRow, StoredHold
from backtimer.core.history.store import HistoryStore
from backtimer.gui.single_instance import server_name

#: A routine whose first hold is done 18 s in: 10 s lead-in, 3 s prepare, 5 s hold.
TINY_ROUTINE = """\
format: 1
id: tiny
name: Tiny routine
defaults: {hold: 5, prepare: 3, rest: 0, reps: 1}
exercises:
  - id: knee-hug
    name: Knee hug
    muscle_group: lower_back
    sides: both
    steps:
      - text: Lie on your back and hug one knee to your chest.
"""

#: Starting the window (imports, Qt, the store) takes about a second; allow for a busy machine.
START_S = 30.0
EXIT_S = 20.0


class Home:
    """Private folders for child processes; ``env`` is their environment."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runtime = root / "run"  # short: a socket path must fit in 108 bytes
        self.runtime.mkdir(mode=0o700, exist_ok=True)
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_DATA_HOME": str(root / "share"),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "PYTHONPATH": str(Path(backtimer.__file__).parents[1]),
        }
        self._logs = 0

    def launch(self, data: Path, *args: str, cwd: Path | None = None) -> subprocess.Popen[bytes]:
        """Start the window program on ``data`` (silent); its output goes to a log file."""
        self._logs += 1
        log = (self.root / f"app-{self._logs}.log").open("wb")
        with log:
            return subprocess.Popen(
                [sys.executable, "-m", "backtimer", "--silent", "--data-dir", str(data), *args],
                cwd=cwd or self.root,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def socket_path(self, data: Path) -> str:
        """Where the instance for ``data`` listens, as the child computes it."""
        name = server_name(data, str(self.runtime))
        assert os.path.isabs(name), name
        return name

    def listening(self, data: Path) -> bool:
        """An instance for ``data`` accepts connections (it drops this empty one)."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(self.socket_path(data))
            except OSError:
                return False
        return True

    def logs(self) -> str:
        """Every child's output so far, for a failing assertion's message."""
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')}"
            for p in sorted(self.root.glob("app-*.log"))
        )


def sessions(data: Path) -> list[SessionRow]:
    """The sessions in ``data``'s history as a reader sees them now (none if no file yet)."""
    store = HistoryStore.open(data, read_only=True).store
    if store is None:
        return []
    try:
        return store.sessions()
    finally:
        store.close()


def holds(data: Path) -> list[StoredHold]:
    store = HistoryStore.open(data, read_only=True).store
    if store is None:
        return []
    try:
        return store.holds()
    finally:
        store.close()


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a child a test left running (its own test has failed already)."""
    if process.poll() is None:
        process.kill()
        process.wait(EXIT_S)
