"""``backtimer report [--since DATE] [--until DATE] --output FILE.pdf``: the clinician's
report, written without opening a window.

Exit status: 0 written; 1 nothing to report or it could not be written (no history, no
sessions in the period, a folder that cannot be written); 2 bad input (a date that is not
a date, an end before the start, a day in the future, an output that is not a .pdf).
The message says which, on stderr, and no file is left behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from backtimer.core.care.period import Period, check_period, no_sessions, parse_day
from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.paths import data_dir

PROG = "backtimer report"
NOT_PDF = _("{path} does not end in .pdf: name the report FILE.pdf.")
WROTE = _("Wrote the report for {first} to {last} to {path}.")
BAD_ROUTINE = _("The routine {path} could not be read; page one uses the built-in routine.")
DESCRIPTION = _(
    "Write the report for your clinician (PDF): page one in a minute, details after it."
)
SINCE_HELP = _("first day, YYYY-MM-DD (default: 4 weeks)")
UNTIL_HELP = _("last day, YYYY-MM-DD (default: today)")
DATA_HELP = _("where the history is kept")
ROUTINE_HELP = _("the routine prescribed")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
    )
    p.add_argument("--since", metavar="DATE", help=SINCE_HELP)
    p.add_argument("--until", metavar="DATE", help=UNTIL_HELP)
    p.add_argument("--output", type=Path, metavar="FILE.pdf", required=True)
    p.add_argument("--data-dir", type=Path, metavar="DIR", help=DATA_HELP)
    p.add_argument("--routine", type=Path, metavar="FILE", help=ROUTINE_HELP)
    return p


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def run_report(argv: Sequence[str], *, today: dt.date | None = None) -> int:
    args = _parser().parse_args(list(argv))
    today = today or dt.date.today()
    days: list[dt.date | None] = []
    for text in (args.since, args.until):
        if text is None:
            days.append(None)
            continue
        day = parse_day(text, today)
        if isinstance(day, str):
            return _fail(day, 2)
        days.append(day)
    period = check_period(days[0], days[1], today)
    if not isinstance(period, Period):
        return _fail(period, 2)
    if args.output.suffix.lower() != ".pdf":
        return _fail(NOT_PDF.format(path=args.output), 2)
    result = HistoryStore.open(data_dir(args.data_dir), read_only=True)
    store = result.store
    if store is None:
        return _fail(str(result.message), 1)
    try:
        start = dt.datetime.combine(period.first, dt.time()).timestamp()
        end = dt.datetime.combine(period.last + dt.timedelta(days=1), dt.time()).timestamp()
        if not store.sessions(start, end):
            return _fail(no_sessions(period), 1)
        return _write(store, period, args.output, args.routine)
    except StoreError as error:
        return _fail(str(error), 1)
    finally:
        store.close()


def _write(store: HistoryStore, period: Period, output: Path, routine_path: Path | None) -> int:
    # Nothing is shown, so no display is needed (read when the application is made).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from backtimer.core.routine_file.loader import load_builtin, load_routine
    from backtimer.gui.history.report_pdf import ReportError, write_report

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    routine = load_builtin()
    if routine_path is not None:
        loaded = load_routine(routine_path)
        if loaded.routine is None:
            print(f"{PROG}: {BAD_ROUTINE.format(path=routine_path)}", file=sys.stderr)
        else:
            routine = loaded.routine
    try:
        write_report(store, output, period.first, period.last, routine=routine)
    except ReportError as error:
        return _fail(str(error), 1)
    print(WROTE.format(first=period.first, last=period.last, path=output))
    return 0
