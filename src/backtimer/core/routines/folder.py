"""The person's routines folder: one folder per routine, its file and its pictures.

Layout, in the platform's app-data folder (``core.paths.data_dir``)::

    routines/
      routine.schema.json        a copy, for editors that check YAML against it
      morning-stretch/
        routine.yaml             the routine (its first line points at ../routine.schema.json)
        pictures/my-photo.jpg    the person's own photos, copied in
        .draft.json              unsaved work in the editor, if any

A routine's pictures live in its own folder, so the loader's rule (pictures only inside
the routine's folder) holds and two routines never share or clash over a picture.
Folders and files starting with '.' are BackTimer's own (a draft, an import under way).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from backtimer.core.routine_file.loader import LoadResult, load_routine

if TYPE_CHECKING:  # the draft and its writer load with the editor, not the main window
    from backtimer.core.routine_file.draft import RoutineDraft

ROUTINES = "routines"
ROUTINE_FILE = "routine.yaml"
PICTURES = "pictures"
SCHEMA = "routine.schema.json"
_NOT_SLUG = re.compile(r"[^a-z0-9-]+")


def routines_dir(data: Path) -> Path:
    """The routines folder inside the data folder ``data`` (not created here)."""
    return data / ROUTINES


@dataclass(frozen=True)
class Found:
    """A routine file in a folder, loaded: ``result.routine`` is None when it is broken."""

    path: Path
    builtin: bool
    result: LoadResult


def builtin_routine_files() -> tuple[Path, ...]:
    from backtimer.resources import resource_path

    return tuple(sorted(resource_path(ROUTINES).glob("*.yaml")))


def user_routine_files(folder: Path) -> tuple[Path, ...]:
    """Every ``*.yaml`` in the routines folder and one level below, hidden ones skipped."""
    if not folder.is_dir():
        return ()
    found = [p for p in folder.glob("*.yaml") if not p.name.startswith(".")]
    for sub in sorted(folder.iterdir()):
        if sub.is_dir() and not sub.name.startswith("."):
            found.extend(p for p in sorted(sub.glob("*.yaml")) if not p.name.startswith("."))
    return tuple(p for p in found if p.is_file())


def find_routines(folder: Path) -> tuple[Found, ...]:
    """The built-in routines, then the person's in ``folder``, each loaded (never raises;
    a broken file is listed with its problems)."""
    found = [Found(p, True, load_routine(p)) for p in builtin_routine_files()]
    found.extend(Found(p, False, load_routine(p)) for p in user_routine_files(folder))
    return tuple(found)


def new_routine_folder(folder: Path, wanted: str) -> Path:
    """A folder name in ``folder`` not yet taken, made from ``wanted`` (not created)."""
    base = _NOT_SLUG.sub("-", wanted.lower()).strip("-")[:48] or "routine"
    candidate = folder / base
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}"
        number += 1
    return candidate


def is_inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def save_routine(draft: RoutineDraft, routine_folder: Path) -> Path:
    """Write ``draft`` as ``routine_folder/routine.yaml`` (replacing it whole, never half)
    and the schema's copy beside the folder; returns the file's path. OSError if the disk
    refuses (nothing is then half-written)."""
    from backtimer.core.routine_file.writer import write_draft

    routine_folder.mkdir(parents=True, exist_ok=True)
    path = routine_folder / ROUTINE_FILE
    write_atomically(path, write_draft(draft).text.encode("utf-8"))
    copy_schema(routine_folder.parent)
    return path


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """``path`` holds either its old contents or ``data``, whatever happens meanwhile;
    ``durable`` waits until the disk has it (a saved routine; not a draft written at
    every keystroke, where a slow disk would stall typing)."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        with temporary.open("wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def copy_schema(routines: Path) -> None:
    """Keep a copy of the schema in the routines folder, for the files' first line."""
    from backtimer.resources import resource_path

    source = resource_path(SCHEMA)
    target = routines / SCHEMA
    try:
        if target.is_file() and target.read_bytes() == source.read_bytes():
            return
        write_atomically(target, source.read_bytes())
    except OSError:
        pass  # only an editor's convenience; the routine itself is saved


def remove_unsaved(routine_folder: Path, routines: Path) -> None:
    """Throw away a routine folder that was never saved (no routine file in it): what
    the editor copied there for it goes too. A saved routine's folder is left alone."""
    if not routine_folder.is_dir() or not is_inside(routine_folder, routines):
        return
    if routine_folder.resolve() == routines.resolve():
        return
    if any(p.suffix == ".yaml" for p in routine_folder.iterdir()):
        return
    shutil.rmtree(routine_folder, ignore_errors=True)
