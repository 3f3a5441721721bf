"""A private PulseAudio server that a test may kill and start again (a real fault)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


class PulseServer:
    """``pulseaudio`` with a null sink on its own socket; clients reach it through
    ``PULSE_SERVER`` (set by the fixture), so the shared CI server is never touched."""

    def __init__(self, folder: Path) -> None:
        self.runtime = folder / "pulse-run"
        self.runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.socket = self.runtime / "native"
        self.address = f"unix:{self.socket}"
        self._proc: subprocess.Popen[bytes] | None = None

    @staticmethod
    def problem() -> str | None:
        if not (shutil.which("pulseaudio") and shutil.which("pactl")):
            return "pulseaudio and pactl are not installed (sudo apt-get install pulseaudio)"
        return None

    def start(self) -> None:
        env = {**os.environ, "XDG_RUNTIME_DIR": str(self.runtime), "HOME": str(self.runtime)}
        env.pop("PULSE_SERVER", None)
        self._proc = subprocess.Popen(
            [
                "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--disallow-exit", "--system=false", "--use-pid-file=false",
                f"--load=module-native-protocol-unix socket={self.socket} auth-anonymous=1",
                "--load=module-null-sink sink_name=fault_sink",
                "--load=module-always-sink",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def answers(self) -> bool:
        """The server takes connections and plays to its null sink by default."""
        done = subprocess.run(
            ["pactl", f"--server={self.address}", "set-default-sink", "fault_sink"],
            capture_output=True,
            timeout=5,
            check=False,
        )
        return done.returncode == 0

    def kill(self) -> None:
        """Gone at once, as when the server crashes or restarts."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait(timeout=10)
            self._proc = None
