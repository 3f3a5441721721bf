"""A routine as a person edits it: every value as written, not yet checked.

A :class:`~backtimer.core.routine.Routine` is what the loader made of a file, with the
defaults already applied; a draft keeps what the file *says*: an exercise's hold is None
when it follows the routine's defaults, a picture is a path relative to the routine's
folder, and a value may be out of range or empty (the checker says so, at the field).
Drafts are frozen; an edit makes a new one (``dataclasses.replace``), which is what an
undo stack keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from backtimer.core import routine as r


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


def exercise_draft(exercise: r.Exercise, defaults: r.Defaults, folder: Path) -> ExerciseDraft:
    """The exercise as a file would say it: values equal to the defaults are left out."""
    gentle = exercise.gentle_hold
    return ExerciseDraft(
        id=exercise.id,
        name=exercise.name,
        muscle_group=exercise.muscle_group,
        steps=tuple(step_draft(s, folder) for s in exercise.steps),
        sides=exercise.sides,
        first_side=exercise.first_side,
        hold=None if exercise.hold == defaults.hold else exercise.hold,
        gentle_hold=None if gentle == r.default_gentle_hold(exercise.hold) else gentle,
        reps=None if exercise.reps == defaults.reps else exercise.reps,
        rest=None if exercise.rest == defaults.rest else exercise.rest,
        prepare=None if exercise.prepare == defaults.prepare else exercise.prepare,
        caution=exercise.caution,
    )


def routine_draft(routine: r.Routine, folder: Path) -> RoutineDraft:
    """``routine`` as a draft whose pictures are named relative to ``folder``
    (PictureOutsideFolder if one is not inside it)."""
    return RoutineDraft(
        id=routine.id,
        name=routine.name,
        exercises=tuple(exercise_draft(e, routine.defaults, folder) for e in routine.exercises),
        description=routine.description,
        defaults=routine.defaults,
        warmup=tuple(movement_draft(m, folder) for m in routine.warmup),
        cooldown=tuple(movement_draft(m, folder) for m in routine.cooldown),
    )


def pictures(draft: RoutineDraft) -> tuple[str, ...]:
    """Every picture path the draft's steps name, each once, in order."""
    seen: dict[str, None] = {}
    for items in (draft.warmup, draft.exercises, draft.cooldown):
        for item in items:
            for step in item.steps:
                if step.image is not None:
                    seen.setdefault(step.image, None)
    return tuple(seen)
