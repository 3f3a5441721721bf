"""Linux, and other Unixes with freedesktop.org desktops: XDG folders, PulseAudio or
PipeWire sockets in the runtime folder, the screen inhibit over D-Bus (the GUI's)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

from backtimer.core.platform.base import APP_DIR_NAME, KeepAwake, Platform


class Linux(Platform):
    name = "linux"

    def __init__(
        self,
        system: str = "linux",
        env: Mapping[str, str] | None = None,
        home: Path | None = None,
    ) -> None:
        super().__init__(env, home)
        self.system = system

    def xdg_data_home(self) -> Path:
        """``$XDG_DATA_HOME`` when it is an absolute path (the spec ignores others), else
        ``~/.local/share``."""
        xdg = self._env.get("XDG_DATA_HOME")
        if xdg and Path(xdg).is_absolute():
            return Path(xdg)
        return self.home / ".local" / "share"

    def data_dir(self) -> Path:
        return self.xdg_data_home() / APP_DIR_NAME

    def sound_sockets(self) -> list[Path]:
        server = self._env.get("PULSE_SERVER", "")
        if server:
            unix = [s.removeprefix("unix:") for s in server.split() if s.startswith(("unix:", "/"))]
            return [Path(u) for u in unix]
        runtime = self._env.get("XDG_RUNTIME_DIR")
        if not runtime:
            return []
        return [Path(runtime, "pulse", "native"), Path(runtime, "pipewire-0")]

    def suspend_gap(self) -> float:
        """CLOCK_MONOTONIC stops while suspended and CLOCK_BOOTTIME does not."""
        boottime = getattr(time, "CLOCK_BOOTTIME", None)
        if boottime is None:  # a Unix without it
            return 0.0
        return time.clock_gettime(boottime) - time.clock_gettime(time.CLOCK_MONOTONIC)

    def keep_awake(self) -> KeepAwake | None:
        return None  # org.freedesktop.ScreenSaver over Qt's D-Bus: gui/inhibit.py

    @property
    def freedesktop(self) -> bool:
        return True
