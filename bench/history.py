"""Ten years of daily use: how fast the history window opens, draws and exports.

    python bench/history.py [--years 10] [--runs 7] [--keep DIR]

Fills a fresh database (about 3,650 sessions, 60,000 holds, 2,000 pain events) and prints
the median and maximum of: opening the store (integrity check included), opening the
history window (built and shown), drawing its chart for every period, a CSV export, and
the PDF report of the last year. Targets: window under 300 ms, CSV under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from backtimer.core.history.export import write_csv  # noqa: E402
from backtimer.core.history.goals import GoalKind  # noqa: E402
from backtimer.core.history.store import HistoryStore  # noqa: E402
from backtimer.core.routine import Side  # noqa: E402
from backtimer.core.session.record import HoldRecord, Outcome, PainChoice, PainRecord  # noqa: E402

EXERCISES = (  # id, group, hold, sides
    ("gluteus-stretch", "gluteus", 30, True),
    ("hamstring-stretch", "hamstrings", 25, True),
    ("piriformis-stretch", "piriformis", 30, True),
    ("psoas-stretch", "psoas", 30, True),
    ("knees-to-chest", "lower_back", 20, False),
)
NAMES = {ex: ex.replace("-", " ").capitalize() for ex, *_ in EXERCISES}
NOTES = ("", "", "", "sharp behind the knee", "pulling in the lower back", "tingling in the leg")


def fill(store: HistoryStore, years: int, today: dt.date, seed: int = 1) -> tuple[int, int, int]:
    """Daily sessions for ``years`` up to ``today`` (a few days skipped); returns counts."""
    rng = random.Random(seed)
    n_sessions = n_holds = n_pains = 0
    day = today - dt.timedelta(days=365 * years)
    with store.transaction():
        while day <= today:
            if rng.random() < 0.02:
                day += dt.timedelta(days=1)
                continue
            progress = 1 - (today - day).days / (365 * years)
            start = dt.datetime.combine(day, dt.time(7, rng.randint(0, 59))).timestamp()
            gentle = rng.random() < 0.05
            sid = store.begin_session("gentle-back", "Gentle back routine", start, gentle)
            n_sessions += 1
            t = start + 60
            outcome = Outcome.COMPLETED
            for ex, group, hold, sided in EXERCISES:
                for rep in (1, 2) if rng.random() < 0.9 else (1,):
                    for side in (Side.RIGHT, Side.LEFT) if sided else (None,):
                        planned = float(hold + round(10 * progress))
                        hurt = rng.random() < 0.034
                        held = rng.uniform(3, planned) if hurt else planned
                        store.add_hold(
                            sid,
                            HoldRecord(
                                ex, group, side, rep, planned, held, gentle, not hurt, t, t + held
                            ),
                        )
                        n_holds += 1
                        if hurt:
                            choice = rng.choice(list(PainChoice))
                            store.add_pain(
                                sid,
                                PainRecord(
                                    t + held,
                                    "hold",
                                    ex,
                                    group,
                                    side,
                                    held,
                                    rng.randint(2, 8),
                                    rng.choice(NOTES),
                                    choice,
                                ),
                            )
                            n_pains += 1
                            if choice is PainChoice.END:
                                outcome = Outcome.ENDED_FOR_PAIN
                        t += held + 15
                    if outcome is Outcome.ENDED_FOR_PAIN:
                        break
                if outcome is Outcome.ENDED_FOR_PAIN:
                    break
            if rng.random() < 0.01:
                outcome = Outcome.INTERRUPTED
            if outcome is not Outcome.INTERRUPTED:
                store.finish_session(sid, outcome, t + 60)
            day += dt.timedelta(days=1)
        created = dt.datetime.combine(today - dt.timedelta(days=40), dt.time()).timestamp()
        store.add_goal(
            "hamstrings",
            GoalKind.HOLD,
            40,
            today + dt.timedelta(days=30),
            "physio, March",
            created_at=created,
        )
        store.add_goal(
            "psoas",
            GoalKind.SESSIONS_PER_WEEK,
            5,
            today + dt.timedelta(days=14),
            created_at=created,
        )
    return n_sessions, n_holds, n_pains


def measure(name: str, runs: int, fn: Callable[[], object]) -> None:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    print(f"{name:<38} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="fill this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="backtimer-bench-"))
    today = dt.date.today()
    store = HistoryStore.open(folder).store
    assert store is not None
    if not store.sessions():
        t = time.perf_counter()
        counts = fill(store, args.years, today)
        print(
            f"filled {folder}: {counts[0]} sessions, {counts[1]} holds, {counts[2]} pain "
            f"events in {time.perf_counter() - t:.1f} s"
        )
    store.close()
    size = (folder / "history.sqlite3").stat().st_size
    print(f"database: {size / 1e6:.1f} MB")

    from PySide6.QtWidgets import QApplication

    from backtimer.gui.history.history_window import PERIODS, HistoryWindow
    from backtimer.gui.history.report_pdf import write_report

    app = QApplication.instance() or QApplication(sys.argv)

    def open_store() -> HistoryStore:
        s = HistoryStore.open(folder).store
        assert s is not None
        return s

    measure("open store (with integrity check)", args.runs, lambda: open_store().close())
    store = open_store()

    def open_window() -> HistoryWindow:
        w = HistoryWindow(store, today=today)
        w.show()
        app.processEvents()
        return w

    windows = []
    measure("open history window (built + shown)", args.runs, lambda: windows.append(open_window()))
    window = windows[-1]

    def draw_all_periods() -> None:
        for n in range(len(PERIODS)):
            window.period_box.setCurrentIndex(n)
            window.chart.repaint()

    measure(f"draw chart, all {len(PERIODS)} periods", args.runs, draw_all_periods)
    measure("CSV export (to memory)", args.runs, lambda: write_csv(store, io.StringIO()))
    pdf = folder / "report.pdf"
    last_year = today - dt.timedelta(days=364)
    measure(
        "PDF report, last year",
        max(1, args.runs // 2),
        lambda: write_report(store, pdf, last_year, today, exercise_names=NAMES),
    )
    for w in windows:
        w.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
