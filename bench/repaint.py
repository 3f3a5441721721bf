"""What one repaint costs: a countdown tick, and a still figure painted again (a benchmark).

In a shown window (offscreen unless QT_QPA_PLATFORM says otherwise), each in its own
process and side by side for every source tree given:

- a countdown tick: ``set_state`` 0.1 s further into a 25 s hold, then the paint it asks
  for (what the 100 ms display refresh does while a hold counts), 250 ticks;
- a still figure (640x420, the hamstring stretch) repainted: what a banner, a panel or a
  window above it costs each time, 100 repaints.

    .venv/bin/python bench/repaint.py
    .venv/bin/python bench/repaint.py --also /tmp/before   # an older tree, side by side
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child() -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from backtimer.core.routine import Side
    from backtimer.core.session.timeline import PhaseKind
    from backtimer.gui.figure.widget import FigureWidget
    from backtimer.gui.stage.countdown import CountdownWidget

    app = QApplication(sys.argv[:1])
    countdown = CountdownWidget()
    countdown.resize(560, 560)
    countdown.show()
    QTest.qWaitForWindowExposed(countdown)
    remaining = 25.0
    countdown.set_state(remaining, 25.0, PhaseKind.HOLD)
    app.processEvents()
    ticks = []
    for _ in range(250):
        remaining = max(0.05, remaining - 0.1)
        start = time.perf_counter()
        countdown.set_state(remaining, 25.0, PhaseKind.HOLD)
        app.processEvents()
        ticks.append((time.perf_counter() - start) * 1000)
    figure = FigureWidget()
    figure.resize(640, 420)
    figure.show()
    QTest.qWaitForWindowExposed(figure)
    figure.set_pose("hamstring-stand", Side.RIGHT, animate=False)
    app.processEvents()
    still = []
    for _ in range(100):
        start = time.perf_counter()
        figure.repaint()
        still.append((time.perf_counter() - start) * 1000)
    print("RESULT " + json.dumps({"tick": ticks, "still": still}), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--also", action="append", default=[], metavar="DIR")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child()
        return 0
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    trees = [HERE.parent] + [Path(d).resolve() for d in args.also]
    print(f"platform {env['QT_QPA_PLATFORM']}, load {os.getloadavg()[0]:.2f}")
    for tree in trees:
        done = subprocess.run(
            [sys.executable, str(HERE / "repaint.py"), "--child"],
            env={**env, "PYTHONPATH": str(tree / "src")},
            capture_output=True,
            text=True,
            check=True,
        )
        line = next(ln for ln in done.stdout.splitlines() if ln.startswith("RESULT "))
        result = json.loads(line.removeprefix("RESULT "))
        print(f"\n{tree}")
        for key, label in (("tick", "countdown tick"), ("still", "still figure repaint")):
            values = sorted(result[key])
            p95 = values[int(len(values) * 0.95)]
            print(
                f"  {label:22} median {statistics.median(values):6.2f} ms"
                f"  p95 {p95:6.2f} ms  max {values[-1]:6.2f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
