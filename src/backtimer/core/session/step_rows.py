"""What the step list shows of a plan: a row for the warm-up, one for each exercise and
one for the cool-down, each with the lengths the plan gives it.

:func:`step_rows` is a pure function of the routine and a plan of it (``plan_session``
before a session, ``Engine.phases`` during one) with the index of the phase under way, so
the list says what the engine will run: after + / − or "continue gentler" every row
changes with the plan, and no length is worked out a second time anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from backtimer.core.i18n import _
from backtimer.core.routine import Routine, Sides, Step
from backtimer.core.session.timeline import Phase, PhaseKind

Section = Literal["warmup", "cooldown"]
#: A row is an exercise's index in ``routine.exercises``, or the warm-up or the cool-down.
RowKey = int | Section

_SECTIONS: dict[PhaseKind, Section] = {PhaseKind.WARMUP: "warmup", PhaseKind.COOLDOWN: "cooldown"}
#: What the warm-up's and the cool-down's rows are called.
SECTION_NAMES: dict[Section, str] = {"warmup": _("Warm-up"), "cooldown": _("Cool-down")}


@dataclass(frozen=True)
class StepRow:
    """One row of the step list, as the plan has it."""

    key: RowKey
    name: str
    pose: str  #: the pose of the held step ("" if none)
    seconds: float  #: one hold of an exercise; the whole warm-up or cool-down
    sides: Sides
    reps: int  #: the reps the plan runs of an exercise (1 for the warm-up and cool-down)
    gentle: bool  #: the plan runs this exercise gentle


def row_key(phase: Phase) -> RowKey | None:
    """The row a phase belongs to (None for the lead-in and the end)."""
    if phase.exercise_index is not None:
        return phase.exercise_index
    return _SECTIONS.get(phase.kind)


def held_pose(steps: Sequence[Step]) -> str:
    """The pose of the last step that has one: the position actually held."""
    for step in reversed(steps):
        if step.pose:
            return str(step.pose)
    return ""


def step_rows(routine: Routine, phases: Sequence[Phase], index: int = 0) -> tuple[StepRow, ...]:
    """The rows for ``routine`` with ``phases`` planned and phase ``index`` under way.

    An exercise's row shows its hold under way or next to come in the plan (the last
    one it ran, once none is left), with that hold's gentle flag and reps; a warm-up or
    cool-down row the planned length of all its movements, for the run of them under way
    or next (the last, once done). ``phases`` must be a plan of ``routine``.
    """
    rows: list[StepRow] = []
    if routine.warmup:
        rows.append(_section_row(routine, "warmup", phases, index))
    for i, ex in enumerate(routine.exercises):
        hold = _chosen(
            [n for n, p in enumerate(phases) if p.kind is PhaseKind.HOLD and p.exercise_index == i],
            index,
            f"exercise {ex.id!r}",
        )
        phase = phases[hold]
        rows.append(
            StepRow(
                i,
                ex.name,
                held_pose(ex.steps),
                phase.seconds,
                ex.sides,
                phase.reps,
                phase.gentle,
            )
        )
    if routine.cooldown:
        rows.append(_section_row(routine, "cooldown", phases, index))
    return tuple(rows)


def _section_row(routine: Routine, key: Section, phases: Sequence[Phase], index: int) -> StepRow:
    """The warm-up's or the cool-down's row: one run of its movements, added up."""
    kind = PhaseKind.WARMUP if key == "warmup" else PhaseKind.COOLDOWN
    movements = routine.warmup if key == "warmup" else routine.cooldown
    runs: list[list[int]] = []
    for n, p in enumerate(phases):
        if p.kind is not kind:
            continue
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    last_of_run = {run[-1]: run for run in runs}
    run = last_of_run[_chosen(list(last_of_run), index, key)]
    pose = held_pose([s for m in movements for s in m.steps])
    name = SECTION_NAMES[key]
    seconds = sum(phases[n].seconds for n in run)
    return StepRow(key, name, pose, seconds, Sides.NONE, 1, False)


def _chosen(candidates: list[int], index: int, what: str) -> int:
    """The first of ``candidates`` (phase indices, in order) at or after ``index``, else
    the last of them."""
    if not candidates:
        raise ValueError(f"the plan has no phase of {what}")
    return next((n for n in candidates if n >= index), candidates[-1])
