"""libyaml's C parser (what BackTimer uses where PyYAML has it) and PyYAML's pure-Python
parser (what it falls back to) read routine and pose files alike: the same routine, the
same located problems. Only their own syntax-error wording differs (libyaml says "did not
find expected key" where PyYAML says "expected <block end>"), so for a file that is not
valid YAML both must refuse it, with a located YAML problem, and at the same place for
the usual mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtimer.core.poses import loader as pose_loader
from backtimer.core.poses.library import pose_names
from backtimer.core.routine_file import safe_yaml
from backtimer.core.routine_file.loader import LoadResult, load_routine_text
from backtimer.resources import builtin_routine_path, resource_path
from tests.core.line_edits import edited_lines
from tests.core.test_loader import BASE, EDITS

pytestmark = pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML was built without libyaml"
)
ORIGINAL = builtin_routine_path().read_text(encoding="utf-8")
LINES = ORIGINAL.splitlines(keepends=True)
YAML_PROBLEMS = ("YAML syntax", "a character YAML does not allow")


def both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[LoadResult, LoadResult]:
    """The file loaded with libyaml, then with the pure-Python parser."""
    results = []
    for libyaml in (True, False):
        monkeypatch.setattr(safe_yaml, "LIBYAML", libyaml)
        results.append(load_routine_text(text.encode(), file="r.yaml", base_dir=Path(".")))
    return results[0], results[1]


def is_yaml_problem(result: LoadResult) -> bool:
    return any(words in p.message for p in result.problems for words in YAML_PROBLEMS)


def test_builtin_routine_is_the_same_routine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in routine read by either parser is one and the same routine."""
    c, pure = both(ORIGINAL, monkeypatch)
    assert c.routine is not None
    assert c == pure


@pytest.mark.parametrize(("old", "new"), [c[1:3] for c in EDITS], ids=[c[0] for c in EDITS])
def test_each_mistake_is_told_alike(old: str, new: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each kind of mistake is the same problem at the same line and column; a YAML
    syntax error is located alike, in each parser's words."""
    c, pure = both(BASE.replace(old, new, 1), monkeypatch)
    if is_yaml_problem(c) or is_yaml_problem(pure):
        assert [(p.line, p.column) for p in c.problems] == [
            (p.line, p.column) for p in pure.problems
        ]
        assert is_yaml_problem(c)
        assert is_yaml_problem(pure)
    else:
        assert c == pure


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_files_are_read_alike(data: st.DataObject) -> None:
    """Lines deleted, duplicated or swapped: the same routine or the same problems, or,
    when the edit breaks the YAML itself, both parsers refuse the file as YAML."""
    lines = edited_lines(data, LINES)
    with pytest.MonkeyPatch.context() as monkeypatch:
        c, pure = both("".join(lines), monkeypatch)
    if is_yaml_problem(c) or is_yaml_problem(pure):
        assert is_yaml_problem(c)
        assert is_yaml_problem(pure)
        assert c.routine is None
        assert pure.routine is None
    else:
        assert c == pure


@pytest.mark.parametrize("name", pose_names())
def test_pose_files_are_the_same_pose(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every built-in pose file gives the same pose through either parser."""
    path = resource_path("poses", f"{name}.yaml")
    poses = []
    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        monkeypatch.setattr(pose_loader, "SAFE_LOADER", loader)
        poses.append(pose_loader.read_pose_file(path))
    assert poses[0] == poses[1]


@pytest.mark.parametrize("loader", [yaml.CSafeLoader, yaml.SafeLoader], ids=["libyaml", "pure"])
def test_pose_file_tags_are_refused_by_both(
    loader: type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Python tag in a pose file is an error, never an object, with either parser."""
    monkeypatch.setattr(pose_loader, "SAFE_LOADER", loader)
    f = tmp_path / "evil.yaml"
    f.write_text("joints: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(pose_loader.PoseError, match="not valid YAML"):
        pose_loader.read_pose_file(f)
