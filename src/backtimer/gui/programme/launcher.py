"""Opening the window to start a session, from the tray: a new ``backtimer --start``.

The new process does what any later launch does (gui/single_instance.py): if a window
is already open for this data folder it hands the request over and leaves, else it
becomes the window. The tray never waits for it (a detached process), so a slow start
costs the tray nothing, and the tray stays small: the window's memory is the window's.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)


def window_command(
    *,
    routine: Path | None,
    exercises: Sequence[str] = (),
    data_dir: Path | None = None,
    silent: bool = False,
    start: bool = True,
) -> list[str]:
    """The program and arguments that open the window and start hands-free (``start``
    False: the window alone, which asks what is due at launch, the morning question)."""
    if getattr(sys, "frozen", False):  # a bundled app: the executable is BackTimer
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "backtimer"]
    if start:
        command.append("--start")
    if routine is not None:
        command += ["--routine", str(routine.resolve())]
    if exercises:
        command += ["--only", ",".join(exercises)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir.resolve())]
    if silent:
        command.append("--silent")
    return command


def open_window(command: Sequence[str]) -> int | None:
    """Start ``command`` detached; its process id, or None (logged) if it did not start."""
    ok, pid = QProcess.startDetached(command[0], list(command[1:]))
    if not ok:
        log.warning("could not start %s", command)
        return None
    log.info("started the window (pid %s)", pid)
    return int(pid)
