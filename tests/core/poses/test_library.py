"""The pose library: every built-in pose exists, is anatomically plausible and rests on
what it should rest on."""

from __future__ import annotations

import pytest
import yaml

from backtimer.core.poses.library import builtin_poses, load_pose
from backtimer.core.poses.pose import range_violations
from backtimer.core.poses.skeleton import contact_errors, skeleton
from backtimer.resources import builtin_routine_path

CONTACT_TOLERANCE = 0.02  # of standing height: 3.5 cm for a 175 cm person
POSES = sorted(builtin_poses())

#: What must touch what, per resting position (the rest is the pose file's own claim).
REQUIRED_CONTACTS = {
    "standing": {"floor"},
    "seated": {"seat", "floor"},
    "kneeling": {"mat"},
    "lying": {"mat"},
}


def _routine_pose_names() -> set[str]:
    data = yaml.safe_load(builtin_routine_path().read_text(encoding="utf-8"))
    items = data.get("warmup", []) + data["exercises"] + data.get("cooldown", [])
    return {s["pose"] for item in items for s in item["steps"] if "pose" in s}


def test_every_routine_pose_exists() -> None:
    """Every pose the built-in routine names is in the built-in library."""
    missing = _routine_pose_names() - set(builtin_poses())
    assert not missing


@pytest.mark.parametrize("name", POSES)
def test_pose_within_ranges_of_motion(name: str) -> None:
    """No joint goes past its normal active range (e.g. the knee never bends backwards)."""
    assert range_violations(load_pose(name)) == []


@pytest.mark.parametrize("name", POSES)
def test_pose_rests_on_its_support(name: str) -> None:
    """Feet on the floor, buttocks on the seat, back or knee on the mat, within 2 %."""
    pose = load_pose(name)
    surfaces = {s for _, s in pose.contacts}
    assert REQUIRED_CONTACTS[pose.base] <= surfaces
    errors = contact_errors(pose)
    assert all(abs(e) <= CONTACT_TOLERANCE for e in errors.values()), errors


@pytest.mark.parametrize("name", POSES)
def test_pose_does_not_sink_below_floor(name: str) -> None:
    """No body part goes through the floor."""
    sk = skeleton(load_pose(name))
    low = min(min(sk.points[c.a][1] - c.ra, sk.points[c.b][1] - c.rb) for c in sk.capsules)
    assert low >= -0.005


def test_standing_pose_has_standard_proportions() -> None:
    """Standing straight, the head's top is near 1.0 and the hips at 0.53 of height."""
    sk = skeleton(load_pose("stand"))
    top = sk.points["head"][1] + sk.radius["head"]
    assert top == pytest.approx(1.0, abs=0.02)
    assert sk.points["r_hip"][1] == pytest.approx(0.53, abs=0.01)


def test_piriformis_pull_brings_right_knee_across_to_left() -> None:
    """In piriformis-pull the right knee is raised and across the mid-line, left hand on it."""
    sk = skeleton(load_pose("piriformis-pull"))
    knee, pelvis = sk.points["r_knee"], sk.points["pelvis"]
    assert knee[1] > pelvis[1] + 0.15  # raised towards the ceiling
    assert knee[2] < pelvis[2]  # left of the mid-line (z points to the right)
    hand = sk.points["l_hand"]
    assert sum((a - b) ** 2 for a, b in zip(hand, knee, strict=True)) ** 0.5 < 0.06


def test_psoas_lean_pushes_hips_forward_with_upright_trunk() -> None:
    """Psoas-lean: the hips are ahead of the kneeling knee and the trunk stays upright."""
    sk = skeleton(load_pose("psoas-lean"))
    assert sk.points["pelvis"][0] > sk.points["r_knee"][0] + 0.03
    dx = sk.points["neck"][0] - sk.points["pelvis"][0]
    assert abs(dx) < 0.04
