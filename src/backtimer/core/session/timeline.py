"""Routine → the ordered phases of a session, each with its planned length.

The formulas for a hold's and a rest's length live here and only here. The session's
plan (``core.plan``) starts from these phases and re-times them, with these formulas, as
its inputs change; the engine gives each an absolute deadline, and nothing outside the
plan works out a length.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backtimer.core.i18n import _, pgettext
from backtimer.core.routine import HOLD_RANGE, Exercise, Movement, Routine, Side, Step

LEAD_IN_SECONDS = 10.0  #: time to get down on the mat after pressing start
SWITCH_SECONDS = 5.0  #: time to change sides between two holds
GENTLE_REST_FACTOR = 1.5  #: rests are half as long again in gentle mode


class PhaseKind(enum.Enum):
    LEAD_IN = "lead_in"
    WARMUP = "warmup"
    PREPARE = "prepare"
    HOLD = "hold"
    SWITCH = "switch"
    REST = "rest"
    COOLDOWN = "cooldown"
    DONE = "done"


#: What the window calls each phase.
PHASE_LABELS: dict[PhaseKind, str] = {
    PhaseKind.LEAD_IN: _("Get ready"),
    PhaseKind.WARMUP: _("Warm-up"),
    PhaseKind.PREPARE: _("Get into position"),
    PhaseKind.HOLD: pgettext("phase", "Hold"),
    PhaseKind.SWITCH: _("Switch sides"),
    PhaseKind.REST: pgettext("phase", "Rest"),
    PhaseKind.COOLDOWN: _("Cool-down"),
    PhaseKind.DONE: pgettext("phase", "Done"),
}
#: The lead-in's title (the same words as its label) and the end's.
LEAD_IN_TITLE = PHASE_LABELS[PhaseKind.LEAD_IN]
DONE_TITLE = _("Well done")


@dataclass(frozen=True)
class Phase:
    """One stretch of time with one thing to do.

    ``exercise_index`` indexes ``routine.exercises`` (None for lead-in, warm-up,
    cool-down and done); ``item_id``/``title``/``steps`` describe the exercise or the
    movement; ``step`` is the step shown large (the held position for a hold);
    ``rep`` is 1-based (0 where reps do not apply).
    """

    kind: PhaseKind
    seconds: float
    title: str
    item_id: str | None = None
    exercise_index: int | None = None
    muscle_group: str | None = None
    steps: tuple[Step, ...] = ()
    step: int = 0
    side: Side | None = None
    rep: int = 0
    reps: int = 0
    gentle: bool = False

    @property
    def label(self) -> str:
        return PHASE_LABELS[self.kind]


def lead_in_phase(seconds: float = LEAD_IN_SECONDS) -> Phase:
    return Phase(PhaseKind.LEAD_IN, seconds, LEAD_IN_TITLE)


def movement_phase(kind: PhaseKind, movement: Movement) -> Phase:
    return Phase(
        kind,
        movement.duration,
        movement.name,
        item_id=movement.id,
        muscle_group=movement.muscle_group,
        steps=movement.steps,
    )


def hold_seconds(ex: Exercise, *, gentle: bool, hold_delta: float = 0.0) -> float:
    """A hold's length: ``gentle_hold`` in gentle mode, plus the session's ±5 s, at least 5 s."""
    return max(float(HOLD_RANGE[0]), (ex.gentle_hold if gentle else ex.hold) + hold_delta)


def rest_seconds(ex: Exercise, *, gentle: bool) -> float:
    """A rest's length: half as long again in gentle mode."""
    return ex.rest * (GENTLE_REST_FACTOR if gentle else 1.0)


def exercise_phases(
    routine: Routine,
    index: int,
    *,
    gentle: bool = False,
    hold_delta: float = 0.0,
    with_prepare: bool = True,
    reps: int | None = None,
    start_rep: int = 1,
    start_side: Side | None = None,
) -> list[Phase]:
    """The phases of exercise ``index``: prepare, holds per rep and side, switches, rests.

    A rest follows the exercise too unless it is the last one. ``start_rep`` and
    ``start_side`` let the engine re-expand an exercise from the middle (continue gentler).
    """
    ex: Exercise = routine.exercises[index]
    hold = hold_seconds(ex, gentle=gentle, hold_delta=hold_delta)
    rest = rest_seconds(ex, gentle=gentle)
    total_reps = reps if reps is not None else ex.reps
    last_step = max(0, len(ex.steps) - 1)

    def phase(kind: PhaseKind, seconds: float, rep: int, side: Side | None, step: int) -> Phase:
        return Phase(
            kind,
            seconds,
            ex.name,
            item_id=ex.id,
            exercise_index=index,
            muscle_group=ex.muscle_group,
            steps=ex.steps,
            step=step,
            side=side,
            rep=rep,
            reps=total_reps,
            gentle=gentle,
        )

    out: list[Phase] = []
    if with_prepare:
        out.append(
            phase(PhaseKind.PREPARE, ex.prepare, start_rep, start_side or ex.side_order[0], 0)
        )
    for rep in range(start_rep, total_reps + 1):
        sides = ex.side_order
        if rep == start_rep and start_side is not None and start_side in sides:
            sides = sides[sides.index(start_side) :]
        for n, side in enumerate(sides):
            if n:
                out.append(phase(PhaseKind.SWITCH, SWITCH_SECONDS, rep, side, last_step))
            out.append(phase(PhaseKind.HOLD, hold, rep, side, last_step))
        if rest > 0 and (rep < total_reps or index < len(routine.exercises) - 1):
            out.append(phase(PhaseKind.REST, rest, rep, None, last_step))
    return out


def build_phases(
    routine: Routine,
    *,
    lead_in: float = LEAD_IN_SECONDS,
    gentle: frozenset[str] = frozenset(),
    hold_delta: float = 0.0,
) -> list[Phase]:
    """The whole session in order, ending with a zero-length DONE phase.

    ``gentle`` names exercises to start gentle (adaptive start after recent pain).
    """
    phases = [lead_in_phase(lead_in)]
    phases += [movement_phase(PhaseKind.WARMUP, m) for m in routine.warmup]
    return phases + phases_from_exercise(routine, 0, gentle=gentle, hold_delta=hold_delta)


def phases_from_exercise(
    routine: Routine,
    first: int,
    *,
    gentle: frozenset[str] = frozenset(),
    hold_delta: float = 0.0,
) -> list[Phase]:
    """The rest of a session from exercise ``first`` (its prepare) to the DONE phase.

    ``first`` may be ``len(routine.exercises)``: then only cool-down and DONE remain.
    """
    phases: list[Phase] = []
    for i in range(first, len(routine.exercises)):
        ex = routine.exercises[i]
        phases += exercise_phases(routine, i, gentle=ex.id in gentle, hold_delta=hold_delta)
    phases += [movement_phase(PhaseKind.COOLDOWN, m) for m in routine.cooldown]
    phases.append(Phase(PhaseKind.DONE, 0.0, DONE_TITLE))
    return phases


def planned_seconds(phases: list[Phase] | tuple[Phase, ...]) -> float:
    """The total planned length: what "about 14 min" is computed from."""
    return sum(p.seconds for p in phases)
