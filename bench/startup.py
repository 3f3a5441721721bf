"""Start-up: launch → first painted window, and peak memory with sound on (a benchmark).

Side by side in one run, alternating, each in a fresh process: BackTimer as a person
starts it (``backtimer`` through ``cli.main``, sound on) for the first time — fresh
settings, data and cache folders: the safety questions open, the history database is
made — or with ``--returning`` as on any later day (one settings, data and cache folder
per kind for the run, set up by its warm-up launch), and a bare PySide6 window with one
label. For each launch it prints the time from
``Popen`` to the end of the window's first paint (the first paint event, then the
event loop's next turn, so the frame has been flushed) and the CPU time the process
used by then (less disturbed by a busy machine than the wall time), then waits ``--settle``
seconds (BackTimer's sound player starts and opens its streams meanwhile) and reads
the peak resident memory (VmHWM) of the window's process and of the player process,
and their proportional set size (PSS, shared pages split between them).

    .venv/bin/python bench/startup.py                     # 8 of each, on a private Xvfb
    .venv/bin/python bench/startup.py --runs 3 --platform offscreen
    .venv/bin/python bench/startup.py --importtime        # + where BackTimer's imports go
    .venv/bin/python bench/startup.py --also /tmp/before  # + another source tree, side by side
    .venv/bin/python bench/startup.py --returning         # a later launch, not the first

Bytecode is cached (as pip leaves an installed program; the warm-up launches write it).
Xvfb (``sudo apt-get install xvfb``) gives the real X11 window; without it the offscreen
platform is used. Sound needs a PulseAudio server (``pactl info``): without one the
player exits at once and the memory figures are the window's alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from processes import child_pids, proc_kb, start_xvfb

BARE, BACKTIMER = "bare window", "BackTimer"


# -- the child: one launch ----------------------------------------------------------------


def _child(kind: str, settle: float) -> None:
    if kind == BACKTIMER:
        # As launched, BackTimer first meets PySide6 in backtimer.gui, which at once
        # replaces PySide6's source-reading import check (gui/import_scan.py). Imported
        # first here too: else the probe's PySide6 would read the source of every module
        # the command line loads before that (40 of them), a cost only the probe has.
        import backtimer.gui  # noqa: F401
    # Both kinds import QtWidgets here, before their own code: the probe needs it, and a
    # window cannot start without it, so it costs each the same.
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    class FirstPaint(QObject):
        def __init__(self, app: QApplication) -> None:
            super().__init__(app)
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, self.painted)
            return False

        def painted(self) -> None:
            at, times = time.monotonic(), os.times()
            cpu = times.user + times.system
            QTimer.singleShot(round(settle * 1000), self, lambda: self.report(at, cpu))

        def report(self, at: float, cpu: float) -> None:
            pid = os.getpid()
            players = child_pids(pid)
            out = {
                "painted": at,
                "cpu_ms": cpu * 1000,
                "window_hwm": proc_kb(pid, "VmHWM"),
                "window_pss": proc_kb(pid, "Pss"),
                "player_hwm": sum(proc_kb(c, "VmHWM") for c in players),
                "player_pss": sum(proc_kb(c, "Pss") for c in players),
            }
            sys.stdout.write(json.dumps(out) + "\n")
            sys.stdout.flush()
            os._exit(0)  # the player sees its stdin close and leaves

    real_exec = QApplication.exec

    def exec_with_probe(self: QApplication) -> int:
        # On the shown windows only, not the whole application: a Python filter there
        # sees Qt's private objects too (QMainWindow's layout animation timer), and PySide6
        # then creates every class it knows to name one — a cost of the probe, not the app.
        probe = FirstPaint(self)
        for widget in self.topLevelWidgets():
            if widget.isVisible():
                widget.installEventFilter(probe)
        return real_exec()

    QApplication.exec = exec_with_probe  # type: ignore[method-assign]
    if kind == BACKTIMER:
        from backtimer.cli import main

        main([])
    else:
        app = QApplication(sys.argv[:1])
        window = QWidget()
        layout = QVBoxLayout(window)
        layout.addWidget(QLabel("A bare PySide6 window with a label"))
        window.resize(1280, 800)
        window.show()
        app.exec()


# -- the parent: launches, side by side ---------------------------------------------------


def _launch(
    kind: str, env: dict[str, str], settle: float, kept: Path | None = None
) -> dict[str, float]:
    """One launch of ``kind``; ``kept``: its settings, data and cache folders (else fresh)."""
    home = str(kept) if kept is not None else tempfile.mkdtemp(prefix="backtimer-bench-")
    # The launch's own runtime folder: its single-instance socket, left by the child's
    # os._exit, goes with the launch's folders instead of piling up in the person's. The
    # sound server is still the one the benchmark was started with.
    runtime = Path(home, "run")
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    run_env = {
        **env,
        "XDG_CONFIG_HOME": str(Path(home, "config")),
        "XDG_DATA_HOME": str(Path(home, "data")),
        "XDG_CACHE_HOME": str(Path(home, "cache")),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    pulse = Path(env.get("XDG_RUNTIME_DIR", "/nonexistent"), "pulse", "native")
    if "PULSE_SERVER" not in env and pulse.exists():
        run_env["PULSE_SERVER"] = f"unix:{pulse}"
    if kind.startswith(BACKTIMER + " "):  # "BackTimer DIR": that source tree's src
        run_env["PYTHONPATH"] = str(Path(kind.split(" ", 1)[1], "src"))
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, __file__, "--child", BACKTIMER if kind != BARE else BARE]
        + ["--settle", str(settle)],
        env=run_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if kept is None:
        shutil.rmtree(home, ignore_errors=True)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise SystemExit(f"{kind} did not report:\n{done.stdout}\n{done.stderr}")
    result = json.loads(lines[-1])
    result["startup_ms"] = (result["painted"] - start) * 1000
    return result


def _importtime(env: dict[str, str]) -> None:
    """The slowest of BackTimer's imports on the way to its window (cumulative µs)."""
    code = "import PySide6.QtWidgets, backtimer.gui.app, backtimer.gui.main_window"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    rows = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), int(parts[0]), parts[2].rstrip()))
    print("\nslowest imports (cumulative ms, self ms):")
    for cumulative, own, name in sorted(rows, reverse=True)[:25]:
        print(f"  {cumulative / 1000:7.1f} {own / 1000:6.1f}  {name}")


def _mb(kb: float) -> str:
    return f"{kb / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8, help="launches of each (default 8)")
    parser.add_argument("--platform", choices=("xcb", "offscreen"), default="xcb")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds before memory")
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument("--also", action="append", default=[], metavar="DIR",
                        help="also launch BackTimer from the source tree DIR/src")  # fmt: skip
    parser.add_argument("--returning", action="store_true",
                        help="later launches: settings, history, cache kept")  # fmt: skip
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.settle)
        return 1  # a child that got here never painted

    env = dict(os.environ)
    kept_root = Path(tempfile.mkdtemp(prefix="backtimer-bench-kept-"))
    # As installed (pip compiles every module when it installs): bytecode is cached,
    # written by the warm-up launches if it is not there yet.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    xvfb = start_xvfb() if args.platform == "xcb" else None
    if xvfb is not None:
        env["DISPLAY"] = xvfb[1]
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    sound = subprocess.run(["pactl", "info"], capture_output=True, check=False, env=env)
    print(
        f"platform: {'xcb on Xvfb ' + xvfb[1] if xvfb else 'offscreen'}; sound server: "
        f"{'yes' if sound.returncode == 0 else 'NONE (memory without the player)'}; "
        f"load {os.getloadavg()[0]:.2f}"
    )
    kinds = [BARE, BACKTIMER] + [f"{BACKTIMER} {Path(d).resolve()}" for d in args.also]
    results: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    kept = {k: kept_root / str(i) for i, k in enumerate(kinds)} if args.returning else {}
    try:
        for kind in kinds:  # warm the disk cache and font cache (and --returning's folders)
            _launch(kind, env, 0.0, kept.get(kind))
        for i in range(args.runs):
            order = kinds if i % 2 == 0 else kinds[::-1]
            for kind in order:
                r = _launch(kind, env, args.settle, kept.get(kind))
                results[kind].append(r)
                print(
                    f"  {kind:12} {r['startup_ms']:7.0f} ms (CPU {r['cpu_ms']:4.0f} ms)"
                    f"  window {_mb(r['window_hwm'])} MB"
                    f"  player {_mb(r['player_hwm'])} MB",
                    flush=True,
                )
        if args.importtime:
            _importtime(env)
    finally:
        shutil.rmtree(kept_root, ignore_errors=True)
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait()

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[kind])

    def top(kind: str, key: str) -> float:
        return max(r[key] for r in results[kind])

    def least(kind: str, key: str) -> float:
        return min(r[key] for r in results[kind])

    for kind in kinds:
        pss = [r["window_pss"] + r["player_pss"] for r in results[kind]]
        for r, p in zip(results[kind], pss, strict=True):
            r["pss"] = p

    def ratio(key: str) -> Callable[[str], str]:
        return lambda k: f"{med(k, key) / med(BARE, key):.2f}x"

    rows = [
        ("first paint, median", lambda k: f"{med(k, 'startup_ms'):.0f} ms"),
        ("first paint, max", lambda k: f"{top(k, 'startup_ms'):.0f} ms"),
        ("first paint, min", lambda k: f"{least(k, 'startup_ms'):.0f} ms"),
        ("against the bare window", ratio("startup_ms")),
        ("CPU to first paint, median", lambda k: f"{med(k, 'cpu_ms'):.0f} ms"),
        ("CPU to first paint, max", lambda k: f"{top(k, 'cpu_ms'):.0f} ms"),
        ("CPU to first paint, min", lambda k: f"{least(k, 'cpu_ms'):.0f} ms"),
        ("CPU against the bare window", ratio("cpu_ms")),
        ("window peak RSS, median", lambda k: f"{_mb(med(k, 'window_hwm'))} MB"),
        ("window peak RSS, max", lambda k: f"{_mb(top(k, 'window_hwm'))} MB"),
        ("player peak RSS, median", lambda k: f"{_mb(med(k, 'player_hwm'))} MB"),
        ("PSS, all processes, median", lambda k: f"{_mb(med(k, 'pss'))} MB"),
    ]  # fmt: skip
    width = max(len(k) for k in kinds) + 2
    launch = "later launches (--returning)" if args.returning else "first launches"
    print(f"\n{args.runs} {launch} each, alternating (target: within 2x a bare window)")
    print(" " * 28 + "".join(f"{k:>{width}}" for k in kinds))
    for label, cell in rows:
        print(f"{label:28}" + "".join(f"{cell(k):>{width}}" for k in kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
