"""``backtimer history --format csv|json [--output FILE] [--data-dir DIR]``: export the log.

Runs without Qt. Opens the history read-only (an export never repairs, migrates or
writes the database). Exit 0 on success, 1 with a one-line message on stderr otherwise.
A file given with ``--output`` is written whole or not at all, readable by its owner only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from backtimer.core.history.export import FORMATS, write_csv, write_json
from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
from backtimer.core.i18n import _
from backtimer.core.paths import data_dir

DESCRIPTION = _("Export your sessions, holds, pauses and pain events.")
EPILOG = _(
    "CSV has one row per session, hold, pause and pain event; "
    "the columns are listed in backtimer/core/history/export.py and the README."
)
OUTPUT_HELP = _("write here instead of stdout")
DATA_HELP = _("where the history is kept")
CANNOT_WRITE = _("backtimer history: could not write {file}: {reason}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="backtimer history",
        description=DESCRIPTION,
        epilog=EPILOG,
    )
    p.add_argument("--format", choices=FORMATS, required=True, help="csv or json")
    p.add_argument("--output", type=Path, metavar="FILE", help=OUTPUT_HELP)
    p.add_argument("--data-dir", type=Path, metavar="DIR", help=DATA_HELP)
    return p


def _write_file(path: Path, store: HistoryStore, fmt: str, now: float) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            if fmt == "csv":
                write_csv(store, out)
            else:
                write_json(store, out, now)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def run_history(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    folder = data_dir(args.data_dir)
    result = HistoryStore.open(folder, read_only=True)
    store = result.store
    if store is None:
        print(f"backtimer history: {result.message}", file=sys.stderr)
        return 1
    if result.message:
        print(f"backtimer history: {result.message}", file=sys.stderr)
    now = time.time()
    try:
        if args.output is None:
            if args.format == "csv":
                write_csv(store, sys.stdout)
            else:
                write_json(store, sys.stdout, now)
        else:
            _write_file(args.output, store, args.format, now)
    except StoreError as error:
        print(f"backtimer history: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        target = args.output or "standard output"
        print(CANNOT_WRITE.format(file=target, reason=error.strerror), file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0
