"""A library file's tree → a ``LibraryExercise``, or located problems.

The exercise part goes through the routine file's own ``RoutineChecker.exercise`` (its
keys, ranges, placeholders, poses and pictures); this module checks only what a library
file adds: the format line, kind, position, sources, the dose written out, and that the
id is the file's name (so a routine and the editor can find an exercise by its id).
"""

from __future__ import annotations

from pathlib import Path

from backtimer.core import routine as r
from backtimer.core.i18n import _
from backtimer.core.library.entry import (
    LIBRARY_FORMAT,
    LIBRARY_KEYS,
    MAX_SOURCE,
    MAX_SOURCES,
    REQUIRED_KEYS,
    Kind,
    LibraryExercise,
    Position,
)
from backtimer.core.routine_file.node_checks import Thing
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routine_file.routine_checks import RoutineChecker
from backtimer.core.routine_file.routine_format import EXERCISE_KEYS
from backtimer.core.routine_file.safe_yaml import Map, Node, Scalar

_WHAT = Thing(
    _("a library exercise must be a mapping of keys ({keys}…), not {kind}"),
    _("write the exercise as 'key: value' lines, starting at the left edge"),
    _("unknown key '{key}' in a library exercise"),
    _("a library exercise is missing '{key}'"),
)

# What a person reads about a library file (problem messages and hints).
BAD_FORMAT = _("format must be the number {format}")
BAD_FORMAT_HINT = _("write 'format: {format}'")
ID_NOT_FILE_NAME = _("the id '{id}' is not the file's name '{stem}'")
ID_NOT_FILE_NAME_HINT = _("write 'id: {stem}', or rename the file to '{id}.yaml'")
SOURCE_WHAT = _("a source")


class LibraryChecker(RoutineChecker):
    """Checks one library file; ``stem`` is its file name without ``.yaml``."""

    def __init__(
        self,
        file: str,
        base_dir: Path,
        poses: frozenset[str],
        problems: list[Problem],
        stem: str,
    ) -> None:
        super().__init__(file, base_dir, poses, problems)
        self.stem = stem

    def library_exercise(self, root: Node) -> LibraryExercise | None:
        top = self.mapping(root, _WHAT, (*LIBRARY_KEYS, *EXERCISE_KEYS), REQUIRED_KEYS)
        if top is None:
            return None
        assert isinstance(root, Map)
        good = "format" not in top or self.library_format(top["format"])
        kind = self.choice(top["kind"], "kind", [k.value for k in Kind]) if "kind" in top else None
        position = (
            self.choice(top["position"], "position", [p.value for p in Position])
            if "position" in top
            else None
        )
        sources = self.sources(top["sources"]) if "sources" in top else ()
        if "id" in top:
            good = self.id_is_file_name(top["id"]) and good
        # The exercise's own keys go to the routine file's exercise check, as they are. A
        # key it requires that is missing was reported above, in the library's words; the
        # check would only say it again.
        if any(k not in top for k in ("id", "name", "muscle_group", "steps")):
            return None
        entries: list[tuple[Node, Node]] = [
            (k, v) for k, v in root.entries if isinstance(k, Scalar) and k.value in EXERCISE_KEYS
        ]
        exercise = self.exercise(Map(root.line, root.column, entries), r.Defaults())
        if exercise is None or kind is None or position is None or sources is None:
            return None
        if not good or any(k not in top for k in REQUIRED_KEYS):
            return None
        return LibraryExercise(
            exercise=exercise,
            kind=Kind(kind),
            position=Position(position),
            sources=sources,
            source=None if self.file.startswith("<") else Path(self.file),
        )

    def library_format(self, node: Node) -> bool:
        value = node.value if isinstance(node, Scalar) else None
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and value == LIBRARY_FORMAT:
            return True
        self.error(
            node,
            BAD_FORMAT.format(format=LIBRARY_FORMAT),
            BAD_FORMAT_HINT.format(format=LIBRARY_FORMAT),
        )
        return False

    def id_is_file_name(self, node: Node) -> bool:
        value = node.value if isinstance(node, Scalar) else None
        if not isinstance(value, str) or value == self.stem:
            return True  # a bad id is the exercise check's to report
        self.error(
            node,
            ID_NOT_FILE_NAME.format(id=value[:64], stem=self.stem),
            ID_NOT_FILE_NAME_HINT.format(id=value[:64], stem=self.stem),
        )
        return False

    def sources(self, node: Node) -> tuple[str, ...] | None:
        nodes = self.sequence(node, "sources", 1, MAX_SOURCES, "sources")
        if nodes is None:
            return None
        texts = [self.text(item, SOURCE_WHAT, MAX_SOURCE) for item in nodes]
        if any(t is None for t in texts):
            return None
        return tuple(t for t in texts if t is not None)
