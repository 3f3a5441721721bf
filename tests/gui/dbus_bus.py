"""A private D-Bus session daemon for tests that talk to real D-Bus services, and the
skip-or-fail rule for the tools they need (missing on a desktop: skip; missing in CI: fail)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def need(ok: bool, reason: str) -> None:
    """Skip the test when ``ok`` is false, except in CI, where a missing tool is a failure."""
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs {reason}")
    pytest.skip(reason)


def need_tool(tool: str) -> None:
    need(
        shutil.which(tool) is not None,
        f"{tool} is not installed (sudo apt-get install dbus-daemon dbus-bin)",
    )


@contextmanager
def running_daemon(folder: Path) -> Iterator[str]:
    """A private session bus daemon listening in ``folder``; yields its address."""
    need_tool("dbus-daemon")
    daemon = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--print-address=1",
            f"--address=unix:path={folder / 'bus'}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()  # printed once it listens
        assert address.startswith("unix:"), f"dbus-daemon gave no address ({address!r})"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
