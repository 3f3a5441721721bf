"""Checks of one YAML node's shape, type and range, each recording a located problem.

``NodeChecker`` knows nothing of routines: it says whether a node is a mapping with the
allowed keys, a list of the right length, text, a number in range, one of a few words or
an id-shaped word. Every check returns the checked value, or None when it recorded a
problem; a value safe_yaml already reported as broken is not reported again.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence

from backtimer.core.routine_file.problems import Problem
from backtimer.core.routine_file.routine_format import MAX_ID, MAX_TEXT
from backtimer.core.routine_file.safe_yaml import Map, Node, Scalar, Seq

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


class NodeChecker:
    """Records problems in ``problems`` (shared with the caller) for the file ``file``."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

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
                f"{what} must be a mapping of keys ({', '.join(required)}…), not {node_kind(node)}",
                f"write {what} as 'key: value' lines, indented under it",
            )
            return None
        values: dict[str, Node] = {}
        seen: set[str] = set()
        for key, value in node.entries:
            if not isinstance(key, Scalar) or not isinstance(key.value, str):
                self.error(key, f"keys must be words, not {node_kind(key)}", _allowed_hint(allowed))
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
                f"{what} must be a list, not {node_kind(node)}",
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
                f"{what} must be text, not {node_kind(node)}",
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
                f"{what} must be a number ({allowed}), not {node_kind(node)}",
                f"write a number from {allowed}",
            )
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.error(node, f"{what} must be a finite number", f"write a number from {allowed}")
            return None
        if whole and value != int(value):
            self.error(
                node,
                f"{what} must be a whole number, not {format_number(value)}",
                "drop the fraction",
            )
            return None
        if not low <= value <= high:
            self.error(
                node,
                f"{what} is {format_number(value)}; it must be from {allowed}",
                f"change it to a number from {allowed}",
            )
            return None
        return int(value) if whole else float(value)

    def choice(self, node: Node, what: str, options: Sequence[str]) -> str | None:
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, str) and value in options:
            return value
        shown = f"'{value[:60]}'" if isinstance(value, str) else node_kind(node)
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


def _allowed_hint(allowed: Sequence[str]) -> str:
    return f"allowed keys: {', '.join(allowed)}"


def node_kind(node: Node) -> str:
    """What the node is, for a message: 'a list', 'the number 3', "the text 'abc'"…"""
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
        return f"the number {format_number(value)}"
    return f"the text '{str(value)[:40]}'"


def format_number(value: float) -> str:
    """A number as a person writes it; huge integers are shortened, never overflow."""
    if isinstance(value, int):
        text = str(value) if abs(value) < 10**30 else "a number with more than 30 digits"
        return text
    return f"{value:g}"
