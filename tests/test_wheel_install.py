"""The built wheel installs anywhere Python runs, as pipx would: into a fresh virtual
environment with its dependencies from the package index, and the installed
``backtimer`` command works from there, resources, menu entry and icons included.

The first run downloads PySide6 (about 250 MB); pip's cache makes later runs cheap.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from backtimer.desktop_install import APP_ID, ICON_SIZES

from .disks import unavailable
from .install_helpers import check_first_commands, run

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="paths below are a POSIX venv's"),
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = dist.glob("backtimer-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel and its dependencies from the package index."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
         "-q", "--disable-pip-version-check", str(wheel)],
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        unavailable(f"pip could not install the wheel with its dependencies: {last}")
    return env_dir


def _person(tmp_path: Path) -> dict[str, str]:
    """A person's environment: nothing of this checkout, no display, own folders."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "LANG": "C.UTF-8",
    }


def test_the_wheel_carries_icons_menu_entry_and_metainfo(wheel: Path) -> None:
    """The wheel holds the SVG, every PNG size, the desktop file and the metainfo."""
    names = set(zipfile.ZipFile(wheel).namelist())
    root = "backtimer/resources/"
    assert f"{root}icons/backtimer.svg" in names
    for size in ICON_SIZES:
        assert f"{root}icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in names
    assert f"{root}desktop/{APP_ID}.desktop" in names
    assert f"{root}desktop/{APP_ID}.metainfo.xml" in names


def test_the_installed_command_works_from_the_fresh_venv(installed: Path, tmp_path: Path):
    """--help, --version, check, history and render-poses work from the installed
    script, with none of this checkout on the path and no display."""
    script = installed / "bin" / "backtimer"
    assert script.is_file()
    check_first_commands([str(script)], _person(tmp_path), tmp_path)
    where = run(
        [str(installed / "bin" / "python"), "-c",
         "import backtimer.resources as r; print(r.resource_root())"],
        _person(tmp_path), tmp_path,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(installed)


def test_the_installed_command_adds_a_menu_entry_that_starts_it(installed: Path, tmp_path):
    """--install-desktop from the venv writes an entry whose Exec is that venv's script."""
    env = _person(tmp_path)
    done = run([str(installed / "bin" / "backtimer"), "--install-desktop"], env, tmp_path)
    assert done.returncode == 0, done.stderr
    entry = Path(env["XDG_DATA_HOME"], "applications", f"{APP_ID}.desktop")
    text = entry.read_text(encoding="utf-8")
    assert f"Exec={installed / 'bin' / 'backtimer'}\n" in text
    icon = Path(env["XDG_DATA_HOME"], "icons", "hicolor", "48x48", "apps", f"{APP_ID}.png")
    assert icon.is_file()
