"""The person's own plan: which routines, on which schedules.

It starts from a routine's prescription (its ``schedule:``) and is then the person's:
kept with the history, edited in the Plan window, printed by ``backtimer plan``. An
entry remembers the routine's file (None: the built-in routine) so the tray can open it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from backtimer.core.paths import same_file
from backtimer.core.programme.schedule import Schedule


@dataclass(frozen=True)
class PlanEntry:
    routine_id: str
    routine_name: str
    schedule: Schedule
    routine_path: Path | None = None  #: the routine file; None for the built-in routine
    id: int | None = None  #: its row in the history; None until stored
    #: the local date it was first planned: adherence counts from then (None: always)
    since: dt.date | None = None

    def applies_on(self, day: dt.date) -> bool:
        return (self.since is None or day >= self.since) and self.schedule.applies_on(day)


@dataclass(frozen=True)
class Plan:
    entries: tuple[PlanEntry, ...] = ()

    def with_entry(self, entry: PlanEntry) -> Plan:
        """This plan with ``entry`` for its routine (replacing that routine's entry)."""
        kept = tuple(e for e in self.entries if e.routine_id != entry.routine_id)
        return Plan((*kept, entry))

    def replace_entry(self, entry: PlanEntry, schedule: Schedule) -> Plan:
        """This plan with ``entry``'s schedule changed, in the same place."""
        return Plan(tuple(replace(e, schedule=schedule) if e is entry else e for e in self.entries))

    def without_file(self, path: Path) -> Plan:
        """This plan without its entries for the routine file ``path``."""
        return Plan(tuple(e for e in self.entries if not same_file(e.routine_path, path)))

    def without(self, routine_id: str) -> Plan:
        return Plan(tuple(e for e in self.entries if e.routine_id != routine_id))

    def entry_for(self, routine_id: str) -> PlanEntry | None:
        return next((e for e in self.entries if e.routine_id == routine_id), None)

    def merged(self, other: Plan) -> Plan:
        """This plan, plus ``other``'s entries for routines this one does not plan (a
        routine file's prescription given on the command line adds to the person's plan,
        and never overrides what the person chose)."""
        planned = {e.routine_id for e in self.entries}
        extra = tuple(
            replace(e, id=None, since=None) for e in other.entries if e.routine_id not in planned
        )
        return Plan((*self.entries, *extra))
