"""A library exercise as a value: the exercise itself and what a picker sorts it by.

A library file is a routine file's exercise, in the same syntax and checked by the same
checks, with a few keys of its own (``LIBRARY_KEYS``). The exercise's ``hold``, ``reps``
and ``sides`` must be written out: they are the usual dose a person copies into a routine.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.routine import Exercise
from backtimer.core.routine_file.problems import Problem

LIBRARY_FORMAT = 1
#: Keys a library file has beside the exercise's own (``routine_format.EXERCISE_KEYS``).
LIBRARY_KEYS = ("format", "kind", "position", "sources")
#: Keys every library file must have: the exercise's required ones and its usual dose.
REQUIRED_KEYS = (
    "format",
    "kind",
    "position",
    "id",
    "name",
    "muscle_group",
    "sides",
    "hold",
    "reps",
    "steps",
)
MAX_SOURCES = 6
MAX_SOURCE = 200  #: characters of one source's name


class Kind(enum.Enum):
    """What an exercise does for the back."""

    STRETCH = "stretch"
    STRENGTH = "strength"
    MOBILITY = "mobility"


class Position(enum.Enum):
    """Where it is done: a routine for a desk break picks chair and standing only."""

    FLOOR = "floor"
    CHAIR = "chair"
    STANDING = "standing"


@dataclass(frozen=True)
class LibraryExercise:
    """One library exercise. ``exercise.id`` is the file's name without ``.yaml``."""

    exercise: Exercise
    kind: Kind
    position: Position
    sources: tuple[str, ...] = ()  #: the public sources its facts were checked against
    source: Path | None = None  #: the file it came from

    @property
    def id(self) -> str:
        return self.exercise.id

    @property
    def name(self) -> str:
        return self.exercise.name

    @property
    def muscle_group(self) -> str:
        return self.exercise.muscle_group

    @property
    def poses(self) -> tuple[str, ...]:
        """The built-in poses its steps show, in step order, each once."""
        return tuple(dict.fromkeys(s.pose for s in self.exercise.steps if s.pose))


@dataclass(frozen=True)
class LibraryResult:
    """Every exercise that loaded without a problem, sorted by id, and every problem
    found (sorted by file and position). A file with problems gives no exercise."""

    exercises: tuple[LibraryExercise, ...]
    problems: tuple[Problem, ...]

    def by_id(self) -> dict[str, LibraryExercise]:
        return {e.id: e for e in self.exercises}
