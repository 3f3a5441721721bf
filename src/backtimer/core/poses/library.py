"""The built-in poses shipped in ``resources/poses/``, each read when first asked for and
kept: start-up reads only the poses the first screen draws."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from backtimer.core.poses.pose import Pose
from backtimer.resources import resource_path


def pose_names() -> list[str]:
    """The built-in poses' names: the stems of ``resources/poses/*.yaml``, sorted."""
    return list(_names())


@cache
def _names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in resource_path("poses").glob("*.yaml")))


def pose_path(name: str) -> Path:
    """The file of the built-in pose called ``name``; ``KeyError`` if there is none."""
    if name not in _names():  # also keeps a name like "../x" from naming any other file
        raise KeyError(f"no built-in pose called {name!r}")
    return resource_path("poses", f"{name}.yaml")


@cache
def load_pose(name: str) -> Pose:
    """The built-in pose called ``name``, read on first use; ``KeyError`` if there is none,
    ``PoseError`` if its file is broken. As parsed at an earlier run when
    ``parse_cache`` kept it (the same file and code): no YAML is parsed then."""
    from backtimer.core import parse_cache

    path = pose_path(name)
    return parse_cache.read_through("pose", name, path, lambda: _parse_pose(path), Pose)


def _parse_pose(path: Path) -> Pose:
    from backtimer.core.poses.loader import read_pose_file  # PyYAML, only when parsing

    return read_pose_file(path)


def builtin_poses() -> dict[str, Pose]:
    """Every built-in pose by name (each read once; a broken file raises ``PoseError``)."""
    return {n: load_pose(n) for n in _names()}
