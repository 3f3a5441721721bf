"""Routine drafts → clean routine-file YAML, and where in the text each value stands.

The text is what a person would write by hand (the layout of the built-in routine: the
schema comment line, block mappings, a blank line between exercises), so a saved file
stays readable and editable in any text editor. Every value sits on its own line, and
:class:`Written` remembers each one's line and column: a problem the loader finds in the
text (it is located by line and column) is thereby a problem of one field of the draft.
That is how the editor checks a draft with the very checker ``backtimer check`` uses.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from backtimer.core import routine as r
from backtimer.core.i18n import _
from backtimer.core.programme.schedule import Schedule, Weekday, format_time
from backtimer.core.routine_file.draft import (
    ExerciseDraft,
    MovementDraft,
    RoutineDraft,
    StepDraft,
    routine_draft,
)
from backtimer.core.routine_file.routine_format import FORMAT

#: The first line of every written file; editors with the YAML language server check the
#: file against the schema. Routines are kept one folder below the schema's copy.
SCHEMA_LINE = "# yaml-language-server: $schema=../routine.schema.json"
#: The second line says, in the person's language, what the file is (a YAML comment:
#: nothing reads it but people).
HEADER = (
    SCHEMA_LINE,
    "# " + _("A BackTimer routine. Check it with: backtimer check FILE"),
)

LINE_WIDTH = 88  #: longer texts are folded over several lines

#: A place in a draft: keys and list indices, e.g. ("exercises", 2, "steps", 0, "text").
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Written:
    """The file's text, and the 1-based (line, column) of each value and each list item."""

    text: str
    places: tuple[tuple[int, int, FieldPath], ...]

    def field_at(self, line: int, column: int) -> FieldPath:
        """The field a problem at ``line``/``column`` is about: the value starting there,
        else the last value or item starting on that line at or before the column, else
        the closest one before it; () for the routine as a whole."""
        best: FieldPath = ()
        for place_line, place_column, path in self.places:
            if (place_line, place_column) <= (line, column):
                best = path
            else:
                break
        return best


def write_routine(routine: r.Routine, folder: Path) -> str:
    """``routine`` as file text for ``folder`` (its pictures must lie inside it)."""
    return write_draft(routine_draft(routine, folder)).text


def write_draft(draft: RoutineDraft) -> Written:
    return _Writer().document(draft)


def scalar(value: str | float | None) -> str:
    """One YAML scalar that reads back as exactly ``value``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value)
    return _text(value)


#: Words YAML 1.1 reads as something other than text when unquoted.
_SPECIAL_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
#: Text that is plain YAML as it stands: a letter first, no ': ', ' #', quotes to start,
#: or indicator characters; the common case, without running the emitter.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;()!?/'’-]*[A-Za-z0-9.)!?]|[A-Za-z]")


@lru_cache(maxsize=4096)  # a draft is written at every keystroke; most texts are unchanged
def _text(value: str) -> str:
    if _PLAIN.fullmatch(value) and value.lower() not in _SPECIAL_WORDS and "  " not in value:
        return value
    if not value.isprintable():  # line breaks, tabs, control characters
        return quoted(value)
    dumped = yaml.safe_dump(value, width=1_000_000, allow_unicode=True)
    text = dumped.removesuffix("\n...\n").removesuffix("\n")
    if "\n" in text:  # the emitter folded it after all: say it on one line
        return quoted(value)
    return text


def quoted(value: str) -> str:
    """A double-quoted YAML scalar on one line, every unprintable character escaped."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def number(value: float) -> str:
    """A number as a person writes it: 30, not 30.0."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = list(HEADER)
        self.places: list[tuple[int, int, FieldPath]] = []

    def document(self, draft: RoutineDraft) -> Written:
        self.value("", "format", FORMAT, ("format",))
        self.value("", "id", draft.id, ("id",))
        self.value("", "name", draft.name, ("name",))
        if draft.description:
            self.value("", "description", draft.description, ("description",))
        self.lines.append("defaults:")
        d = draft.defaults
        for key, value in (
            ("hold", d.hold),
            ("prepare", d.prepare),
            ("rest", d.rest),
            ("reps", d.reps),
        ):
            self.value("  ", key, value, ("defaults", key))
        self.movements("warmup", draft.warmup)
        self.lines.append("")
        if draft.exercises:
            self.lines.append("exercises:")
        else:
            self.raw("", "exercises", "[]", ("exercises",))
        for index, exercise in enumerate(draft.exercises):
            if index:
                self.lines.append("")
            self.exercise(index, exercise)
        self.movements("cooldown", draft.cooldown)
        if draft.schedule is not None:
            self.schedule(draft.schedule)
        return Written("\n".join(self.lines) + "\n", tuple(sorted(self.places)))

    def value(self, indent: str, key: str, value: str | float | None, path: FieldPath) -> None:
        if isinstance(value, str) and len(indent) + len(key) + len(value) > LINE_WIDTH:
            folded = _folded(value, indent + "  ")
            if folded:
                self.raw(indent, key, ">-", path)
                self.lines.extend(folded)
                return
        self.raw(indent, key, scalar(value), path)

    def raw(self, indent: str, key: str, text: str, path: FieldPath) -> None:
        self.lines.append(f"{indent}{key}: {text}")
        self.places.append((len(self.lines), len(indent) + len(key) + 3, path))

    def item(self, indent: str, path: FieldPath) -> str:
        """Start a list item: the mapping begins after ``- ``; returns the inner indent."""
        self.lines.append(f"{indent}- ")
        self.places.append((len(self.lines), len(indent) + 3, path))
        return indent + "  "

    def first(self, inner: str, key: str, value: str, path: FieldPath) -> None:
        """The item's first key, on the ``- `` line."""
        dash = self.lines.pop()
        self.lines.append(f"{dash}{key}: {scalar(value)}")
        self.places.append((len(self.lines), len(inner) + len(key) + 3, path))

    def schedule(self, schedule: Schedule) -> None:
        """The prescription, its times written out (a ``per_day`` was spread into times
        by the loader, and loads back to the same times)."""
        self.lines.extend(("", "schedule:"))
        times = ", ".join(
            f'{{at: "{format_time(s.at)}", exercises: [{", ".join(s.exercises)}]}}'
            if s.exercises
            else f'"{format_time(s.at)}"'
            for s in schedule.slots
        )
        self.raw("  ", "times", f"[{times}]", ("schedule", "times"))
        if len(schedule.days) < len(Weekday):
            days = ", ".join(d.value for d in Weekday if d in schedule.days)
            self.raw("  ", "days", f"[{days}]", ("schedule", "days"))
        for key, day in (("start", schedule.start), ("end", schedule.end)):
            if day is not None:
                self.raw("  ", key, f'"{day.isoformat()}"', ("schedule", key))
        if schedule.pain_limit is not None:
            self.value("  ", "pain_limit", schedule.pain_limit, ("schedule", "pain_limit"))

    def movements(self, key: str, movements: tuple[MovementDraft, ...]) -> None:
        if not movements:
            return
        self.lines.append("")
        self.lines.append(f"{key}:")
        for index, m in enumerate(movements):
            path: FieldPath = (key, index)
            inner = self.item("  ", path)
            self.first(inner, "id", m.id, (*path, "id"))
            self.value(inner, "name", m.name, (*path, "name"))
            self.value(inner, "duration", m.duration, (*path, "duration"))
            if m.muscle_group != "whole_body":
                self.value(inner, "muscle_group", m.muscle_group, (*path, "muscle_group"))
            self.steps(inner, m.steps, path)
            if m.caution:
                self.value(inner, "caution", m.caution, (*path, "caution"))

    def exercise(self, index: int, e: ExerciseDraft) -> None:
        path: FieldPath = ("exercises", index)
        inner = self.item("  ", path)
        self.first(inner, "id", e.id, (*path, "id"))
        self.value(inner, "name", e.name, (*path, "name"))
        self.value(inner, "muscle_group", e.muscle_group, (*path, "muscle_group"))
        self.value(inner, "sides", e.sides.value, (*path, "sides"))
        if e.sides is r.Sides.BOTH and e.first_side is not r.Side.RIGHT:
            self.value(inner, "first_side", e.first_side.value, (*path, "first_side"))
        for key, value in _numbers(e):
            self.value(inner, key, value, (*path, key))
        self.steps(inner, e.steps, path)
        if e.caution:
            self.value(inner, "caution", e.caution, (*path, "caution"))

    def steps(self, indent: str, steps: tuple[StepDraft, ...], path: FieldPath) -> None:
        if not steps:
            self.raw(indent, "steps", "[]", (*path, "steps"))
            return
        self.lines.append(f"{indent}steps:")
        self.places.append((len(self.lines), len(indent) + 1, (*path, "steps")))
        for index, step in enumerate(steps):
            step_path: FieldPath = (*path, "steps", index)
            inner = self.item(indent + "  ", step_path)
            self.first(inner, "text", step.text, (*step_path, "text"))
            if step.pose is not None:
                self.value(inner, "pose", step.pose, (*step_path, "pose"))
            if step.image is not None:
                self.value(inner, "image", step.image, (*step_path, "image"))


def _folded(text: str, indent: str) -> list[str]:
    """``text`` as the lines of a folded block scalar (``>-``), which read back as the
    same text; [] when folding could change it (runs of spaces, tabs, odd characters)."""
    if text != text.strip() or "  " in text or not text.isprintable() or "\t" in text:
        return []
    lines = textwrap.wrap(
        text,
        width=LINE_WIDTH - len(indent),
        break_long_words=False,
        break_on_hyphens=False,
    )
    if " ".join(lines) != text:
        return []
    return [indent + line for line in lines]


def _numbers(e: ExerciseDraft) -> Iterator[tuple[str, float]]:
    for key in ("hold", "gentle_hold", "reps", "rest", "prepare"):
        value = getattr(e, key)
        if value is not None:
            yield key, value
