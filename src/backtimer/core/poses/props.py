"""The chair, mat and wall a pose uses: where they are, and their shape as boxes.

Heights are fractions of standing height, the floor at ``y = 0``; the shapes are world
geometry, so the renderer only has to project and paint them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backtimer.core.poses.vectors import Vec

PROPS = ("chair", "mat", "wall")
SEAT_HEIGHT = 0.26  #: a dining chair's seat, 45 cm for a 175 cm person
SEAT_DEPTH = 0.24
MAT_THICKNESS = 0.008

Box = tuple[str, Vec, Vec]  #: (kind, low corner, high corner), axis-aligned


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


def prop_boxes(props: Iterable[Prop], figure_x: tuple[float, float]) -> list[Box]:
    """The props as boxes in world units; a mat reaches a little past the figure's ends
    along x, ``figure_x`` being (lowest, highest) x of its points."""
    out: list[Box] = []
    for prop in props:
        if prop.kind == "mat":
            lo, hi = (figure_x[0] - 0.06, 0.0, -0.2), (figure_x[1] + 0.06, MAT_THICKNESS, 0.2)
            out.append(("mat", lo, hi))
        elif prop.kind == "wall":
            out.append(("wall", (prop.x, 0.0, -0.4), (prop.x + 0.03, 1.1, 0.4)))
        elif prop.kind == "chair":
            out.extend(
                (k, (lo[0], lo[1], lo[2] + prop.z), (hi[0], hi[1], hi[2] + prop.z))
                for k, lo, hi in _chair(prop)
            )
    return out


def _chair(prop: Prop) -> list[Box]:
    x0, x1 = prop.x - SEAT_DEPTH / 2, prop.x + SEAT_DEPTH / 2
    hw, leg, slab = 0.125, 0.018, 0.022
    back = x0 if prop.facing > 0 else x1 - leg
    parts: list[Box] = [
        ("chair", (x0, SEAT_HEIGHT - slab, -hw), (x1, SEAT_HEIGHT, hw)),
    ]
    for lx in (x0, x1 - leg):
        for lz in (-hw, hw - leg):
            top = SEAT_HEIGHT + 0.26 if lx == back else SEAT_HEIGHT - slab
            parts.append(("chair", (lx, 0.0, lz), (lx + leg, top, lz + leg)))
    parts.append(("chair", (back, SEAT_HEIGHT + 0.15, -hw), (back + leg, SEAT_HEIGHT + 0.26, hw)))
    return parts


def box_faces(lo: Vec, hi: Vec) -> list[tuple[Vec, list[Vec]]]:
    """A box's six faces as (outward normal, four corners in order)."""
    (x0, y0, z0), (x1, y1, z1) = lo, hi
    return [
        ((0, 1, 0), [(x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1)]),
        ((0, -1, 0), [(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)]),
        ((1, 0, 0), [(x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)]),
        ((-1, 0, 0), [(x0, y0, z0), (x0, y1, z0), (x0, y1, z1), (x0, y0, z1)]),
        ((0, 0, 1), [(x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)]),
        ((0, 0, -1), [(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0)]),
    ]
