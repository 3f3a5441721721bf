"""The chair, mat and wall a pose uses, and the heights of the surfaces they give.

Heights are fractions of standing height, the floor at ``y = 0``.
"""

from __future__ import annotations

from dataclasses import dataclass

PROPS = ("chair", "mat", "wall")
SEAT_HEIGHT = 0.26  #: a dining chair's seat, 45 cm for a 175 cm person
SEAT_DEPTH = 0.24
MAT_THICKNESS = 0.008


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
