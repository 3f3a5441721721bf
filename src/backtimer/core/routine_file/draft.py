"""A routine as a person edits it: every value as written, not yet checked.

A :class:`~backtimer.core.routine.Routine` is what the loader made of a file, with the
defaults already applied; a draft keeps what the file *says*: an exercise's hold is None
when it follows the routine's defaults, a picture is a path relative to the routine's
folder, and a value may be out of range or empty (the checker says so, at the field).
Drafts are frozen; an edit makes a new one (``dataclasses.replace``), which is what an
undo stack keeps.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from backtimer.core import routine as r
from backtimer.core.programme.schedule import Schedule
from backtimer.core.routine_file.safe_yaml import compose, to_plain


@dataclass(frozen=True)
class StepDraft:
    text: str = ""
    pose: str | None = None
    image: str | None = None  #: a path relative to the routine's folder, with '/'


@dataclass(frozen=True)
class MovementDraft:
    id: str
    name: str
    duration: float
    steps: tuple[StepDraft, ...] = ()
    muscle_group: str = "whole_body"
    caution: str = ""


@dataclass(frozen=True)
class ExerciseDraft:
    """An exercise; the numbers left None follow the routine's defaults (and the gentle
    hold its rule: two thirds of the hold)."""

    id: str
    name: str
    muscle_group: str
    steps: tuple[StepDraft, ...] = ()
    sides: r.Sides = r.Sides.BOTH
    first_side: r.Side = r.Side.RIGHT
    hold: float | None = None
    gentle_hold: float | None = None
    reps: int | None = None
    rest: float | None = None
    prepare: float | None = None
    caution: str = ""


@dataclass(frozen=True)
class RoutineDraft:
    id: str
    name: str
    exercises: tuple[ExerciseDraft, ...] = ()
    description: str = ""
    defaults: r.Defaults = field(default_factory=r.Defaults)
    warmup: tuple[MovementDraft, ...] = ()
    cooldown: tuple[MovementDraft, ...] = ()
    #: The file's prescription, carried through unchanged (the Plan window edits plans).
    schedule: Schedule | None = None


class PictureOutsideFolder(ValueError):
    """A step's picture does not lie in the folder the routine is to be written to."""


def relative_image(image: Path, folder: Path) -> str:
    """``image`` as the routine file in ``folder`` names it; PictureOutsideFolder if it
    is not inside (copy it in first)."""
    base = folder.resolve()
    path = image.resolve()
    if not path.is_relative_to(base):
        raise PictureOutsideFolder(f"{image} is not inside {folder}")
    return PurePosixPath(*path.relative_to(base).parts).as_posix()


def step_draft(step: r.Step, folder: Path) -> StepDraft:
    image = relative_image(step.image, folder) if step.image is not None else None
    return StepDraft(step.text, step.pose, image)


def movement_draft(movement: r.Movement, folder: Path) -> MovementDraft:
    return MovementDraft(
        id=movement.id,
        name=movement.name,
        duration=movement.duration,
        steps=tuple(step_draft(s, folder) for s in movement.steps),
        muscle_group=movement.muscle_group,
        caution=movement.caution,
    )


def exercise_draft(
    exercise: r.Exercise,
    defaults: r.Defaults,
    folder: Path,
    written: Collection[str] = (),
) -> ExerciseDraft:
    """The exercise as a file would say it: the numbers its file wrote out (``written``,
    key names) are kept; others equal to the defaults are left out, to follow them."""

    def own(key: str, value: float, default: float) -> float | None:
        return value if key in written or value != default else None

    reps = own("reps", exercise.reps, defaults.reps)
    return ExerciseDraft(
        id=exercise.id,
        name=exercise.name,
        muscle_group=exercise.muscle_group,
        steps=tuple(step_draft(s, folder) for s in exercise.steps),
        sides=exercise.sides,
        first_side=exercise.first_side,
        hold=own("hold", exercise.hold, defaults.hold),
        gentle_hold=own("gentle_hold", exercise.gentle_hold, r.default_gentle_hold(exercise.hold)),
        reps=None if reps is None else int(reps),
        rest=own("rest", exercise.rest, defaults.rest),
        prepare=own("prepare", exercise.prepare, defaults.prepare),
        caution=exercise.caution,
    )


def written_keys(text: str) -> dict[str, frozenset[str]]:
    """For each exercise of a routine file's ``text``, by id, the keys it writes out;
    {} for text that is not a readable routine (never raises)."""
    root, _ = compose(text, file="<keys>")
    plain = to_plain(root) if root is not None else None
    exercises = plain.get("exercises") if isinstance(plain, dict) else None
    if not isinstance(exercises, list):
        return {}
    return {
        e["id"]: frozenset(k for k in e if isinstance(k, str))
        for e in exercises
        if isinstance(e, dict) and isinstance(e.get("id"), str)
    }


def routine_draft(
    routine: r.Routine, folder: Path, written: Mapping[str, Collection[str]] | None = None
) -> RoutineDraft:
    """``routine`` as a draft whose pictures are named relative to ``folder``
    (PictureOutsideFolder if one is not inside it). ``written`` (see ``written_keys``)
    keeps the numbers its file wrote out; without it, the routine's own file is read."""
    if written is None:
        written = _file_keys(routine.source)
    return RoutineDraft(
        id=routine.id,
        name=routine.name,
        exercises=tuple(
            exercise_draft(e, routine.defaults, folder, written.get(e.id, ()))
            for e in routine.exercises
        ),
        description=routine.description,
        defaults=routine.defaults,
        warmup=tuple(movement_draft(m, folder) for m in routine.warmup),
        cooldown=tuple(movement_draft(m, folder) for m in routine.cooldown),
        schedule=routine.schedule,
    )


def _file_keys(source: Path | None) -> Mapping[str, Collection[str]]:
    if source is None:
        return {}
    try:
        return written_keys(source.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return {}


def pictures(draft: RoutineDraft) -> tuple[str, ...]:
    """Every picture path the draft's steps name, each once, in order."""
    seen: dict[str, None] = {}
    for items in (draft.warmup, draft.exercises, draft.cooldown):
        for item in items:
            for step in item.steps:
                if step.image is not None:
                    seen.setdefault(step.image, None)
    return tuple(seen)
