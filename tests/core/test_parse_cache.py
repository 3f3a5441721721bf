"""The shipped routine and poses kept as parsed between runs (``backtimer.core.parse_cache``):
the same values come back for the same file, code and language, and nothing else does."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core import parse_cache
from backtimer.core.poses import library
from backtimer.core.routine_file.loader import load_builtin
from backtimer.resources import builtin_routine_path


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    kept = tmp_path / "parsed"
    parse_cache.use_folder(kept, language="en")
    library.load_pose.cache_clear()
    yield kept
    parse_cache.use_folder(None)
    library.load_pose.cache_clear()


def test_the_builtin_routine_comes_back_as_it_was_parsed(folder: Path) -> None:
    """A second load of the built-in routine gives the routine the first load parsed."""
    parsed = load_builtin()
    assert parse_cache.kept("routine", "gentle-back", builtin_routine_path().read_bytes()) == parsed
    assert load_builtin() == parsed


def test_a_pose_comes_back_as_it_was_parsed(folder: Path) -> None:
    parsed = library.load_pose("march")
    library.load_pose.cache_clear()
    assert library.load_pose("march") == parsed
    assert parse_cache.kept("pose", "march", library.pose_path("march").read_bytes()) == parsed


def test_a_changed_file_is_parsed_again(folder: Path) -> None:
    source = builtin_routine_path().read_bytes()
    parse_cache.keep("routine", "gentle-back", source, "what the old file said")
    assert parse_cache.kept("routine", "gentle-back", source + b"\n# edited\n") is None
    assert parse_cache.kept("routine", "gentle-back", source) == "what the old file said"


def test_another_language_is_parsed_again(folder: Path) -> None:
    """The built-in routine's names are translated when it is loaded: a value kept in
    one language is not given back in another."""
    parse_cache.keep("routine", "gentle-back", b"file", "English names")
    parse_cache.use_folder(folder, language="de")
    assert parse_cache.kept("routine", "gentle-back", b"file") is None


def test_a_changed_catalog_is_parsed_again(tmp_path: Path) -> None:
    """What the kept values depend on besides their file (the code, the language's
    catalogs) is checked too: a translation changed since is a miss."""
    catalog = tmp_path / "routines.po"
    catalog.write_text('msgid "Hamstring stretch"\nmsgstr "Dehnung"\n', encoding="utf-8")
    parse_cache.use_folder(tmp_path / "parsed", language="de", catalogs=(catalog,))
    try:
        parse_cache.keep("routine", "gentle-back", b"file", "old names")
        assert parse_cache.kept("routine", "gentle-back", b"file") == "old names"
        catalog.write_text('msgid "Hamstring stretch"\nmsgstr "Beindehnung"\n', encoding="utf-8")
        parse_cache.use_folder(tmp_path / "parsed", language="de", catalogs=(catalog,))
        assert parse_cache.kept("routine", "gentle-back", b"file") is None
    finally:
        parse_cache.use_folder(None)


def test_a_planted_file_cannot_run_code(folder: Path, tmp_path: Path) -> None:
    """Only the core's values are built: a pickle that calls a function is a miss."""
    witness = tmp_path / "ran"
    folder.mkdir(parents=True)
    evil = pickle.dumps(_Calls(witness))
    (folder / "routine-gentle-back-en.pickle").write_bytes(evil)
    assert parse_cache.kept("routine", "gentle-back", b"file") is None
    assert not witness.exists()


def test_a_folder_that_cannot_be_written_is_not_used(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    parse_cache.use_folder(blocked / "parsed", language="en")
    try:
        parse_cache.keep("routine", "gentle-back", b"file", "value")  # does not raise
        assert parse_cache.kept("routine", "gentle-back", b"file") is None
    finally:
        parse_cache.use_folder(None)


def test_without_a_folder_nothing_is_kept(tmp_path: Path) -> None:
    parse_cache.use_folder(None)
    parse_cache.keep("routine", "gentle-back", b"file", "value")
    assert parse_cache.kept("routine", "gentle-back", b"file") is None


LATER_START = """
import json, sys
from pathlib import Path
from backtimer.core import parse_cache
from backtimer.core.poses.library import load_pose, pose_path
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.resources import builtin_routine_path
parse_cache.use_folder(Path(sys.argv[1]), language="en")
routine = load_builtin()
pose = load_pose("march")
read_yaml = "yaml" in sys.modules
from backtimer.core.poses.loader import read_pose_file
same = (routine, pose) == (
    load_routine(builtin_routine_path()).routine, read_pose_file(pose_path("march"))
)
print(json.dumps({"yaml": read_yaml, "same": same}))
"""


def test_a_later_start_reads_no_yaml_and_gets_the_same_values(tmp_path: Path) -> None:
    """The first run parses (PyYAML), a later one reads the same routine and pose back
    without loading PyYAML at all."""
    first, later = (_run(LATER_START, tmp_path / "parsed") for _ in range(2))
    assert first == {"yaml": True, "same": True}
    assert later == {"yaml": False, "same": True}


def _run(script: str, folder: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


class _Calls:
    """Unpickling this would call ``Path.touch`` on ``witness``."""

    def __init__(self, witness: Path) -> None:
        self.witness = witness

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.witness,))
