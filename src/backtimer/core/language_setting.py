"""The language the person chose in the window, kept in a small plain file in the
config folder (``language``, holding a code such as ``de``).

Why not QSettings: the language is chosen first thing at start, before Qt or any module
with translated constants is imported (``cli.main``), and the command line runs without
Qt at all. No file, an empty one or an unknown code all mean "the system's language".
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from backtimer.core.i18n import LANGUAGES
from backtimer.core.paths import config_dir

log = logging.getLogger(__name__)

FILE_NAME = "language"
#: Set for the processes BackTimer starts when it was given ``--language``.
INHERITED = "BACKTIMER_LANGUAGE"


def language_file(folder: Path | None = None) -> Path:
    return (folder if folder is not None else config_dir()) / FILE_NAME


def saved_language(folder: Path | None = None) -> str | None:
    """The saved choice, or None for the system's language (also when unreadable)."""
    try:
        code = language_file(folder).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return code if code in LANGUAGES else None


def save_language(code: str | None, folder: Path | None = None) -> None:
    """Remember ``code`` (None: follow the system) for the next start. Raises OSError
    when the folder cannot be written; the caller tells the person."""
    path = language_file(folder)
    if code is None:
        path.unlink(missing_ok=True)
        return
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(FILE_NAME + ".part")
    partial.write_text(code + "\n", encoding="utf-8")
    partial.replace(path)  # atomic: a half-written file never reads as a choice


def start_language(
    option: str | None, folder: Path | None = None, env: Mapping[str, str] | None = None
) -> str | None:
    """The language to use at start: ``--language`` first, then the one a parent process
    was given (:data:`INHERITED`: the tray's window speaks the tray's language), then the
    saved choice; None means the system's (``i18n.use_language`` finds it)."""
    if option:
        return option
    inherited = (os.environ if env is None else env).get(INHERITED, "")
    if inherited in LANGUAGES:
        return inherited
    return saved_language(folder)
