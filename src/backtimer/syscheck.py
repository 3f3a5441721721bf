"""Which system libraries Qt needs that this machine lacks, and the line that installs them.

Qt's own message when one is missing ("could not load the Qt platform plugin", "xcb-cursor0
is needed") does not say what to install. This module imports no Qt, so it can run first.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

#: (library name for find_library, Debian package, what needs it)
_GUI_LIBS: tuple[tuple[str, str, str], ...] = (
    ("glib-2.0", "libglib2.0-0", "Qt"),
    ("GL", "libgl1", "Qt"),
    ("EGL", "libegl1", "Qt"),
    ("fontconfig", "libfontconfig1", "Qt"),
    ("xkbcommon", "libxkbcommon0", "Qt"),
    ("dbus-1", "libdbus-1-3", "Qt"),
    ("xkbcommon-x11", "libxkbcommon-x11-0", "the X11 window"),
    ("xcb-cursor", "libxcb-cursor0", "the X11 window"),
    ("xcb-icccm", "libxcb-icccm4", "the X11 window"),
    ("xcb-keysyms", "libxcb-keysyms1", "the X11 window"),
    ("xcb-shape", "libxcb-shape0", "the X11 window"),
)
_SOUND_LIBS: tuple[tuple[str, str, str], ...] = (
    ("pulse", "libpulse0", "beeps and voice"),
    ("Xrandr", "libxrandr2", "sound playback"),
)


def missing_packages(*, sound: bool = True) -> list[str]:
    """Debian packages whose libraries are absent; empty off Linux (wheels carry them)."""
    if not sys.platform.startswith("linux"):
        return []
    libs = _GUI_LIBS + (_SOUND_LIBS if sound else ())
    return [pkg for lib, pkg, _ in libs if ctypes.util.find_library(lib) is None]


def install_line(packages: list[str]) -> str:
    return "sudo apt-get install " + " ".join(packages)


def gui_problem() -> str | None:
    """What stops a window from opening here (missing libraries, no display), in words a
    person can act on; None when nothing does."""
    missing = missing_packages(sound=False)
    if not missing:
        return _display_problem()
    return (
        "BackTimer's window needs system libraries this machine lacks.\n"
        f"Install them with:\n    {install_line(missing)}"
    )


def _display_problem() -> str | None:
    """On Linux without X11 or Wayland, Qt aborts with a platform-plugin message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "BackTimer needs a desktop to open its window: no display was found "
        "(neither DISPLAY nor WAYLAND_DISPLAY is set). 'backtimer check' and "
        "'backtimer history' work without one."
    )


def main() -> int:
    """``python -m backtimer.syscheck``: print the install line, exit 1 if anything is missing."""
    missing = missing_packages()
    if missing:
        print(f"Missing system packages: {' '.join(missing)}\n    {install_line(missing)}")
        return 1
    print("All system libraries BackTimer uses are present.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
