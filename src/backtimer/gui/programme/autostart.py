"""Start the tray at login, if the person opts in: one interface, a part per platform.

* Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/backtimer-tray.desktop``
  (the XDG Autostart specification), ``Exec=... --tray``.
* Windows: a value in ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
* macOS: a LaunchAgent, ``~/Library/LaunchAgents/org.backtimer.tray.plist``.

``enabled()`` says whether it is on; ``set_enabled()`` returns a message for the person
when it could not be changed (a read-only folder, say), else None. Never raises.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import plistlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from backtimer.core.i18n import _
from backtimer.core.platform import current

log = logging.getLogger(__name__)

DESKTOP_NAME = "backtimer-tray.desktop"
AGENT_LABEL = "org.backtimer.tray"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "BackTimer tray"
COULD_NOT = _("Could not change starting at login: {error}")
#: what a desktop's list of login programs shows for the entry
ENTRY_NAME = _("BackTimer reminders")
ENTRY_COMMENT = _("Reminds you of your stretching sessions through the day")

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Name={name}
Comment={comment}
Exec={exec}
Icon=backtimer
Terminal=false
X-GNOME-Autostart-enabled=true
"""


def tray_command(data_dir: Path | None = None, routine: Path | None = None) -> list[str]:
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "backtimer"]
    command.append("--tray")
    if routine is not None:
        command += ["--routine", str(routine.resolve())]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir.resolve())]
    return command


class Autostart:
    """See the module docstring. ``command`` is what runs at login."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)

    def enabled(self) -> bool:
        try:
            if current().name == "windows":
                return _win_read() is not None
            return self.path().is_file()
        except OSError:
            return False

    def set_enabled(self, on: bool) -> str | None:
        try:
            if current().name == "windows":
                _win_write(_win_command(self.command) if on else None)
            elif on:
                path = self.path()
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(self.contents())
            else:
                self.path().unlink(missing_ok=True)
        except OSError as error:
            log.warning("autostart not changed: %s", error)
            return COULD_NOT.format(error=error.strerror or error)
        return None

    def path(self) -> Path:
        if current().name == "macos":
            return Path.home() / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
        xdg = os.environ.get("XDG_CONFIG_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".config"
        return base / "autostart" / DESKTOP_NAME

    def contents(self) -> bytes:
        if current().name == "macos":
            agent = {"Label": AGENT_LABEL, "ProgramArguments": self.command, "RunAtLoad": True}
            return plistlib.dumps(agent)
        entry = DESKTOP_ENTRY.format(
            name=_one_line(ENTRY_NAME),
            comment=_one_line(ENTRY_COMMENT),
            exec=_desktop_exec(self.command),
        )
        return entry.encode()


def _one_line(text: str) -> str:
    """A translation as a Desktop Entry value: one line (the spec's escapes)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _desktop_exec(command: Sequence[str]) -> str:
    """Quoted as the Desktop Entry spec asks (double quotes; \\, ", ` and $ escaped)."""
    out = []
    for arg in command:
        if arg and all(c.isalnum() or c in "-_./=:," for c in arg):
            out.append(arg)
        else:
            escaped = "".join("\\" + c if c in '\\"`$' else c for c in arg)
            out.append(f'"{escaped}"')
    return " ".join(out).replace("%", "%%")


def _win_command(command: Sequence[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(list(command))


def _win_read() -> str | None:  # pragma: no cover - Windows only
    winreg: Any = importlib.import_module("winreg")
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            return str(winreg.QueryValueEx(key, RUN_VALUE)[0])
    except FileNotFoundError:
        return None


def _win_write(value: str | None) -> None:  # pragma: no cover - Windows only
    winreg: Any = importlib.import_module("winreg")
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        if value is None:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, RUN_VALUE)
        else:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, value)
