"""Probes for bench/stalls.py: what runs beside the window to find event-loop stalls.

* ``Watchdog``: a precise 5 ms QTimer; its lateness is how long the loop was kept from it.
* ``Sampler``: a thread that, while the watchdog is overdue, records the GUI thread's
  Python stack every 2 ms, notes when it could not get the GIL (the GUI thread in C++
  that keeps it), and reads the GUI thread's Linux schedstat (time on a CPU, time
  waiting for one) every wake-up.
* ``Calls``: every call of the suspects timed (``install_suspects``), and gc pauses.
* ``TimedApplication``: a QApplication whose ``notify`` times each event delivery, so a
  stall in Qt's C++ (painting, layout, style sheets) still names the event and widget.
* ``NativeHelper``: a separate process that runs ``py-spy dump --native`` during long
  stalls (a held GIL cannot stop it).
* ``machine_noise``: how steady this machine is, for reading the rest.
"""

from __future__ import annotations

import functools
import gc
import math
import mmap
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from backtimer.core.clock import monotonic

WATCH_MS = 5  #: watchdog interval
SAMPLE_S = 0.002  #: sampler period while the watchdog is overdue
OVERDUE_S = 0.008  #: start sampling when the watchdog is this late (before a 16 ms stall)
NATIVE_AFTER_S = 0.050  #: the helper asks py-spy once a stall is this long
EVENT_S = 0.002  #: Qt event deliveries longer than this are kept

Frame = tuple[str, int, str]  #: file, line, function


class TimedApplication(QApplication):
    """A QApplication that times every event it delivers (while ``timing``), so a stall
    spent in Qt's C++ (painting, layout, style sheets) still names the event and the
    widget. Deliveries longer than ``EVENT_S`` are kept: (name, start, end)."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.timing = False
        self.timing_wanted = True
        self.events: list[tuple[str, float, float]] = []
        self._depth = 0

    def notify(self, receiver: QObject, event: QEvent) -> bool:  # Qt override
        if not self.timing:
            return super().notify(receiver, event)
        kind = event.type()
        self._depth += 1
        start = monotonic()
        try:
            return super().notify(receiver, event)
        finally:
            end = monotonic()
            self._depth -= 1
            if end - start > EVENT_S:
                name = getattr(kind, "name", str(kind))
                nested = "  " * self._depth
                self.events.append((f"{nested}event {name}->{type(receiver).__name__}", start, end))


class Watchdog(QObject):
    """A precise 5 ms timer that notes when it ran; ``beat`` is shared with the sampler."""

    def __init__(self, beat: mmap.mmap | None) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self.last = monotonic()
        self._beat = beat
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.last = monotonic()
        self.ticks = [self.last]
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = monotonic()
        self.ticks.append(now)
        self.last = now
        if self._beat is not None:
            struct.pack_into("d", self._beat, 0, now)

    def lateness_ms(self) -> list[float]:
        return [1000 * (b - a) - WATCH_MS for a, b in zip(self.ticks, self.ticks[1:], strict=False)]

    def stalls(self, above_ms: float) -> list[tuple[float, float]]:
        """(start, end) of every interval longer than WATCH_MS + ``above_ms``."""
        return [
            (a, b)
            for a, b in zip(self.ticks, self.ticks[1:], strict=False)
            if 1000 * (b - a) - WATCH_MS > above_ms
        ]


class Sampler(threading.Thread):
    """Samples the GUI thread's Python stack while the watchdog is overdue."""

    def __init__(self, watchdog: Watchdog) -> None:
        super().__init__(name="stall-sampler", daemon=True)
        self.watchdog = watchdog
        self.samples: list[tuple[float, tuple[Frame, ...]]] = []
        self.gil_waits: list[tuple[float, float]] = []  #: (asked at, got at) for long waits
        self._main = threading.main_thread().ident
        self._schedstat_path = f"/proc/self/task/{threading.main_thread().native_id}/schedstat"
        #: (time, GUI thread's CPU seconds, seconds waiting for a CPU), every wake-up
        self.sched: list[tuple[float, float, float]] = []
        self.torn = 0  #: samples lost because the stack changed while being read
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            asked = monotonic()
            nap = SAMPLE_S if asked - self.watchdog.last > OVERDUE_S else WATCH_MS / 1000
            time.sleep(nap)
            now = monotonic()
            if now - asked - nap > 0.010:  # woke, but the GIL was not to be had
                self.gil_waits.append((asked + nap, now))
            self.sched.append((now, *self._schedstat()))
            if now - self.watchdog.last <= OVERDUE_S:
                continue
            try:
                stack = self._stack()
            except Exception:  # noqa: BLE001 - the main thread moved on mid-walk: skip
                self.torn += 1
                continue
            self.samples.append((now, stack))

    def _schedstat(self) -> tuple[float, float]:
        """The GUI thread's seconds on a CPU and waiting for one (Linux schedstat)."""
        try:
            with open(self._schedstat_path, "rb") as f:
                run_ns, wait_ns, _ = f.read().split()
        except (OSError, ValueError):
            return math.nan, math.nan
        return int(run_ns) / 1e9, int(wait_ns) / 1e9

    def _stack(self) -> tuple[Frame, ...]:
        frame = sys._current_frames().get(self._main)  # noqa: SLF001 - a sampler's job
        stack: list[Frame] = []
        while frame is not None:
            code = frame.f_code
            stack.append((code.co_filename, frame.f_lineno, code.co_name))
            frame = frame.f_back
        return tuple(stack)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=2)


@dataclass
class Calls:
    """Every timed call of the suspects: (name, start, end), and gc pauses."""

    spans: list[tuple[str, float, float]] = field(default_factory=list)
    _depth: int = 0

    def wrap(self, owner: object, attribute: str, name: str | None = None) -> None:
        original = getattr(owner, attribute)
        label = name or f"{getattr(owner, '__name__', owner)}.{attribute}"
        spans = self.spans

        @functools.wraps(original)
        def timed(*args: object, **kwargs: object) -> object:
            start = monotonic()
            try:
                return original(*args, **kwargs)
            finally:
                spans.append((label, start, monotonic()))

        setattr(owner, attribute, timed)

    def watch_gc(self) -> None:
        started: dict[int, float] = {}

        def callback(phase: str, info: dict) -> None:
            if phase == "start":
                started[info["generation"]] = monotonic()
            elif info["generation"] in started:
                gen = info["generation"]
                self.spans.append((f"gc generation {gen}", started.pop(gen), monotonic()))

        gc.callbacks.append(callback)


def suspects() -> list[tuple[object, tuple[str, ...]]]:
    """Every call one might blame for a stall: (class or module, attribute names)."""
    from backtimer.core.history.recorder import SessionRecorder
    from backtimer.core.history.store import HistoryStore
    from backtimer.gui import inhibit
    from backtimer.gui import main_window as mw
    from backtimer.gui import session as sess
    from backtimer.gui.figure.widget import FigureWidget
    from backtimer.gui.sound import beeps, voice
    from backtimer.gui.sound import director as cues
    from backtimer.gui.sound.output import SoundOutput
    from backtimer.gui.stage import countdown

    return [
        (SoundOutput, ("load", "play", "stop", "_read", "_start_process", "_try_again")),
        (beeps.EffectPlayer, ("add", "play", "stop")),
        (voice.VoicePlayer, ("_rendered", "prepare")),
        (cues.CueDirector, ("on_event", "silence", "_pump")),
        (SessionRecorder, ("handle",)),
        (HistoryStore, ("begin_session", "add_hold", "add_pain", "resolve_pain", "add_pause",
                        "finish_session", "recent_pain_exercises", "goals")),
        (inhibit.ScreenInhibitor, ("hold", "release", "_dbus_inhibit", "_dbus_uninhibit")),
        (FigureWidget, ("paintEvent", "set_pose", "set_steps")),
        (countdown.CountdownWidget, ("paintEvent",)),
        (sess.Session, ("_on_event",)),
        (mw.MainWindow, ("_on_event", "pain_stop", "_show_phase", "_show_summary",
                         "_refresh_goals")),
    ]  # fmt: skip


def install_suspects(calls: Calls) -> None:
    """Time every suspect's every call (before the window is built)."""
    for owner, names in suspects():
        for attribute in names:
            if hasattr(owner, attribute):
                calls.wrap(owner, attribute)
    calls.watch_gc()


def uninstall_suspects() -> None:
    """Undo ``install_suspects``: each run installs afresh."""
    for owner, names in suspects():
        for attribute in names:
            wrapped = getattr(getattr(owner, attribute, None), "__wrapped__", None)
            if wrapped is not None:
                setattr(owner, attribute, wrapped)
    gc.callbacks.clear()


NATIVE_HELPER = r"""
import mmap, struct, subprocess, sys, time
pid, path, out, pyspy = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[5]
after = float(sys.argv[4])
f = open(path, "r+b"); beat = mmap.mmap(f.fileno(), 8)
dumped_for = 0.0
with open(out, "a") as log:
    while True:
        time.sleep(0.002)
        last = struct.unpack_from("d", beat, 0)[0]
        if last < 0: break
        if last and time.monotonic() - last > after and last != dumped_for:
            dumped_for = last
            at = time.monotonic()
            text = subprocess.run([pyspy, "dump", "--native", "--pid", str(pid)],
                                  capture_output=True, text=True).stdout
            log.write(f"=== {at!r} {last!r}\n{text}\n"); log.flush()
"""


class NativeHelper:
    """A separate process that runs ``py-spy dump --native`` when the watchdog is late."""

    def __init__(self, folder: Path) -> None:
        self.beat_path = Path(tempfile.mkstemp(prefix="beat-", dir=folder)[1])
        self.beat_path.write_bytes(b"\0" * 8)
        self._file = open(self.beat_path, "r+b")  # noqa: SIM115 - lives for the run
        self.beat = mmap.mmap(self._file.fileno(), 8)
        self.out = Path(tempfile.mkstemp(prefix="native-", suffix=".txt", dir=folder)[1])
        pyspy = Path(sys.executable).with_name("py-spy")
        self._proc = subprocess.Popen(
            [sys.executable, "-c", NATIVE_HELPER, str(os.getpid()), str(self.beat_path),
             str(self.out), str(NATIVE_AFTER_S), str(pyspy)]
        )  # fmt: skip

    def pause(self) -> None:
        struct.pack_into("d", self.beat, 0, 0.0)

    def dumps(self) -> list[tuple[float, str]]:
        if not self.out.exists():
            return []
        found = []
        for chunk in self.out.read_text().split("=== ")[1:]:
            head, _, body = chunk.partition("\n")
            found.append((float(head.split()[0]), body))
        return found

    def close(self) -> None:
        struct.pack_into("d", self.beat, 0, -1.0)
        self._proc.wait(timeout=10)


def machine_noise(runs: int = 200) -> str:
    """How steady this machine is: the same ~5 ms of pure Python, timed ``runs`` times.

    On a shared or virtual machine the slowest runs take several times the median, also
    in CPU time (the host's time slicing is invisible to the guest): stalls of that size
    in the figures are the machine's, not the program's."""

    def work() -> int:
        total = 0
        for i in range(n):
            total += i * i
        return total

    n = 1000
    start = time.perf_counter()
    work()
    n = max(1000, int(n * 0.005 / max(1e-6, time.perf_counter() - start)))
    wall: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        wall.append(1000 * (time.perf_counter() - start))
        time.sleep(0.005)
    return (
        f"machine: ~5 ms of Python took median {statistics.median(wall):.1f}, "
        f"p99 {p99(wall):.1f}, max {max(wall):.1f} ms; load {os.getloadavg()[0]:.2f} "
        f"on {os.cpu_count()} CPUs"
    )


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[-1] if len(values) >= 2 else values[0]
