"""The routine model: what a routine file says, checked and frozen.

The loader (``core.loader``) is the only producer; everything downstream trusts these
values (ranges already checked, defaults already applied).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from backtimer.core.i18n import _
from backtimer.core.programme.schedule import Schedule

#: The one list of muscle groups. Goals and history are kept per group, so a routine may
#: only use these names: a typo must not quietly start a new group.
MUSCLE_GROUPS: tuple[str, ...] = (
    "gluteus",
    "hamstrings",
    "piriformis",
    "psoas",
    "lower_back",
    "hip_flexors",
    "quadriceps",
    "calves",
    "upper_back",
    "neck",
    "whole_body",
)

#: Human names for the groups, for windows and reports.
MUSCLE_GROUP_NAMES: dict[str, str] = {
    "gluteus": _("Gluteus (buttocks)"),
    "hamstrings": _("Hamstrings"),
    "piriformis": _("Piriformis"),
    "psoas": _("Psoas major"),
    "lower_back": _("Lower back"),
    "hip_flexors": _("Hip flexors"),
    "quadriceps": _("Quadriceps"),
    "calves": _("Calves"),
    "upper_back": _("Upper back"),
    "neck": _("Neck"),
    "whole_body": _("Whole body"),
}

HOLD_RANGE = (5, 180)  #: seconds a hold may last
REPS_RANGE = (1, 20)
REST_RANGE = (0, 300)
PREPARE_RANGE = (3, 120)
DURATION_RANGE = (5, 600)  #: seconds of one warm-up or cool-down movement
#: A gentle hold the file does not give is two thirds of the hold, at least this.
DEFAULT_GENTLE_FLOOR = 10


class Side(enum.Enum):
    RIGHT = "right"
    LEFT = "left"

    @property
    def other(self) -> Side:
        return Side.LEFT if self is Side.RIGHT else Side.RIGHT


class Sides(enum.Enum):
    """Whether an exercise is done once, or once per side."""

    BOTH = "both"
    NONE = "none"


@dataclass(frozen=True)
class Step:
    """One instruction; optionally illustrated by a built-in pose or a picture file."""

    text: str
    pose: str | None = None
    image: Path | None = None  #: absolute, resolved, checked to lie beside the routine


@dataclass(frozen=True)
class Movement:
    """A timed warm-up or cool-down movement (no sides, no reps)."""

    id: str
    name: str
    duration: float
    steps: tuple[Step, ...]
    muscle_group: str = "whole_body"
    caution: str = ""


@dataclass(frozen=True)
class Exercise:
    """A stretch held for ``hold`` seconds, ``reps`` times, on one or both sides."""

    id: str
    name: str
    muscle_group: str
    steps: tuple[Step, ...]
    hold: float
    gentle_hold: float
    reps: int
    rest: float
    prepare: float
    sides: Sides = Sides.BOTH
    first_side: Side = Side.RIGHT
    caution: str = ""

    @property
    def side_order(self) -> tuple[Side | None, ...]:
        """The sides in the order they are held; ``(None,)`` for a one-sided exercise."""
        if self.sides is Sides.NONE:
            return (None,)
        return (self.first_side, self.first_side.other)


def default_gentle_hold(hold: float) -> float:
    """Two thirds of ``hold``, at least 10 s, never longer than ``hold`` itself."""
    return float(min(hold, max(DEFAULT_GENTLE_FLOOR, round(hold * 2 / 3))))


@dataclass(frozen=True)
class Defaults:
    hold: float = 30
    prepare: float = 8
    rest: float = 10
    reps: int = 1


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    defaults: Defaults = field(default_factory=Defaults)
    warmup: tuple[Movement, ...] = ()
    cooldown: tuple[Movement, ...] = ()
    source: Path | None = None  #: the file it came from; None for routines built in code
    format: int = 1
    #: the prescription (``schedule:``): when to do it, and its pain limit; None if none
    schedule: Schedule | None = None

    @property
    def pain_limit(self) -> int | None:
        """ "Stop if pain is above N/10" from the prescription, or None if it sets none."""
        return self.schedule.pain_limit if self.schedule is not None else None


#: Placeholders a step's text may use in an exercise done on both sides.
SIDE_PLACEHOLDERS = ("{side}", "{other}")


def step_text(step: Step, side: Side | None) -> str:
    """The step's words for ``side``, in the language in use: ``{side}`` and ``{other}``
    become "right"/"left", then the finished sentence is looked up whole (the content
    catalogs list both sides' sentences, see ``core.translatable.expand_sides``): in
    German and Spanish a side word's form depends on its noun, so it cannot be put in
    after translating. Without a translation the English sentence is said.

    The loader forbids placeholders in one-sided exercises, so ``side`` is None only for
    text without them.
    """
    if side is None:
        return _(step.text)
    return _(step.text.replace("{side}", side.value).replace("{other}", side.other.value))
