"""Where BackTimer keeps the person's data, without asking Qt (the CLI runs without it).

Follows XDG on Linux (``$XDG_DATA_HOME/backtimer``, else ``~/.local/share/backtimer``),
the platform's application-data folder elsewhere; ``--data-dir`` overrides all of them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "backtimer"


def data_dir(override: Path | None = None) -> Path:
    """The folder for the history database (not created here)."""
    if override is not None:
        return override
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "BackTimer"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "BackTimer"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / APP_DIR_NAME
