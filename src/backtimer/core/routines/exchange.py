"""Routines in and out of the routines folder: a file with its pictures, or a .zip.

Import never leaves half a routine behind: everything is unpacked into a hidden folder
beside the others, the routine checked there by the loader, and only then renamed into
place; any refusal removes the hidden folder. A .zip is read with suspicion: a member
whose name leads outside the archive's folder (absolute, '..', a drive, a backslash), a
link, too many members, or more bytes unpacked than ``MAX_UNPACKED_BYTES`` (counted as
they come out, whatever the archive's header claims) refuses the whole archive.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from backtimer.core.i18n import _
from backtimer.core.routine import Routine
from backtimer.core.routine_file.draft import RoutineDraft, relative_image, routine_draft
from backtimer.core.routine_file.loader import MAX_FILE_BYTES, load_routine
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routines.folder import (
    ROUTINE_FILE,
    is_inside,
    new_routine_folder,
    write_atomically,
)

MAX_UNPACKED_BYTES = 64 * 1024 * 1024  #: a routine and its photos; far more is a zip bomb
MAX_PICTURE_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 200
_CHUNK = 64 * 1024
_DRIVE = re.compile(r"[A-Za-z]:")

NOT_A_ZIP = _("the file is not a .zip archive, or it is damaged ({reason})")
NOT_A_ZIP_HINT = _("export the routine again, or import its .yaml file")
OUTSIDE = _("the archive holds '{member}', which would be written outside its folder")
OUTSIDE_HINT = _("this archive was not made by BackTimer; nothing was imported")
LINK = _("the archive holds '{member}', a link, which BackTimer does not unpack")
TOO_MANY = _("the archive holds {count} files; at most {limit} are accepted")
TOO_BIG = _("the archive unpacks to more than {limit} MiB")
TOO_BIG_HINT = _("a routine with its photos is a few MiB; nothing was imported")
NO_ROUTINE = _("the archive holds no routine (.yaml) file")
NO_ROUTINE_HINT = _("export the routine from BackTimer as a .zip")
TWO_ROUTINES = _("the archive holds {count} routine files ({names}); one is expected")
TWO_ROUTINES_HINT = _("import them one at a time, each in its own .zip")
ENCRYPTED = _("the archive is encrypted")
ENCRYPTED_HINT = _("export the routine again without a password")
PICTURE_TOO_BIG = _("the picture '{name}' is {size} MiB; at most {limit} MiB are copied")
PICTURE_TOO_BIG_HINT = _("scale the picture down; about 1000 pixels a side is plenty")
CANNOT_WRITE = _("the routine cannot be written to {folder} ({reason})")
CANNOT_WRITE_HINT = _("check the free space and the permissions of your data folder")
NOT_EXPORTED = _("a routine with problems is not exported")


@dataclass(frozen=True)
class Imported:
    """Where the routine now is (None when refused), and why it was refused."""

    path: Path | None
    problems: tuple[Problem, ...] = ()


class _Refused(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def picture_paths(routine: Routine, folder: Path) -> tuple[str, ...]:
    """The routine's pictures, relative to ``folder`` (its file's folder), each once."""
    found: dict[str, None] = {}
    for items in (routine.warmup, routine.exercises, routine.cooldown):
        for item in items:
            for step in item.steps:
                if step.image is not None:
                    found.setdefault(relative_image(step.image, folder), None)
    return tuple(found)


def import_file(path: Path, routines: Path) -> Imported:
    """Copy the routine file ``path`` and its pictures into a new folder in ``routines``;
    a broken file is refused with its located problems, and nothing is written."""
    result = load_routine(path)
    if result.routine is None:
        return Imported(None, result.problems)
    try:
        names = picture_paths(result.routine, path.parent)
        for name in names:
            _check_picture_size(path.parent / name, name)
    except _Refused as e:
        return Imported(None, (Problem(str(path), 0, 0, e.message, e.hint),))
    except (OSError, ValueError) as e:
        return _refusal(path, CANNOT_WRITE.format(folder=routines, reason=e), CANNOT_WRITE_HINT)

    def fill(staging: Path) -> None:
        shutil.copyfile(path, staging / ROUTINE_FILE)
        for name in names:
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path.parent / name, target)

    return _stage(routines, result.routine.id, str(path), fill)


def import_zip(archive: Path, routines: Path) -> Imported:
    """Unpack a routine exported as .zip into a new folder in ``routines``; anything
    suspicious or broken refuses the whole archive and writes nothing."""
    try:
        with zipfile.ZipFile(archive) as zf:
            members, base = _plan_unpacking(zf.infolist())

            def fill(staging: Path) -> None:
                _unpack(zf, members, base, staging)

            stem = PurePosixPath(base).name if base else archive.stem
            return _stage(routines, stem, str(archive), fill)
    except _Refused as e:
        return _refusal(archive, e.message, e.hint)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as e:
        return _refusal(archive, NOT_A_ZIP.format(reason=e), NOT_A_ZIP_HINT)
    except OSError as e:
        return _refusal(archive, CANNOT_WRITE.format(folder=routines, reason=e), CANNOT_WRITE_HINT)


def editable(routine: Routine, routines: Path, *, copy: bool = False) -> tuple[Path, RoutineDraft]:
    """The folder to edit ``routine`` in and its draft there. A routine of the person's own
    folder is edited where it is (unless ``copy``); any other (built-in, opened from
    elsewhere) in a new folder, its pictures copied in, so Save never writes outside the
    routines folder. The folder is only created when there are pictures to copy."""
    source = routine.source
    # In place only a routine file laid out as Save writes it (its own folder).
    own = (
        source is not None
        and source.name == ROUTINE_FILE
        and is_inside(source, routines)
        and source.parent.resolve() != routines.resolve()
    )
    if source is not None and own and not copy:
        return source.parent, routine_draft(routine, source.parent)
    folder = new_routine_folder(routines, routine.id)
    if source is None:
        return folder, routine_draft(routine, folder)
    names = picture_paths(routine, source.parent)
    for name in names:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source.parent / name, target)
    return folder, routine_draft(routine, source.parent)  # the same names in the copy


def export_yaml(source: Path, destination: Path) -> int:
    """Write the routine file ``source`` to ``destination`` as it is; returns how many
    pictures it names, which a lone .yaml cannot carry (export a .zip for them)."""
    result = load_routine(source)
    data = source.read_bytes()
    write_atomically(destination, data)
    if result.routine is None:
        return 0
    return len(picture_paths(result.routine, source.parent))


def export_zip(source: Path, destination: Path) -> None:
    """A .zip holding ``<id>/routine.yaml`` and the pictures it names, at their paths;
    what ``import_zip`` reads. ValueError if the file is broken (export a good one)."""
    result = load_routine(source)
    if result.routine is None:
        raise ValueError(NOT_EXPORTED)
    folder = result.routine.id
    temporary = destination.with_name(f".{destination.name}.part")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.write(source, f"{folder}/{ROUTINE_FILE}")
            for name in picture_paths(result.routine, source.parent):
                zf.write(source.parent / name, f"{folder}/{name}")
        os.replace(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)


# -- the parts ---------------------------------------------------------------------------


def _refusal(file: Path, message: str, hint: str) -> Imported:
    return Imported(None, (Problem(str(file), 0, 0, message, hint),))


def _check_picture_size(path: Path, name: str) -> None:
    size = path.stat().st_size
    if size > MAX_PICTURE_BYTES:
        raise _Refused(
            PICTURE_TOO_BIG.format(
                name=name, size=round(size / 2**20), limit=MAX_PICTURE_BYTES // 2**20
            ),
            PICTURE_TOO_BIG_HINT,
        )


def _stage(routines: Path, wanted: str, shown: str, fill: Callable[[Path], None]) -> Imported:
    """Fill a hidden folder in ``routines``, check the routine in it, rename it into place."""
    try:
        routines.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".import-", dir=routines))
    except OSError as e:
        return _refusal(Path(shown), CANNOT_WRITE.format(folder=routines, reason=e), "")
    try:
        fill(staging)
        checked = load_routine(staging / ROUTINE_FILE)
        if checked.routine is None:
            problems = tuple(_renamed(p, staging, shown) for p in checked.problems)
            return Imported(None, problems)
        target = new_routine_folder(routines, wanted)
        os.rename(staging, target)
        return Imported(target / ROUTINE_FILE)
    except _Refused as e:
        return _refusal(Path(shown), e.message, e.hint)
    except OSError as e:
        return _refusal(
            Path(shown), CANNOT_WRITE.format(folder=routines, reason=e), CANNOT_WRITE_HINT
        )
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _renamed(problem: Problem, staging: Path, shown: str) -> Problem:
    """A problem found in the staging copy, named by the file the person chose."""
    file = problem.file.replace(str(staging / ROUTINE_FILE), shown)
    return Problem(file, problem.line, problem.column, problem.message, problem.hint)


def _unsafe_member(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return True
    if _DRIVE.match(name):
        return True
    return ".." in PurePosixPath(name).parts


def _plan_unpacking(infos: Iterable[zipfile.ZipInfo]) -> tuple[list[zipfile.ZipInfo], str]:
    """The file members to unpack and the archive folder holding the routine, or _Refused."""
    infos = list(infos)
    if len(infos) > MAX_MEMBERS:
        raise _Refused(TOO_MANY.format(count=len(infos), limit=MAX_MEMBERS), OUTSIDE_HINT)
    declared = 0
    for info in infos:
        if _unsafe_member(info.filename):
            raise _Refused(OUTSIDE.format(member=info.filename[:120]), OUTSIDE_HINT)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _Refused(LINK.format(member=info.filename[:120]), OUTSIDE_HINT)
        if info.flag_bits & 0x1:
            raise _Refused(ENCRYPTED, ENCRYPTED_HINT)
        declared += info.file_size
    if declared > MAX_UNPACKED_BYTES:
        raise _Refused(TOO_BIG.format(limit=MAX_UNPACKED_BYTES // 2**20), TOO_BIG_HINT)
    files = [i for i in infos if not i.is_dir()]
    routines = [i for i in files if i.filename.lower().endswith((".yaml", ".yml"))]
    if not routines:
        raise _Refused(NO_ROUTINE, NO_ROUTINE_HINT)
    if len(routines) > 1:
        names = ", ".join(i.filename for i in routines[:3])
        raise _Refused(TWO_ROUTINES.format(count=len(routines), names=names), TWO_ROUTINES_HINT)
    base = str(PurePosixPath(routines[0].filename).parent)
    base = "" if base == "." else base
    return files, base


def _unpack(zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], base: str, staging: Path) -> None:
    """Unpack the members under ``base`` (others are left out), counting every byte."""
    total = 0
    prefix = f"{base}/" if base else ""
    for info in members:
        if not info.filename.startswith(prefix):
            continue
        relative = info.filename[len(prefix) :]
        is_routine = relative.lower().endswith((".yaml", ".yml"))
        target = staging / (ROUTINE_FILE if is_routine else relative)
        if not target.resolve().is_relative_to(staging.resolve()):
            raise _Refused(OUTSIDE.format(member=info.filename[:120]), OUTSIDE_HINT)
        target.parent.mkdir(parents=True, exist_ok=True)
        limit = MAX_FILE_BYTES if is_routine else MAX_PICTURE_BYTES
        written = 0
        with zf.open(info) as source, target.open("wb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                total += len(chunk)
                if total > MAX_UNPACKED_BYTES:
                    raise _Refused(TOO_BIG.format(limit=MAX_UNPACKED_BYTES // 2**20), TOO_BIG_HINT)
                if written > limit:
                    raise _Refused(
                        PICTURE_TOO_BIG.format(
                            name=relative, size=f"over {limit // 2**20}", limit=limit // 2**20
                        ),
                        PICTURE_TOO_BIG_HINT,
                    )
                out.write(chunk)
