"""Routine files (YAML, format 1) → a checked, frozen Routine, or every located problem.

The contract: ``load_routine`` and ``load_routine_text`` never raise. They return a
routine only when the file has no problem at all; otherwise every problem found, each
with file, line, column (1-based), a message and a hint on how to fix it, sorted by
position. The YAML is read by ``safe_yaml`` (no object construction, size and alias
limits); this module checks the shape, types, ranges and cross-references.
"""

from __future__ import annotations

import difflib
import logging
import math
import re
import stat
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

from backtimer.core import routine as r
from backtimer.core.images import ImageError, inspect_image
from backtimer.core.problems import Problem
from backtimer.core.safe_yaml import Map, Node, Scalar, Seq, compose

log = logging.getLogger(__name__)
T = TypeVar("T")

FORMAT = 1
MAX_FILE_BYTES = 1024 * 1024
MAX_EXERCISES = 100
MAX_MOVEMENTS = 100  #: in the warm-up, and again in the cool-down
MAX_STEPS = 20
MAX_TEXT = 1000
MAX_NAME = 100
MAX_ID = 64
MIN_GENTLE_HOLD = 5
MAX_PROBLEMS = 100  #: beyond this, a file is better fixed from the top than listed in full

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_PLACEHOLDER = re.compile(r"\{[^{}\n]*\}")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

TOP_KEYS = ("format", "id", "name", "description", "defaults", "warmup", "exercises", "cooldown")
DEFAULTS_KEYS = ("hold", "prepare", "rest", "reps")
EXERCISE_KEYS = (
    "id",
    "name",
    "muscle_group",
    "sides",
    "first_side",
    "hold",
    "gentle_hold",
    "reps",
    "rest",
    "prepare",
    "steps",
    "caution",
)
MOVEMENT_KEYS = ("id", "name", "duration", "steps", "muscle_group", "caution")
STEP_KEYS = ("text", "pose", "image")


@dataclass(frozen=True)
class LoadResult:
    """A routine (None when there is any problem) and the problems sorted by position."""

    routine: r.Routine | None
    problems: tuple[Problem, ...]


def load_routine(path: Path, *, known_poses: Collection[str] | None = None) -> LoadResult:
    """Read and check the routine file at ``path``; never raises.

    ``known_poses`` are the pose names a step may use; None means the built-in poses.
    An empty collection turns the unknown-pose check off.
    """
    file = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _fail(file, "this is a folder, not a routine file", "name a .yaml file")
        if not stat.S_ISREG(info.st_mode):
            return _fail(file, "this is not a regular file", "name a .yaml file")
        if info.st_size > MAX_FILE_BYTES:
            return _too_big(file, info.st_size)
        data = _read_at_most(path, MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return _fail(file, "no such file", "check the file name and the folder")
    except PermissionError:
        return _fail(file, "permission denied", "check that you may read this file")
    except OSError as e:
        return _fail(file, f"cannot read the file ({e.strerror or e})", "check the file")
    return load_routine_text(data, file=file, base_dir=path.parent, known_poses=known_poses)


def load_routine_text(
    data: bytes, *, file: str, base_dir: Path, known_poses: Collection[str] | None = None
) -> LoadResult:
    """Check routine file contents; ``file`` names it in problems, pictures are looked
    up in ``base_dir``. Never raises."""
    try:
        return _load(data, file, base_dir, known_poses)
    except Exception as e:  # a bug of ours must still not reach the user as a traceback
        log.exception("unexpected failure while loading %s", file)
        return _fail(
            file,
            f"BackTimer failed while reading this file ({type(e).__name__})",
            "this is a bug in BackTimer; please report it with the file",
        )


def load_builtin() -> r.Routine:
    """The routine shipped with the program. Raises RuntimeError if it is broken (a bug)."""
    from backtimer.resources import builtin_routine_path

    result = load_routine(builtin_routine_path())
    if result.routine is None:
        details = "\n".join(p.render() for p in result.problems)
        raise RuntimeError(f"the built-in routine is broken:\n{details}")
    return result.routine


def builtin_pose_names() -> frozenset[str]:
    """Names of the shipped figure poses (``resources/poses/<name>.yaml``); may be empty."""
    from backtimer.resources import resource_path

    try:
        folder = resource_path("poses")
        return frozenset(p.stem for p in folder.glob("*.yaml") if p.is_file())
    except OSError:
        return frozenset()


def _fail(file: str, message: str, hint: str = "") -> LoadResult:
    return LoadResult(None, (Problem(file, 0, 0, message, hint),))


def _too_big(file: str, size: int) -> LoadResult:
    return _fail(
        file,
        f"the file is {size:,} bytes; routine files may be at most {MAX_FILE_BYTES:,} (1 MiB)",
        "a routine is a few kilobytes: is this the right file?",
    )


def _decode(data: bytes, file: str) -> tuple[str | None, Problem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        hint = "save the file as UTF-8 in your editor"
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            hint = "the file looks like UTF-16: " + hint
        return None, Problem(file, line, column, f"the file is not UTF-8 at byte {e.start}", hint)


def _load(
    data: bytes, file: str, base_dir: Path, known_poses: Collection[str] | None
) -> LoadResult:
    if len(data) > MAX_FILE_BYTES:
        return _too_big(file, len(data))
    text, problem = _decode(data, file)
    if text is None:
        assert problem is not None
        return LoadResult(None, (problem,))
    root, problems = compose(text, file=file)
    if root is None and not problems:
        return _fail(file, "the file is empty", "start with 'format: 1', then id, name, exercises")
    poses = builtin_pose_names() if known_poses is None else frozenset(known_poses)
    checker = _Checker(file, base_dir, poses, problems)
    routine = checker.routine(root) if root is not None else None
    found = sorted(checker.problems)
    if len(found) > MAX_PROBLEMS:
        rest = len(found) - MAX_PROBLEMS
        found = found[:MAX_PROBLEMS]
        last = found[-1]
        more = f"... and {rest} more problems"
        found.append(Problem(file, last.line, last.column + 1, more, "fix the ones above first"))
    return LoadResult(None if found else routine, tuple(found))


def _read_at_most(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes, in chunks, so a small file never costs a limit-sized buffer."""
    chunks: list[bytes] = []
    size = 0
    with path.open("rb") as f:
        while size < limit:
            chunk = f.read(min(64 * 1024, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    return b"".join(chunks)


class _Checker:
    """Walks the composed tree, recording problems and building the routine's parts.

    Each method returns the checked value, or None when it recorded a problem.
    """

    def __init__(
        self, file: str, base_dir: Path, poses: frozenset[str], problems: list[Problem]
    ) -> None:
        self.file = file
        self.base_dir = base_dir
        self.poses = poses
        self.problems = problems
        self.ids: dict[str, Node] = {}

    def error(self, node: Node, message: str, hint: str = "") -> None:
        if isinstance(node, Scalar) and node.broken:
            return  # safe_yaml has said what is wrong with this value
        self.problems.append(Problem(self.file, node.line, node.column, message, hint))

    # -- generic shapes ------------------------------------------------------------------

    def mapping(
        self, node: Node, what: str, allowed: Sequence[str], required: Sequence[str]
    ) -> dict[str, Node] | None:
        """The mapping's values by key; unknown, non-text and missing keys are reported."""
        if not isinstance(node, Map):
            self.error(
                node,
                f"{what} must be a mapping of keys ({', '.join(required)}…), not {_kind(node)}",
                f"write {what} as 'key: value' lines, indented under it",
            )
            return None
        values: dict[str, Node] = {}
        seen: set[str] = set()
        for key, value in node.entries:
            if not isinstance(key, Scalar) or not isinstance(key.value, str):
                self.error(key, f"keys must be words, not {_kind(key)}", _allowed_hint(allowed))
                continue
            name = key.value
            if name in seen:
                continue  # a duplicate key, already reported by safe_yaml
            seen.add(name)
            if name not in allowed:
                if name == "<<":
                    continue  # already reported by safe_yaml
                close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else _allowed_hint(allowed)
                self.error(key, f"unknown key '{name[:60]}' in {what}", hint)
                continue
            values.setdefault(name, value)
        for name in required:
            if name not in values:
                self.error(node, f"{what} is missing '{name}'", f"add a '{name}:' line")
        return values

    def sequence(self, node: Node, what: str, low: int, high: int, unit: str) -> list[Node] | None:
        if not isinstance(node, Seq):
            self.error(
                node,
                f"{what} must be a list, not {_kind(node)}",
                "write each item on its own line starting with '- '",
            )
            return None
        count = len(node.items)
        if not low <= count <= high:
            fix = f"add at least {low}" if count < low else f"remove some, to at most {high}"
            self.error(node, f"{what} has {count} {unit}; {low} to {high} are allowed", fix)
            return None
        return node.items

    def text(self, node: Node, what: str, limit: int = MAX_TEXT) -> str | None:
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            self.error(
                node,
                f"{what} must be text, not {_kind(node)}",
                "put the text in quotes if YAML reads it as something else",
            )
            return None
        value = node.value
        if not value.strip():
            self.error(node, f"{what} is empty", f"write the {what}, or remove the key")
            return None
        if len(value) > limit:
            self.error(
                node,
                f"{what} is {len(value)} characters long; at most {limit} are allowed",
                "shorten it",
            )
            return None
        return value

    def number(
        self, node: Node, what: str, limits: tuple[float, float], *, whole: bool = False
    ) -> float | None:
        low, high = limits
        unit = "" if whole else " seconds"
        allowed = f"{low:g} to {high:g}{unit}"
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(
                node,
                f"{what} must be a number ({allowed}), not {_kind(node)}",
                f"write a number from {allowed}",
            )
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.error(node, f"{what} must be a finite number", f"write a number from {allowed}")
            return None
        if whole and value != int(value):
            self.error(
                node, f"{what} must be a whole number, not {_fmt(value)}", "drop the fraction"
            )
            return None
        if not low <= value <= high:
            self.error(
                node,
                f"{what} is {_fmt(value)}; it must be from {allowed}",
                f"change it to a number from {allowed}",
            )
            return None
        return int(value) if whole else float(value)

    def choice(self, node: Node, what: str, options: Sequence[str]) -> str | None:
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, str) and value in options:
            return value
        shown = f"'{value[:60]}'" if isinstance(value, str) else _kind(node)
        close = difflib.get_close_matches(value, options, n=1) if isinstance(value, str) else []
        hint = f"did you mean '{close[0]}'? " if close else ""
        self.error(node, f"{what} cannot be {shown}", f"{hint}use one of: {', '.join(options)}")
        return None

    def slug(self, node: Node, what: str) -> str | None:
        value = self.text(node, what, MAX_ID)
        if value is None:
            return None
        if not _SLUG.fullmatch(value):
            self.error(
                node,
                f"{what} '{value}' may use only lowercase letters, digits and '-'",
                "start with a letter or digit, e.g. 'hamstring-stretch'",
            )
            return None
        return value

    def unique_id(self, node: Node) -> str | None:
        value = self.slug(node, "id")
        if value is None:
            return None
        earlier = self.ids.get(value)
        if earlier is not None:
            self.error(
                node,
                f"the id '{value}' is already used at line {earlier.line}",
                "every exercise and movement needs its own id",
            )
            return None
        self.ids[value] = node
        return value

    # -- the routine's parts -------------------------------------------------------------

    def routine(self, root: Node) -> r.Routine | None:
        if isinstance(root, Map):
            for key, value in root.entries:
                if isinstance(key, Scalar) and key.value == "format" and not self.format(value):
                    return None  # another format's keys would only produce noise
        top = self.mapping(root, "the routine", TOP_KEYS, ("format", "id", "name", "exercises"))
        if top is None:
            return None
        routine_id = self.slug(top["id"], "the routine's id") if "id" in top else None
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
        )

    def format(self, node: Node) -> bool:
        """False only for another format number: then nothing else is worth checking."""
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, int) and not isinstance(value, bool) and value == FORMAT:
            return True
        if isinstance(value, float) and value == FORMAT:
            return True
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.error(
                node,
                f"unsupported format {_fmt(value)}; this BackTimer reads format {FORMAT}",
                "use a newer BackTimer for this file, or rewrite it in format 1",
            )
            return False
        self.error(
            node, f"format must be the number {FORMAT}, not {_kind(node)}", "write 'format: 1'"
        )
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
            "a warm-up or cool-down movement",
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
        e = self.mapping(
            node, "an exercise", EXERCISE_KEYS, ("id", "name", "muscle_group", "steps")
        )
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
                self.error(
                    e["first_side"],
                    "first_side only applies to exercises with sides: both",
                    "remove first_side, or set sides: both",
                )
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
                f"gentle_hold is {value:g}, longer than the hold ({high:g} seconds)",
                f"make gentle_hold at most {high:g}: it is the easier version",
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
            self.error(
                node,
                "a step must be a mapping with 'text:', not bare text",
                "write the step as '- text: ...'",
            )
            return None
        s = self.mapping(node, "a step", STEP_KEYS, ("text",))
        if s is None:
            return None
        text = self.text(s["text"], "text") if "text" in s else None
        if text is not None and not self.placeholders(s["text"], text, sides):
            text = None
        pose = self.pose(s["pose"]) if "pose" in s else None
        image = self.image(s["image"]) if "image" in s else None
        if "pose" in s and "image" in s:
            second = max(s["pose"], s["image"], key=lambda n: (n.line, n.column))
            self.error(
                second,
                "a step shows either a pose or an image, not both",
                "remove one of 'pose:' and 'image:'",
            )
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
                    f"unknown placeholder {m.group()[:40]} in the step's text",
                    "only {side} and {other} may appear in braces",
                )
                good = False
            elif not sides:
                self.error(
                    node,
                    f"{m.group()} is only allowed in exercises with sides: both",
                    "write 'right' or 'left' out, or set sides: both",
                )
                good = False
        return good

    def pose(self, node: Node) -> str | None:
        value = self.slug(node, "pose")
        if value is None or not self.poses or value in self.poses:
            return value
        close = difflib.get_close_matches(value, sorted(self.poses), n=1)
        hint = (
            f"did you mean '{close[0]}'?" if close else "use a pose from BackTimer's pose library"
        )
        self.error(node, f"unknown pose '{value}'", hint)
        return None

    def image(self, node: Node) -> Path | None:
        value = self.text(node, "image")
        if value is None:
            return None
        reason = _unsafe_image_path(value)
        if reason:
            self.error(
                node,
                f"image '{value[:80]}' {reason}",
                "give a file name relative to the routine's folder, e.g. 'pictures/step1.png'",
            )
            return None
        try:
            folder = self.base_dir.resolve()
            path = (folder / value).resolve()
            if not path.is_relative_to(folder):
                self.error(
                    node,
                    f"image '{value[:80]}' leads outside the routine's folder",
                    "copy the picture into the routine's folder (links out are refused)",
                )
                return None
            if not path.is_file():
                self.error(
                    node,
                    f"image '{value[:80]}' does not exist in {folder}",
                    "check the file name; it is relative to the routine's folder",
                )
                return None
            inspect_image(path)
        except ImageError as e:
            self.error(node, f"image '{value[:80]}': {e.message}", e.hint)
            return None
        except (OSError, RuntimeError, ValueError) as e:
            self.error(
                node,
                f"image '{value[:80]}' cannot be read ({type(e).__name__})",
                "check the file and its permissions",
            )
            return None
        return path


def _unsafe_image_path(value: str) -> str:
    """Why ``value`` is not a plain relative path inside the folder, or ''."""
    if "\x00" in value or "\\" in value:
        return "contains a backslash or NUL; write paths with '/'"
    if value.startswith("/") or value.startswith("~"):
        return "is an absolute path"
    if _URL_SCHEME.match(value):
        return "looks like a URL or a drive; only files beside the routine are allowed"
    if ".." in PurePosixPath(value).parts:
        return "goes up a folder with '..'"
    return ""


def _allowed_hint(allowed: Sequence[str]) -> str:
    return f"allowed keys: {', '.join(allowed)}"


def _kind(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    assert isinstance(node, Scalar)
    value = node.value
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value; quote it to make it text)"
    if isinstance(value, int | float):
        return f"the number {_fmt(value)}"
    return f"the text '{str(value)[:40]}'"


def _fmt(value: float) -> str:
    """A number as a person writes it; huge integers are shortened, never overflow."""
    if isinstance(value, int):
        text = str(value) if abs(value) < 10**30 else "a number with more than 30 digits"
        return text
    return f"{value:g}"
