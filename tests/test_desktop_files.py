"""The menu entry, AppStream metainfo and icons: valid by the freedesktop.org validators,
and ``backtimer --install-desktop`` puts a working entry in a person's own folders."""

from __future__ import annotations

import os
import shlex
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import backtimer
from backtimer.desktop_install import APP_ID, ICON_SIZES, exec_value, quote_exec_argument

REPO = Path(__file__).resolve().parent.parent
DESKTOP = REPO / "resources" / "desktop" / f"{APP_ID}.desktop"
METAINFO = REPO / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"


def _tool(name: str) -> str:
    """A validator's path; CI installs them (.ci/run), elsewhere their absence skips."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing (CI=true: .ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return path


def _validate_desktop(path: Path) -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(path)], capture_output=True, text=True, timeout=60
    )
    # It prints hints too; any output at all is something to fix.
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "", done.stdout


def test_desktop_file_is_valid() -> None:
    """desktop-file-validate finds nothing to say about the shipped menu entry."""
    _validate_desktop(DESKTOP)


def test_metainfo_is_valid_without_the_network() -> None:
    """appstreamcli validates the metainfo offline, pedantic hints included."""
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pedantic" not in done.stdout, done.stdout


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_metainfo_screenshots_are_the_ones_in_docs() -> None:
    """Every screenshot the metainfo names is a PNG kept in docs/, of the size it says,
    at least 620 px wide as software centres want."""
    images = ET.parse(METAINFO).getroot().findall("./screenshots/screenshot/image")
    assert images, "the metainfo has no screenshot"
    for image in images:
        url = image.text or ""
        assert url.startswith("https://"), url
        name = url.split("/docs/", 1)[1]
        path = REPO / "docs" / name
        assert path.is_file(), f"{url} names {path}, which is missing"
        width, height = _png_size(path)
        assert width >= 620
        if image.get("width"):
            assert (width, height) == (int(image.get("width", 0)), int(image.get("height", 0)))


def test_metainfo_and_desktop_file_name_the_same_application() -> None:
    """The metainfo launches this desktop file, shows its icon, and its newest release is
    this version."""
    root = ET.parse(METAINFO).getroot()
    assert root.find("./releases/release").get("version") == backtimer.__version__
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert f"Icon={APP_ID}\n" in DESKTOP.read_text(encoding="utf-8")


def test_icon_pngs_exist_at_every_size() -> None:
    """The PNGs rendered from the SVG are there at 16 to 512 px, each its stated size."""
    assert (ICONS / "backtimer.svg").is_file()
    for size in ICON_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)


@pytest.mark.parametrize(
    ("argument", "quoted"),
    [
        ("/usr/bin/backtimer", "/usr/bin/backtimer"),
        ("/home/ann/my apps/bin/backtimer", '"/home/ann/my apps/bin/backtimer"'),
        ("/opt/$HOME/x", '"/opt/\\$HOME/x"'),
        ('/a"b', '"/a\\"b"'),
        ("/100%/x", "/100%%/x"),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_says(argument: str, quoted: str) -> None:
    """Spaces and reserved characters are quoted and escaped; % is doubled."""
    assert quote_exec_argument(argument) == quoted


def _install(data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        [sys.executable, "-m", "backtimer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _exec_argv(desktop_file: Path, group: str = "Desktop Entry") -> list[str]:
    """The Exec line of ``group`` split as a launcher would (our files use no field codes)."""
    current = ""
    for line in desktop_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == group and line.startswith("Exec="):
            value = line.removeprefix("Exec=").replace("\\\\", "\\")
            return shlex.split(value)
    raise AssertionError(f"no Exec in [{group}]")


def test_install_desktop_puts_a_working_entry_in_the_persons_folders(tmp_path: Path) -> None:
    """--install-desktop writes a valid menu entry whose Exec starts this installation,
    and the icons at every size, all under XDG_DATA_HOME."""
    data_home = tmp_path / "my data"  # a space, as in real home folders
    done = _install(data_home, "--install-desktop")
    assert done.returncode == 0, done.stderr
    assert str(data_home) in done.stdout
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    _validate_desktop(entry)
    argv = _exec_argv(entry)
    version = subprocess.run(
        [*argv, "--version"], capture_output=True, text=True, timeout=120, env=dict(os.environ)
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("backtimer ")
    assert _exec_argv(entry, "Desktop Action start")[-1] == "--start"
    for size in ICON_SIZES:
        png = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data_home / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()


def test_uninstall_desktop_removes_exactly_what_was_installed(tmp_path: Path) -> None:
    """--uninstall-desktop removes BackTimer's files and leaves another program's alone."""
    data_home = tmp_path / "data"
    assert _install(data_home, "--install-desktop").returncode == 0
    other = data_home / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    done = _install(data_home, "--uninstall-desktop")
    assert done.returncode == 0, done.stderr
    left = sorted(p for p in data_home.rglob("*") if p.is_file())
    assert left == [other]
    again = _install(data_home, "--uninstall-desktop")
    assert again.returncode == 0
    assert "nothing removed" in again.stdout


def test_install_desktop_into_a_folder_it_cannot_write_says_so(tmp_path: Path) -> None:
    """An unwritable data folder gives one line naming it and exit 1, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    done = _install(blocker / "data", "--install-desktop")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert str(blocker) in done.stderr


def test_exec_value_escapes_backslashes_for_the_file() -> None:
    """A backslash inside quotes is written doubled twice (quoting, then the string rule)."""
    assert exec_value(["/a b\\c"]) == '"/a b\\\\\\\\c"'
