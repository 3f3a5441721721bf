"""Cue timing on a real sound server: ``python bench/cues.py`` (needs PulseAudio running).

Plays a scripted session of beeps and speech through the real CueDirector, records the
default sink's monitor with ``parec`` and finds each sound's onset. Prints, over at least
30 cues: beep onset error (median, 95th percentile, max), step start to first spoken
word, and silence() to silence for beeps and for voice (median, max).

The recording helpers here are also used by tests/gui/test_sound_server.py.
"""

from __future__ import annotations

import array
import math
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

RATE = 16_000
FRAME = 0.005  #: seconds per RMS frame
THRESHOLD = 0.01  #: RMS (full scale 1.0) above which a frame counts as sound


def pulse_problem() -> str | None:
    """Why no PulseAudio server can be recorded here; None when one answers."""
    if not (shutil.which("pactl") and shutil.which("parec")):
        return "pactl/parec not installed (sudo apt-get install pulseaudio-utils)"
    try:
        done = subprocess.run(["pactl", "info"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"pactl info failed: {exc}"
    if done.returncode != 0:
        return "no PulseAudio server is running (pactl info: " + done.stderr.strip() + ")"
    return None


def default_monitor() -> str:
    out = subprocess.run(["pactl", "info"], capture_output=True, text=True, timeout=5).stdout
    for line in out.splitlines():
        if line.lower().startswith("default sink:"):
            return line.split(":", 1)[1].strip() + ".monitor"
    return "@DEFAULT_MONITOR@"


@dataclass
class Recorder:
    """``parec`` on the default sink's monitor, read on a thread, timestamped on arrival.

    Sample ``i`` happened at about ``origin + i / RATE``, where ``origin`` is the earliest
    arrival time consistent with every chunk (chunks arrive after their samples, never
    before), so constant output latency is included in what is measured.
    """

    device: str = field(default_factory=default_monitor)
    clock: Callable[[], float] = time.monotonic
    data: bytearray = field(default_factory=bytearray)
    origin: float = math.inf
    _proc: subprocess.Popen[bytes] | None = None
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._proc = subprocess.Popen(
            ["parec", "-d", self.device, "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=10"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._proc is not None
        assert self._proc.stdout is not None
        while chunk := os.read(self._proc.stdout.fileno(), 4096):
            now = self.clock()
            self.data += chunk
            self.origin = min(self.origin, now - len(self.data) / 2 / RATE)

    @property
    def has_data(self) -> bool:
        """parec gives nothing for its first 0.4-1.8 s; start the script after this is True."""
        return len(self.data) >= RATE // 5 * 2  # 200 ms received

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def rms(self) -> list[float]:
        """RMS per FRAME, full scale 1.0."""
        samples = array.array("h", bytes(self.data[: len(self.data) // 2 * 2]))
        n = int(FRAME * RATE)
        return [
            math.sqrt(sum(s * s for s in samples[i : i + n]) / n) / 32768
            for i in range(0, len(samples) - n + 1, n)
        ]

    def onsets(self, quiet: float = 0.08) -> list[float]:
        """Clock times where sound starts after at least ``quiet`` seconds of silence."""
        out: list[float] = []
        silent_for = math.inf
        for i, level in enumerate(self.rms()):
            if level >= THRESHOLD:
                if silent_for >= quiet:
                    out.append(self.origin + i * FRAME)
                silent_for = 0.0
            else:
                silent_for += FRAME
        return out

    def sounding(self, start: float, end: float) -> float:
        """Seconds of sound between clock times ``start`` and ``end``."""
        levels = self.rms()
        first = max(0, int((start - self.origin) / FRAME))
        last = min(len(levels), int((end - self.origin) / FRAME))
        return sum(FRAME for level in levels[first:last] if level >= THRESHOLD)

    def last_sound_before(self, end: float) -> float | None:
        levels = self.rms()
        last = min(len(levels), int((end - self.origin) / FRAME))
        for i in range(last - 1, -1, -1):
            if levels[i] >= THRESHOLD:
                return self.origin + (i + 1) * FRAME
        return None


def nearest(times: list[float], t: float) -> float | None:
    return min(times, key=lambda x: abs(x - t)) if times else None


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def make_script_runner():  # noqa: ANN201  (a Qt class, built once Qt is imported)
    from PySide6.QtCore import QObject, Qt, QTimer, Signal

    class ScriptRunner(QObject):
        """Calls each ``(seconds, action)`` at ``start + seconds`` on the real clock.

        One precise single-shot timer re-armed for the next action, like the session
        driver; ``action`` receives its scheduled clock time.
        """

        finished = Signal()

        def __init__(self, steps: list[tuple[float, Callable[[float], None]]]) -> None:
            super().__init__()
            self._steps = sorted(steps, key=lambda s: s[0])
            self._next = 0
            self.start_at = 0.0
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.timeout.connect(self._fire)

        def start(self) -> None:
            self.start_at = time.monotonic()
            self._arm()

        def _arm(self) -> None:
            if self._next >= len(self._steps):
                self.finished.emit()
                return
            due = self.start_at + self._steps[self._next][0]
            self._timer.start(max(0, round((due - time.monotonic()) * 1000)))

        def _fire(self) -> None:
            while self._next < len(self._steps):
                offset, action = self._steps[self._next]
                due = self.start_at + offset
                if time.monotonic() < due - 0.0005:
                    break
                self._next += 1
                action(due)
            self._arm()

        def stop(self) -> None:
            self._timer.stop()

    return ScriptRunner


def main() -> int:  # noqa: C901, PLR0915  (a script: one straight story)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = pulse_problem()
    if problem:
        print(f"cannot run: {problem}")
        return 1
    import tempfile

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from backtimer.core.routine import Exercise, Routine, Sides, Step
    from backtimer.core.session.events import Cue, CueDue
    from backtimer.core.session.timeline import PhaseKind, exercise_phases
    from backtimer.gui.sound.choice import make_players
    from backtimer.gui.sound.director import BEEPS, CueDirector
    from backtimer.gui.sound.settings import SoundSettings

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)

    def wait_until(test: Callable[[], bool], timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while not test():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)  # a benchmark's own polling, not a test

    ex = Exercise(
        id="reach", name="Reach stretch", muscle_group="upper_back",
        steps=(Step("Stand tall."), Step("Lift your {side} arm over your head.")),
        hold=8, gentle_hold=5, reps=1, rest=3, prepare=4, sides=Sides.BOTH,
    )  # fmt: skip
    routine = Routine(id="bench", name="Bench", exercises=(ex,))
    phases = exercise_phases(routine, 0)
    by_kind = {p.kind: p for p in phases}
    settings = SoundSettings(volume=1.0)
    folder = Path(tempfile.mkdtemp(prefix="backtimer-bench-"))
    director = CueDirector(routine, settings, players=make_players(settings, speech_folder=folder))
    if director.problems:
        print("problems:", director.problems)
    director.prepare_session(phases)
    wait_until(lambda: all(director.speech_seconds(p) is not None for p in phases))
    output = director._players.output
    wait_until(lambda: output is not None and output.state.value == "ready")
    said = director.speech_seconds(by_kind[PhaseKind.PREPARE]) or 0.0
    beep_len = {cue: director._players.beeps.seconds(name) or 0.0 for cue, name in BEEPS.items()}

    rec = Recorder()
    rec.start()
    wait_until(lambda: rec.has_data)

    steps: list[tuple[float, Callable[[float], None]]] = []
    beeps_due: list[float] = []
    prepare_due: list[float] = []
    silence_beep: list[float] = []
    silence_voice: list[float] = []

    def cue(c: Cue, kind: PhaseKind, log: list[float] | None = None) -> Callable[[float], None]:
        def act(at: float) -> None:
            director.on_event(CueDue(c, 0, by_kind[kind], at))
            if log is not None:
                log.append(at)

        return act

    def silence(log: list[float]) -> Callable[[float], None]:
        def act(at: float) -> None:
            director.silence()
            log.append(at)

        return act

    t = 0.5
    for _ in range(5):
        steps.append((t, cue(Cue.PREPARE_START, PhaseKind.PREPARE, prepare_due)))
        t += said + 0.6
        for c, gap in ((Cue.HOLD_START, 2.0), (Cue.COUNT_3, 1.0), (Cue.COUNT_2, 1.0),
                       (Cue.COUNT_1, 1.0), (Cue.RELEASE, 2.5), (Cue.SWITCH_SIDES, 2.5),
                       (Cue.SESSION_DONE, 0.25)):  # fmt: skip
            steps.append((t, cue(c, PhaseKind.HOLD, beeps_due)))
            t += gap
        steps.append((t, silence(silence_beep)))  # mid-"done" beep
        t += 1.5
        steps.append((t, cue(Cue.PREPARE_START, PhaseKind.PREPARE)))
        t += beep_len[Cue.PREPARE_START] + 1.0
        steps.append((t, silence(silence_voice)))  # mid-sentence
        t += 1.5

    runner = make_script_runner()(steps)
    done: list[bool] = []
    runner.finished.connect(lambda: done.append(True))
    QTimer.singleShot(0, runner.start)
    wait_until(lambda: bool(done), timeout=t + 30)
    time.sleep(0.5)  # let the last sound reach the recorder
    rec.stop()
    director.shutdown()

    onsets = rec.onsets()
    errors = [(nearest(onsets, d) or math.inf) - d for d in beeps_due]
    rel = statistics.median(errors)
    first_word = []
    for d in prepare_due:
        after = [o for o in onsets if o > d + beep_len[Cue.PREPARE_START] - 0.05]
        first_word.append(after[0] - d if after else math.inf)

    def quiet_after(marks: list[float]) -> list[float]:
        out = []
        for m in marks:
            last = rec.last_sound_before(m + 1.0)
            out.append(max(0.0, (last or m) - m))
        return out

    def show(name: str, values: list[float], p95: bool = False) -> None:
        ms = [v * 1000 for v in values]
        extra = f"  p95 {percentile(ms, 95):7.1f}" if p95 else ""
        print(f"{name:44s} n={len(ms):3d}  median {statistics.median(ms):7.1f}{extra}"
              f"  max {max(ms, key=abs):7.1f} ms")  # fmt: skip

    print(f"speech for the prepare phase: {said:.2f} s (rendered ahead)")
    show("beep onset error (due -> heard at the sink)", errors, p95=True)
    show("beep onset error minus its median (jitter)", [e - rel for e in errors], p95=True)
    show("step start -> first spoken word", first_word)
    show("silence() -> silence, beep", quiet_after(silence_beep))
    show("silence() -> silence, voice", quiet_after(silence_voice))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
