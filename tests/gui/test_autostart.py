"""Starting the reminders at login (XDG autostart here): on, off, and a folder that refuses."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from backtimer.gui.programme.autostart import Autostart, tray_command

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="XDG autostart is Linux")


def test_opting_in_writes_an_xdg_autostart_entry_that_runs_the_tray(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    data = tmp_path / "my data"
    command = tray_command(data)
    autostart = Autostart(command)
    assert not autostart.enabled()
    assert autostart.set_enabled(True) is None
    entry = tmp_path / "config" / "autostart" / "backtimer-tray.desktop"
    assert autostart.enabled()
    lines = entry.read_text().splitlines()
    assert lines[0] == "[Desktop Entry]"
    exec_line = next(line for line in lines if line.startswith("Exec="))
    assert shlex.split(exec_line[len("Exec=") :]) == command
    assert "--tray" in command
    assert str(data.resolve()) in command
    assert autostart.set_enabled(False) is None
    assert not entry.exists()
    assert not autostart.enabled()


def test_a_folder_that_cannot_be_written_is_a_message_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "config").write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    message = Autostart(tray_command()).set_enabled(True)
    assert message is not None
    assert message.startswith("Could not change starting at login")
