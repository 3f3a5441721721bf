"""What a whole session costs the machine: CPU and memory of the real window with sound.

The real MainWindow on a real X server (a private Xvfb; offscreen without one) with
sound on (the real player process on the default PulseAudio sink, the real espeak-ng
voice) runs a whole routine on the real clock, hands-free, as ``backtimer --start``
would. Reported, for the window's process and the sound player's process apart:

- CPU, as a percentage of one core, while the holds count (from each hold's start to
  its end, the 3-2-1 beeps included), and over the whole session;
- resident memory (VmRSS), sampled every second: median and maximum; and the
  proportional set size (PSS: shared libraries split between the two) at the end.

With ``--also DIR`` the same session runs again on another source tree (``DIR/src``),
e.g. an older commit unpacked with ``git archive``, and both are printed side by side.

    .venv/bin/python bench/session_cost.py                 # the built-in routine, ~10 min
    .venv/bin/python bench/session_cost.py --routine my.yaml --also /tmp/before
    .venv/bin/python bench/session_cost.py --paints        # + what was repainted in holds

Sound needs a PulseAudio server (``pactl info``), or ``--private-pulse`` starts one of
its own with a null sink; Xvfb: ``sudo apt-get install xvfb``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from processes import child_pids, cpu_seconds, proc_kb, start_xvfb

HERE = Path(__file__).resolve().parent


def _player_pid() -> int | None:
    for pid in child_pids(os.getpid()):
        if b"player_process" in Path(f"/proc/{pid}/cmdline").read_bytes():
            return pid
    return None


# -- the child: one whole session ---------------------------------------------------------


def _child(routine_file: str | None, paints: bool) -> None:
    home = tempfile.mkdtemp(prefix="backtimer-bench-cost-")
    os.environ["XDG_CONFIG_HOME"] = str(Path(home, "config"))
    os.environ["XDG_DATA_HOME"] = str(Path(home, "data"))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from backtimer.core.routine_file.loader import load_builtin, load_routine
    from backtimer.core.session import events as ev
    from backtimer.core.session.timeline import PhaseKind
    from backtimer.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("BackTimer")
    app.setApplicationName("BackTimer")
    if routine_file:
        result = load_routine(Path(routine_file))
        if result.routine is None:
            raise SystemExit("\n".join(p.render() for p in result.problems))
        routine = result.routine
    else:
        routine = load_builtin()
    window = MainWindow(routine, data_folder=Path(home, "data"))
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)

    class Meter(QObject):
        """Samples CPU at each hold's edges and memory every second."""

        def __init__(self) -> None:
            super().__init__()
            self.player: int | None = None
            self.hold_at: tuple[float, float, float] | None = None
            self.hold = [0.0, 0.0, 0.0]  # wall, window CPU, player CPU
            self.whole: tuple[float, float, float] = (0.0, 0.0, 0.0)
            self.end = self.whole
            self.pss: dict[str, int] = {}
            self.rss: dict[str, list[int]] = {"window": [], "player": []}
            self.painted: Counter[str] = Counter()
            self.timer = QTimer(self)
            self.timer.setInterval(1000)
            self.timer.timeout.connect(self.sample)

        def now(self) -> tuple[float, float, float]:
            if self.player is None:
                self.player = _player_pid()
            player = cpu_seconds(self.player) if self.player else 0.0
            return time.monotonic(), cpu_seconds(os.getpid()), player

        def sample(self) -> None:
            self.rss["window"].append(proc_kb(os.getpid(), "VmRSS"))
            if self.player:
                self.rss["player"].append(proc_kb(self.player, "VmRSS"))

        def on_event(self, event: object) -> None:
            if isinstance(event, ev.PhaseStarted) and event.phase.kind is PhaseKind.HOLD:
                self.hold_at = self.now()
            elif isinstance(event, ev.PhaseEnded) and self.hold_at is not None:
                end, begun = self.now(), self.hold_at
                self.hold = [t + (b - a) for t, a, b in zip(self.hold, begun, end, strict=True)]
                self.hold_at = None
            elif isinstance(event, ev.SessionFinished):
                QTimer.singleShot(1000, self.finish)  # the summary paints, counted

        def finish(self) -> None:
            """Before the window closes (and ends its player): the last samples."""
            self.end = self.now()
            self.pss = {
                "window": proc_kb(os.getpid(), "Pss"),
                "player": proc_kb(self.player or 0, "Pss"),
            }
            app.quit()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if self.hold_at is not None and event.type() == QEvent.Type.Paint:
                self.painted[type(watched).__name__] += 1
            return False

    meter = Meter()
    if paints:
        app.installEventFilter(meter)
    meter.timer.start()
    start = meter.now()
    window.start_session()
    session = window.session
    assert session is not None
    session.happened.connect(meter.on_event)
    app.exec()
    meter.timer.stop()
    end = meter.end
    meter.whole = (end[0] - start[0], end[1] - start[1], end[2] - start[2])
    pss = meter.pss
    out = {
        "hold": meter.hold,
        "whole": meter.whole,
        "rss": meter.rss,
        "pss": pss,
        "painted": dict(meter.painted.most_common(12)),
        "finished": not session.active,
    }
    sys.stdout.write("RESULT " + json.dumps(out) + "\n")
    sys.stdout.flush()
    os._exit(0)  # the player sees its stdin close and leaves


# -- the parent ---------------------------------------------------------------------------


def _run(src: Path, env: dict[str, str], args: argparse.Namespace) -> dict:
    run_env = {**env, "PYTHONPATH": str(src)}
    command = [sys.executable, str(HERE / "session_cost.py"), "--child"]
    if args.routine:
        command += ["--routine", str(Path(args.routine).resolve())]
    if args.paints:
        command.append("--paints")
    done = subprocess.run(command, env=run_env, capture_output=True, text=True, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    if not lines:
        raise SystemExit(f"the session on {src} did not report:\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1].removeprefix("RESULT "))


def _percent(part: list[float] | tuple[float, ...], which: int) -> str:
    return f"{100 * part[which] / part[0]:.2f} %" if part[0] else "–"


def _mb(values: list[int], how: str) -> str:
    if not values:
        return "–"
    kb = statistics.median(values) if how == "median" else max(values)
    return f"{kb / 1024:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--routine", help="a routine file (default: the built-in routine)")
    parser.add_argument("--also", action="append", default=[], metavar="DIR",
                        help="also run the source tree DIR/src, side by side")  # fmt: skip
    parser.add_argument("--platform", choices=("xcb", "offscreen"), default="xcb")
    parser.add_argument("--paints", action="store_true", help="count paint events in holds")
    parser.add_argument("--private-pulse", action="store_true",
                        help="its own PulseAudio server (bench/private_pulse.py)")  # fmt: skip
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.routine, args.paints)
        return 1

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    xvfb = start_xvfb() if args.platform == "xcb" else None
    if xvfb is not None:
        env["DISPLAY"] = xvfb[1]
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    pulse = None
    if args.private_pulse:
        sys.path.insert(0, str(HERE))
        from private_pulse import PulseServer

        if PulseServer.problem() is None:
            pulse = PulseServer(Path(tempfile.mkdtemp(prefix="backtimer-bench-pulse-")))
            pulse.start()
            for _ in range(50):
                if pulse.answers():
                    break
                time.sleep(0.1)
            env["PULSE_SERVER"] = pulse.address
    sound = subprocess.run(["pactl", "info"], capture_output=True, check=False, env=env)
    print(
        f"platform: {'xcb on Xvfb ' + xvfb[1] if xvfb else 'offscreen'}; sound server: "
        f"{'yes' if sound.returncode == 0 else 'NONE'}; load {os.getloadavg()[0]:.2f}; "
        f"routine: {args.routine or 'built-in'}",
        flush=True,
    )
    trees = [HERE.parent / "src"] + [Path(d).resolve() / "src" for d in args.also]
    results = []
    try:
        for tree in trees:
            results.append(_run(tree, env, args))
            print(f"  ran {tree} (load {os.getloadavg()[0]:.2f})", flush=True)
    finally:
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait()
        if pulse is not None:
            pulse.kill()

    names = [str(t.parent) for t in trees]
    rows = [
        ("session length", [f"{r['whole'][0]:.0f} s" for r in results]),
        ("holds counted", [f"{r['hold'][0]:.0f} s" for r in results]),
        ("CPU in holds, window", [_percent(r["hold"], 1) for r in results]),
        ("CPU in holds, player", [_percent(r["hold"], 2) for r in results]),
        ("CPU whole session, window", [_percent(r["whole"], 1) for r in results]),
        ("CPU whole session, player", [_percent(r["whole"], 2) for r in results]),
        ("RSS window, median", [_mb(r["rss"]["window"], "median") for r in results]),
        ("RSS window, max", [_mb(r["rss"]["window"], "max") for r in results]),
        ("RSS player, median", [_mb(r["rss"]["player"], "median") for r in results]),
        ("RSS player, max", [_mb(r["rss"]["player"], "max") for r in results]),
        ("PSS window + player", [f"{sum(r['pss'].values()) / 1024:.1f} MB" for r in results]),
        ("finished", [str(r["finished"]) for r in results]),
    ]
    width = max(len(n) for n in names) + 2
    print("\n" + " " * 28 + "".join(f"{n:>{width}}" for n in names))
    for label, values in rows:
        print(f"{label:28}" + "".join(f"{v:>{width}}" for v in values))
    if args.paints:
        for name, r in zip(names, results, strict=True):
            print(f"\npaint events during holds, {name}: {r['painted']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
