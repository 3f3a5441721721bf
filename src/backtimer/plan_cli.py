"""``backtimer plan [--date YYYY-MM-DD] [--routine FILE] [--format text|json]``.

Prints a day's planned sessions (the person's plan, and FILE's prescription when given),
their times on the local clock and which are done. Runs without Qt and without writing:
the history is opened read-only. Exit 0; 1 with a message for a bad date or routine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from backtimer.core.history.faults import StoreError
from backtimer.core.history.rows import SessionRow
from backtimer.core.history.shown_names import routine_name
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.paths import data_dir
from backtimer.core.programme.adherence import DoneSession
from backtimer.core.programme.day import PlannedSession, effective_plan, sessions_on
from backtimer.core.programme.due import local_instant, local_zone
from backtimer.core.programme.plan import Plan
from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import load_builtin, load_routine

HEADING = _("Planned for {weekday} {date}:")
LINE_DONE = _("  {time}  {routine}  (done)")
LINE_TODO = _("  {time}  {routine}")
MICRO = _("{routine}: {exercises}")
TOTAL = _("{done} of {planned} done")
NOTHING = _("Nothing is planned for {date}.")
BAD_DATE = _("backtimer plan: '{value}' is not a date; write YYYY-MM-DD")
BAD_ROUTINE = _("backtimer plan: {file} has problems; run 'backtimer check {file}'")
WEEKDAYS = (
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)
DESCRIPTION = _("Print a day's planned sessions and which are done.")
DATE_HELP = _("that day (default: today)")
ROUTINE_HELP = _("add this routine's schedule")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="backtimer plan",
        description=DESCRIPTION,
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help=DATE_HELP)
    p.add_argument("--routine", type=Path, metavar="FILE", help=ROUTINE_HELP)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--data-dir", type=Path, metavar="DIR", help="where the history is kept")
    return p


def _stored(folder: Path, day: dt.date, zone: dt.tzinfo) -> tuple[Plan, list[SessionRow]]:
    result = HistoryStore.open(folder, read_only=True)
    store = result.store
    if store is None:
        return Plan(), []
    try:
        since = local_instant(day, dt.time(0), zone).timestamp()
        until = local_instant(day + dt.timedelta(days=1), dt.time(0), zone).timestamp()
        return store.plan(), store.sessions(since, until)
    except StoreError:
        return store.plan(), []
    finally:
        store.close()


def _names(routines: Sequence[Routine]) -> dict[tuple[str, str], str]:
    return {(r.id, e.id): e.name for r in routines for e in r.exercises}


def _label(s: PlannedSession, names: dict[tuple[str, str], str]) -> str:
    routine = routine_name(s.routine_id, s.routine_name)  # a built-in one in today's language
    if not s.exercises:
        return routine
    shown = ", ".join(names.get((s.routine_id, x), x) for x in s.exercises)
    return MICRO.format(routine=routine, exercises=shown)


def run_plan(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    zone = local_zone()
    try:
        day = dt.date.fromisoformat(args.date) if args.date else dt.datetime.now(zone).date()
    except ValueError:
        print(BAD_DATE.format(value=args.date), file=sys.stderr)
        return 1
    builtin = load_builtin()
    extra: list[Routine] = []
    if args.routine is not None:
        loaded = load_routine(args.routine)
        if loaded.routine is None:
            for problem in loaded.problems:
                print(problem.render(), file=sys.stderr)
            print(BAD_ROUTINE.format(file=args.routine), file=sys.stderr)
            return 1
        extra.append(loaded.routine)
    stored, rows = _stored(data_dir(args.data_dir), day, zone)
    plan = effective_plan(stored, builtin, extra)
    done = [DoneSession(r.routine_id, r.started_at, r.holds) for r in rows]
    sessions = sessions_on(plan, day, zone, done)
    names = _names([builtin, *extra])
    finished = sum(s.done for s in sessions)
    if args.format == "json":
        doc = {
            "date": day.isoformat(),
            "planned": len(sessions),
            "done": finished,
            "sessions": [
                {
                    "time": s.time,
                    "at": s.due.at.astimezone(zone).isoformat(),
                    "routine_id": s.routine_id,
                    "routine_name": routine_name(s.routine_id, s.routine_name),
                    "routine_file": str(s.routine_path) if s.routine_path else None,
                    "exercises": list(s.exercises),
                    "done": s.done,
                }
                for s in sessions
            ],
        }
        json.dump(doc, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if not sessions:
        print(NOTHING.format(date=day.isoformat()))
        return 0
    print(HEADING.format(weekday=WEEKDAYS[day.weekday()], date=day.isoformat()))
    for s in sessions:
        line = LINE_DONE if s.done else LINE_TODO
        print(line.format(time=s.time, routine=_label(s, names)))
    print(TOTAL.format(done=finished, planned=len(sessions)))
    return 0
