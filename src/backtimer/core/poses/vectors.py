"""Three-vectors and 3x3 rotation matrices as plain tuples, for forward kinematics.

Tuples, not numpy: a skeleton is a few dozen points, and frozen values can be hashed and
cached with the pose they came from.
"""

from __future__ import annotations

import math

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  #: rows

IDENTITY: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def rx(deg: float) -> Mat:
    """Rotation by ``deg`` degrees about the x axis."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def ry(deg: float) -> Mat:
    """Rotation by ``deg`` degrees about the y axis."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rz(deg: float) -> Mat:
    """Rotation by ``deg`` degrees about the z axis."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def mul(a: Mat, b: Mat) -> Mat:
    """The matrix product ``a @ b``."""
    # Spelled out row by row so the result is typed as a Mat without a cast; the sums
    # run in the same order as a row-times-column generator would.
    cols = tuple(zip(*b, strict=True))

    def row(r: Vec) -> Vec:
        c0, c1, c2 = (sum(x * y for x, y in zip(r, col, strict=True)) for col in cols)
        return (c0, c1, c2)

    return (row(a[0]), row(a[1]), row(a[2]))


def apply(m: Mat, v: Vec) -> Vec:
    """``m`` applied to the column vector ``v``."""
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def chain(*ms: Mat) -> Mat:
    """The product of ``ms`` from left to right (the identity for none)."""
    out = IDENTITY
    for m in ms:
        out = mul(out, m)
    return out
