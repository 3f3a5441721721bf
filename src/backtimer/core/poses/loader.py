"""Reading pose files (``resources/poses/<name>.yaml``) into ``Pose`` values.

A pose file looks like::

    base: seated              # standing | seated | kneeling | lying
    camera: side              # side | front | three_quarter | above
    joints:                   # degrees; missing joints are 0 (standing, arms down)
      pelvis: {pitch: 0}
      right_hip: {flex: 90, abd: 0, rot: 0}
      right_knee: 90          # a bare number is the joint's flexion
    props: [{kind: chair, x: -0.05}]
    contacts: {r_buttock: seat, r_heel: floor}
    highlight: [gluteus, {muscle: hamstrings, side: both}]
    arrows: [{from: r_knee, to: l_shoulder}]

Only PyYAML's safe loader is used (libyaml's ``CSafeLoader`` where PyYAML has it: the
same constructors, parsed in C, about five times faster). Every mistake raises
``PoseError`` naming the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from backtimer.core.poses.body import JOINT_NAMES
from backtimer.core.poses.pose import BASES, CAMERAS, SIDES, Arrow, Highlight, Pose, make_joints
from backtimer.core.poses.props import PROPS, Prop
from backtimer.core.poses.skeleton import MUSCLE_BANDS, skeleton

_KEYS = {"base", "camera", "joints", "props", "contacts", "highlight", "arrows", "note"}
_SURFACES = ("floor", "seat", "mat")
MAX_BYTES = 64_000
#: The safe loader: only plain scalars, lists and mappings are ever constructed.
SAFE_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)


class PoseError(ValueError):
    """A pose file that cannot be used; the message names the file and the fix."""


def read_pose_file(path: Path) -> Pose:
    """The pose in ``path``; its name is the file's stem."""
    where = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PoseError(f"{where}: cannot be read ({e.strerror})") from None
    if len(text) > MAX_BYTES:
        raise PoseError(f"{where}: is larger than {MAX_BYTES} bytes")
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)  # a safe loader: plain values only
    except yaml.YAMLError as e:
        raise PoseError(f"{where}: is not valid YAML ({e})") from None
    return parse_pose(path.stem, data, where)


def parse_pose(name: str, data: Any, where: str = "<pose>") -> Pose:
    """Check and convert one pose's mapping; ``where`` prefixes error messages."""

    def fail(msg: str) -> PoseError:
        return PoseError(f"{where}: {msg}")

    if not isinstance(data, Mapping):
        raise fail("a pose file must be a mapping (base:, joints:, ...)")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(map(str, unknown))}; known: {sorted(_KEYS)}")
    base = data.get("base", "standing")
    if base not in BASES:
        raise fail(f"base must be one of {', '.join(BASES)}, not {base!r}")
    camera = data.get("camera", "side")
    if camera not in CAMERAS:
        raise fail(f"camera must be one of {', '.join(CAMERAS)}, not {camera!r}")
    try:
        joints = make_joints(_flat_joints(data.get("joints") or {}))
    except (ValueError, TypeError) as e:
        raise fail(f"{e}; joints are: {', '.join(JOINT_NAMES)}") from None
    pose = Pose(
        name=name,
        base=base,
        joints=joints,
        camera=camera,
        props=tuple(_prop(p, fail) for p in data.get("props") or ()),
        highlight=tuple(_highlight(h, fail) for h in data.get("highlight") or ()),
        arrows=tuple(_arrow(a, fail) for a in data.get("arrows") or ()),
        contacts=tuple(_contacts(data.get("contacts") or {}, fail)),
    )
    points = skeleton(pose).points
    named = [pt for pt, _ in pose.contacts] + [a.start for a in pose.arrows]
    named += [a.end for a in pose.arrows if a.delta is None]
    for pt in named:
        if pt not in points:
            raise fail(f"no body point called {pt!r}; points are: {', '.join(sorted(points))}")
    return pose


def _flat_joints(raw: Any) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise ValueError("joints: must be a mapping")
    out: dict[str, float] = {}
    for joint, value in raw.items():
        if isinstance(value, Mapping):
            for axis, deg in value.items():
                out[f"{joint}.{axis}"] = _number(deg, f"{joint}.{axis}")
        else:
            out[f"{joint}.flex"] = _number(value, str(joint))
    return out


def _number(v: Any, what: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise ValueError(f"{what} must be a number of degrees, not {v!r}")
    return float(v)


def _prop(raw: Any, fail: Any) -> Prop:
    if isinstance(raw, str):
        raw = {"kind": raw}
    if not isinstance(raw, Mapping) or raw.get("kind") not in PROPS:
        raise fail(f"a prop is one of {', '.join(PROPS)} (or {{kind: chair, x: 0.1}})")
    facing = raw.get("facing", 1)
    if facing not in (1, -1):
        raise fail("a prop's facing is 1 (same way as the figure) or -1 (towards it)")
    x, z = (_number(raw.get(k, 0.0), f"prop {k}") for k in ("x", "z"))
    return Prop(raw["kind"], x, int(facing), z)


def _highlight(raw: Any, fail: Any) -> Highlight:
    if isinstance(raw, str):
        raw = {"muscle": raw}
    muscle = raw.get("muscle") if isinstance(raw, Mapping) else None
    side = raw.get("side", "right") if isinstance(raw, Mapping) else None
    if muscle not in MUSCLE_BANDS or side not in SIDES:
        raise fail(
            f"highlight: muscles are {', '.join(MUSCLE_BANDS)}; sides are {', '.join(SIDES)}"
        )
    return Highlight(muscle, side)


def _arrow(raw: Any, fail: Any) -> Arrow:
    if not isinstance(raw, Mapping) or "from" not in raw or "to" not in raw:
        raise fail("an arrow is {from: POINT, to: POINT or [dx, dy, dz]} (+ begin, finish, bend)")
    try:
        begin, finish, bend = (
            _number(raw.get(k, d), k) for k, d in (("begin", 0.2), ("finish", 0.75), ("bend", 0.15))
        )
        to = raw["to"]
        if isinstance(to, list):
            dx, dy, dz = (_number(v, "arrow offset") for v in to)
            return Arrow(str(raw["from"]), "", (dx, dy, dz), begin, finish, bend)
    except (TypeError, ValueError):
        raise fail(
            "an arrow's begin, finish, bend are numbers; an offset is [dx, dy, dz]"
        ) from None
    return Arrow(str(raw["from"]), str(to), None, begin, finish, bend)


def _contacts(raw: Any, fail: Any) -> list[tuple[str, str]]:
    if not isinstance(raw, Mapping) or any(s not in _SURFACES for s in raw.values()):
        raise fail(f"contacts map a body point to one of {', '.join(_SURFACES)}")
    return sorted((str(k), str(v)) for k, v in raw.items())
