"""macOS: Application Support, ``caffeinate`` to keep the screen on, espeak-ng from
Homebrew (an app opened from the Finder does not get Homebrew's PATH). Not run by CI."""

from __future__ import annotations

import logging
import os
import subprocess
import time
from pathlib import Path

from backtimer.core.platform.base import KeepAwake, Platform

log = logging.getLogger(__name__)


class Caffeinate:
    """``caffeinate -d -i -w PID``: an assertion that keeps the display and the machine
    awake while it runs, and ends by itself if BackTimer dies (``-w``)."""

    def __init__(self, program: str = "/usr/bin/caffeinate") -> None:
        self._program = program
        self._process: subprocess.Popen[bytes] | None = None

    def hold(self) -> None:
        if self._process is not None:
            return
        try:
            self._process = subprocess.Popen(
                [self._program, "-d", "-i", "-w", str(os.getpid())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as e:
            log.info("cannot keep the screen awake: %s", e)

    def release(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self._process.kill()
        self._process = None


class MacOS(Platform):
    name = "macos"

    def data_dir(self) -> Path:
        return self.home / "Library" / "Application Support" / "BackTimer"

    def sound_sockets(self) -> list[Path]:
        return []  # Core Audio has no socket to look at: the player finds out

    def voice_locations(self) -> list[Path]:
        return [Path("/opt/homebrew/bin/espeak-ng"), Path("/usr/local/bin/espeak-ng")]

    def suspend_gap(self) -> float:
        """On macOS CLOCK_MONOTONIC runs through sleep and CLOCK_UPTIME_RAW does not."""
        uptime = getattr(time, "CLOCK_UPTIME_RAW", None)
        if uptime is None:  # not macOS
            return 0.0
        return time.clock_gettime(time.CLOCK_MONOTONIC) - time.clock_gettime(uptime)

    def keep_awake(self) -> KeepAwake | None:
        return Caffeinate()
