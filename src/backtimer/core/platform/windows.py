"""Windows: the roaming application-data folder, SetThreadExecutionState to keep the
screen on, espeak-ng where its installer puts it. Not run by CI (see the README)."""

from __future__ import annotations

import ctypes
from pathlib import Path

from backtimer.core.platform.base import KeepAwake, Platform

_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002
_CREATE_NO_WINDOW = 0x08000000


class ExecutionState:
    """SetThreadExecutionState from the thread that holds (the GUI thread): the flags
    stay until that thread changes them again or ends."""

    def __init__(self) -> None:
        self._held = False

    def hold(self) -> None:
        if not self._held:
            self._held = _set_state(_ES_CONTINUOUS | _ES_DISPLAY_REQUIRED | _ES_SYSTEM_REQUIRED)

    def release(self) -> None:
        if self._held:
            _set_state(_ES_CONTINUOUS)
            self._held = False


def _set_state(flags: int) -> bool:
    windll = getattr(ctypes, "windll", None)
    if windll is None:  # not Windows
        return False
    return bool(windll.kernel32.SetThreadExecutionState(flags))


class Windows(Platform):
    name = "windows"

    @property
    def unix_sockets(self) -> bool:
        return False  # QLocalSocket speaks over named pipes

    def data_dir(self) -> Path:
        appdata = self._env.get("APPDATA")
        base = Path(appdata) if appdata else self.home / "AppData" / "Roaming"
        return base / "BackTimer"

    def sound_sockets(self) -> list[Path]:
        return []  # WASAPI has no socket to look at: the player finds out

    def voice_locations(self) -> list[Path]:
        folders = [self._env.get("ProgramFiles"), self._env.get("ProgramFiles(x86)")]
        return [Path(f, "eSpeak NG", "espeak-ng.exe") for f in folders if f]

    def suspend_gap(self) -> float:
        """GetTickCount64 runs through sleep, QueryUnbiasedInterruptTime does not."""
        windll = getattr(ctypes, "windll", None)
        if windll is None:  # not Windows
            return 0.0
        unbiased = ctypes.c_ulonglong(0)
        if not windll.kernel32.QueryUnbiasedInterruptTime(ctypes.byref(unbiased)):
            return 0.0
        windll.kernel32.GetTickCount64.restype = ctypes.c_ulonglong
        ticks_ms = windll.kernel32.GetTickCount64()
        return max(0.0, ticks_ms / 1000 - unbiased.value / 10_000_000)

    def child_process_flags(self) -> int:
        """CREATE_NO_WINDOW: from the windowed program (pythonw) each espeak-ng would
        otherwise flash a console window on the screen."""
        return _CREATE_NO_WINDOW

    def keep_awake(self) -> KeepAwake | None:
        return ExecutionState()
