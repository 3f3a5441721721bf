"""Which system libraries Qt needs that this machine lacks, and how to install them.

Qt's own message when one is missing ("could not load the Qt platform plugin", "xcb-cursor0
is needed") does not say what to install. This module imports no Qt, so it can run first;
``./run`` asks it what to install (``python -m backtimer.syscheck --plan``).

Only the window needs everything: ``--help``, ``--version``, ``check`` and ``history`` need
no Qt at all, and ``render-poses`` draws on Qt's offscreen platform, which needs Qt's own
libraries but none of the X11 window's (the xcb platform plugin's).
"""

from __future__ import annotations

import ctypes
import enum
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from backtimer.core.i18n import _


@dataclass(frozen=True)
class Need:
    """One thing from the system, a shared library or a program, and its packages."""

    file: str  #: the library's file (soname) or the program: the same in every distribution
    debian: str
    fedora: str
    program: bool = False


class Purpose(enum.Enum):
    """What is about to run, and so which needs count."""

    DRAW = "draw"  #: offscreen drawing (render-poses): Qt's own libraries
    WINDOW = "window"  #: the window: Qt's own and the X11 window's
    ALL = "all"  #: the window with sound and voice (what ./run sets up)


#: What Qt needs to start at all (QtGui links these; the offscreen platform needs no more).
QT_NEEDS: tuple[Need, ...] = (
    Need("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    Need("libGL.so.1", "libgl1", "libglvnd-glx"),
    Need("libEGL.so.1", "libegl1", "libglvnd-egl"),
    Need("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    Need("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    Need("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    Need("libX11.so.6", "libx11-6", "libX11"),
)
#: What Qt's X11 window (the xcb platform plugin) needs besides.
WINDOW_NEEDS: tuple[Need, ...] = (
    Need("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    Need("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    Need("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    Need("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    Need("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
)
#: Beeps (QtMultimedia's PulseAudio backend) and the voice.
SOUND_NEEDS: tuple[Need, ...] = (
    Need("libpulse.so.0", "libpulse0", "pulseaudio-libs"),
    Need("libXrandr.so.2", "libxrandr2", "libXrandr"),
    Need("espeak-ng", "espeak-ng", "espeak-ng", program=True),
)

WINDOW_MISSING = _(
    "BackTimer's window needs system libraries this machine lacks.\n"
    "Install them with:\n    {command}\n"
    "('backtimer check', 'backtimer history' and 'backtimer render-poses' work without them.)"
)
DRAW_MISSING = _(
    "Drawing the figures needs Qt's system libraries, which this machine lacks.\n"
    "Install them with:\n    {command}"
)
NO_DISPLAY = _(
    "BackTimer needs a desktop to open its window: no display was found "
    "(neither DISPLAY nor WAYLAND_DISPLAY is set). 'backtimer check', "
    "'backtimer history' and 'backtimer render-poses' work without one."
)
UNKNOWN_SYSTEM = _(
    "install the packages of your system that provide {files} "
    "(Debian and Ubuntu, and Fedora: ./run installs them itself)"
)
ALL_PRESENT = _("All system libraries BackTimer uses are present.")
MISSING_LINE = _("Missing system packages: {packages}\n    {command}")


#: Qt platforms that draw without a window system (tests, render-poses).
_NO_WINDOW_PLATFORMS = ("offscreen", "minimal")


def needs_for(purpose: Purpose) -> tuple[Need, ...]:
    if purpose is Purpose.DRAW:
        return QT_NEEDS
    if purpose is Purpose.WINDOW:
        return QT_NEEDS + WINDOW_NEEDS
    return QT_NEEDS + WINDOW_NEEDS + SOUND_NEEDS


def _present(need: Need) -> bool:
    """Whether the loader really loads it (a library listed in ld.so.cache may be gone or
    broken), or the program is on PATH."""
    if need.program:
        return shutil.which(need.file) is not None
    try:
        ctypes.CDLL(need.file)
    except OSError:
        return False
    return True


def missing(purpose: Purpose = Purpose.ALL) -> list[Need]:
    """What the system lacks for ``purpose``; empty off Linux (the wheels carry Qt's)."""
    if not sys.platform.startswith("linux"):
        return []
    return [need for need in needs_for(purpose) if not _present(need)]


def missing_packages(*, sound: bool = True) -> list[str]:
    """Debian packages whose libraries are absent (the window's, and sound's if asked)."""
    return [n.debian for n in missing(Purpose.ALL if sound else Purpose.WINDOW)]


def package_manager(os_release: str) -> str | None:
    """``apt`` on Debian, Ubuntu and their derivatives, ``dnf`` on Fedora and its family,
    else None, from the text of ``/etc/os-release``."""
    fields: dict[str, str] = {}
    for line in os_release.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            fields[key.strip()] = value.strip().strip("\"'")
    ids = {fields.get("ID", ""), *fields.get("ID_LIKE", "").split()}
    if ids & {"debian", "ubuntu"}:
        return "apt"
    if "fedora" in ids:
        return "dnf"
    return None


def _os_release() -> str:
    for path in (Path("/etc/os-release"), Path("/usr/lib/os-release")):
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            continue
    return ""


def packages_for(manager: str | None, needs: list[Need]) -> list[str]:
    """Package names in ``manager``'s distribution, each once; where the distribution is
    not known, the files themselves (the same everywhere)."""
    if manager == "apt":
        names = [n.debian for n in needs]
    elif manager == "dnf":
        names = [n.fedora for n in needs]
    else:
        names = [n.file for n in needs]
    return list(dict.fromkeys(names))


def install_command(manager: str | None, packages: list[str]) -> str:
    """The line a person types to install ``packages``, or what to look for."""
    if manager == "dnf":
        return "sudo dnf install " + " ".join(packages)
    if manager == "apt":
        return "sudo apt-get install " + " ".join(packages)
    return UNKNOWN_SYSTEM.format(files=" ".join(packages))


def install_line(packages: list[str]) -> str:
    """``sudo apt-get install`` for Debian package names."""
    return install_command("apt", packages)


def _problem(purpose: Purpose, template: str) -> str | None:
    needs = missing(purpose)
    if not needs:
        return None
    manager = package_manager(_os_release())
    command = install_command(manager, packages_for(manager, needs))
    return template.format(command=command)


def gui_problem() -> str | None:
    """What stops a window from opening here (missing libraries, no display), in words a
    person can act on; None when nothing does."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(_NO_WINDOW_PLATFORMS):
        return _problem(Purpose.DRAW, DRAW_MISSING)
    return _problem(Purpose.WINDOW, WINDOW_MISSING) or _display_problem()


def draw_problem() -> str | None:
    """What stops offscreen drawing (``render-poses``) here; None when nothing does."""
    return _problem(Purpose.DRAW, DRAW_MISSING)


def _display_problem() -> str | None:
    """On Linux without X11 or Wayland, Qt aborts with a platform-plugin message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def main(argv: list[str] | None = None) -> int:
    """``python -m backtimer.syscheck``: print the install line, exit 1 if anything is
    missing. ``--plan``: print ``MANAGER PACKAGE...`` for ./run (``none`` and the files
    when the distribution is not known), nothing when nothing is missing."""
    args = sys.argv[1:] if argv is None else argv
    needs = missing(Purpose.ALL)
    manager = package_manager(_os_release())
    packages = packages_for(manager, needs)
    if args == ["--plan"]:
        if packages:
            print(manager or "none", *packages)
        return 0
    if packages:
        command = install_command(manager, packages)
        print(MISSING_LINE.format(packages=" ".join(packages), command=command))
        return 1
    print(ALL_PRESENT)
    return 0


if __name__ == "__main__":
    # ``python -m backtimer.syscheck`` (what ./run calls) runs this file as ``__main__``,
    # whose texts were translated at import, before any language was chosen: choose it
    # as the command line does (the saved choice, else the system's), then run the module
    # imported afresh, its texts in that language. (``backtimer syscheck`` takes
    # ``--language`` too.)
    from backtimer.core.i18n import use_language
    from backtimer.core.language_setting import start_language

    use_language(start_language(None))
    from backtimer import syscheck as spoken

    raise SystemExit(spoken.main())
