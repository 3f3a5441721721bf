"""With the X11 window's system libraries really missing (as on a fresh Debian 12), the
commands that need no window still work, and the window says what to install.

The fault is real: in a mount namespace of the command alone (``unshare --mount``, as
root; see ``tests/disks.py`` for the same idea), an empty file is bind-mounted over each
library Qt's xcb platform plugin needs, so the dynamic loader cannot load it, exactly
as when the package is not installed. Nobody else on the machine sees it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backtimer.syscheck import QT_NEEDS, WINDOW_NEEDS

from .disks import unavailable
from .install_helpers import check_first_commands, run

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"


def _library_paths(files: list[str]) -> list[Path]:
    """Where the loader finds each soname (real files, not their symlinks)."""
    listing = subprocess.run(
        ["ldconfig", "-p"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    found: list[Path] = []
    for line in listing.splitlines():
        name, _, path = line.strip().partition(" => ")
        if name.split(" ", 1)[0] in files:
            found.append(Path(path).resolve())
    return sorted(set(found))


def _masking(masked: list[Path], os_release: Path | None = None) -> list[str]:
    """An argv prefix that runs a command with ``masked`` (and, if given, os-release)
    replaced in a private mount namespace."""
    if os.geteuid() != 0:
        unavailable("bind-mounting over system libraries needs root")
    if shutil.which("unshare") is None:
        unavailable("unshare (util-linux) is missing")
    mounts = [f"mount --bind /dev/null {p}" for p in masked]
    if os_release is not None:
        mounts.append(f"mount --bind {os_release} /etc/os-release")
    script = " && ".join([*mounts, 'exec "$@"'])
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh"]


@pytest.fixture
def without_x11() -> list[str]:
    paths = _library_paths([n.file for n in WINDOW_NEEDS])
    if len(paths) < len(WINDOW_NEEDS):
        unavailable("the X11 libraries are not all installed, so they cannot be removed")
    return _masking(paths)


@pytest.fixture
def without_qt_libraries() -> list[str]:
    """Every system library Qt itself and its X11 window load, gone."""
    needs = [n.file for n in (*QT_NEEDS, *WINDOW_NEEDS)]
    paths = _library_paths(needs)
    if len(paths) < len(needs):
        unavailable("Qt's system libraries are not all installed, so they cannot be removed")
    return _masking(paths)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A person's environment: no Qt platform chosen, no display (and so no window)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(SRC),
        "LANG": "C.UTF-8",
    }
    env.update(extra)
    return env


def test_the_fault_is_real_qt_cannot_open_an_x11_window(without_x11, tmp_path: Path) -> None:
    """Masked, Qt's xcb platform plugin cannot load (what a person would otherwise meet)."""
    code = "from PySide6.QtGui import QGuiApplication; QGuiApplication(['x', '-platform', 'xcb'])"
    done = run([*without_x11, sys.executable, "-c", code], _env(tmp_path, DISPLAY=":9"), tmp_path)
    assert done.returncode != 0
    assert 'platform plugin "xcb"' in done.stderr


def test_commands_without_a_window_work_without_the_x11_libraries(
    without_x11, tmp_path: Path
) -> None:
    """--help, --version, check, history and render-poses (offscreen) all do their work."""
    check_first_commands(
        [*without_x11, sys.executable, "-m", "backtimer"], _env(tmp_path), tmp_path
    )


def test_commands_without_qt_work_without_any_of_its_libraries(
    without_qt_libraries, tmp_path: Path
) -> None:
    """With libGL, fontconfig, glib... gone too, --help, --version, check and history
    still work (they import no Qt), and render-poses says what to install."""
    prefix = [*without_qt_libraries, sys.executable, "-m", "backtimer"]
    check_first_commands(prefix, _env(tmp_path), tmp_path, draws=False)
    done = run([*prefix, "render-poses", str(tmp_path / "out")], _env(tmp_path), tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "sudo apt-get install" in done.stderr
    for need in QT_NEEDS:
        assert need.debian in done.stderr


def test_the_window_names_the_packages_to_install(without_x11, tmp_path: Path) -> None:
    """The window command says, in one message, which packages to install; no traceback."""
    env = _env(tmp_path, DISPLAY=":9")
    done = run([*without_x11, sys.executable, "-m", "backtimer"], env, tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "sudo apt-get install" in done.stderr
    for need in WINDOW_NEEDS:
        assert need.debian in done.stderr


@pytest.mark.parametrize(
    ("os_release", "first", "packages"),
    [
        ('ID=debian\nVERSION_ID="12"\n', "apt", [n.debian for n in WINDOW_NEEDS]),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "apt", [n.debian for n in WINDOW_NEEDS]),
        ("ID=fedora\n", "dnf", list(dict.fromkeys(n.fedora for n in WINDOW_NEEDS))),
        ("ID=arch\n", "none", [n.file for n in WINDOW_NEEDS]),
    ],
    ids=["debian", "mint", "fedora", "arch"],
)
def test_the_install_plan_names_this_systems_packages(
    tmp_path: Path, os_release: str, first: str, packages: list[str]
) -> None:
    """What ./run installs: Debian's or Fedora's package names by /etc/os-release, the
    library files themselves elsewhere, for libraries that are really missing."""
    release = tmp_path / "os-release"
    release.write_text(os_release, encoding="utf-8")
    paths = _library_paths([n.file for n in WINDOW_NEEDS])
    prefix = _masking(paths, release)
    done = run(
        [*prefix, sys.executable, "-m", "backtimer.syscheck", "--plan"], _env(tmp_path), tmp_path
    )
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert words[0] == first
    assert words[1:] == packages


def test_run_script_helps_and_tells_without_the_x11_libraries(tmp_path: Path) -> None:
    """./run --help and --version answer at once; on a system it cannot install for,
    ./run names the exact library files and stops."""
    if not (REPO / ".venv" / ".installed").is_file():
        unavailable("./run has not set up .venv here yet (./run check does)")
    release = tmp_path / "os-release"
    release.write_text("ID=arch\n", encoding="utf-8")
    prefix = _masking(_library_paths([n.file for n in WINDOW_NEEDS]), release)
    env = _env(tmp_path, DISPLAY=":9")
    del env["PYTHONPATH"]  # ./run uses its own .venv
    for args, words in ((["--help"], "usage: backtimer"), (["--version"], "backtimer ")):
        done = run([*prefix, str(REPO / "run"), *args], env, tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert words in done.stdout
    done = run([*prefix, str(REPO / "run")], env, tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    for need in WINDOW_NEEDS:
        assert need.file in done.stderr


def test_what_run_prints_when_libraries_are_missing_is_in_the_persons_language(
    without_x11, tmp_path: Path
) -> None:
    """``python -m backtimer.syscheck`` (what ./run prints) says what is missing in
    German for a German system, with the same package names and command."""
    from backtimer.core.i18n import load_catalog, locale_root
    from backtimer.syscheck import MISSING_LINE

    german = load_catalog("de", sorted((locale_root() / "de").glob("*.po")))
    sentence = german.get(MISSING_LINE)
    assert sentence is not None
    env = _env(tmp_path, LANGUAGE="de")
    done = run([*without_x11, sys.executable, "-m", "backtimer.syscheck"], env, tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith(sentence.split("{packages}")[0]), done.stdout
    for need in WINDOW_NEEDS:
        assert need.debian in done.stdout
