"""What a list of routines says of each: its name, how long it takes, what it works."""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.core.routine import MUSCLE_GROUP_NAMES, Routine
from backtimer.core.session.plan import plan_session
from backtimer.core.session.timeline import planned_seconds


@dataclass(frozen=True)
class RoutineSummary:
    name: str
    seconds: float  #: the planner's length of a whole session, lead-in included
    muscle_groups: tuple[str, ...]  #: the exercises' groups, each once, in order

    @property
    def minutes(self) -> int:
        """Whole minutes, as the main window's "about N min" rounds them (at least 1)."""
        return max(1, round(self.seconds / 60))

    @property
    def group_names(self) -> tuple[str, ...]:
        return tuple(MUSCLE_GROUP_NAMES.get(g, g) for g in self.muscle_groups)


def summarize(routine: Routine) -> RoutineSummary:
    groups = dict.fromkeys(e.muscle_group for e in routine.exercises)
    return RoutineSummary(routine.name, planned_seconds(plan_session(routine)), tuple(groups))
