"""Routine files (YAML, format 1) → a checked, frozen Routine, or every located problem.

The contract: ``load_routine`` and ``load_routine_text`` never raise. They return a
routine only when the file has no problem at all; otherwise every problem found, each
with file, line, column (1-based), a message and a hint on how to fix it, sorted by
position. The YAML is read by ``safe_yaml`` (no object construction, size and alias
limits); ``routine_checks`` checks the shape, types, ranges and cross-references; this
module reads the file, applies the file-wide limits and assembles the ``LoadResult``.
The format's keys and limits are ``routine_format``'s.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from backtimer.core import routine as r
from backtimer.core.i18n import _, ngettext
from backtimer.core.routine_file import shipped_text
from backtimer.core.routine_file.problems import Problem

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 1024 * 1024
MAX_PROBLEMS = 100  #: beyond this, a file is better fixed from the top than listed in full

# What a person reads about a routine file as a whole (problem messages and hints).
A_FOLDER = _("this is a folder, not a routine file")
NOT_REGULAR = _("this is not a regular file")
NAME_A_YAML_FILE = _("name a .yaml file")
NO_SUCH_FILE = _("no such file")
NO_SUCH_FILE_HINT = _("check the file name and the folder")
NO_PERMISSION = _("permission denied")
NO_PERMISSION_HINT = _("check that you may read this file")
CANNOT_READ = _("cannot read the file ({reason})")
CANNOT_READ_HINT = _("check the file")
BUG = _("BackTimer failed while reading this file ({error})")
BUG_HINT = _("this is a bug in BackTimer; please report it with the file")
TOO_BIG = _("the file is {size} bytes; routine files may be at most {limit} (1 MiB)")
TOO_BIG_HINT = _("a routine is a few kilobytes: is this the right file?")
NOT_UTF8 = _("the file is not UTF-8 at byte {byte}")
NOT_UTF8_HINT = _("save the file as UTF-8 in your editor")
UTF16_HINT = _("the file looks like UTF-16: save the file as UTF-8 in your editor")
EMPTY = _("the file is empty")
EMPTY_HINT = _("start with 'format: 1', then id, name, exercises")
MORE = ("... and {count} more problem", "... and {count} more problems")
MORE_HINT = _("fix the ones above first")


@dataclass(frozen=True)
class LoadResult:
    """A routine (None when there is any problem) and the problems sorted by position."""

    routine: r.Routine | None
    problems: tuple[Problem, ...]


def load_routine(path: Path, *, known_poses: Collection[str] | None = None) -> LoadResult:
    """Read and check the routine file at ``path``; never raises.

    ``known_poses`` are the pose names a step may use; None means the built-in poses.
    An empty collection turns the unknown-pose check off.
    """
    file = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _fail(file, A_FOLDER, NAME_A_YAML_FILE)
        if not stat.S_ISREG(info.st_mode):
            return _fail(file, NOT_REGULAR, NAME_A_YAML_FILE)
        if info.st_size > MAX_FILE_BYTES:
            return _too_big(file, info.st_size)
        data = _read_at_most(path, MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return _fail(file, NO_SUCH_FILE, NO_SUCH_FILE_HINT)
    except PermissionError:
        return _fail(file, NO_PERMISSION, NO_PERMISSION_HINT)
    except OSError as e:
        return _fail(file, CANNOT_READ.format(reason=e.strerror or e), CANNOT_READ_HINT)
    return load_routine_text(data, file=file, base_dir=path.parent, known_poses=known_poses)


def load_routine_text(
    data: bytes, *, file: str, base_dir: Path, known_poses: Collection[str] | None = None
) -> LoadResult:
    """Check routine file contents; ``file`` names it in problems, pictures are looked
    up in ``base_dir``. Never raises."""
    try:
        return _load(data, file, base_dir, known_poses)
    except Exception as e:  # a bug of ours must still not reach the user as a traceback
        log.exception("unexpected failure while loading %s", file)
        return _fail(file, BUG.format(error=type(e).__name__), BUG_HINT)


def load_builtin() -> r.Routine:
    """The routine shipped with the program. Raises RuntimeError if it is broken (a bug).

    Read as parsed and checked at an earlier run when ``parse_cache`` kept it (the same
    file, code and language): no YAML is parsed then."""
    from backtimer.core import parse_cache
    from backtimer.resources import builtin_routine_path

    path = builtin_routine_path()
    return parse_cache.read_through(
        "routine", path.stem, path, lambda: _parse_builtin(path), r.Routine
    )


def _parse_builtin(path: Path) -> r.Routine:
    result = load_routine(path)
    if result.routine is None:
        details = "\n".join(p.render() for p in result.problems)
        raise RuntimeError(f"the built-in routine is broken:\n{details}")
    return result.routine


def builtin_pose_names() -> frozenset[str]:
    """Names of the shipped figure poses (``resources/poses/<name>.yaml``); may be empty."""
    from backtimer.resources import resource_path

    try:
        folder = resource_path("poses")
        return frozenset(p.stem for p in folder.glob("*.yaml") if p.is_file())
    except OSError:
        return frozenset()


def _fail(file: str, message: str, hint: str = "") -> LoadResult:
    return LoadResult(None, (Problem(file, 0, 0, message, hint),))


def _too_big(file: str, size: int) -> LoadResult:
    message = TOO_BIG.format(size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}")
    return _fail(file, message, TOO_BIG_HINT)


def _decode(data: bytes, file: str) -> tuple[str | None, Problem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        hint = UTF16_HINT if data[:2] in (b"\xff\xfe", b"\xfe\xff") else NOT_UTF8_HINT
        return None, Problem(file, line, column, NOT_UTF8.format(byte=e.start), hint)


def _load(
    data: bytes, file: str, base_dir: Path, known_poses: Collection[str] | None
) -> LoadResult:
    if len(data) > MAX_FILE_BYTES:
        return _too_big(file, len(data))
    # Read in here, not with the module: a later start takes the built-in routine as kept.
    from backtimer.core.routine_file.routine_checks import RoutineChecker
    from backtimer.core.routine_file.safe_yaml import compose

    text, problem = _decode(data, file)
    if text is None:
        assert problem is not None
        return LoadResult(None, (problem,))
    root, problems = compose(text, file=file)
    if root is None and not problems:
        return _fail(file, EMPTY, EMPTY_HINT)
    poses = builtin_pose_names() if known_poses is None else frozenset(known_poses)
    checker = RoutineChecker(file, base_dir, poses, problems)
    routine = checker.routine(root) if root is not None else None
    # An aliased value is checked at each use; the same complaint about it is told once.
    found = sorted(set(checker.problems))
    if len(found) > MAX_PROBLEMS:
        rest = len(found) - MAX_PROBLEMS
        found = found[:MAX_PROBLEMS]
        last = found[-1]
        more = ngettext(*MORE, rest).format(count=rest)
        found.append(Problem(file, last.line, last.column + 1, more, MORE_HINT))
    if routine is not None and not found and shipped_text.is_shipped(base_dir, "routines"):
        routine = shipped_text.routine(routine)  # after the checks: problems quote the file
    return LoadResult(None if found else routine, tuple(found))


def _read_at_most(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes, in chunks, so a small file never costs a limit-sized buffer."""
    chunks: list[bytes] = []
    size = 0
    with path.open("rb") as f:
        while size < limit:
            chunk = f.read(min(64 * 1024, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    return b"".join(chunks)
