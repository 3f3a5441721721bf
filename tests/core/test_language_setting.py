"""The language chosen in the window, kept in a plain file read before Qt at start."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.language_setting import (
    INHERITED,
    language_file,
    save_language,
    saved_language,
    start_language,
)
from backtimer.core.paths import config_dir


def test_a_saved_choice_is_read_back_and_none_means_the_system(tmp_path: Path) -> None:
    assert saved_language(tmp_path) is None
    save_language("es", tmp_path)
    assert saved_language(tmp_path) == "es"
    assert language_file(tmp_path).read_text(encoding="utf-8").strip() == "es"
    save_language(None, tmp_path)
    assert saved_language(tmp_path) is None
    assert not language_file(tmp_path).exists()


def test_a_garbled_or_unknown_file_means_the_system(tmp_path: Path) -> None:
    language_file(tmp_path).write_bytes(b"\xff\xfe klingon")
    assert saved_language(tmp_path) is None
    language_file(tmp_path).write_text("fr\n", encoding="utf-8")
    assert saved_language(tmp_path) is None
    with pytest.raises(ValueError, match="fr"):
        save_language("fr", tmp_path)


def test_the_option_wins_then_the_parents_then_the_saved_choice(tmp_path: Path) -> None:
    save_language("de", tmp_path)
    assert start_language("es", tmp_path, {}) == "es"
    assert start_language(None, tmp_path, {}) == "de"
    assert start_language(None, tmp_path, {INHERITED: "en"}) == "en"
    assert start_language(None, tmp_path, {INHERITED: "xx"}) == "de"
    save_language(None, tmp_path)
    assert start_language(None, tmp_path, {}) is None


def test_the_config_folder_follows_xdg(tmp_path: Path) -> None:
    assert config_dir({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "backtimer"
    home = tmp_path / "home"
    assert config_dir({"XDG_CONFIG_HOME": "relative"}, home) == home / ".config" / "backtimer"
