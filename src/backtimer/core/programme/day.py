"""One day of the plan as a person reads it: each session's time, routine and whether
it is done; and the plans that make it up (the person's, a routine's prescription).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.programme.adherence import DoneSession, done_keys
from backtimer.core.programme.due import Due, dues_on
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import format_time
from backtimer.core.routine import Routine


@dataclass(frozen=True)
class PlannedSession:
    due: Due
    time: str  #: "08:00", on the local wall clock
    routine_id: str
    routine_name: str
    routine_path: Path | None
    exercises: tuple[str, ...]  #: a micro-session's exercise ids; () for the whole routine
    done: bool


def entry_from(routine: Routine) -> PlanEntry | None:
    """A plan entry from the routine's prescription, or None if it has none."""
    if routine.schedule is None:
        return None
    return PlanEntry(routine.id, routine.name, routine.schedule, routine.source)


def plan_from(routines: Iterable[Routine]) -> Plan:
    entries = tuple(e for e in (entry_from(r) for r in routines) if e is not None)
    return Plan(entries)


def effective_plan(stored: Plan, builtin: Routine, extra: Iterable[Routine] = ()) -> Plan:
    """What is planned: the person's plan, or while they have none the built-in
    routine's suggestion; plus the prescriptions of ``extra`` routines (given on the
    command line) for routines the person's plan does not have."""
    base = stored if stored.entries else plan_from([builtin])
    if base is not stored:
        base = Plan(
            tuple(PlanEntry(e.routine_id, e.routine_name, e.schedule) for e in base.entries)
        )
    return base.merged(plan_from(extra))


def sessions_on(
    plan: Plan, day: dt.date, zone: dt.tzinfo, done: Iterable[DoneSession]
) -> list[PlannedSession]:
    """``day``'s planned sessions in time order, each marked done or not."""
    done_list = list(done)
    keys = done_keys(plan, day, done_list, zone)
    out: list[PlannedSession] = []
    for due in dues_on(plan, day, zone):
        entry = plan.entries[due.entry]
        slot = entry.schedule.slots[due.slot]
        out.append(
            PlannedSession(
                due=due,
                time=format_time(slot.at),
                routine_id=entry.routine_id,
                routine_name=entry.routine_name,
                routine_path=entry.routine_path,
                exercises=slot.exercises,
                done=due.key in keys,
            )
        )
    return out
