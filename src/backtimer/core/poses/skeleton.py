"""Forward kinematics: a pose's joint angles turned into 3-D points and capsules.

``skeleton()`` gives points and capsules in units of standing height (1.0), with the floor
at ``y = 0``. Axes: ``x`` the figure's front at rest, ``y`` up, ``z`` the figure's right,
so the default side camera looks at the right (working) side. The figure rests on its
support (floor, mat or seat) unless the pose pins its pelvis with ``root``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from backtimer.core.poses.body import (
    ANKLE_HEIGHT,
    FOOT,
    FOREARM,
    HAND,
    HEAD_RADIUS,
    HIP_JOINT_OFFSET,
    LOWER_TRUNK,
    NECK,
    SHANK,
    SHOULDER_OFFSET,
    THIGH,
    UPPER_ARM,
    UPPER_TRUNK,
)
from backtimer.core.poses.pose import Highlight, Pose
from backtimer.core.poses.props import MAT_THICKNESS, SEAT_HEIGHT
from backtimer.core.poses.vectors import IDENTITY, Mat, Vec, add, apply, chain, mul, rx, ry, rz


@dataclass(frozen=True)
class Capsule:
    """A body part drawn as a tapered capsule between two named points.

    ``depth``/``width`` give an elliptical cross-section (the trunk); for round limbs they
    are 0 and the radii apply. ``side`` is "right", "left" or "center"; ``frame`` is the
    segment's orientation, used to place muscles on its front or back.
    """

    name: str
    a: str
    b: str
    ra: float
    rb: float
    side: str
    frame: Mat = field(default=IDENTITY, compare=False)
    width: float = 0.0  #: half-width across the body for the trunk (ra/rb are half-depth)


@dataclass(frozen=True)
class Band:
    """A highlighted muscle: a short capsule between two points, drawn over ``owner``."""

    key: str  #: band name without side, a value in ``MUSCLE_BANDS``
    a: str
    b: str
    radius: float
    owner: str  #: the capsule it lies on
    side: str


#: Muscle group -> the band names (without the side prefix) that show it.
MUSCLE_BANDS: dict[str, tuple[str, ...]] = {
    "hamstrings": ("ham",),
    "quadriceps": ("quad",),
    "calves": ("calf",),
    "gluteus": ("glute",),
    "piriformis": ("piri",),
    "psoas": ("psoas", "psoas_low"),
    "hip_flexors": ("psoas", "psoas_low", "quad_top"),
    "lower_back": ("low_back",),
    "upper_back": ("up_back",),
    "neck": ("neck_band",),
    "whole_body": (),
}


@dataclass(frozen=True)
class Skeleton:
    """A pose in 3-D: named points (floor at y=0) and the capsules drawn between them."""

    points: dict[str, Vec]
    capsules: tuple[Capsule, ...]
    radius: dict[str, float]  #: how far the body surface lies from each point
    bands: tuple[Band, ...] = ()  #: every muscle band; ``highlighted()`` picks the pose's

    def lowest(self, point: str) -> float:
        """Height of the body surface under ``point``."""
        return self.points[point][1] - self.radius.get(point, 0.0)

    def highlighted(self, highlight: Iterable[Highlight]) -> list[Band]:
        """The bands that show the given muscle groups on their sides."""
        out = []
        for h in highlight:
            names = MUSCLE_BANDS.get(h.muscle, ())
            for band in self.bands:
                side_ok = band.side == "center" or h.side in ("both", band.side)
                if side_ok and band.key in names:
                    out.append(band)
        return out


def _raw_skeleton(p: Pose) -> Skeleton:
    """Points relative to the pelvis (origin); not yet placed on a support."""
    a = dict(p.joints)

    def g(k: str) -> float:
        return a.get(k, 0.0)

    pts: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    caps: list[Capsule] = []
    rad: dict[str, float] = {}
    root = chain(ry(g("pelvis.yaw")), rx(g("pelvis.roll")), rz(-g("pelvis.pitch")))

    # Trunk: the lower back bends at the lumbar joint.
    lumbar = add(pts["pelvis"], apply(root, (0.0, LOWER_TRUNK, 0.0)))
    upper = chain(root, rz(-g("lumbar.flex")), rx(g("lumbar.side")), ry(g("lumbar.twist")))
    neck = add(lumbar, apply(upper, (0.0, UPPER_TRUNK, 0.0)))
    head_frame = chain(upper, ry(g("neck.turn")), rz(-g("neck.flex")))
    head_base = add(neck, apply(head_frame, (0.0, NECK, 0.0)))
    head = add(head_base, apply(head_frame, (0.01, HEAD_RADIUS * 0.95, 0.0)))
    pts.update(lumbar=lumbar, neck=neck, head_base=head_base, head=head)
    pts["nose"] = add(head, apply(head_frame, (HEAD_RADIUS * 1.05, -0.01, 0.0)))
    pts["sacrum"] = add(pts["pelvis"], apply(root, (-0.02, 0.04, 0.0)))
    pts["upper_back"] = add(lumbar, apply(upper, (-0.01, UPPER_TRUNK * 0.7, 0.0)))
    pts["chest"] = add(lumbar, apply(upper, (0.02, UPPER_TRUNK * 0.7, 0.0)))
    rad.update(sacrum=0.07, upper_back=0.075, head=HEAD_RADIUS, chest=0.075)
    caps.append(Capsule("lower_trunk", "pelvis", "lumbar", 0.062, 0.06, "center", root, 0.085))
    caps.append(Capsule("upper_trunk", "lumbar", "neck", 0.06, 0.066, "center", upper, 0.092))
    caps.append(Capsule("neck", "neck", "head_base", 0.026, 0.024, "center", head_frame))
    caps.append(Capsule("head", "head", "head", HEAD_RADIUS, HEAD_RADIUS, "center", head_frame))
    bands: list[Band] = []

    def band(
        key: str, owner: str, side: str, r: float, a: tuple[Vec, Mat, Vec], b: tuple[Vec, Mat, Vec]
    ) -> None:
        prefix = "" if side == "center" else side[0] + "_"
        for end, (origin, frame, offset) in (("a", a), ("b", b)):
            pts[f"{prefix}{key}.{end}"] = add(origin, apply(frame, offset))
        bands.append(Band(key, f"{prefix}{key}.a", f"{prefix}{key}.b", r, owner, side))

    band(
        "low_back",
        "lower_trunk",
        "center",
        0.03,
        (pts["pelvis"], root, (-0.05, 0.03, 0.0)),
        (lumbar, upper, (-0.05, 0.04, 0.0)),
    )
    band(
        "up_back",
        "upper_trunk",
        "center",
        0.04,
        (lumbar, upper, (-0.05, 0.07, 0.0)),
        (neck, upper, (-0.05, -0.03, 0.0)),
    )
    band(
        "neck_band",
        "neck",
        "center",
        0.02,
        (neck, head_frame, (-0.015, 0.0, 0.0)),
        (head_base, head_frame, (-0.015, 0.0, 0.0)),
    )

    for side, s in (("right", 1.0), ("left", -1.0)):
        k = side[0]
        # Legs: flexion about the lateral axis, then abduction, then rotation about the thigh.
        hip = add(pts["pelvis"], apply(root, (0.0, 0.0, s * HIP_JOINT_OFFSET)))
        thigh = chain(
            root, rz(g(f"{side}_hip.flex")), rx(-s * g(f"{side}_hip.abd")),
            ry(-s * g(f"{side}_hip.rot")),
        )  # fmt: skip
        knee = add(hip, apply(thigh, (0.0, -THIGH, 0.0)))
        shank = mul(thigh, rz(-g(f"{side}_knee.flex")))
        ankle = add(knee, apply(shank, (0.0, -SHANK, 0.0)))
        foot = mul(shank, rz(g(f"{side}_ankle.flex")))
        heel = add(ankle, apply(foot, (-0.03, -ANKLE_HEIGHT + 0.016, 0.0)))
        toe = add(ankle, apply(foot, (FOOT - 0.045, -ANKLE_HEIGHT + 0.012, 0.0)))
        buttock = add(hip, apply(root, (-0.045, -0.03, -s * 0.01)))
        pts.update(
            {f"{k}_hip": hip, f"{k}_knee": knee, f"{k}_ankle": ankle, f"{k}_heel": heel,
             f"{k}_toe": toe, f"{k}_buttock": buttock}
        )  # fmt: skip
        rad.update(
            {f"{k}_knee": 0.033, f"{k}_ankle": 0.022, f"{k}_heel": 0.016, f"{k}_toe": 0.012,
             f"{k}_buttock": 0.052, f"{k}_hip": 0.05}
        )  # fmt: skip
        caps.append(Capsule(f"{k}_buttock", f"{k}_hip", f"{k}_buttock", 0.05, 0.052, side, root))
        caps.append(Capsule(f"{k}_thigh", f"{k}_hip", f"{k}_knee", 0.05, 0.033, side, thigh))
        caps.append(Capsule(f"{k}_shank", f"{k}_knee", f"{k}_ankle", 0.033, 0.021, side, shank))
        caps.append(Capsule(f"{k}_foot", f"{k}_heel", f"{k}_toe", 0.018, 0.013, side, foot))
        band(
            "ham",
            f"{k}_thigh",
            side,
            0.026,
            (hip, thigh, (-0.03, -0.05, 0.0)),
            (hip, thigh, (-0.018, -THIGH * 0.85, 0.0)),
        )
        band(
            "quad",
            f"{k}_thigh",
            side,
            0.026,
            (hip, thigh, (0.03, -0.06, 0.0)),
            (hip, thigh, (0.02, -THIGH * 0.85, 0.0)),
        )
        band(
            "quad_top",
            f"{k}_thigh",
            side,
            0.026,
            (hip, thigh, (0.03, -0.02, 0.0)),
            (hip, thigh, (0.028, -THIGH * 0.4, 0.0)),
        )
        band(
            "calf",
            f"{k}_shank",
            side,
            0.021,
            (knee, shank, (-0.02, -0.04, 0.0)),
            (knee, shank, (-0.012, -SHANK * 0.55, 0.0)),
        )
        band(
            "glute",
            f"{k}_buttock",
            side,
            0.042,
            (hip, root, (-0.035, 0.035, s * 0.012)),
            (hip, root, (-0.05, -0.03, s * 0.012)),
        )
        band(
            "piri",
            f"{k}_buttock",
            side,
            0.024,
            (pts["pelvis"], root, (-0.05, 0.035, s * 0.01)),
            (hip, root, (-0.015, 0.0, s * 0.03)),
        )
        band(
            "psoas",
            "lower_trunk",
            side,
            0.03,
            (lumbar, upper, (0.035, 0.0, s * 0.03)),
            (hip, root, (0.04, -0.01, s * 0.01)),
        )
        band(
            "psoas_low",
            f"{k}_thigh",
            side,
            0.028,
            (hip, thigh, (0.03, 0.0, -s * 0.01)),
            (hip, thigh, (0.03, -0.1, -s * 0.01)),
        )

        # Arms hang at rest; flexion swings them forward, abduction out to the side.
        shoulder = add(neck, apply(upper, (-0.005, -0.02, s * SHOULDER_OFFSET)))
        arm = chain(
            upper, rz(g(f"{side}_shoulder.flex")), rx(-s * g(f"{side}_shoulder.abd")),
            ry(-s * g(f"{side}_shoulder.rot")),
        )  # fmt: skip
        elbow = add(shoulder, apply(arm, (0.0, -UPPER_ARM, 0.0)))
        fore = mul(arm, rz(g(f"{side}_elbow.flex")))
        wrist = add(elbow, apply(fore, (0.0, -FOREARM, 0.0)))
        hand = add(wrist, apply(fore, (0.0, -HAND * 0.8, 0.0)))
        pts.update({f"{k}_shoulder": shoulder, f"{k}_elbow": elbow, f"{k}_wrist": wrist,
                    f"{k}_hand": hand})  # fmt: skip
        rad.update({f"{k}_elbow": 0.024, f"{k}_hand": 0.014, f"{k}_shoulder": 0.034})
        caps.append(Capsule(f"{k}_upper_arm", f"{k}_shoulder", f"{k}_elbow", 0.032, 0.024,
                            side, arm))  # fmt: skip
        caps.append(Capsule(f"{k}_forearm", f"{k}_elbow", f"{k}_wrist", 0.023, 0.017, side, fore))
        caps.append(Capsule(f"{k}_hand", f"{k}_wrist", f"{k}_hand", 0.017, 0.014, side, fore))
    return Skeleton(pts, tuple(caps), rad, tuple(bands))


def _support_height(p: Pose) -> float:
    """Height of the surface the figure rests on: the floor, a mat, or a chair seat."""
    if p.base == "seated":
        return SEAT_HEIGHT
    return MAT_THICKNESS if any(pr.kind == "mat" for pr in p.props) else 0.0


@lru_cache(maxsize=128)
def pelvis_position(p: Pose) -> Vec:
    """Where the pelvis goes so the figure rests on its support.

    Seated: the lower buttock on the seat. Otherwise the lowest part of the body on the
    floor (or the mat). An explicit ``root`` (set while interpolating) wins.
    """
    if p.root is not None:
        return p.root
    raw = _raw_skeleton(p)
    if p.base == "seated":
        low = min(raw.lowest("r_buttock"), raw.lowest("l_buttock"))
    else:
        low = min(_surface_low(raw, c) for c in raw.capsules)
    return (0.0, _support_height(p) - low, 0.0)


def _surface_low(sk: Skeleton, c: Capsule) -> float:
    return min(sk.points[c.a][1] - c.ra, sk.points[c.b][1] - c.rb)


@lru_cache(maxsize=128)  # bounded: every animation frame is a new pose
def skeleton(p: Pose) -> Skeleton:
    """The pose's figure in 3-D, placed on its support (floor at y = 0)."""
    raw = _raw_skeleton(p)
    off = pelvis_position(p)
    pts = {k: add(v, off) for k, v in raw.points.items()}
    return Skeleton(pts, raw.capsules, raw.radius, raw.bands)


def surface_height(p: Pose, surface: str) -> float:
    """Height of a named contact surface: "floor" (0), "mat" (its top) or "seat"."""
    return {"floor": 0.0, "mat": MAT_THICKNESS, "seat": SEAT_HEIGHT}[surface]


def contact_errors(p: Pose) -> dict[str, float]:
    """For each declared contact, how far (height units) the body is from its surface."""
    sk = skeleton(p)
    return {pt: sk.lowest(pt) - surface_height(p, s) for pt, s in p.contacts}
