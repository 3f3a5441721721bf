"""Thumbnails of built-in poses kept on disk between runs, so the first screen's step
list shows its pictures without reading and drawing each pose again (about 5 ms each).

Contract:

* :func:`stored` gives back exactly the pixels :func:`store` was given for the same
  pose file contents, size, side, pixel ratio and palette, drawn by the same code: the
  folder is named for the drawing code (the size and change time of every module of
  ``gui/figure``, ``core/poses`` and ``gui/theme``, and the Qt version), a file for all
  the rest (the pose file's bytes included). Anything else is a miss (None).
* Storing never fails the caller: a cache that cannot be written is simply not used.
  Writing into a new code's folder first removes the folders of older code.
* The folder is Qt's generic cache location (``$XDG_CACHE_HOME`` on Linux) +
  ``backtimer/thumbnails``.
"""

from __future__ import annotations

import logging
import os
import shutil
from functools import cache
from pathlib import Path

from PySide6.QtCore import QStandardPaths, qVersion
from PySide6.QtGui import QColor, QPalette, QPixmap

from backtimer.core.routine import Side
from backtimer.gui.digest import SHA256, hex_digest

log = logging.getLogger(__name__)

_FOLDER = ("backtimer", "thumbnails")
#: the packages and modules whose code decides how a pose is drawn
_DRAWING_CODE = ("backtimer.gui.figure", "backtimer.core.poses", "backtimer.gui.theme")


def _digest(data: bytes) -> str:
    return hex_digest(data, SHA256)[:24]


@cache
def _code_key() -> str:
    import importlib

    parts = [qVersion()]
    for name in _DRAWING_CODE:
        module = importlib.import_module(name)
        origin = Path(module.__file__ or "")
        files = sorted(origin.parent.glob("*.py")) if origin.name == "__init__.py" else [origin]
        for path in files:
            st = path.stat()
            parts.append(f"{name}/{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return _digest("\n".join(parts).encode())


def _root() -> Path | None:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(base).joinpath(*_FOLDER) if base else None


def _file(
    pose_file: bytes, size: int, side: Side | None, dpr: float, palette: QPalette
) -> Path | None:
    root = _root()
    if root is None:
        return None
    key = f"{_digest(pose_file)}|{size}|{side}|{dpr!r}|{_colours(palette)}".encode()
    return root / _code_key() / f"{_digest(key)}.png"


_seen_palettes: dict[int, str] = {}


def _colours(palette: QPalette) -> str:
    """Every colour of ``palette`` (the figure takes several), once per palette."""
    key = palette.cacheKey()
    if key not in _seen_palettes:
        _seen_palettes[key] = ",".join(
            palette.color(QPalette.ColorGroup.Active, role).name(QColor.NameFormat.HexArgb)
            for role in QPalette.ColorRole
            if role is not QPalette.ColorRole.NColorRoles
        )
    return _seen_palettes[key]


def stored(
    pose_file: bytes, size: int, side: Side | None, dpr: float, palette: QPalette
) -> QPixmap | None:
    """The thumbnail stored for these, or None."""
    path = _file(pose_file, size, side, dpr, palette)
    if path is None or not path.is_file():
        return None
    pix = QPixmap()
    if not pix.load(str(path)):
        return None
    pix.setDevicePixelRatio(dpr)
    return pix


def store(
    pose_file: bytes, size: int, side: Side | None, dpr: float, palette: QPalette, pix: QPixmap
) -> None:
    """Keep ``pix`` as the thumbnail for these (quietly not, if the disk refuses)."""
    path = _file(pose_file, size, side, dpr, palette)
    if path is None:
        return
    try:
        if not path.parent.is_dir():
            _forget_older_code(path.parent.parent, keep=path.parent.name)
            path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f".{path.stem}.{os.getpid()}.png")
        if not pix.save(str(part), "PNG"):
            raise OSError(f"cannot write {part}")
        os.replace(part, path)  # whole or not at all: another window may read it now
    except OSError as error:
        log.info("thumbnail not stored: %s", error)


def _forget_older_code(root: Path, keep: str) -> None:
    if not root.is_dir():
        return
    for old in root.iterdir():
        if old.is_dir() and old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
