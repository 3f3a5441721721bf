"""The person's own photo for a step: checked by the loader's picture rules, copied into
the routine's folder, named relative to it.

A photo is refused here, before anything is copied, for the reasons the loader would
refuse it later: not a PNG, JPEG or SVG by its contents, larger than the pixel limits,
or a link inside the routine's folder that leads out of it. A photo from elsewhere is
copied (its contents, never a link) into ``pictures/`` so the routine carries it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from backtimer.core.i18n import _
from backtimer.core.routine_file.draft import relative_image
from backtimer.core.routine_file.images import ImageError, inspect_image
from backtimer.core.routines.exchange import MAX_PICTURE_BYTES
from backtimer.core.routines.folder import PICTURES

LINK_OUT = _("this file is a link that leads outside the routine's folder")
LINK_OUT_HINT = _("choose the picture itself, not a link to it")
TOO_MANY_BYTES = _("the picture is {size} MiB; at most {limit} MiB are accepted")
TOO_MANY_BYTES_HINT = _("scale the picture down; about 1000 pixels a side is plenty")
NOT_A_FILE = _("this is not a file")
NOT_A_FILE_HINT = _("choose a PNG, JPEG or SVG picture")
UNREADABLE = _("the picture cannot be read ({reason})")
UNREADABLE_HINT = _("check the file and its permissions")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def adopt_photo(source: Path, routine_folder: Path) -> str:
    """The path the routine names ``source`` by, copying it into the folder's ``pictures/``
    unless it already lies in the folder. Raises ImageError (message and hint for the
    person) when the picture is refused; nothing is copied then."""
    try:
        inside = source.absolute().is_relative_to(routine_folder.absolute())
        if inside and not source.resolve().is_relative_to(routine_folder.resolve()):
            raise ImageError(LINK_OUT, LINK_OUT_HINT)
        if not source.is_file():
            raise ImageError(NOT_A_FILE, NOT_A_FILE_HINT)
        size = source.stat().st_size
        if size > MAX_PICTURE_BYTES:
            raise ImageError(
                TOO_MANY_BYTES.format(size=round(size / 2**20), limit=MAX_PICTURE_BYTES // 2**20),
                TOO_MANY_BYTES_HINT,
            )
        inspect_image(source)
        if inside:
            return relative_image(source, routine_folder)
        pictures = routine_folder / PICTURES
        pictures.mkdir(parents=True, exist_ok=True)
        target = _free_name(pictures, source.name)
        shutil.copyfile(source.resolve(), target)
        return relative_image(target, routine_folder)
    except OSError as e:
        raise ImageError(UNREADABLE.format(reason=e.strerror or e), UNREADABLE_HINT) from e


def _free_name(folder: Path, name: str) -> Path:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = _SAFE_NAME.sub("-", stem).strip("-.")[:60] or "photo"
    suffix = _SAFE_NAME.sub("", suffix)[:8].lower()
    ending = f".{suffix}" if suffix else ""
    candidate = folder / f"{stem}{ending}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{ending}"
        number += 1
    return candidate
