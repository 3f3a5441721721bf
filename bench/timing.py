"""Benchmark: how exactly does a real session keep time? (A benchmark, not a test.)

Runs a routine of short holds headless through the real SessionDriver on the real
monotonic clock, and beside it, in the same event loop, a naive timer that counts each
phase down by one on a 1000 ms QTimer. For every phase boundary it compares the moment
the boundary was announced with the planned moment (start + sum of planned lengths) and
prints median, 95th percentile and maximum error, and the drift at the end. It also
measures CPU use while holds count down (process time / wall time).

    .venv/bin/python bench/timing.py              # about 5.5 minutes
    .venv/bin/python bench/timing.py --minutes 1  # a smoke run

Targets (issue 4): median < 5 ms, max < 30 ms, final drift < 30 ms, CPU < 2 % of a core.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from backtimer.core.clock import monotonic  # noqa: E402
from backtimer.core.routine import Exercise, Routine, Sides, Step  # noqa: E402
from backtimer.core.session.engine import Engine  # noqa: E402
from backtimer.core.session.events import PhaseEnded, PhaseStarted, StallDetected  # noqa: E402
from backtimer.core.session.timeline import PhaseKind  # noqa: E402
from backtimer.gui.driver import SessionDriver  # noqa: E402

LEAD_IN = 2.0


def bench_routine(minutes: float) -> Routine:
    """Enough two-sided exercises (hold 6 s, 2 reps) to fill ``minutes``."""

    def exercise(n: int) -> Exercise:
        return Exercise(
            id=f"ex{n}",
            name=f"Exercise {n}",
            muscle_group="hamstrings",
            steps=(Step("Hold."),),
            hold=6,
            gentle_hold=5,
            reps=2,
            rest=2,
            prepare=3,
            sides=Sides.BOTH,
        )

    per_exercise = 3 + 2 * (6 + 5 + 6) + 2 * 2  # prepare, holds and switches, rests
    count = max(1, math.ceil((minutes * 60 - LEAD_IN) / per_exercise))
    return Routine(id="bench", name="Bench", exercises=tuple(exercise(n) for n in range(count)))


class NaiveTimer:
    """The timer this project must beat: a QTimer every second, count down by one."""

    def __init__(self, seconds: list[float]) -> None:
        self.seconds = [round(s) for s in seconds]
        self.boundaries: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(1000)  # default CoarseTimer, as most people write it
        self.timer.timeout.connect(self._tick)
        self.phase = 0
        self.left = 0

    def start(self) -> None:
        self.phase, self.left = 0, self.seconds[0]
        self.boundaries = [monotonic()]
        self.timer.start()
        self._skip_empty()

    def _skip_empty(self) -> None:
        while self.left <= 0 and self.phase < len(self.seconds) - 1:
            self.phase += 1
            self.left = self.seconds[self.phase]
            self.boundaries.append(monotonic())
        if self.phase == len(self.seconds) - 1 and self.left <= 0:
            self.timer.stop()

    def _tick(self) -> None:
        self.left -= 1
        self._skip_empty()

    @property
    def done(self) -> bool:
        return not self.timer.isActive()


def summary(name: str, errors_ms: list[float]) -> str:
    absolute = sorted(abs(e) for e in errors_ms)
    p95 = absolute[min(len(absolute) - 1, math.ceil(0.95 * len(absolute)) - 1)]
    return (
        f"{name:<22} boundaries {len(errors_ms):4d}   median {statistics.median(absolute):7.2f} ms"
        f"   p95 {p95:7.2f} ms   max {absolute[-1]:7.2f} ms   drift at end {errors_ms[-1]:+8.2f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="session length (default 5)")
    args = parser.parse_args(argv)

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    routine = bench_routine(args.minutes)
    engine = Engine(routine, monotonic, lead_in=LEAD_IN)
    driver = SessionDriver(engine)
    phases = list(engine.phases)
    naive = NaiveTimer([p.seconds for p in phases])

    actual: list[float] = []
    stalls: list[StallDetected] = []
    cpu = {"process": 0.0, "wall": 0.0, "p0": 0.0, "w0": 0.0}

    def on_event(event: object) -> None:
        now = monotonic()
        if isinstance(event, StallDetected):
            # The loop was blocked for seconds: the engine paused, as it should. Say so,
            # and carry on (the errors that follow then include the pause).
            stalls.append(event)
            print(f"stall: the event loop was blocked for {event.gap:.1f} s; resuming")
            QTimer.singleShot(0, lambda: driver.dispatch(engine.resume()))
        elif isinstance(event, PhaseStarted):
            actual.append(now)
            if event.phase.kind is PhaseKind.HOLD:
                cpu["p0"], cpu["w0"] = time.process_time(), now
        elif isinstance(event, PhaseEnded) and event.phase.kind is PhaseKind.HOLD:
            cpu["process"] += time.process_time() - cpu["p0"]
            cpu["wall"] += now - cpu["w0"]

    driver.event_emitted.connect(on_event)
    driver.tick.connect(lambda: engine.remaining())  # what the countdown widget would read

    def maybe_quit() -> None:
        if engine.state.value == "finished" and naive.done:
            app.quit()

    watcher = QTimer()
    watcher.setInterval(200)
    watcher.timeout.connect(maybe_quit)

    total = engine.planned_total()
    print(f"{len(phases)} phases, {total / 60:.1f} min planned; running on the real clock…")
    sys.stdout.flush()
    wall0, process0 = monotonic(), time.process_time()
    QTimer.singleShot(0, lambda: (driver.dispatch(engine.start()), naive.start(), watcher.start()))
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(app.quit)  # never hang: a minute past the plan, report what we have
    give_up.start(int((total + 60) * 1000))
    app.exec()
    give_up.stop()
    watcher.stop()
    driver.shutdown()
    overall_cpu = 100 * (time.process_time() - process0) / (monotonic() - wall0)

    start = actual[0]
    paused = engine.record.paused_seconds
    planned = [start + sum(p.seconds for p in phases[:i]) for i in range(len(phases))]
    if stalls:
        print(f"{len(stalls)} stall(s), {paused:.1f} s paused: errors below include them")
    if engine.state.value != "finished":
        print("the session did not finish in time; figures cover the boundaries reached")
    engine_errors = [1000 * (a - p) for a, p in zip(actual, planned, strict=False)]
    naive_start = naive.boundaries[0]
    naive_planned = [naive_start + (p - start) for p in planned]
    naive_errors = [1000 * (a - p) for a, p in zip(naive.boundaries, naive_planned, strict=False)]
    print(summary("engine + driver", engine_errors))
    print(summary("naive 1 s countdown", naive_errors))
    hold_cpu = 100 * cpu["process"] / cpu["wall"] if cpu["wall"] else float("nan")
    print(
        f"CPU while holds count down: {hold_cpu:.2f} % of one core (whole run {overall_cpu:.2f} %)"
    )
    print("targets: median < 5 ms, max < 30 ms, drift < 30 ms, CPU < 2 %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
