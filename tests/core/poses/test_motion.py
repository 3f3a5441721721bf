"""Moving between poses: mirroring to the other side and the poses in between."""

from __future__ import annotations

from backtimer.core.poses.library import load_pose
from backtimer.core.poses.motion import interpolate, mirrored
from backtimer.core.poses.skeleton import skeleton


def test_mirroring_swaps_sides_and_twice_is_identity() -> None:
    """Mirroring moves the work and the highlight to the left; mirroring back restores it."""
    pose = load_pose("hamstring-lean")
    left = mirrored(pose)
    assert left.angle("left_hip.flex") == pose.angle("right_hip.flex")
    assert {h.side for h in left.highlight} == {"left"}
    assert mirrored(left) == pose


def test_interpolation_reaches_both_ends_and_passes_between() -> None:
    """Interpolating gives the start at 0, the end at 1, and angles in between."""
    a, b = load_pose("chair-sit"), load_pose("chair-sit-forward")
    assert interpolate(a, b, 0.0) == a
    assert interpolate(a, b, 1.0) == b
    mid = interpolate(a, b, 0.5)
    knee = mid.angle("right_knee.flex")
    assert min(a.angle("right_knee.flex"), b.angle("right_knee.flex")) < knee
    assert knee < max(a.angle("right_knee.flex"), b.angle("right_knee.flex"))


def test_interpolated_figure_moves_continuously() -> None:
    """Small steps in t move every body point only a little (no jumps mid-move)."""
    a, b = load_pose("psoas-kneel"), load_pose("psoas-lean")
    prev = skeleton(interpolate(a, b, 0.0)).points
    for i in range(1, 21):
        cur = skeleton(interpolate(a, b, i / 20)).points
        jump = max(abs(cur[k][j] - prev[k][j]) for k in cur for j in range(3))
        assert jump < 0.05
        prev = cur
