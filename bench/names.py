"""What showing the history's names in the language in use costs (core/history/shown_names).

    python bench/names.py [--years 10] [--runs 7]

On ten years of daily sessions of the shipped routine (bench/history.py's fill), prints
the median and maximum of: reading the shipped routine and library files once (the first
name asked for in a process), reading the other languages' catalogs once (only when a
stored name is in neither English nor the language in use), naming every session's
routine, and a CSV and a JSON export, each in English and in German side by side in the
same run (German translates every shipped name; English finds them as stored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from backtimer.core import i18n  # noqa: E402
from backtimer.core.history import shown_names  # noqa: E402
from backtimer.core.history.export import write_csv, write_json  # noqa: E402
from backtimer.core.history.store import HistoryStore  # noqa: E402
from history import fill  # noqa: E402


def measure(name: str, runs: int, fn: Callable[[], object]) -> None:
    times = []
    for _run in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    print(f"{name:<44} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")


def _cold_shipped() -> None:
    shown_names.shipped_names.cache_clear()
    shown_names.shipped_names()


def _cold_catalogs() -> None:
    shown_names._catalogs.cache_clear()
    shown_names._forms.cache_clear()
    shown_names._catalogs()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="backtimer-names-"))
    store = HistoryStore.open(folder).store
    assert store is not None
    fill(store, args.years, dt.date.today())
    sessions = store.sessions()
    print(f"{len(sessions)} sessions")
    measure("read the shipped files (once a process)", args.runs, _cold_shipped)
    measure("read the other catalogs (once, if needed)", args.runs, _cold_catalogs)
    for code in ("en", "de"):
        i18n.use_language(code)
        measure(
            f"[{code}] name every session's routine",
            args.runs,
            lambda: [shown_names.routine_name(s.routine_id, s.routine_name) for s in sessions],
        )
        measure(
            f"[{code}] CSV export (to memory)",
            args.runs,
            lambda: write_csv(store, io.StringIO()),
        )
        measure(
            f"[{code}] JSON export (to memory)",
            args.runs,
            lambda: write_json(store, io.StringIO(), time.time()),
        )
    i18n.use_language("en")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
