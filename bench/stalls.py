"""Event-loop stalls in a whole session: ``python bench/stalls.py`` (a benchmark, not a test).

The real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise) runs a whole
session of a short routine cut and scaled from the built-in one, on the real monotonic
clock: once silent, once with sound on (real QtMultimedia output and the real espeak-ng
voice on the default PulseAudio sink). Pain — stop (Esc) is pressed 1 s after the start,
while speech is still arriving, then every ``--pain-every`` seconds, each followed by
Resume (R) as in bench/pain.py. bench/stall_probes.py watches: a 5 ms precise watchdog
timer, a thread sampling the GUI thread's Python stack while the watchdog is overdue,
the GUI thread's time on a CPU and waiting for one, every call of the suspects (sound
output, WAV loading, speech arriving, history writes, the screen inhibitor, painting,
garbage collection) and every Qt event delivery over 2 ms.

Prints, side by side for silent and sound on: watchdog samples, median, p99 and max
lateness (actual interval minus 5 ms), the number above 16 and 50 ms, and the time from
each press's due moment to the pain panel's first paint; then every stall above 16 ms
with its cause: the innermost frames sampled during it (or, when Python sat in
``app.exec``, that the time went to Qt's C++), how the GUI thread spent it (on a CPU,
waiting for one, asleep) and the suspect calls and Qt events it overlapped; grouped by
where Qt called into BackTimer. A first line says how steady the machine is: on a
shared or virtual machine the same 5 ms of Python sometimes takes several times longer.

    .venv/bin/python bench/stalls.py                 # about 1 + 2 minutes
    .venv/bin/python bench/stalls.py --seconds 90 --silent
    .venv/bin/python bench/stalls.py --pain-every 0  # no presses
    .venv/bin/python bench/stalls.py --suspects      # every suspect's calls, median, max
    .venv/bin/python bench/stalls.py --native        # py-spy --native dumps of long stalls

Sound needs a PulseAudio server (``pactl info``); bench/pain.py shows how to start one.
``--native`` needs py-spy next to the interpreter (``pip install py-spy``); each dump
pauses the process, so the figures then include it.
"""

from __future__ import annotations

import argparse
import bisect
import math
import os
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and history go to a throwaway home, never the person's own.
_HOME = tempfile.mkdtemp(prefix="backtimer-bench-stalls-")
os.environ["XDG_CONFIG_HOME"] = str(Path(_HOME) / "config")
os.environ["XDG_DATA_HOME"] = str(Path(_HOME) / "data")

import yaml  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from backtimer.core.clock import monotonic  # noqa: E402
from backtimer.core.routine_file.loader import load_routine  # noqa: E402
from backtimer.core.session.phase_machine import State  # noqa: E402
from backtimer.core.session.timeline import build_phases, planned_seconds  # noqa: E402
from backtimer.gui.main_window import MainWindow  # noqa: E402
from backtimer.resources import builtin_routine_path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cues import pulse_problem  # noqa: E402  (bench/cues.py: is a sound server there?)
from stall_probes import (  # noqa: E402
    EVENT_S,
    WATCH_MS,
    Calls,
    Frame,
    NativeHelper,
    Sampler,
    TimedApplication,
    Watchdog,
    install_suspects,
    machine_noise,
    p99,
    uninstall_suspects,
)

STALL_MS = 16.0  #: a frame at 60 Hz: longer than this is a stall worth a cause
BIG_MS = 50.0
RESUME_AFTER_MS = 400  #: a press's panel stays up this long before R (Resume)
FIRST_PRESS_S = 1.0  #: the first press comes while speech is still arriving
BENCH_FILES = {
    str(Path(__file__).resolve()),
    str(Path(__file__).resolve().with_name("stall_probes.py")),
}
IN_EXEC = "in Qt's event loop (app.exec)"


# -- a short routine ----------------------------------------------------------------------


def short_routine(seconds: float) -> Path:
    """The built-in routine cut and scaled so that it plans about ``seconds``.

    Written as a YAML file and loaded like any routine. Durations are scaled and clamped
    to the format's limits (hold >= 5 s, prepare >= 3 s); when even the shortest durations
    plan too long, exercises (down to two), then warm-up and cool-down movements (down to
    one each) are dropped from the end. Prepare phases also grow to fit their speech when
    the voice is on, so a session with sound runs longer than planned.
    """
    source = yaml.safe_load(builtin_routine_path().read_text(encoding="utf-8"))
    folder = Path(tempfile.mkdtemp(prefix="routine-", dir=_HOME))
    limits = {"hold": 5, "rest": 0, "prepare": 3, "duration": 5}

    def variant(factor: float, keep: dict[str, int]) -> dict:
        data = yaml.safe_load(yaml.safe_dump(source))
        data["id"], data["name"] = "bench-short", "Bench: short gentle back"
        for key, n in keep.items():
            data[key] = data[key][:n]
        for table in [data.get("defaults", {})] + [
            item for key in ("warmup", "exercises", "cooldown") for item in data.get(key, [])
        ]:
            table.pop("gentle_hold", None)  # at least 10 s: let the loader derive it
            for key, low in limits.items():
                if key in table:
                    table[key] = max(low, round(table[key] * factor))
        return data

    def write(data: dict) -> tuple[Path, float]:
        path = folder / "short.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        result = load_routine(path)
        if result.routine is None:
            raise SystemExit("\n".join(p.render() for p in result.problems))
        return path, planned_seconds(build_phases(result.routine))

    keep = {key: len(source.get(key, [])) for key in ("warmup", "exercises", "cooldown")}
    for key, least in (("exercises", 2), ("warmup", 1), ("cooldown", 1)):
        while keep[key] > least and write(variant(0.0, keep))[1] > seconds:
            keep[key] -= 1
    low, high = 0.0, 1.0
    for _ in range(16):  # planned length grows with the factor: bisect it
        mid = (low + high) / 2
        low, high = (mid, high) if write(variant(mid, keep))[1] < seconds else (low, mid)
    return write(variant(high, keep))[0]


class Presser(QObject):
    """Presses pain — stop (Esc) at fixed moments on the clock, Resume (R) a moment later.

    The moments are ``FIRST_PRESS_S`` after the start, then every ``every`` seconds; a
    precise single-shot timer fires at each, so a blocked event loop makes it late, as a
    real key would wait in the queue. ``latency`` is from the moment to the panel's first
    paint: what a person would see; ``handled`` the key's own handling (sendEvent).
    """

    def __init__(self, window: MainWindow, every: float) -> None:
        super().__init__()
        self.window = window
        self.every = every
        self.handled: list[float] = []
        self.latency: list[float] = []
        self._due = 0.0
        self._waiting: float | None = None  #: the due moment of a press not painted yet
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._press)
        window.parts.pain_panel.installEventFilter(self)

    def start(self, start: float) -> None:
        self._due = start + FIRST_PRESS_S
        self._arm()

    def stop(self) -> None:
        self._timer.stop()

    def _arm(self) -> None:
        self._timer.start(max(0, round((self._due - monotonic()) * 1000)))

    def _press(self) -> None:
        due, self._due = self._due, self._due + self.every
        self._arm()
        session = self.window.session
        if session is None or session.engine.state is not State.RUNNING:
            return
        target = self.window.centralWidget()
        down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        up = QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        self._waiting = due
        began = monotonic()
        QApplication.sendEvent(target, down)
        self.handled.append(1000 * (monotonic() - began))
        QApplication.sendEvent(target, up)
        QTimer.singleShot(RESUME_AFTER_MS, self._resume)

    def _resume(self) -> None:
        session = self.window.session
        if session is not None and session.in_pain:
            QTest.keyClick(self.window.parts.pain_panel, Qt.Key.Key_R)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._waiting is not None:
            self.latency.append(1000 * (monotonic() - self._waiting))
            self._waiting = None
        return False


# -- one run ------------------------------------------------------------------------------


@dataclass
class Run:
    title: str
    lateness: list[float]
    stalls: list[tuple[float, float]]
    samples: list[tuple[float, tuple[Frame, ...]]]
    gil_waits: list[tuple[float, float]]
    sched: list[tuple[float, float, float]]
    spans: list[tuple[str, float, float]]
    phases: list[tuple[float, str]]  #: (start, phase kind) in order
    presses: list[float]  #: ms each Esc took to handle (sendEvent)
    pain_latency: list[float]  #: ms from each press's due moment to the panel's first paint
    seconds: float
    start: float
    built_ms: float
    closed_ms: float
    native: list[tuple[float, str]]


def run_session(
    app: TimedApplication, routine_path: Path, *, silent: bool, pain_every: float, native: bool
) -> Run:
    result = load_routine(routine_path)
    assert result.routine is not None
    calls = Calls()
    install_suspects(calls)
    t0 = monotonic()
    window = MainWindow(
        result.routine, data_folder=Path(tempfile.mkdtemp(dir=_HOME)), silent=silent
    )
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    built_ms = 1000 * (monotonic() - t0)
    helper = NativeHelper(Path(_HOME)) if native else None
    watchdog = Watchdog(helper.beat if helper else None)
    sampler = Sampler(watchdog)
    phases: list[tuple[float, str]] = []

    def on_event(event: object) -> None:
        phase = getattr(event, "phase", None)
        if type(event).__name__ == "PhaseStarted" and phase is not None:
            phases.append((monotonic(), phase.kind.value))

    def check_done() -> None:
        session = window.session
        if session is not None and not session.active:
            QTimer.singleShot(1000, app.quit)  # let the summary paint, measured
            done.stop()

    presser = Presser(window, pain_every)
    done = QTimer()
    done.setInterval(100)
    done.timeout.connect(check_done)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(app.quit)

    app.events = []
    app.timing = app.timing_wanted
    watchdog.start()
    sampler.start()
    start = monotonic()
    window.start_session()
    session = window.session
    assert session is not None
    session.happened.connect(on_event)
    if pain_every > 0:
        presser.start(start)
    done.start()
    give_up.start(round((session.planned_total() + 120) * 1000))
    app.exec()
    app.timing = False
    end = monotonic()
    for timer in (presser, done, give_up):
        timer.stop()
    watchdog.stop()
    sampler.stop()
    if helper is not None:
        helper.pause()
    if session.active:
        print("  the session did not finish in time; figures cover what ran")
    t1 = monotonic()
    window.close()
    app.processEvents()
    closed_ms = 1000 * (monotonic() - t1)
    window.deleteLater()
    app.processEvents()
    dumps = []
    if helper is not None:
        helper.close()
        dumps = helper.dumps()
    uninstall_suspects()
    return Run(
        title="silent" if silent else "sound on",
        lateness=watchdog.lateness_ms(),
        stalls=watchdog.stalls(STALL_MS),
        samples=sampler.samples,
        gil_waits=sampler.gil_waits,
        sched=sampler.sched,
        spans=calls.spans + app.events,
        phases=phases,
        presses=presser.handled,
        pain_latency=presser.latency,
        seconds=end - start,
        start=start,
        built_ms=built_ms,
        closed_ms=closed_ms,
        native=dumps,
    )


# -- the report ---------------------------------------------------------------------------


def short(frame: Frame) -> str:
    file, line, function = frame
    parts = Path(file).parts
    if "backtimer" in parts:
        where = "/".join(parts[parts.index("backtimer") + 1 :])
    else:
        where = Path(file).name
    return f"{function} ({where}:{line})"


def cause_of(stack: tuple[Frame, ...], depth: int = 4) -> str:
    """The innermost frames, without this benchmark's own wrappers."""
    frames = [f for f in stack if f[0] not in BENCH_FILES]
    if not frames:
        return IN_EXEC
    inner = " <- ".join(short(f) for f in frames[:depth])
    return inner


def overlapping(spans: list[tuple[str, float, float]], a: float, b: float) -> list[str]:
    """Suspect calls and Qt events that ran inside (a, b), by name: count and their ms
    (clipped to the stall), longest first."""
    total: dict[str, float] = {}
    count: Counter[str] = Counter()
    for name, s, e in spans:
        if e > a and s < b and e - s > 0.002:
            total[name] = total.get(name, 0.0) + min(e, b) - max(s, a)
            count[name] += 1
    ranked = sorted(total, key=lambda n: -total[n])[:6]
    return [
        f"{name} {'' if count[name] == 1 else f'{count[name]}x '}{1000 * total[name]:.0f} ms"
        for name in ranked
    ]


def phase_at(run: Run, t: float) -> str:
    starts = [s for s, _ in run.phases]
    i = bisect.bisect_right(starts, t) - 1
    return run.phases[i][1] if i >= 0 else "lead_in"


def cpu_split(
    sched: list[tuple[float, float, float]], a: float, b: float
) -> tuple[float, float, float, float] | None:
    """(span, on a CPU, waiting for a CPU, asleep) in seconds for the GUI thread, between
    the sampler's readings around (a, b). Waiting: another thread or process had the CPU;
    asleep: blocked in a system call (poll, a lock, I/O)."""
    times = [t for t, _, _ in sched]
    i, j = bisect.bisect_right(times, a) - 1, bisect.bisect_left(times, b)
    if i < 0 or j >= len(sched):
        return None
    (t0, run0, wait0), (t1, run1, wait1) = sched[i], sched[j]
    span, run, wait = t1 - t0, run1 - run0, wait1 - wait0
    if math.isnan(run):
        return None
    return span, run, wait, max(0.0, span - run - wait)


def in_qt(split: tuple[float, float, float, float] | None) -> str:
    """What the GUI thread did while Python sat in ``app.exec``."""
    if split is None:
        return "Qt's event loop (C++)"
    span, run, wait, asleep = split
    if wait >= max(run, asleep):
        return "Qt's event loop: waiting for a CPU (another process had it)"
    if run >= asleep:
        return "Qt's event loop: C++ on the CPU (GIL released)"
    return "Qt's event loop: asleep (blocked in a system call)"


def report_figures(runs: list[Run]) -> None:
    print()
    width = 16
    print(f"{'':28s}" + "".join(f"{r.title:>{width}s}" for r in runs))

    def row(name: str, values: list[str]) -> None:
        print(f"{name:28s}" + "".join(f"{v:>{width}s}" for v in values))

    row("session (s)", [f"{r.seconds:.0f}" for r in runs])
    row("watchdog samples", [str(len(r.lateness)) for r in runs])
    row("lateness median (ms)", [f"{statistics.median(r.lateness):.2f}" for r in runs])
    row("lateness p99 (ms)", [f"{p99(r.lateness):.2f}" for r in runs])
    row("lateness max (ms)", [f"{max(r.lateness):.1f}" for r in runs])
    row(f"stalls > {STALL_MS:.0f} ms", [str(sum(v > STALL_MS for v in r.lateness)) for r in runs])
    row(f"stalls > {BIG_MS:.0f} ms", [str(sum(v > BIG_MS for v in r.lateness)) for r in runs])
    row(
        "time stalled > 16 ms (ms)",
        [f"{sum(v for v in r.lateness if v > STALL_MS):.0f}" for r in runs],
    )
    row("pain presses", [str(len(r.presses)) for r in runs])
    row(
        "Esc handled median (ms)",
        [f"{statistics.median(r.presses):.2f}" if r.presses else "-" for r in runs],
    )
    row("Esc handled max (ms)", [f"{max(r.presses):.1f}" if r.presses else "-" for r in runs])
    row(
        "press to panel median (ms)",
        [f"{statistics.median(r.pain_latency):.1f}" if r.pain_latency else "-" for r in runs],
    )
    row(
        "press to panel max (ms)",
        [f"{max(r.pain_latency):.1f}" if r.pain_latency else "-" for r in runs],
    )
    row("window built (ms)", [f"{r.built_ms:.0f}" for r in runs])
    row("window closed (ms)", [f"{r.closed_ms:.0f}" for r in runs])


def entry_of(stack: tuple[Frame, ...]) -> str | None:
    """The outermost frame of BackTimer's own code: what Qt called into."""
    ours = [f for f in stack if f[0] not in BENCH_FILES and "backtimer" in Path(f[0]).parts]
    return short(ours[-1]) if ours else None


def report_stalls(run: Run) -> None:
    print(f"\n{run.title}: every stall above {STALL_MS:.0f} ms (t from the start, in s)")
    if not run.stalls:
        print("  none")
        return
    groups: dict[str, list[tuple[float, str]]] = {}
    for a, b in run.stalls:
        ms = 1000 * (b - a) - WATCH_MS
        inside = [stack for t, stack in run.samples if a < t <= b]
        gil = sum(min(e, b) - max(s, a) for s, e in run.gil_waits if e > a and s < b)
        split = cpu_split(run.sched, a, b)
        ranked = Counter(cause_of(s) for s in inside).most_common(2)
        if ranked:
            top, n = ranked[0]
            cause = in_qt(split) if top == IN_EXEC else top
            how = f"{n}/{len(inside)} samples"
            if len(ranked) > 1 and n < 0.6 * len(inside):
                other, m = ranked[1]
                how += f"; then {in_qt(split) if other == IN_EXEC else other} {m}"
            entries = Counter(e for s in inside if (e := entry_of(s)))
            key = f"in {entries.most_common(1)[0][0]}" if entries and top != IN_EXEC else cause
        else:
            cause = key = "no sample: GIL held by the GUI thread (C++ that keeps it)"
            how = "0 samples"
        if split is not None and split[2] > 0.5 * (b - a):
            key = "waiting for a CPU (another process had it)"
            cause = f"{key}; meanwhile {cause}"
        if gil > 0.5 * (b - a):
            how += f", GIL unavailable {1000 * gil:.0f} ms"
        groups.setdefault(key, []).append((ms, cause))
        calls = overlapping(run.spans, a, b)
        print(f"  t={a - run.start:7.2f}  {ms:7.1f} ms  [{phase_at(run, a)}]  {cause}  ({how})")
        if split is not None:
            span, on, wait, asleep = (1000 * v for v in split)
            print(
                f"{'':14s}GUI thread over {span:.0f} ms: on a CPU {on:.0f} ms, "
                f"waiting for a CPU {wait:.0f} ms, asleep {asleep:.0f} ms"
            )
        if calls:
            print(f"{'':14s}overlapping: {'; '.join(calls)}")
        for at, text in run.native:
            if a < at <= b + 0.5:
                main = text.split("\nThread ")[1] if "\nThread " in text else text
                lines = [ln.strip() for ln in main.splitlines()[1:13] if ln.strip()]
                print(f"{'':14s}py-spy --native (GUI thread), {1000 * (at - a):.0f} ms in:")
                for line in lines:
                    print(f"{'':16s}{line}")
                break
    print(f"  by cause ({len(run.stalls)} stalls): count, total ms, max ms")
    for key, hits in sorted(groups.items(), key=lambda kv: -sum(ms for ms, _ in kv[1])):
        total, worst = sum(ms for ms, _ in hits), max(ms for ms, _ in hits)
        print(f"    {len(hits):4d} x {total:8.0f} {worst:8.0f}  {key}")
        if key.startswith("in "):
            common, n = Counter(c for _, c in hits).most_common(1)[0]
            print(f"{'':28s}mostly ({n}x) {common}")


def report_suspects(runs: list[Run]) -> None:
    print("\nsuspects: calls, median and max ms (every call timed)")
    table(runs, sorted({n for r in runs for n, _, _ in r.spans if "event " not in n}))
    print(f"\nQt event deliveries longer than {1000 * EVENT_S:.0f} ms (the 15 costing most)")
    cost: Counter[str] = Counter()
    for r in runs:
        for n, s, e in r.spans:
            if n.startswith("event "):  # outermost deliveries only
                cost[n] += e - s
    table(runs, [n for n, _ in cost.most_common(15)])


def table(runs: list[Run], names: list[str]) -> None:
    head = "".join(f"{r.title + ' n/median/max':>30s}" for r in runs)
    print(f"  {'':38s}{head}")
    for name in names:
        cells = []
        for r in runs:
            ms = [1000 * (e - s) for n, s, e in r.spans if n == name]
            cells.append(f"{len(ms):6d} {statistics.median(ms):8.2f} {max(ms):9.1f}" if ms else "-")
        print(f"  {name:38s}" + "".join(f"{c:>30s}" for c in cells))


def quiet_offscreen(kind: object, context: object, message: str) -> None:
    """Qt's messages, less the offscreen plugin's note on every window it shows."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="planned session length")
    parser.add_argument("--silent", action="store_true", help="only the silent run")
    parser.add_argument(
        "--pain-every", type=float, default=5.0, help="seconds between pain presses (0: none)"
    )
    parser.add_argument("--native", action="store_true", help="py-spy --native dumps of stalls")
    parser.add_argument(
        "--no-events", action="store_true", help="do not time Qt's event deliveries"
    )
    parser.add_argument("--suspects", action="store_true", help="print every suspect's timings")
    args = parser.parse_args()
    qInstallMessageHandler(quiet_offscreen)
    app = TimedApplication(sys.argv)
    app.timing_wanted = not args.no_events
    app.setOrganizationName("BackTimerBench")
    app.setApplicationName("BackTimerBench")
    routine = short_routine(args.seconds)
    print(
        f"platform {app.platformName()}, Python {sys.version.split()[0]}, "
        f"routine planned for {args.seconds:.0f} s, "
        + (f"pain every {args.pain_every:g} s" if args.pain_every > 0 else "no pain presses")
    )
    sys.stdout.flush()
    print(machine_noise())
    sys.stdout.flush()
    runs = [run_session(app, routine, silent=True, pain_every=args.pain_every, native=args.native)]
    if not args.silent:
        problem = pulse_problem()
        if problem:
            print(f"sound on: skipped — {problem}")
        else:
            runs.append(
                run_session(
                    app, routine, silent=False, pain_every=args.pain_every, native=args.native
                )
            )
    report_figures(runs)
    for run in runs:
        report_stalls(run)
    if args.suspects:
        report_suspects(runs)


if __name__ == "__main__":
    main()
