"""Everything BackTimer does differently on Linux, Windows and macOS, behind one
interface (:class:`~backtimer.core.platform.base.Platform`), with one part per system.

``current()`` is the part for the machine it runs on; code elsewhere asks it and never
tests ``sys.platform`` itself. The parts are plain Python (the command line runs without
Qt); what needs Qt on one system is the GUI's, chosen by ``Platform.name``: the screen
inhibit on Linux goes over Qt's D-Bus (``gui/inhibit.py``), on Windows and macOS it is the
part's own :meth:`~backtimer.core.platform.base.Platform.keep_awake`.

What CI tests is the Linux part; the Windows and macOS parts are tested here only as far
as they can be off their system (which paths they choose, given their environment).
"""

from __future__ import annotations

import sys
from functools import cache

from backtimer.core.platform.base import KeepAwake, Platform

__all__ = ["KeepAwake", "Platform", "current", "for_system"]


def for_system(system: str) -> Platform:
    """The part for ``system``, a ``sys.platform`` value; other Unixes get Linux's
    (freedesktop.org folders, no sound-server or suspend tells beyond what they have)."""
    if system == "win32":
        from backtimer.core.platform.windows import Windows

        return Windows()
    if system == "darwin":
        from backtimer.core.platform.macos import MacOS

        return MacOS()
    from backtimer.core.platform.linux import Linux

    return Linux(system)


@cache
def current() -> Platform:
    """The part for this machine."""
    return for_system(sys.platform)
