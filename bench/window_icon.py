"""What the window icon costs at the first show: ``python bench/window_icon.py [--repeats N]``.

On X11 Qt decodes every size a window icon offers when the window is first shown (to
set ``_NET_WM_ICON``). Each repeat is a fresh process (the first decode is the one a
start-up pays), on the offscreen platform, asking the icon for each size it offers as
X11 would; the icon as ``gui/app_icon.py`` builds it (16-128 px) beside one offering
every rendered size (16-512 px), alternated in one run. Prints median and max in ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

PROBE = """
import time
from PySide6.QtGui import QGuiApplication, QIcon
app = QGuiApplication([])
from backtimer.desktop_install import APP_ID, ICON_SIZES
from backtimer.gui.app_icon import LARGEST
from backtimer.resources import resource_path
largest = {largest}
t = time.perf_counter()
icon = QIcon()
for size in ICON_SIZES:
    if size <= (LARGEST if largest is None else largest):
        icon.addFile(str(resource_path("icons", "hicolor", f"{{size}}x{{size}}", "apps",
                                       f"{{APP_ID}}.png")))
for size in icon.availableSizes():
    icon.pixmap(size)
print((time.perf_counter() - t) * 1000)
"""


def once(largest: int | None) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(largest=largest)],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    results: dict[str, list[float]] = {"16-128 px (the window's)": [], "16-512 px (all)": []}
    for _ in range(args.repeats):
        results["16-128 px (the window's)"].append(once(None))
        results["16-512 px (all)"].append(once(512))
    print(f"first decode of the window icon, {args.repeats} fresh processes each")
    for name, times in results.items():
        print(f"  {name:26s} median {statistics.median(times):5.1f} ms   max {max(times):5.1f} ms")


if __name__ == "__main__":
    main()
