"""The body the figure is built from: segment lengths and the joints' ranges of motion.

Lengths are fractions of standing height (1.0). Axes: ``x`` the figure's front at rest,
``y`` up, ``z`` the figure's right.
"""

from __future__ import annotations

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
