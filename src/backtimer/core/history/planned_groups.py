"""Which muscle groups the plan's sessions work, from the planned routines themselves.

A plan entry names its routine (its file; none for the built-in routine), not what the
routine stretches; the routine's exercises name their muscle groups. A session at a slot
works the groups of the exercises it runs: the micro-session's, or the whole routine's.
A routine whose file cannot be read (deleted, broken) works no group we could name, so
it counts for none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from backtimer.core.programme.micro import micro_routine
from backtimer.core.programme.plan import Plan, PlanEntry
from backtimer.core.programme.schedule import Slot
from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import load_routine

#: The routine a plan entry plans; None when it cannot be read.
RoutineOf = Callable[[PlanEntry], Routine | None]


def planned_routine(entry: PlanEntry) -> Routine | None:
    """The routine ``entry`` plans, as the tray finds it: the built-in routine by its id
    (whatever install path was stored with it: an upgrade moves it), else the entry's
    file; None when it cannot be read."""
    from backtimer.resources import builtin_routine_path

    builtin = _at(builtin_routine_path())
    if builtin is not None and builtin.id == entry.routine_id:
        return builtin
    return _at(entry.routine_path) if entry.routine_path is not None else None


def _at(path: Path) -> Routine | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _read(path: Path, _mtime_ns: int, _size: int) -> Routine | None:
    """Read once per version of the file (the goals line asks again after each session)."""
    return load_routine(path).routine


def slot_groups(routine: Routine, slot: Slot) -> frozenset[str]:
    """The muscle groups the session at ``slot`` works (as the tray would start it: a
    micro-session of none of the routine's exercises runs the whole routine)."""
    ran = micro_routine(routine, slot.exercises) if slot.exercises else None
    return frozenset(e.muscle_group for e in (ran or routine).exercises)


def working(plan: Plan, group: str, routine_of: RoutineOf = planned_routine) -> Plan:
    """``plan`` with only the sessions that work ``group``: each entry keeps the slots
    whose session works it, and an entry left with none goes."""
    kept = []
    for entry in plan.entries:
        routine = routine_of(entry)
        if routine is None:
            continue
        slots = tuple(s for s in entry.schedule.slots if group in slot_groups(routine, s))
        if slots:
            schedule = dataclasses.replace(entry.schedule, slots=slots)
            kept.append(dataclasses.replace(entry, schedule=schedule))
    return Plan(tuple(kept))
