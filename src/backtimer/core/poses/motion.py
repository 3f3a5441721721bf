"""Moving between poses: the same pose done with the other side, and the poses between two.

Both give new ``Pose`` values; nothing here draws.
"""

from __future__ import annotations

from dataclasses import replace

from backtimer.core.poses.pose import Pose, make_joints
from backtimer.core.poses.props import Prop
from backtimer.core.poses.skeleton import pelvis_position


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
