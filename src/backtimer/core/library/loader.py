"""The exercise library's folder → every exercise in a stable order, and located problems.

The contract: ``load_library`` and ``load_library_text`` never raise. Each
``<id>.yaml`` in the folder is read with the routine file's limits and safe YAML reader
and checked by ``checks.LibraryChecker``; a file with any problem adds its problems and
no exercise, and never hides the others.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from backtimer.core.i18n import _
from backtimer.core.library.checks import LibraryChecker
from backtimer.core.library.entry import LibraryExercise, LibraryResult
from backtimer.core.routine_file import shipped_text
from backtimer.core.routine_file.loader import MAX_FILE_BYTES, builtin_pose_names
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routine_file.safe_yaml import Map, Scalar, compose

log = logging.getLogger(__name__)

# What a person reads about the library folder and its files (problems and hints).
CANNOT_READ_FOLDER = _("cannot read the library folder ({reason})")
TOO_MANY_FILES = _("the folder has {count} exercise files; at most {limit} are read")
TOO_MANY_FILES_HINT = _("is it the right folder?")
NOT_A_FILE = _("this is not a regular file")
NOT_A_FILE_HINT = _("remove it")
CANNOT_READ_FILE = _("cannot read the file ({reason})")
TOO_BIG = _("the file is {size:,} bytes; exercise files may be at most {limit:,}")
TOO_BIG_HINT = _("an exercise is a few kilobytes: is this the right file?")
NOT_UTF8 = _("the file is not UTF-8 at byte {byte}")
NOT_UTF8_HINT = _("save the file as UTF-8")
EMPTY = _("the file is empty")
EMPTY_HINT = _("write one exercise")
BUG = _("BackTimer failed while reading this file ({error})")
BUG_HINT = _("this is a bug in BackTimer; please report it")

SUFFIX = ".yaml"
MAX_FILES = 1000  #: a library folder beyond this is the wrong folder


def builtin_library_dir() -> Path:
    from backtimer.resources import resource_path

    return resource_path("library")


def load_library(
    folder: Path | None = None, *, known_poses: Collection[str] | None = None
) -> LibraryResult:
    """Every ``*.yaml`` exercise in ``folder`` (None: the built-in library), sorted by id.

    ``known_poses`` are the pose names a step may use; None means the built-in poses.
    """
    folder = builtin_library_dir() if folder is None else folder
    try:
        paths = sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX))
    except OSError as e:
        message = CANNOT_READ_FOLDER.format(reason=e.strerror or e)
        return LibraryResult((), (Problem(str(folder), 0, 0, message),))
    if len(paths) > MAX_FILES:
        message = TOO_MANY_FILES.format(count=len(paths), limit=MAX_FILES)
        return LibraryResult((), (Problem(str(folder), 0, 0, message, TOO_MANY_FILES_HINT),))
    poses = builtin_pose_names() if known_poses is None else frozenset(known_poses)
    exercises: list[LibraryExercise] = []
    problems: list[Problem] = []
    for path in paths:
        exercise, found = _load_file(path, poses)
        problems += found
        if exercise is not None:
            exercises.append(exercise)
    exercises.sort(key=lambda e: e.id)
    return LibraryResult(tuple(exercises), tuple(sorted(problems)))


def load_library_file(
    path: Path, *, known_poses: Collection[str] | None = None
) -> tuple[LibraryExercise | None, tuple[Problem, ...]]:
    """One library file (``backtimer check`` uses it); its id must be its name. Never raises."""
    poses = builtin_pose_names() if known_poses is None else frozenset(known_poses)
    return _load_file(path, poses)


def is_library_file(path: Path) -> bool:
    """Whether ``path`` holds a library exercise rather than a routine: its top level has
    a ``kind:`` and no ``exercises:``. False for anything unreadable (the routine loader
    then says what is wrong with it)."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
        root, _problems = compose(data.decode("utf-8-sig"), file=str(path))
    except (OSError, UnicodeDecodeError):
        return False
    if not isinstance(root, Map):
        return False
    keys = {k.value for k, _value in root.entries if isinstance(k, Scalar)}
    return "kind" in keys and "exercises" not in keys


def load_library_text(
    data: bytes, *, file: str, stem: str, base_dir: Path, known_poses: Collection[str]
) -> tuple[LibraryExercise | None, tuple[Problem, ...]]:
    """Check one library file's contents; ``stem`` is the id it must have. Never raises."""
    try:
        return _check(data, file, stem, base_dir, frozenset(known_poses))
    except Exception as e:  # a bug of ours must still not reach the user as a traceback
        log.exception("unexpected failure while loading %s", file)
        message = BUG.format(error=type(e).__name__)
        return None, (Problem(file, 0, 0, message, BUG_HINT),)


def _load_file(
    path: Path, poses: frozenset[str]
) -> tuple[LibraryExercise | None, tuple[Problem, ...]]:
    file = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, (Problem(file, 0, 0, NOT_A_FILE, NOT_A_FILE_HINT),)
        if info.st_size > MAX_FILE_BYTES:
            return None, (_too_big(file, info.st_size),)
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        return None, (Problem(file, 0, 0, CANNOT_READ_FILE.format(reason=e.strerror or e)),)
    stem = path.name[: -len(SUFFIX)]
    return load_library_text(data, file=file, stem=stem, base_dir=path.parent, known_poses=poses)


def _too_big(file: str, size: int) -> Problem:
    message = TOO_BIG.format(size=size, limit=MAX_FILE_BYTES)
    return Problem(file, 0, 0, message, TOO_BIG_HINT)


def _check(
    data: bytes, file: str, stem: str, base_dir: Path, poses: frozenset[str]
) -> tuple[LibraryExercise | None, tuple[Problem, ...]]:
    if len(data) > MAX_FILE_BYTES:
        return None, (_too_big(file, len(data)),)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        message = NOT_UTF8.format(byte=e.start)
        return None, (Problem(file, line, 1, message, NOT_UTF8_HINT),)
    root, problems = compose(text, file=file)
    if root is None:
        if not problems:
            problems.append(Problem(file, 0, 0, EMPTY, EMPTY_HINT))
        return None, tuple(sorted(set(problems)))
    checker = LibraryChecker(file, base_dir, poses, problems, stem)
    exercise = checker.library_exercise(root)
    found = tuple(sorted(set(checker.problems)))
    if exercise is not None and not found and shipped_text.is_shipped(base_dir, "library"):
        # After the checks, so that problems quote the file's own text.
        exercise = replace(exercise, exercise=shipped_text.exercise(exercise.exercise))
    return (None if found else exercise), found
