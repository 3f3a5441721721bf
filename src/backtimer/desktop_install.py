"""``backtimer --install-desktop`` / ``--uninstall-desktop``: the menu entry and icons in
the person's own folders, for a pip or pipx install (distribution packages ship the same
files system-wide).

Runs without Qt. Everything goes under ``$XDG_DATA_HOME`` (usually ``~/.local/share``),
where desktops look for a user's own applications and icons:

    applications/io.github.backtimer.backtimer.desktop   Exec: this very installation
    icons/hicolor/NxN/apps/io.github.backtimer.backtimer.png, scalable/apps/….svg
    metainfo/io.github.backtimer.backtimer.metainfo.xml

The menu entry runs the ``backtimer`` script of the installation that wrote it (its
absolute path: a pipx venv's bin folder is not always on the menu's PATH), and names it
in ``TryExec`` too, so if that installation is removed the entry hides itself.
Uninstalling removes exactly these files, nothing else.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from backtimer.core.i18n import _
from backtimer.core.paths import xdg_data_home
from backtimer.resources import resource_path

APP_ID = "io.github.backtimer.backtimer"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

INSTALLED = _("Added BackTimer to your applications menu ({count} files under {folder}).")
UNINSTALLED = _("Removed BackTimer's menu entry and icons ({count} files under {folder}).")
NOTHING_TO_REMOVE = _("BackTimer's menu entry was not installed under {folder}; nothing removed.")
NOT_HERE = _(
    "--install-desktop adds a menu entry on Linux and other freedesktop.org desktops; "
    "on {system} it does nothing."
)
CANNOT_WRITE = _("Could not write {path}: {reason}")

#: Characters that make a desktop-entry Exec argument need quotes (the spec's list).
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def quote_exec_argument(argument: str) -> str:
    """One argument as the Desktop Entry spec's Exec key wants it: in double quotes with
    ``"`` `` ` `` ``$`` ``\\`` escaped when it holds a reserved character, ``%`` doubled."""
    argument = argument.replace("%", "%%")
    if not _RESERVED.intersection(argument):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def exec_value(argv: Sequence[str]) -> str:
    """The Exec key's value for ``argv``: arguments quoted, then the string escapes of
    every desktop-file value (a backslash written as two)."""
    return " ".join(quote_exec_argument(a) for a in argv).replace("\\", "\\\\")


def launch_command(executable: str | None = None) -> list[str]:
    """How a menu entry starts this installation: the ``backtimer`` script next to the
    interpreter (a venv's, pipx's), else the interpreter with ``-m backtimer``."""
    python = Path(executable or sys.executable)
    script = python.parent / ("backtimer.exe" if sys.platform == "win32" else "backtimer")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(python), "-m", "backtimer"]


def desktop_entry(command: Sequence[str]) -> str:
    """The shipped desktop file with every Exec running ``command`` (its options kept) and
    TryExec naming its program."""
    shipped = resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines: list[str] = []
    for line in shipped.splitlines():
        key, sep, value = line.partition("=")
        if sep and key == "Exec":
            options = value.split()[1:]  # the shipped file's options are plain words
            line = "Exec=" + exec_value([*command, *options])
        lines.append(line)
        if sep and key == "Type":
            lines.append("TryExec=" + exec_value(command[:1]))
    return "\n".join(lines) + "\n"


def _targets(data_home: Path) -> dict[Path, Path | None]:
    """Every file written, and the shipped file it copies (None: the desktop entry)."""
    icons = data_home / "icons" / "hicolor"
    targets: dict[Path, Path | None] = {
        data_home / "applications" / f"{APP_ID}.desktop": None,
        data_home / "metainfo" / f"{APP_ID}.metainfo.xml": resource_path(
            "desktop", f"{APP_ID}.metainfo.xml"
        ),
        icons / "scalable" / "apps" / f"{APP_ID}.svg": resource_path("icons", "backtimer.svg"),
    }
    for size in ICON_SIZES:
        folder = f"{size}x{size}"
        source = resource_path("icons", "hicolor", folder, "apps", f"{APP_ID}.png")
        targets[icons / folder / "apps" / f"{APP_ID}.png"] = source
    return targets


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a half-written desktop file would show as a broken entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


def install(data_home: Path, command: Sequence[str]) -> list[Path]:
    """Write the menu entry (running ``command``), metainfo and icons; returns the files."""
    written: list[Path] = []
    for target, source in _targets(data_home).items():
        data = desktop_entry(command).encode("utf-8") if source is None else source.read_bytes()
        _write(target, data)
        written.append(target)
    # Icon caches compare their folder's time; a new time makes desktops look again.
    os.utime(data_home / "icons" / "hicolor")
    return written


def uninstall(data_home: Path) -> list[Path]:
    """Remove what ``install`` wrote (and nothing else); returns the files removed."""
    removed: list[Path] = []
    for target in _targets(data_home):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        removed.append(target)
    return removed


def run(*, remove: bool) -> int:
    """The command-line options: say what was done in one line; exit 1 on failure."""
    if sys.platform in ("win32", "darwin"):
        system = "Windows" if sys.platform == "win32" else "macOS"
        print(NOT_HERE.format(system=system))
        return 0
    data_home = xdg_data_home()
    try:
        if remove:
            files = uninstall(data_home)
            if not files:
                print(NOTHING_TO_REMOVE.format(folder=data_home))
            else:
                print(UNINSTALLED.format(count=len(files), folder=data_home))
            return 0
        files = install(data_home, launch_command())
    except OSError as e:
        where = e.filename or data_home
        print(CANNOT_WRITE.format(path=where, reason=e.strerror or e), file=sys.stderr)
        return 1
    print(INSTALLED.format(count=len(files), folder=data_home))
    return 0
