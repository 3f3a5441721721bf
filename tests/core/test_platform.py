"""The platform parts: each system's folders, sound-server tells and voice locations, as
far as they can be checked off that system; and no platform test outside the parts."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

from backtimer.core.platform import current, for_system
from backtimer.core.platform.linux import Linux
from backtimer.core.platform.macos import MacOS
from backtimer.core.platform.windows import ExecutionState, Windows

SRC = Path(__file__).resolve().parents[2] / "src" / "backtimer"
HOME = Path("/home/ann")


@pytest.mark.parametrize(
    ("system", "name"),
    [("linux", "linux"), ("win32", "windows"), ("darwin", "macos"), ("freebsd14", "linux")],
)
def test_each_system_gets_its_part(system: str, name: str) -> None:
    """Windows and macOS get theirs; Linux and the other Unixes the freedesktop.org one."""
    assert for_system(system).name == name


def test_this_machine_uses_its_own_part() -> None:
    """current() is the part for sys.platform."""
    assert current().name == for_system(sys.platform).name


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        (Linux(env={"XDG_DATA_HOME": "/data"}, home=HOME), Path("/data/backtimer")),
        (Linux(env={"XDG_DATA_HOME": "rel"}, home=HOME), HOME / ".local/share/backtimer"),
        (Linux(env={}, home=HOME), HOME / ".local/share/backtimer"),
        (
            Windows(env={"APPDATA": "C:/Users/ann/AppData/Roaming"}, home=HOME),
            Path("C:/Users/ann/AppData/Roaming/BackTimer"),
        ),
        (Windows(env={}, home=HOME), HOME / "AppData/Roaming/BackTimer"),
        (MacOS(env={}, home=HOME), HOME / "Library/Application Support/BackTimer"),
    ],  # fmt: skip
    ids=["xdg", "xdg-relative-ignored", "linux-default", "appdata", "windows-default", "mac"],
)
def test_the_data_folder_follows_each_systems_convention(part, expected: Path) -> None:
    """XDG on Linux (a relative XDG_DATA_HOME ignored, as the spec says), APPDATA on
    Windows, Application Support on macOS."""
    assert part.data_dir() == expected


def test_sound_sockets_are_pulses_or_pipewires_on_linux_only() -> None:
    """PULSE_SERVER's unix sockets first, else the runtime folder's; none on Windows/macOS."""
    pulse = Linux(env={"PULSE_SERVER": "unix:/run/p/native tcp:host"}, home=HOME)
    assert pulse.sound_sockets() == [Path("/run/p/native")]
    runtime = Linux(env={"XDG_RUNTIME_DIR": "/run/user/1000"}, home=HOME)
    assert runtime.sound_sockets() == [
        Path("/run/user/1000/pulse/native"),
        Path("/run/user/1000/pipewire-0"),
    ]
    assert Linux(env={}, home=HOME).sound_sockets() == []
    assert Windows(env={}, home=HOME).sound_sockets() == []
    assert MacOS(env={}, home=HOME).sound_sockets() == []


def _program(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.skipif(os.name != "posix", reason="executable bits are POSIX")
def test_espeak_is_found_on_path_then_where_its_installer_puts_it(tmp_path: Path) -> None:
    """PATH first; on Windows, Program Files\\eSpeak NG when it is not on PATH."""
    on_path = _program(tmp_path / "bin", "espeak-ng")
    assert Linux(env={"PATH": str(tmp_path / "bin")}).voice_program() == str(on_path)
    assert Linux(env={"PATH": str(tmp_path / "empty")}).voice_program() is None
    installed = _program(tmp_path / "pf" / "eSpeak NG", "espeak-ng.exe")
    windows = Windows(env={"PATH": str(tmp_path / "empty"), "ProgramFiles": str(tmp_path / "pf")})
    assert windows.voice_program() == str(installed)


def test_the_suspend_tell_is_small_on_a_machine_awake_since_boot_or_zero() -> None:
    """Each part answers a number; off its own system the Windows and macOS ones say 0.0."""
    assert isinstance(current().suspend_gap(), float)
    if sys.platform != "win32":
        assert Windows(env={}).suspend_gap() == 0.0
    if sys.platform != "darwin":
        assert MacOS(env={}).suspend_gap() == 0.0


@pytest.mark.skipif(sys.platform == "win32", reason="checks the part off Windows")
def test_windows_keep_awake_off_windows_does_nothing_and_never_raises() -> None:
    """Without the Windows API, hold and release are quiet no-ops."""
    part = ExecutionState()
    part.hold()
    part.release()


#: Modules allowed to ask which system they run on: the parts themselves, and the
#: command-line set-up that only ever applies to Linux's package managers or XDG menus.
ALLOWED = {
    "core/platform/__init__.py",
    "core/platform/linux.py",
    "core/platform/windows.py",
    "core/platform/macos.py",
    "syscheck.py",
    "desktop_install.py",
}
PLATFORM_TEST = re.compile(r"sys\.platform|os\.name\b|platform\.system\(|ctypes\.windll")


def test_no_module_outside_the_parts_asks_which_system_it_is_on() -> None:
    """Every platform difference is behind the parts: nothing else tests sys.platform."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PLATFORM_TEST.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_helper_programs_open_no_console_window_on_windows() -> None:
    """espeak-ng starts with CREATE_NO_WINDOW on Windows, with no flags elsewhere."""
    assert Windows(env={}).child_process_flags() == 0x08000000
    assert Linux(env={}).child_process_flags() == 0
    assert MacOS(env={}).child_process_flags() == 0


def test_local_sockets_are_unix_sockets_except_on_windows() -> None:
    """A later launch asks the running window over a plain Unix socket on Linux and macOS;
    on Windows Qt's local sockets are named pipes, so it asks through Qt."""
    assert Linux(env={}).unix_sockets
    assert MacOS(env={}).unix_sockets
    assert not Windows(env={}).unix_sockets
