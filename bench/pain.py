"""Pain — stop latency on the real window: ``python bench/pain.py`` (a benchmark, not a test).

The real MainWindow, offscreen, on the real monotonic clock: start a session, skip ahead to
a hold, then many times over post an Esc key press with ``QApplication.sendEvent`` and
time three moments against the instant just before posting it:

* **frozen paint** — the countdown's paint event starts with the countdown frozen (seen
  by an event filter): the first frame that shows the stopped time;
* **key handled** — ``sendEvent`` has returned: the frozen countdown is painted in full
  (``pain_stop`` repaints it synchronously) and the pain panel is the current page;
* **panel painted** — the pain panel's own paint event, after the event loop has run.

Between presses it chooses Resume with the panel's R key and lets the hold count for a
moment, so each press lands on a running hold. Prints median, 95th percentile and max in
milliseconds for each moment. Target: frozen and repainted (key handled) under 50 ms.

With a PulseAudio server answering (``pactl info``) it measures again with sound on
(``silent=False``: real beeps and speech, silenced by each press); otherwise it says why
that part was skipped. A private server for one run, as .ci/run starts one:

    export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 $XDG_RUNTIME_DIR
    pulseaudio --daemonize=yes --exit-idle-time=-1 -n \\
        --load=module-native-protocol-unix --load="module-null-sink sink_name=bench"
    .venv/bin/python bench/pain.py --presses 200
    pulseaudio --kill
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and history go to a throwaway home, never the person's own.
_HOME = tempfile.mkdtemp(prefix="backtimer-bench-pain-")
os.environ["XDG_CONFIG_HOME"] = str(Path(_HOME) / "config")
os.environ["XDG_DATA_HOME"] = str(Path(_HOME) / "data")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from backtimer.core.routine_file.loader import load_builtin  # noqa: E402
from backtimer.core.session.timeline import PhaseKind  # noqa: E402
from backtimer.gui.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cues import pulse_problem  # noqa: E402  (bench/cues.py: is a sound server there?)

TARGET_MS = 50.0
#: Time the hold runs between presses, so each press meets a live, counting hold.
RUN_BETWEEN_MS = 30


class PaintWatch(QObject):
    """Notes when a widget's first paint event starts, if ``condition`` holds then."""

    def __init__(self, condition: Callable[[], bool] = lambda: True) -> None:
        super().__init__()
        self.condition = condition
        self.seen: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.seen is None and self.condition():
            self.seen = time.perf_counter()
        return False


def to_hold(app: QCoreApplication, window: MainWindow) -> None:
    """Next until a hold is current, then let it count for a moment."""
    session = window.session
    assert session is not None
    for _ in range(50):
        if session.current.kind is PhaseKind.HOLD:
            break
        session.next()
        app.processEvents()
    assert session.current.kind is PhaseKind.HOLD, "no hold reached"


def measure(app: QCoreApplication, presses: int, *, silent: bool) -> dict[str, list[float]]:
    window = MainWindow(load_builtin(), data_folder=Path(_HOME) / "history", silent=silent)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.start_session()
    session = window.session
    assert session is not None
    to_hold(app, window)
    QTest.qWait(200)
    frozen = PaintWatch(condition=window.parts.countdown.is_frozen)
    panel = PaintWatch()
    window.parts.countdown.installEventFilter(frozen)
    window.parts.pain_panel.installEventFilter(panel)
    target = window.centralWidget()
    times: dict[str, list[float]] = {"frozen paint": [], "key handled": [], "panel painted": []}
    try:
        for _ in range(presses):
            if session.current.kind is not PhaseKind.HOLD:
                to_hold(app, window)
            if session.remaining() < 5:
                session.adjust_hold(+10)
            QTest.qWait(RUN_BETWEEN_MS)
            frozen.seen = panel.seen = None
            press = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier
            )
            start = time.perf_counter()
            QApplication.sendEvent(target, press)
            handled = time.perf_counter()
            release = QKeyEvent(
                QEvent.Type.KeyRelease, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier
            )
            QApplication.sendEvent(target, release)
            deadline = handled + 2.0
            while panel.seen is None and time.perf_counter() < deadline:
                app.processEvents()
            if not (session.in_pain and window.pain_panel_shown):
                raise SystemExit("a press did not stop the session")
            if frozen.seen is None or panel.seen is None:
                raise SystemExit("the frozen countdown or the pain panel was never painted")
            times["frozen paint"].append((frozen.seen - start) * 1000)
            times["key handled"].append((handled - start) * 1000)
            times["panel painted"].append((panel.seen - start) * 1000)
            QTest.keyClick(window.parts.pain_panel, Qt.Key.Key_R)  # Resume, as a person would
            if session.in_pain:
                raise SystemExit("Resume did not resume")
    finally:
        window.close()
        app.processEvents()
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def report(title: str, times: dict[str, list[float]]) -> None:
    n = len(times["key handled"])
    print(f"{title} ({n} presses)")
    for name, values in times.items():
        print(
            f"  {name:14s} median {statistics.median(values):6.2f} ms   "
            f"p95 {p95(values):6.2f} ms   max {max(values):6.2f} ms"
        )
    worst = max(times["key handled"])
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"  frozen and repainted: max {worst:.2f} ms, {verdict} the {TARGET_MS:.0f} ms target")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=150, help="presses per run (≥ 100)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("BackTimerBench")
    app.setApplicationName("BackTimerBench")
    report("Silent", measure(app, args.presses, silent=True))
    problem = pulse_problem()
    if problem:
        print(f"Sound on: skipped — {problem}")
    else:
        report("Sound on (PulseAudio)", measure(app, args.presses, silent=False))


if __name__ == "__main__":
    main()
