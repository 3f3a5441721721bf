"""Where ``parse_cache`` keeps the shipped routine and poses as parsed: Qt's generic
cache location + ``backtimer/parsed`` (``$XDG_CACHE_HOME`` on Linux), beside the
thumbnails, for the language in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from backtimer.core import parse_cache
from backtimer.core.i18n import language, locale_root

_FOLDER = ("backtimer", "parsed")


def use_parsed_folder() -> None:
    """From now on the built-in routine and the poses are kept as parsed (call once, at
    start-up, after the language is chosen)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    if not base:
        return
    code = language()
    catalogs = tuple(sorted((locale_root() / code).glob("*.po")))
    parse_cache.use_folder(Path(base).joinpath(*_FOLDER), language=code, catalogs=catalogs)
