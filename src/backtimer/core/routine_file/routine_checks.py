"""The routine's parts, checked: a composed YAML tree → a Routine, or located problems.

``RoutineChecker`` walks the tree once, checks keys, types, ranges, placeholders, poses,
pictures and that ids are unique, and records every problem it finds instead of stopping
at the first. ``backtimer.core.routine_file.loader`` reads the file and turns the outcome into a
``LoadResult``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TypeVar

from backtimer.core import routine as r
from backtimer.core.i18n import _
from backtimer.core.routine_file.images import ImageError, inspect_image
from backtimer.core.routine_file.node_checks import (
    DID_YOU_MEAN,
    NodeChecker,
    Thing,
    format_number,
    node_kind,
)
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routine_file.routine_format import (
    DEFAULTS_KEYS,
    EXERCISE_KEYS,
    FORMAT,
    MAX_EXERCISES,
    MAX_MOVEMENTS,
    MAX_NAME,
    MAX_STEPS,
    MIN_GENTLE_HOLD,
    MOVEMENT_KEYS,
    STEP_KEYS,
    TOP_KEYS,
)
from backtimer.core.routine_file.safe_yaml import Map, Node, Scalar
from backtimer.core.routine_file.schedule_checks import ScheduleChecker

T = TypeVar("T")

_PLACEHOLDER = re.compile(r"\{[^{}\n]*\}")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

# What a person reads about a routine file (problem messages and hints).
THE_ROUTINE = Thing(
    _("the routine must be a mapping of keys ({keys}…), not {kind}"),
    _("write the routine as 'key: value' lines, starting at the left edge"),
    _("unknown key '{key}' in the routine"),
    _("the routine is missing '{key}'"),
)
AN_EXERCISE = Thing(
    _("an exercise must be a mapping of keys ({keys}…), not {kind}"),
    _("write an exercise as 'key: value' lines, indented under its '- '"),
    _("unknown key '{key}' in an exercise"),
    _("an exercise is missing '{key}'"),
)
A_MOVEMENT = Thing(
    _("a warm-up or cool-down movement must be a mapping of keys ({keys}…), not {kind}"),
    _("write a movement as 'key: value' lines, indented under its '- '"),
    _("unknown key '{key}' in a warm-up or cool-down movement"),
    _("a warm-up or cool-down movement is missing '{key}'"),
)
A_STEP = Thing(
    _("a step must be a mapping of keys ({keys}…), not {kind}"),
    _("write a step as 'key: value' lines, indented under its '- '"),
    _("unknown key '{key}' in a step"),
    _("a step is missing '{key}'"),
)
ROUTINE_ID = _("the routine's id")
ID_TAKEN = _("the id '{id}' is already used at line {line}")
ID_TAKEN_HINT = _("every exercise and movement needs its own id")
NEWER_FORMAT = _("unsupported format {number}; this BackTimer reads format {format}")
NEWER_FORMAT_HINT = _("use a newer BackTimer for this file, or rewrite it in format 1")
BAD_FORMAT = _("format must be the number {format}, not {kind}")
BAD_FORMAT_HINT = _("write 'format: 1'")
FIRST_SIDE_ALONE = _("first_side only applies to exercises with sides: both")
FIRST_SIDE_ALONE_HINT = _("remove first_side, or set sides: both")
GENTLE_TOO_LONG = _("gentle_hold is {gentle}, longer than the hold ({hold} seconds)")
GENTLE_TOO_LONG_HINT = _("make gentle_hold at most {hold}: it is the easier version")
BARE_STEP = _("a step must be a mapping with 'text:', not bare text")
BARE_STEP_HINT = _("write the step as '- text: ...'")
POSE_AND_IMAGE = _("a step shows either a pose or an image, not both")
POSE_AND_IMAGE_HINT = _("remove one of 'pose:' and 'image:'")
UNKNOWN_PLACEHOLDER = _("unknown placeholder {placeholder} in the step's text")
UNKNOWN_PLACEHOLDER_HINT = _("only {side} and {other} may appear in braces")
SIDE_WITHOUT_SIDES = _("{placeholder} is only allowed in exercises with sides: both")
SIDE_WITHOUT_SIDES_HINT = _("write 'right' or 'left' out, or set sides: both")
UNKNOWN_POSE = _("unknown pose '{pose}'")
UNKNOWN_POSE_HINT = _("use a pose from BackTimer's pose library")
IMAGE_BACKSLASH = _("image '{image}' contains a backslash or NUL; write paths with '/'")
IMAGE_ABSOLUTE = _("image '{image}' is an absolute path")
IMAGE_URL = _(
    "image '{image}' looks like a URL or a drive; only files beside the routine are allowed"
)
IMAGE_UP = _("image '{image}' goes up a folder with '..'")
IMAGE_PATH_HINT = _("give a file name relative to the routine's folder, e.g. 'pictures/step1.png'")
IMAGE_OUTSIDE = _("image '{image}' leads outside the routine's folder")
IMAGE_OUTSIDE_HINT = _("copy the picture into the routine's folder (links out are refused)")
IMAGE_MISSING = _("image '{image}' does not exist in {folder}")
IMAGE_MISSING_HINT = _("check the file name; it is relative to the routine's folder")
IMAGE_BAD = _("image '{image}': {problem}")
IMAGE_UNREADABLE = _("image '{image}' cannot be read ({error})")
IMAGE_UNREADABLE_HINT = _("check the file and its permissions")


class RoutineChecker(NodeChecker):
    """Walks the composed tree, recording problems and building the routine's parts.

    Each method returns the checked value, or None when it recorded a problem.
    ``poses`` are the pose names a step may use (empty: any); pictures are looked up in
    ``base_dir``.
    """

    def __init__(
        self, file: str, base_dir: Path, poses: frozenset[str], problems: list[Problem]
    ) -> None:
        super().__init__(file, problems)
        self.base_dir = base_dir
        self.poses = poses
        self.ids: dict[str, Node] = {}

    def unique_id(self, node: Node) -> str | None:
        value = self.slug(node, "id")
        if value is None:
            return None
        earlier = self.ids.get(value)
        if earlier is not None:
            self.error(node, ID_TAKEN.format(id=value, line=earlier.line), ID_TAKEN_HINT)
            return None
        self.ids[value] = node
        return value

    # -- the routine's parts -------------------------------------------------------------

    def routine(self, root: Node) -> r.Routine | None:
        if isinstance(root, Map):
            for key, value in root.entries:
                if isinstance(key, Scalar) and key.value == "format" and not self.format(value):
                    return None  # another format's keys would only produce noise
        top = self.mapping(root, THE_ROUTINE, TOP_KEYS, ("format", "id", "name", "exercises"))
        if top is None:
            return None
        routine_id = self.slug(top["id"], ROUTINE_ID) if "id" in top else None
        name = self.text(top["name"], "name", MAX_NAME) if "name" in top else None
        description = self.text(top["description"], "description") if "description" in top else ""
        defaults = self.defaults(top["defaults"]) if "defaults" in top else r.Defaults()
        warmup = self.items(top, "warmup", 0, MAX_MOVEMENTS, "movements", self.movement)
        exercises = self.items(
            top,
            "exercises",
            1,
            MAX_EXERCISES,
            "exercises",
            lambda node: self.exercise(node, defaults or r.Defaults()),
        )
        cooldown = self.items(top, "cooldown", 0, MAX_MOVEMENTS, "movements", self.movement)
        schedule = None
        if "schedule" in top:
            # Broken exercises: their ids are unknown, so micro-sessions are not checked.
            ids = None if exercises is None else [e.id for e in exercises]
            schedule = ScheduleChecker(self, ids).schedule(top["schedule"])
            if schedule is None:
                return None
        if routine_id is None or name is None or description is None or defaults is None:
            return None
        if warmup is None or exercises is None or cooldown is None:
            return None
        return r.Routine(
            id=routine_id,
            name=name,
            exercises=exercises,
            description=description,
            defaults=defaults,
            warmup=warmup,
            cooldown=cooldown,
            source=None if self.file.startswith("<") else Path(self.file),
            format=FORMAT,
            schedule=schedule,
        )

    def format(self, node: Node) -> bool:
        """False only for another format number: then nothing else is worth checking."""
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, int) and not isinstance(value, bool) and value == FORMAT:
            return True
        if isinstance(value, float) and value == FORMAT:
            return True
        if isinstance(value, int | float) and not isinstance(value, bool):
            message = NEWER_FORMAT.format(number=format_number(value), format=FORMAT)
            self.error(node, message, NEWER_FORMAT_HINT)
            return False
        self.error(node, BAD_FORMAT.format(format=FORMAT, kind=node_kind(node)), BAD_FORMAT_HINT)
        return True  # a typo in the format line: the rest is still worth checking

    def items(
        self,
        top: dict[str, Node],
        key: str,
        low: int,
        high: int,
        unit: str,
        check: Callable[[Node], T | None],
    ) -> tuple[T, ...] | None:
        if key not in top:
            return () if low == 0 else None
        nodes = self.sequence(top[key], key, low, high, unit)
        if nodes is None:
            return None
        checked = [check(node) for node in nodes]
        if any(item is None for item in checked):
            return None
        return tuple(item for item in checked if item is not None)

    def defaults(self, node: Node) -> r.Defaults | None:
        d = self.mapping(node, "defaults", DEFAULTS_KEYS, ())
        if d is None:
            return None
        base = r.Defaults()
        hold = self.number(d["hold"], "hold", r.HOLD_RANGE) if "hold" in d else base.hold
        prepare = (
            self.number(d["prepare"], "prepare", r.PREPARE_RANGE)
            if "prepare" in d
            else base.prepare
        )
        rest = self.number(d["rest"], "rest", r.REST_RANGE) if "rest" in d else base.rest
        reps = (
            self.number(d["reps"], "reps", r.REPS_RANGE, whole=True) if "reps" in d else base.reps
        )
        if hold is None or prepare is None or rest is None or reps is None:
            return None
        return r.Defaults(hold=hold, prepare=prepare, rest=rest, reps=int(reps))

    def movement(self, node: Node) -> r.Movement | None:
        m = self.mapping(
            node,
            A_MOVEMENT,
            MOVEMENT_KEYS,
            ("id", "name", "duration", "steps"),
        )
        if m is None:
            return None
        movement_id = self.unique_id(m["id"]) if "id" in m else None
        name = self.text(m["name"], "name", MAX_NAME) if "name" in m else None
        duration = (
            self.number(m["duration"], "duration", r.DURATION_RANGE) if "duration" in m else None
        )
        group = self.muscle_group(m["muscle_group"]) if "muscle_group" in m else "whole_body"
        caution = self.text(m["caution"], "caution") if "caution" in m else ""
        steps = self.steps(m["steps"], sides=False) if "steps" in m else None
        if movement_id is None or name is None or duration is None or group is None:
            return None
        if caution is None or steps is None:
            return None
        return r.Movement(movement_id, name, duration, steps, group, caution)

    def exercise(self, node: Node, defaults: r.Defaults) -> r.Exercise | None:
        e = self.mapping(node, AN_EXERCISE, EXERCISE_KEYS, ("id", "name", "muscle_group", "steps"))
        if e is None:
            return None
        exercise_id = self.unique_id(e["id"]) if "id" in e else None
        name = self.text(e["name"], "name", MAX_NAME) if "name" in e else None
        group = self.muscle_group(e["muscle_group"]) if "muscle_group" in e else None
        sides_name = self.choice(e["sides"], "sides", ("both", "none")) if "sides" in e else "both"
        first_name: str | None = "right"
        if "first_side" in e:
            first_name = self.choice(e["first_side"], "first_side", ("right", "left"))
            if sides_name == "none":
                self.error(e["first_side"], FIRST_SIDE_ALONE, FIRST_SIDE_ALONE_HINT)
                first_name = None
        hold = self.number(e["hold"], "hold", r.HOLD_RANGE) if "hold" in e else defaults.hold
        gentle = self.gentle_hold(e["gentle_hold"], hold) if "gentle_hold" in e else None
        reps = (
            self.number(e["reps"], "reps", r.REPS_RANGE, whole=True)
            if "reps" in e
            else defaults.reps
        )
        rest = self.number(e["rest"], "rest", r.REST_RANGE) if "rest" in e else defaults.rest
        prepare = (
            self.number(e["prepare"], "prepare", r.PREPARE_RANGE)
            if "prepare" in e
            else defaults.prepare
        )
        caution = self.text(e["caution"], "caution") if "caution" in e else ""
        steps = self.steps(e["steps"], sides=sides_name != "none") if "steps" in e else None
        if "gentle_hold" in e and gentle is None:
            return None
        if exercise_id is None or name is None or group is None or caution is None:
            return None
        if sides_name is None or first_name is None or steps is None:
            return None
        if hold is None or reps is None or rest is None or prepare is None:
            return None
        return r.Exercise(
            id=exercise_id,
            name=name,
            muscle_group=group,
            steps=steps,
            hold=float(hold),
            gentle_hold=gentle if gentle is not None else r.default_gentle_hold(hold),
            reps=int(reps),
            rest=float(rest),
            prepare=float(prepare),
            sides=r.Sides(sides_name),
            first_side=r.Side(first_name),
            caution=caution,
        )

    def gentle_hold(self, node: Node, hold: float | None) -> float | None:
        high = hold if hold is not None else r.HOLD_RANGE[1]
        value = self.number(node, "gentle_hold", (MIN_GENTLE_HOLD, r.HOLD_RANGE[1]))
        if value is None:
            return None
        if value > high:
            self.error(
                node,
                GENTLE_TOO_LONG.format(gentle=f"{value:g}", hold=f"{high:g}"),
                GENTLE_TOO_LONG_HINT.format(hold=f"{high:g}"),
            )
            return None
        return value

    def muscle_group(self, node: Node) -> str | None:
        return self.choice(node, "muscle_group", r.MUSCLE_GROUPS)

    def steps(self, node: Node, *, sides: bool) -> tuple[r.Step, ...] | None:
        nodes = self.sequence(node, "steps", 1, MAX_STEPS, "steps")
        if nodes is None:
            return None
        checked = [self.step(item, sides=sides) for item in nodes]
        if any(step is None for step in checked):
            return None
        return tuple(step for step in checked if step is not None)

    def step(self, node: Node, *, sides: bool) -> r.Step | None:
        if isinstance(node, Scalar) and isinstance(node.value, str):
            self.error(node, BARE_STEP, BARE_STEP_HINT)
            return None
        s = self.mapping(node, A_STEP, STEP_KEYS, ("text",))
        if s is None:
            return None
        text = self.text(s["text"], "text") if "text" in s else None
        if text is not None and not self.placeholders(s["text"], text, sides):
            text = None
        pose = self.pose(s["pose"]) if "pose" in s else None
        image = self.image(s["image"]) if "image" in s else None
        if "pose" in s and "image" in s:
            second = max(s["pose"], s["image"], key=lambda n: (n.line, n.column))
            self.error(second, POSE_AND_IMAGE, POSE_AND_IMAGE_HINT)
            return None
        if text is None or ("pose" in s and pose is None) or ("image" in s and image is None):
            return None
        return r.Step(text=text, pose=pose, image=image)

    def placeholders(self, node: Node, text: str, sides: bool) -> bool:
        good = True
        for m in _PLACEHOLDER.finditer(text):
            if m.group() not in r.SIDE_PLACEHOLDERS:
                self.error(
                    node,
                    UNKNOWN_PLACEHOLDER.format(placeholder=m.group()[:40]),
                    UNKNOWN_PLACEHOLDER_HINT,
                )
                good = False
            elif not sides:
                message = SIDE_WITHOUT_SIDES.format(placeholder=m.group())
                self.error(node, message, SIDE_WITHOUT_SIDES_HINT)
                good = False
        return good

    def pose(self, node: Node) -> str | None:
        value = self.slug(node, "pose")
        if value is None or not self.poses or value in self.poses:
            return value
        import difflib  # only when a name is wrong: not at start-up

        close = difflib.get_close_matches(value, sorted(self.poses), n=1)
        hint = DID_YOU_MEAN.format(close=close[0]) if close else UNKNOWN_POSE_HINT
        self.error(node, UNKNOWN_POSE.format(pose=value), hint)
        return None

    def image(self, node: Node) -> Path | None:
        value = self.text(node, "image")
        if value is None:
            return None
        shown = value[:80]
        unsafe = _unsafe_image_path(value)
        if unsafe:
            self.error(node, unsafe.format(image=shown), IMAGE_PATH_HINT)
            return None
        try:
            folder = self.base_dir.resolve()
            path = (folder / value).resolve()
            if not path.is_relative_to(folder):
                self.error(node, IMAGE_OUTSIDE.format(image=shown), IMAGE_OUTSIDE_HINT)
                return None
            if not path.is_file():
                message = IMAGE_MISSING.format(image=shown, folder=folder)
                self.error(node, message, IMAGE_MISSING_HINT)
                return None
            inspect_image(path)
        except ImageError as e:
            self.error(node, IMAGE_BAD.format(image=shown, problem=e.message), e.hint)
            return None
        except (OSError, RuntimeError, ValueError) as e:
            message = IMAGE_UNREADABLE.format(image=shown, error=type(e).__name__)
            self.error(node, message, IMAGE_UNREADABLE_HINT)
            return None
        return path


def _unsafe_image_path(value: str) -> str:
    """The message (with ``{image}``) saying why ``value`` is not a plain relative path
    inside the folder, or ''."""
    if "\x00" in value or "\\" in value:
        return IMAGE_BACKSLASH
    if value.startswith("/") or value.startswith("~"):
        return IMAGE_ABSOLUTE
    if _URL_SCHEME.match(value):
        return IMAGE_URL
    if ".." in PurePosixPath(value).parts:
        return IMAGE_UP
    return ""
