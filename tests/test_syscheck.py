"""What ./run installs and what the window says when libraries are missing: the package
manager read from os-release, each system's package names, the line a person types."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backtimer import syscheck
from backtimer.core.i18n import load_catalog, locale_root
from backtimer.core.language_setting import INHERITED
from backtimer.syscheck import (
    QT_NEEDS,
    SOUND_NEEDS,
    WINDOW_NEEDS,
    Purpose,
    install_command,
    needs_for,
    package_manager,
    packages_for,
)


@pytest.mark.parametrize(
    ("os_release", "manager"),
    [
        ('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', "apt"),
        ("ID=ubuntu\nID_LIKE=debian\n", "apt"),
        ('ID=pop\nID_LIKE="ubuntu debian"\n', "apt"),
        ('ID="fedora"\nVERSION_ID=41\n', "dnf"),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "dnf"),
        ("ID=arch\n", None),
        ('ID=opensuse-tumbleweed\nID_LIKE="opensuse suse"\n', None),
        ("", None),
    ],
    ids=["debian", "ubuntu", "pop", "fedora", "rocky", "arch", "suse", "none"],
)
def test_the_package_manager_comes_from_os_release(os_release: str, manager: str | None):
    """apt for Debian and its family, dnf for Fedora and its family, else none."""
    assert package_manager(os_release) == manager


def test_each_system_gets_its_own_package_names_each_once() -> None:
    """Fedora's names for Fedora (xcb-shape is in libxcb there), Debian's for apt, and
    the library files themselves where the system is not known."""
    needs = list(WINDOW_NEEDS)
    assert packages_for("apt", needs)[:2] == ["libxkbcommon-x11-0", "libxcb-cursor0"]
    assert "xcb-util-cursor" in packages_for("dnf", needs)
    assert packages_for(None, needs)[1] == "libxcb-cursor.so.0"
    doubled = packages_for("dnf", [*needs, *needs])
    assert len(doubled) == len(set(doubled))


def test_the_install_line_is_the_one_a_person_types() -> None:
    """sudo apt-get install / sudo dnf install; elsewhere the files to look for."""
    assert install_command("apt", ["a", "b"]) == "sudo apt-get install a b"
    assert install_command("dnf", ["a"]) == "sudo dnf install a"
    assert "libxcb-cursor.so.0" in install_command(None, ["libxcb-cursor.so.0"])


def test_drawing_needs_qts_libraries_and_the_window_the_x11_ones_too() -> None:
    """render-poses needs only Qt's own libraries; the window adds X11's, ./run sound's."""
    assert needs_for(Purpose.DRAW) == QT_NEEDS
    assert needs_for(Purpose.WINDOW) == QT_NEEDS + WINDOW_NEEDS
    assert needs_for(Purpose.ALL) == QT_NEEDS + WINDOW_NEEDS + SOUND_NEEDS


def test_this_machine_has_what_qt_needs_to_draw() -> None:
    """Where the test suite runs, offscreen drawing works, so nothing is missing for it."""
    assert syscheck.missing(Purpose.DRAW) == []
    assert syscheck.draw_problem() is None


@pytest.mark.parametrize("language", ["de", "es"])
@pytest.mark.parametrize(
    "command",
    [("-m", "backtimer.syscheck"), ("-m", "backtimer", "syscheck")],
    ids=["python-m", "subcommand"],
)
def test_syscheck_speaks_the_persons_language(
    tmp_path: Path, language: str, command: tuple[str, ...]
) -> None:
    """What ./run prints (``python -m backtimer.syscheck``) and ``backtimer syscheck``
    are in the system's language, like every other command."""
    catalog = load_catalog(language, sorted((locale_root() / language).glob("*.po")))
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", INHERITED)}
    environ.update(LANGUAGE=language, XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, *command], capture_output=True, text=True, env=environ, timeout=60
    )
    if result.returncode == 0:
        expected = catalog.get(syscheck.ALL_PRESENT)
    else:  # what is missing differs by machine; the sentence's start does not
        expected = (catalog.get(syscheck.MISSING_LINE) or "").split("{packages}")[0]
    assert expected, "the catalog has the sentence"
    assert result.stdout.startswith(expected), result.stdout + result.stderr
