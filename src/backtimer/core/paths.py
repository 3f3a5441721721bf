"""Where BackTimer keeps the person's data, without asking Qt (the CLI runs without it).

Follows XDG on Linux (``$XDG_DATA_HOME/backtimer``, else ``~/.local/share/backtimer``),
the platform's application-data folder elsewhere (``core/platform``); ``--data-dir``
overrides all of them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from backtimer.core.platform import current
from backtimer.core.platform.base import APP_DIR_NAME
from backtimer.core.platform.linux import Linux

__all__ = ["APP_DIR_NAME", "config_dir", "data_dir", "xdg_data_home"]


def same_file(a: Path | None, b: Path) -> bool:
    """``a`` and ``b`` name one file or folder (either may no longer exist)."""
    if a is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def data_dir(override: Path | None = None) -> Path:
    """The folder for the history database (not created here)."""
    if override is not None:
        return override
    return current().data_dir()


def xdg_data_home() -> Path:
    """The freedesktop.org folder for a person's own data, menu entries and icons."""
    return Linux().xdg_data_home()


def config_dir(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """The folder for the person's settings that the program reads before Qt is loaded
    (the language): ``$XDG_CONFIG_HOME/backtimer`` (else ``~/.config/backtimer``) on
    Linux, beside the data elsewhere. Not created here."""
    platform = current()
    if platform.name != "linux":
        return platform.data_dir()
    values = os.environ if env is None else env
    xdg = values.get("XDG_CONFIG_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / APP_DIR_NAME
    return (home if home is not None else Path.home()) / ".config" / APP_DIR_NAME
