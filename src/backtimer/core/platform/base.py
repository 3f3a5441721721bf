"""The interface every system's part fills in."""

from __future__ import annotations

import abc
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

APP_DIR_NAME = "backtimer"


class KeepAwake(Protocol):
    """Keeps the screen on and the machine awake between ``hold()`` and ``release()``;
    both idempotent, neither blocks, neither raises."""

    def hold(self) -> None: ...

    def release(self) -> None: ...


class Platform(abc.ABC):
    """One system's way of doing the things that differ. ``env`` is the environment the
    answers depend on (``os.environ`` unless a test gives another)."""

    #: "linux" (also other freedesktop.org Unixes), "windows" or "macos"
    name: str = ""

    def __init__(self, env: Mapping[str, str] | None = None, home: Path | None = None) -> None:
        self._env = os.environ if env is None else env
        self._home = home

    @property
    def home(self) -> Path:
        return self._home if self._home is not None else Path.home()

    @abc.abstractmethod
    def data_dir(self) -> Path:
        """The folder for the person's history and goals (not created here)."""

    @abc.abstractmethod
    def sound_sockets(self) -> list[Path]:
        """Local sockets whose answer means a sound server runs; empty: this system has
        no such tell, so a player is simply started."""

    def voice_program(self) -> str | None:
        """espeak-ng's full path, or None when it is not installed."""
        found = shutil.which("espeak-ng", path=self._env.get("PATH"))
        if found:
            return found
        for candidate in self.voice_locations():
            if candidate.is_file():
                return str(candidate)
        return None

    def voice_locations(self) -> list[Path]:
        """Where espeak-ng's installer puts it when that is not on PATH."""
        return []

    def suspend_gap(self) -> float:
        """Seconds spent suspended since boot (a clock through suspend minus one that
        stops); 0.0 where the system has no such pair."""
        return 0.0

    def child_process_flags(self) -> int:
        """``creationflags`` for a helper program BackTimer starts (espeak-ng)."""
        return 0

    @abc.abstractmethod
    def keep_awake(self) -> KeepAwake | None:
        """This system's screen inhibit, or None where it needs the GUI's (D-Bus on Linux)."""

    @property
    def unix_sockets(self) -> bool:
        """Qt's local sockets are Unix domain sockets here (a path a plain ``socket`` can
        reach), not named pipes."""
        return True

    @property
    def freedesktop(self) -> bool:
        """Menus and icons follow freedesktop.org (``--install-desktop`` applies)."""
        return False
