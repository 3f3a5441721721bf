"""Ten years of daily use: how long the care rules and page one of the report take.

    python bench/care.py [--years 10] [--runs 7]

Fills a fresh database the way ``bench/history.py`` does (about 3,650 sessions, 60,000
holds, 2,000 pain events), adds a check-in before and after every session, then prints the
median and maximum of: today's routine with the care changes applied (each session start),
the review after a session (when the after-session question is answered or skipped), the
next-morning check (each launch), and gathering page one of a four-week report. Targets:
start and launch under 50 ms, the review under 250 ms (it runs at the summary, where
nothing is counting).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from backtimer.core.care.checkins import CheckIn, CheckInKind  # noqa: E402
from backtimer.core.history import care_report, care_review  # noqa: E402
from backtimer.core.history.store import HistoryStore  # noqa: E402
from backtimer.core.routine import Exercise, Routine, Sides, Step  # noqa: E402
from history import EXERCISES, fill  # noqa: E402


def routine() -> Routine:
    step = (Step("Stretch."),)
    return Routine(
        "gentle-back",
        "Gentle back routine",
        tuple(
            Exercise(ex, ex, group, step, hold, 15, 2, 10, 8, Sides.BOTH if sided else Sides.NONE)
            for ex, group, hold, sided in EXERCISES
        ),
    )


def timed(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        work()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    today = dt.date.today() - dt.timedelta(days=1)
    with tempfile.TemporaryDirectory() as tmp:
        store = HistoryStore.open(Path(tmp)).store
        assert store is not None
        sessions, holds, pains = fill(store, args.years, today)
        rng = random.Random(2)
        with store.transaction():
            for s in store.sessions():
                store.add_checkin(
                    CheckIn(s.started_at - 5, CheckInKind.BEFORE, rng.randint(1, 4), s.id)
                )
                store.add_checkin(
                    CheckIn(s.started_at + 900, CheckInKind.AFTER, rng.randint(1, 6), s.id)
                )
        last = store.sessions()[-1].id
        r = routine()
        now = time.time()
        end = dt.datetime.combine(today + dt.timedelta(days=1), dt.time()).timestamp()
        print(f"{sessions} sessions, {holds} holds, {pains} pain events, {args.runs} runs (ms)")
        rows = [
            ("today's routine (session start)", lambda: care_review.routine_today(store, r, now)),
            ("next-morning check (launch)", lambda: care_review.morning_session(store, now)),
            (
                "review after a session",
                lambda: care_review.review_session(store, r, last, pain_limit=None, now=now),
            ),
            (
                "page one facts, four weeks",
                lambda: care_report.gather(store, r, end - 28 * 86400, end, now),
            ),
        ]
        for name, work in rows:
            median, worst = timed(args.runs, work)
            print(f"{name:36s} median {median:7.1f}  max {worst:7.1f}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
