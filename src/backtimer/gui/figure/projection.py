"""Where a pose falls on screen: an orthographic camera and the fit into a rectangle.

Geometry (the body and the props) comes from ``backtimer.core.poses``; this module only
turns world points into screen points and depths for the painter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from backtimer.core.poses.pose import Pose
from backtimer.core.poses.props import Box, prop_boxes
from backtimer.core.poses.skeleton import Skeleton, skeleton
from backtimer.core.poses.vectors import Vec


@dataclass(frozen=True)
class Camera:
    """Orthographic view: azimuth turns about the vertical, elevation looks down."""

    azimuth: float
    elevation: float
    mirror: bool

    def project(self, p: Vec) -> tuple[float, float, float]:
        """World point -> (u right, v up, depth towards the viewer)."""
        x, y, z = p
        if self.mirror:
            z = -z
        ca, sa = math.cos(math.radians(self.azimuth)), math.sin(math.radians(self.azimuth))
        ce, se = math.cos(math.radians(self.elevation)), math.sin(math.radians(self.elevation))
        u = x * ca - z * sa
        d1 = x * sa + z * ca
        v = y * ce - d1 * se
        d = d1 * ce + y * se
        return (-u if self.mirror else u), v, d

    def facing(self, n: Vec) -> float:
        """How much a world direction points at the viewer (positive = towards)."""
        return self.project(n)[2]


@dataclass
class Layout:
    """A pose placed in a rectangle: screen points, their depth, and the scale."""

    points: dict[str, QPointF]
    depth: dict[str, float]
    scale: float  #: pixels per unit of standing height
    camera: Camera
    origin: tuple[float, float, float, float]  # cu, cv, rect centre x, rect centre y
    shadow_x: float = 0.0  #: world x under the middle of the figure
    shadow_r: float = 0.3  #: half its length along x

    def to_screen(self, p: Vec) -> tuple[QPointF, float]:
        u, v, d = self.camera.project(p)
        cu, cv, cx, cy = self.origin
        return QPointF(cx + (u - cu) * self.scale, cy - (v - cv) * self.scale), d


def pose_boxes(pose: Pose, sk: Skeleton) -> list[Box]:
    """The pose's props as world boxes, a mat reaching past the figure ``sk``."""
    xs = [p[0] for p in sk.points.values()]
    return prop_boxes(pose.props, (min(xs), max(xs)))


def layout(pose: Pose, rect: QRectF) -> Layout:
    """Fit the pose (figure and props) into ``rect`` with a small margin."""
    sk = skeleton(pose)
    az, el = pose.view_angles
    cam = Camera(az, el, pose.mirror)
    us: list[float] = []
    vs: list[float] = []
    radius = sk.radius
    for name, p in sk.points.items():
        u, v, _ = cam.project(p)
        r = radius.get(name, 0.035)
        us += [u - r, u + r]
        vs += [v - r, v + r]
    for _, lo, hi in pose_boxes(pose, sk):
        corners = [
            (a, b, c) for a in (lo[0], hi[0]) for b in (lo[1], hi[1]) for c in (lo[2], hi[2])
        ]
        for corner in corners:
            u, v, _ = cam.project(corner)
            us.append(u)
            vs.append(v)
    w, h = max(us) - min(us), max(vs) - min(vs)
    margin = 0.06 * min(rect.width(), rect.height())
    scale = min((rect.width() - 2 * margin) / w, (rect.height() - 2 * margin) / h)
    origin = (
        (max(us) + min(us)) / 2,
        (max(vs) + min(vs)) / 2,
        rect.center().x(),
        rect.center().y(),
    )
    xs = [p[0] for p in sk.points.values()]
    out = Layout({}, {}, scale, cam, origin, (max(xs) + min(xs)) / 2, (max(xs) - min(xs)) / 2 + 0.1)
    for name, p in sk.points.items():
        out.points[name], out.depth[name] = out.to_screen(p)
    return out
