"""Where BackTimer keeps the person's data, without asking Qt (the CLI runs without it).

Follows XDG on Linux (``$XDG_DATA_HOME/backtimer``, else ``~/.local/share/backtimer``),
the platform's application-data folder elsewhere (``core/platform``); ``--data-dir``
overrides all of them.
"""

from __future__ import annotations

from pathlib import Path

from backtimer.core.platform import current
from backtimer.core.platform.base import APP_DIR_NAME
from backtimer.core.platform.linux import Linux

__all__ = ["APP_DIR_NAME", "data_dir", "xdg_data_home"]


def data_dir(override: Path | None = None) -> Path:
    """The folder for the history database (not created here)."""
    if override is not None:
        return override
    return current().data_dir()


def xdg_data_home() -> Path:
    """The freedesktop.org folder for a person's own data, menu entries and icons."""
    return Linux().xdg_data_home()
