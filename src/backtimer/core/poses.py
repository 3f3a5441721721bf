"""Joint-angle figures: the pose model, forward kinematics, interpolation and mirroring.

A pose is a set of joint angles (degrees) plus where the figure rests, its props, the
camera it reads best from, motion arrows and the muscles to highlight. ``skeleton()``
turns a pose into 3-D points and capsules in units of standing height (1.0), with the
floor at ``y = 0``. Axes: ``x`` the figure's front at rest, ``y`` up, ``z`` the figure's
right, so the default side camera looks at the right (working) side.

Poses are authored with the RIGHT side working; ``mirrored()`` swaps the sides and marks
the pose to be seen from the left, which the renderer draws as a mirror image.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

BASES = ("standing", "seated", "kneeling", "lying")
CAMERAS: dict[str, tuple[float, float]] = {
    # name: (azimuth, elevation) in degrees; azimuth 0 looks at the figure's right side.
    "side": (0.0, 0.0),
    "front": (90.0, 0.0),
    "three_quarter": (35.0, 12.0),
    "above": (-30.0, 50.0),  # high, from beside the feet: floor poses that cross the body
}
PROPS = ("chair", "mat", "wall")
SIDES = ("right", "left", "both")
Vec = tuple[float, float, float]

# Segment lengths as fractions of standing height (Drillis & Contini, via Winter).
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.108
THIGH = 0.245
SHANK = 0.246
FOOT = 0.152
ANKLE_HEIGHT = 0.039
SHOULDER_WIDTH = 0.259
HIP_WIDTH = 0.191
HEAD = 0.13  #: chin to crown
HIP_HEIGHT = ANKLE_HEIGHT + SHANK + THIGH  # 0.530, the greater trochanter in Winter's table
SHOULDER_HEIGHT = 0.818
LOWER_TRUNK = 0.10  #: hip centre to the lumbar bend
UPPER_TRUNK = SHOULDER_HEIGHT - HIP_HEIGHT - LOWER_TRUNK
NECK = 0.052
HEAD_RADIUS = HEAD / 2
HIP_JOINT_OFFSET = 0.05  #: hip joint centres either side of the mid-line
SHOULDER_OFFSET = SHOULDER_WIDTH / 2 - 0.03
SEAT_HEIGHT = 0.26  #: a dining chair's seat, 45 cm for a 175 cm person
SEAT_DEPTH = 0.24
MAT_THICKNESS = 0.008

#: Joint name -> (min, max) degrees: the usual clinical active ranges (AAOS). Angles for
#: ``right_``/``left_`` joints are checked against the entry without the prefix.
RANGES: dict[str, tuple[float, float]] = {
    "hip.flex": (-30, 120),  # negative = extension
    "hip.abd": (-30, 45),  # negative = adduction
    "hip.rot": (-45, 45),  # positive = external rotation
    "knee.flex": (-5, 135),  # never bends backwards beyond 5 degrees
    "ankle.flex": (-50, 20),  # positive = dorsiflexion, negative = plantarflexion
    "shoulder.flex": (-60, 180),
    "shoulder.abd": (-45, 180),  # negative = across the body
    "shoulder.rot": (-90, 90),
    "elbow.flex": (0, 150),
    "lumbar.flex": (-25, 60),
    "lumbar.side": (-25, 25),
    "lumbar.twist": (-30, 30),
    "neck.flex": (-45, 60),
    "neck.turn": (-70, 70),
    "pelvis.pitch": (-180, 180),  # whole-body orientation, not a joint
    "pelvis.roll": (-180, 180),
    "pelvis.yaw": (-180, 180),
}
LIMB_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")
JOINT_NAMES: tuple[str, ...] = tuple(
    sorted(
        [k for k in RANGES if k.split(".")[0] not in LIMB_JOINTS]
        + [f"{s}_{k}" for s in ("right", "left") for k in RANGES if k.split(".")[0] in LIMB_JOINTS]
    )
)


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
class Prop:
    """A chair, mat or wall. ``x`` is the seat centre (chair) or the wall's face.

    ``facing`` is +1 when the chair faces the figure's front direction (a sitter would look
    the same way), -1 when it faces the figure.
    """

    kind: str
    x: float = 0.0
    facing: int = 1
    z: float = 0.0  #: sideways: positive towards the figure's right


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


# ---------------------------------------------------------------------------------------
# Interpolation and mirroring


def _swap_side(name: str) -> str:
    if name.startswith("right_"):
        return "left_" + name[6:]
    if name.startswith("left_"):
        return "right_" + name[5:]
    if name.startswith("r_"):
        return "l_" + name[2:]
    if name.startswith("l_"):
        return "r_" + name[2:]
    return name


_NEGATED_ON_MIRROR = {"pelvis.roll", "pelvis.yaw", "lumbar.side", "lumbar.twist", "neck.turn"}


def mirrored(p: Pose) -> Pose:
    """The same pose done with the other side; seen from that side (a mirror image)."""
    joints = make_joints(
        {
            _swap_side(k): (-v if k in _NEGATED_ON_MIRROR else v)
            for k, v in p.joints  # fmt: skip
        }
    )
    side_swap = {"right": "left", "left": "right", "both": "both"}
    return replace(
        p,
        joints=joints,
        arrows=tuple(
            replace(
                a,
                start=_swap_side(a.start),
                end=_swap_side(a.end),
                delta=None if a.delta is None else (a.delta[0], a.delta[1], -a.delta[2]),
            )
            for a in p.arrows
        ),
        highlight=tuple(replace(h, side=side_swap[h.side]) for h in p.highlight),
        contacts=tuple((_swap_side(pt), s) for pt, s in p.contacts),
        props=tuple(replace(pr, z=-pr.z) for pr in p.props),
        mirror=not p.mirror,
        root=None if p.root is None else (p.root[0], p.root[1], -p.root[2]),
    )


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` (clamped to 0..1) of the way from ``a`` to ``b``.

    Angles, camera and resting position move smoothly; the discrete parts (base, props,
    arrows, highlight) are ``b``'s once ``t`` passes one half, so ``t=1`` gives ``b``'s
    drawing exactly. Both poses must be seen from the same side (``mirror``).
    """
    t = min(1.0, max(0.0, t))
    if t <= 0.0:
        return a
    if t >= 1.0:
        return b
    da, db = dict(a.joints), dict(b.joints)
    joints = make_joints({k: _lerp(da.get(k, 0.0), db.get(k, 0.0), t) for k in {*da, *db}})
    va, vb = a.view_angles, b.view_angles
    ra, rb = pelvis_position(a), pelvis_position(b)
    near = b if t >= 0.5 else a
    props = _lerp_props(a.props, b.props, t) or near.props
    return replace(
        near,
        name=f"{a.name}>{b.name}",
        joints=joints,
        props=props,
        view=(_lerp(va[0], vb[0], t), _lerp(va[1], vb[1], t)),
        root=(_lerp(ra[0], rb[0], t), _lerp(ra[1], rb[1], t), _lerp(ra[2], rb[2], t)),
    )


def _lerp_props(pa: tuple[Prop, ...], pb: tuple[Prop, ...], t: float) -> tuple[Prop, ...]:
    """Props present in both poses slide from one place to the other; else empty."""
    if [p.kind for p in pa] != [p.kind for p in pb]:
        return ()
    return tuple(
        replace(y, x=_lerp(x.x, y.x, t), z=_lerp(x.z, y.z, t)) if x.facing == y.facing else y
        for x, y in zip(pa, pb, strict=True)
    )


# ---------------------------------------------------------------------------------------
# Forward kinematics

Mat = tuple["Vec", "Vec", "Vec"]  # rows

_I: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def _rx(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def _ry(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def _rz(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _mul(a: Mat, b: Mat) -> Mat:
    cols = tuple(zip(*b, strict=True))
    return tuple(  # type: ignore[return-value]
        tuple(sum(x * y for x, y in zip(row, col, strict=True)) for col in cols) for row in a
    )


def _apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _chain(*ms: Mat) -> Mat:
    out = _I
    for m in ms:
        out = _mul(out, m)
    return out


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
    frame: Mat = field(default=_I, compare=False)
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


def _limb_side(sign: float) -> str:
    return "right" if sign > 0 else "left"


def _raw_skeleton(p: Pose) -> Skeleton:
    """Points relative to the pelvis (origin); not yet placed on a support."""
    a = dict(p.joints)

    def g(k: str) -> float:
        return a.get(k, 0.0)

    pts: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    caps: list[Capsule] = []
    rad: dict[str, float] = {}
    root = _chain(_ry(g("pelvis.yaw")), _rx(g("pelvis.roll")), _rz(-g("pelvis.pitch")))

    # Trunk: the lower back bends at the lumbar joint.
    lumbar = _add(pts["pelvis"], _apply(root, (0.0, LOWER_TRUNK, 0.0)))
    upper = _chain(root, _rz(-g("lumbar.flex")), _rx(g("lumbar.side")), _ry(g("lumbar.twist")))
    neck = _add(lumbar, _apply(upper, (0.0, UPPER_TRUNK, 0.0)))
    head_frame = _chain(upper, _ry(g("neck.turn")), _rz(-g("neck.flex")))
    head_base = _add(neck, _apply(head_frame, (0.0, NECK, 0.0)))
    head = _add(head_base, _apply(head_frame, (0.01, HEAD_RADIUS * 0.95, 0.0)))
    pts.update(lumbar=lumbar, neck=neck, head_base=head_base, head=head)
    pts["nose"] = _add(head, _apply(head_frame, (HEAD_RADIUS * 1.05, -0.01, 0.0)))
    pts["sacrum"] = _add(pts["pelvis"], _apply(root, (-0.02, 0.04, 0.0)))
    pts["upper_back"] = _add(lumbar, _apply(upper, (-0.01, UPPER_TRUNK * 0.7, 0.0)))
    pts["chest"] = _add(lumbar, _apply(upper, (0.02, UPPER_TRUNK * 0.7, 0.0)))
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
            pts[f"{prefix}{key}.{end}"] = _add(origin, _apply(frame, offset))
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
        hip = _add(pts["pelvis"], _apply(root, (0.0, 0.0, s * HIP_JOINT_OFFSET)))
        thigh = _chain(
            root, _rz(g(f"{side}_hip.flex")), _rx(-s * g(f"{side}_hip.abd")),
            _ry(-s * g(f"{side}_hip.rot")),
        )  # fmt: skip
        knee = _add(hip, _apply(thigh, (0.0, -THIGH, 0.0)))
        shank = _mul(thigh, _rz(-g(f"{side}_knee.flex")))
        ankle = _add(knee, _apply(shank, (0.0, -SHANK, 0.0)))
        foot = _mul(shank, _rz(g(f"{side}_ankle.flex")))
        heel = _add(ankle, _apply(foot, (-0.03, -ANKLE_HEIGHT + 0.016, 0.0)))
        toe = _add(ankle, _apply(foot, (FOOT - 0.045, -ANKLE_HEIGHT + 0.012, 0.0)))
        buttock = _add(hip, _apply(root, (-0.045, -0.03, -s * 0.01)))
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
        shoulder = _add(neck, _apply(upper, (-0.005, -0.02, s * SHOULDER_OFFSET)))
        arm = _chain(
            upper, _rz(g(f"{side}_shoulder.flex")), _rx(-s * g(f"{side}_shoulder.abd")),
            _ry(-s * g(f"{side}_shoulder.rot")),
        )  # fmt: skip
        elbow = _add(shoulder, _apply(arm, (0.0, -UPPER_ARM, 0.0)))
        fore = _mul(arm, _rz(g(f"{side}_elbow.flex")))
        wrist = _add(elbow, _apply(fore, (0.0, -FOREARM, 0.0)))
        hand = _add(wrist, _apply(fore, (0.0, -HAND * 0.8, 0.0)))
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
    pts = {k: _add(v, off) for k, v in raw.points.items()}
    return Skeleton(pts, raw.capsules, raw.radius, raw.bands)


def surface_height(p: Pose, surface: str) -> float:
    """Height of a named contact surface: "floor" (0), "mat" (its top) or "seat"."""
    return {"floor": 0.0, "mat": MAT_THICKNESS, "seat": SEAT_HEIGHT}[surface]


def contact_errors(p: Pose) -> dict[str, float]:
    """For each declared contact, how far (height units) the body is from its surface."""
    sk = skeleton(p)
    return {pt: sk.lowest(pt) - surface_height(p, s) for pt, s in p.contacts}


# ---------------------------------------------------------------------------------------
# The built-in library


def pose_names() -> list[str]:
    """The built-in poses' names: the stems of ``resources/poses/*.yaml``, sorted."""
    from backtimer.resources import resource_path

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
    from backtimer.core.pose_loader import read_pose_file
    from backtimer.resources import resource_path

    return {n: read_pose_file(resource_path("poses", f"{n}.yaml")) for n in pose_names()}
