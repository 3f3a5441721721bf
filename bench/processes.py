"""For the benches that launch BackTimer in a process of its own: a private Xvfb to show
it on, and what /proc says of a process (its CPU time, its memory, its children)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """A private Xvfb and its display name (":N"); None when Xvfb is not installed."""
    if not shutil.which("Xvfb"):
        return None
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    return proc, f":{number}"


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), from /proc; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def proc_kb(pid: int, field: str) -> int:
    """A ``kB`` field of /proc/PID/status (VmHWM, VmRSS) or smaps_rollup (Pss); 0 if gone."""
    name = "smaps_rollup" if field == "Pss" else "status"
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def child_pids(pid: int) -> list[int]:
    """The processes ``pid``'s threads started, still running."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return found
