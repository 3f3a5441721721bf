"""The props' shapes: where a chair's seat and back are, and how far a mat reaches."""

from __future__ import annotations

import pytest

from backtimer.core.poses.props import MAT_THICKNESS, SEAT_HEIGHT, Prop, box_faces, prop_boxes


@pytest.mark.parametrize("facing", [1, -1])
def test_chair_back_is_behind_a_sitter(facing: int) -> None:
    """The seat's top is at seat height; the back rises on the side a sitter has behind."""
    boxes = prop_boxes([Prop("chair", x=0.3, facing=facing)], (0.0, 0.5))
    assert {kind for kind, _, _ in boxes} == {"chair"}
    seat = max(boxes, key=lambda b: (b[2][0] - b[1][0]) * (b[2][2] - b[1][2]))
    assert seat[2][1] == pytest.approx(SEAT_HEIGHT)
    tallest = max(boxes, key=lambda b: b[2][1])
    back_x = (tallest[1][0] + tallest[2][0]) / 2
    assert (back_x < 0.3) == (facing > 0)


def test_mat_reaches_past_the_figure() -> None:
    """A mat lies on the floor, as thick as a mat, a little longer than the figure."""
    [(kind, lo, hi)] = prop_boxes([Prop("mat")], (-0.4, 0.6))
    assert kind == "mat"
    assert (lo[1], hi[1]) == (0.0, MAT_THICKNESS)
    assert lo[0] < -0.4
    assert hi[0] > 0.6


def test_box_faces_point_outwards() -> None:
    """Each face's corners lie on the side of the box its normal points to."""
    lo, hi = (0.0, 0.0, 0.0), (1.0, 2.0, 3.0)
    faces = box_faces(lo, hi)
    assert len(faces) == 6
    for normal, corners in faces:
        axis = next(i for i in range(3) if normal[i])
        edge = hi[axis] if normal[axis] > 0 else lo[axis]
        assert all(c[axis] == edge for c in corners)
