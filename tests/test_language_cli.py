"""The language is chosen at start: ``--language`` first, then the choice saved in the
window, then the system's; the command line's own texts speak it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backtimer.core.language_setting import INHERITED, save_language

GERMAN = "Ein freihändiger Haltetimer"
SPANISH = "Un temporizador"
ENGLISH = "A hands-free hold timer"


def _backtimer(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    unset = ("LANGUAGE", "LC_ALL", "LANG", INHERITED)
    environ = {k: v for k, v in os.environ.items() if k not in unset}
    environ.update(XDG_CONFIG_HOME=str(tmp_path / "config"), LANG="C.UTF-8", **env)
    return subprocess.run(
        [sys.executable, "-m", "backtimer", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "env", "saved", "expected"),
    [
        (("--help",), {"LANGUAGE": "de"}, None, GERMAN),
        (("--help", "--language", "es"), {"LANGUAGE": "de"}, None, SPANISH),
        (("--help",), {"LANGUAGE": "de"}, "es", SPANISH),
        (("--language=de", "--help"), {}, "es", GERMAN),
        (("--help",), {}, None, ENGLISH),
        (("--help",), {"BACKTIMER_LANGUAGE": "es"}, "de", SPANISH),  # the tray's window
    ],
)
def test_help_speaks_the_chosen_language(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str], saved: str | None, expected: str
) -> None:
    if saved:
        save_language(saved, tmp_path / "config" / "backtimer")
    result = _backtimer(tmp_path, *args, **env)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_a_subcommand_takes_the_option_too(tmp_path: Path) -> None:
    good = Path(__file__).resolve().parents[1] / "resources" / "routines"
    routine = sorted(good.glob("*.yaml"))[0]
    result = _backtimer(tmp_path, "check", str(routine), "--language", "de")
    assert result.returncode == 0, result.stderr
    assert "Übungen" in result.stdout


def test_an_unknown_language_is_refused_in_plain_words(tmp_path: Path) -> None:
    result = _backtimer(tmp_path, "--language", "fr")
    assert result.returncode == 2
    assert "fr" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_translated_is_imported_before_the_language_is_chosen() -> None:
    """Module-level texts are translated at import: importing the entry point may bring
    in the translation mechanism only (the language is chosen in ``main``)."""
    code = "import sys, backtimer.cli; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = {m for m in result.stdout.split() if m.startswith("backtimer")}
    assert loaded == {"backtimer", "backtimer.cli", "backtimer.core", "backtimer.core.i18n"}
