"""What the waiting tray costs: ``python bench/tray_idle.py [--seconds N] [--every S]``.

Starts ``backtimer --tray`` and, beside it for comparison, the idle main window
(``backtimer``, no session), both offscreen, on a private D-Bus session bus with the
test notification server (tests/gui/notification_server.py) when python3-gi is there,
and private data and settings folders. Every ``--every`` seconds it reads each process's
CPU time (utime + stime, /proc/PID/stat) and resident memory (VmRSS, /proc/PID/status),
then prints, side by side, the median and maximum CPU use per interval (in % of one
core), the whole run's average, and the median and maximum memory. Linux only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_bus(folder: Path) -> tuple[subprocess.Popen[str] | None, str]:
    if shutil.which("dbus-daemon") is None:
        return None, ""
    daemon = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--print-address=1",
            f"--address=unix:path={folder / 'bus'}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    return daemon, daemon.stdout.readline().strip()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=600.0, help="how long to watch (600)")
    p.add_argument("--every", type=float, default=10.0, help="sampling interval (10 s)")
    p.add_argument("--settle", type=float, default=10.0, help="seconds to let both start")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="tray-idle-") as tmp:
        folder = Path(tmp)
        (folder / "run").mkdir(mode=0o700)
        daemon, address = start_bus(folder)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "share"),
            "XDG_RUNTIME_DIR": str(folder / "run"),
            "PYTHONPATH": str(ROOT / "src"),
        }
        server = None
        if address:
            env["DBUS_SESSION_BUS_ADDRESS"] = address
            script = ROOT / "tests" / "gui" / "notification_server.py"
            if Path("/usr/bin/python3").exists():
                server = subprocess.Popen(
                    ["/usr/bin/python3", str(script)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env=env,
                )
        base = [sys.executable, "-m", "backtimer", "--silent"]
        procs = {
            "tray": subprocess.Popen(
                [*base, "--tray", "--data-dir", str(folder / "tray-data")],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
            "idle window": subprocess.Popen(
                [*base, "--data-dir", str(folder / "window-data")],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        }
        try:
            time.sleep(args.settle)
            cpu: dict[str, list[float]] = {name: [] for name in procs}
            mem: dict[str, list[float]] = {name: [] for name in procs}
            first = {name: cpu_seconds(p.pid) for name, p in procs.items()}
            last = dict(first)
            began = stamp = time.monotonic()
            while time.monotonic() - began < args.seconds:
                time.sleep(args.every)
                now = time.monotonic()
                for name, proc in procs.items():
                    used = cpu_seconds(proc.pid)
                    cpu[name].append(100 * (used - last[name]) / (now - stamp))
                    mem[name].append(rss_mib(proc.pid))
                    last[name] = used
                stamp = now
            span = time.monotonic() - began
            print(
                f"watched {span:.0f} s after {args.settle:.0f} s to start; "
                f"{len(cpu['tray'])} samples of {args.every:g} s; "
                f"notification server: {'yes' if server else 'no'}"
            )
            print(
                f"{'':14}{'CPU % median':>14}{'CPU % max':>11}{'CPU % avg':>11}"
                f"{'RSS MiB median':>16}{'RSS MiB max':>13}"
            )
            for name in procs:
                average = 100 * (last[name] - first[name]) / span
                print(
                    f"{name:14}{statistics.median(cpu[name]):14.3f}{max(cpu[name]):11.3f}"
                    f"{average:11.3f}{statistics.median(mem[name]):16.1f}{max(mem[name]):13.1f}"
                )
        finally:
            for proc in procs.values():
                proc.terminate()
                proc.wait(timeout=20)
            if server is not None:
                server.terminate()
                server.wait(timeout=10)
            if daemon is not None:
                daemon.terminate()
                daemon.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
