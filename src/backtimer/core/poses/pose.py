"""The pose value: joint angles, where the figure rests, and what is drawn with it.

A pose is a set of joint angles (degrees) plus where the figure rests, its props, the
camera it reads best from, motion arrows and the muscles to highlight. Poses are
authored with the RIGHT side working; ``motion.mirrored`` gives the other side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backtimer.core.poses.body import JOINT_NAMES, RANGES
from backtimer.core.poses.props import Prop
from backtimer.core.poses.vectors import Vec

BASES = ("standing", "seated", "kneeling", "lying")
CAMERAS: dict[str, tuple[float, float]] = {
    # name: (azimuth, elevation) in degrees; azimuth 0 looks at the figure's right side.
    "side": (0.0, 0.0),
    "front": (90.0, 0.0),
    "three_quarter": (35.0, 12.0),
    "above": (-30.0, 50.0),  # high, from beside the feet: floor poses that cross the body
}
SIDES = ("right", "left", "both")


@dataclass(frozen=True)
class Highlight:
    """A muscle group to highlight, on one side or both."""

    muscle: str
    side: str = "right"


@dataclass(frozen=True)
class Arrow:
    """A motion arrow from one body point towards another (or along ``delta``, a world
    offset from ``start`` in height units), over part of the way."""

    start: str
    end: str = ""
    delta: Vec | None = None
    begin: float = 0.2  #: fraction of the way where the arrow starts
    finish: float = 0.75  #: fraction of the way where its head is
    bend: float = 0.15  #: sideways bulge, a fraction of the length


@dataclass(frozen=True)
class Pose:
    """A figure's position. ``joints`` holds ``(name, degrees)`` pairs, sorted by name;
    missing joints are 0 (standing straight, arms by the sides)."""

    name: str
    base: str = "standing"
    joints: tuple[tuple[str, float], ...] = ()
    props: tuple[Prop, ...] = ()
    camera: str = "side"
    arrows: tuple[Arrow, ...] = ()
    highlight: tuple[Highlight, ...] = ()
    contacts: tuple[tuple[str, str], ...] = ()  #: (body point, "floor"|"seat"|"mat")
    mirror: bool = False  #: seen from the left: the renderer draws the mirror image
    view: tuple[float, float] | None = None  #: (azimuth, elevation) overriding ``camera``
    root: tuple[float, float, float] | None = None  #: pelvis position overriding support

    def angle(self, joint: str) -> float:
        return dict(self.joints).get(joint, 0.0)

    @property
    def view_angles(self) -> tuple[float, float]:
        return self.view if self.view is not None else CAMERAS[self.camera]


def make_joints(angles: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    """Sorted ``(name, degrees)`` pairs; unknown names raise ``ValueError``."""
    unknown = sorted(set(angles) - set(JOINT_NAMES))
    if unknown:
        raise ValueError(f"unknown joint(s): {', '.join(unknown)}")
    return tuple(sorted((k, float(v)) for k, v in angles.items() if v != 0))


def range_violations(pose: Pose) -> list[str]:
    """Joints outside the normal active range, as readable sentences (empty if none)."""
    out = []
    for name, value in pose.joints:
        key = name.split("_", 1)[1] if name.startswith(("right_", "left_")) else name
        lo, hi = RANGES[key]
        if not lo <= value <= hi:
            out.append(f"{pose.name}: {name} = {value:g} is outside {lo:g}..{hi:g}")
    return out
