"""The built-in poses shipped in ``resources/poses/``, read once and kept."""

from __future__ import annotations

from functools import cache

from backtimer.core.poses.loader import read_pose_file
from backtimer.core.poses.pose import Pose
from backtimer.resources import resource_path


def pose_names() -> list[str]:
    """The built-in poses' names: the stems of ``resources/poses/*.yaml``, sorted."""
    return sorted(p.stem for p in resource_path("poses").glob("*.yaml"))


def load_pose(name: str) -> Pose:
    """The built-in pose called ``name``; ``KeyError`` if there is none."""
    poses = builtin_poses()
    if name not in poses:
        raise KeyError(f"no built-in pose called {name!r}")
    return poses[name]


@cache
def builtin_poses() -> dict[str, Pose]:
    """Every built-in pose by name (read once; a broken file raises ``PoseError``)."""
    return {n: read_pose_file(resource_path("poses", f"{n}.yaml")) for n in pose_names()}
