"""Checks of one YAML node's shape, type and range, each recording a located problem.

``NodeChecker`` knows nothing of routines: it says whether a node is a mapping with the
allowed keys, a list of the right length, text, a number in range, one of a few words or
an id-shaped word. Every check returns the checked value, or None when it recorded a
problem; a value safe_yaml already reported as broken is not reported again.

``what`` names the value in the messages: a key of the file (``hold``, which is never
translated), or a translated name that is the subject of the sentence ("a day cannot be
'funday'"). A mapping the file holds is named by a ``Thing``: the whole sentences said
about it, because its words take another form at another place in a German or Spanish
sentence ("unknown key 'x' in an exercise").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.i18n import _, ngettext
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routine_file.routine_format import MAX_ID, MAX_TEXT
from backtimer.core.routine_file.safe_yaml import Map, Node, Scalar, Seq

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

# What a person reads ({what}: a key of the file, or a name such as "a day").
KEY_NOT_MAPPING = _("{what} must be a mapping of keys ({keys}…), not {kind}")
KEY_NOT_MAPPING_HINT = _("write {what} as 'key: value' lines, indented under it")
KEY_UNKNOWN = _("unknown key '{key}' in {what}")
KEY_MISSING = _("{what} is missing '{key}'")
KEYS_NOT_WORDS = _("keys must be words, not {kind}")
ALLOWED_KEYS = _("allowed keys: {keys}")
ADD_KEY = _("add a '{key}:' line")
DID_YOU_MEAN = _("did you mean '{close}'?")
NOT_LIST = _("{what} must be a list, not {kind}")
NOT_LIST_HINT = _("write each item on its own line starting with '- '")
#: "{what} has {count} …" for each kind of item a list holds (ngettext's two forms).
COUNTS: dict[str, tuple[str, str]] = {
    "movements": (
        "{what} has {count} movement; {low} to {high} are allowed",
        "{what} has {count} movements; {low} to {high} are allowed",
    ),
    "exercises": (
        "{what} has {count} exercise; {low} to {high} are allowed",
        "{what} has {count} exercises; {low} to {high} are allowed",
    ),
    "steps": (
        "{what} has {count} step; {low} to {high} are allowed",
        "{what} has {count} steps; {low} to {high} are allowed",
    ),
    "times": (
        "{what} has {count} time; {low} to {high} are allowed",
        "{what} has {count} times; {low} to {high} are allowed",
    ),
    "days": (
        "{what} has {count} day; {low} to {high} are allowed",
        "{what} has {count} days; {low} to {high} are allowed",
    ),
    "sources": (
        "{what} has {count} source; {low} to {high} are allowed",
        "{what} has {count} sources; {low} to {high} are allowed",
    ),
}
COUNT_ITEMS = (
    "{what} has {count} item; {low} to {high} are allowed",
    "{what} has {count} items; {low} to {high} are allowed",
)
ADD_AT_LEAST = _("add at least {low}")
REMOVE_SOME = _("remove some, to at most {high}")
NOT_TEXT = _("{what} must be text, not {kind}")
NOT_TEXT_HINT = _("put the text in quotes if YAML reads it as something else")
EMPTY_TEXT = _("{what} is empty")
EMPTY_TEXT_HINT = _("write the text, or remove the key")
TOO_LONG = _("{what} is {length} characters long; at most {limit} are allowed")
SHORTEN = _("shorten it")
RANGE_SECONDS = _("{low} to {high} seconds")
RANGE = _("{low} to {high}")
NOT_NUMBER = _("{what} must be a number ({allowed}), not {kind}")
WRITE_NUMBER = _("write a number from {allowed}")
NOT_FINITE = _("{what} must be a finite number")
NOT_WHOLE = _("{what} must be a whole number, not {number}")
DROP_FRACTION = _("drop the fraction")
OUT_OF_RANGE = _("{what} is {number}; it must be from {allowed}")
CHANGE_NUMBER = _("change it to a number from {allowed}")
CANNOT_BE_TEXT = _("{what} cannot be '{value}'")
CANNOT_BE_KIND = _("{what} cannot be {kind}")
USE_ONE_OF = _("use one of: {options}")
USE_ONE_OF_CLOSE = _("did you mean '{close}'? use one of: {options}")
NOT_SLUG = _("{what} '{value}' may use only lowercase letters, digits and '-'")
NOT_SLUG_HINT = _("start with a letter or digit, e.g. 'hamstring-stretch'")
# What a value is, in "… must be text, not {kind}".
KIND_MAPPING = _("a mapping")
KIND_LIST = _("a list")
KIND_NOTHING = _("nothing")
KIND_TRUE = _("true (a yes/no value; quote it to make it text)")
KIND_FALSE = _("false (a yes/no value; quote it to make it text)")
KIND_NUMBER = _("the number {number}")
KIND_TEXT = _("the text '{text}'")
HUGE_NUMBER = _("a number with more than 30 digits")


@dataclass(frozen=True)
class Thing:
    """A mapping of the file, in the sentences said about it (each with ``{keys}``,
    ``{kind}`` or ``{key}`` as ``KEY_NOT_MAPPING`` … ``KEY_MISSING`` have them)."""

    not_mapping: str
    not_mapping_hint: str
    unknown_key: str
    missing_key: str


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
        self, node: Node, what: str | Thing, allowed: Sequence[str], required: Sequence[str]
    ) -> dict[str, Node] | None:
        """The mapping's values by key; unknown, non-text and missing keys are reported.
        ``what``: the key the mapping stands under, or the Thing it is."""
        thing = (
            what
            if isinstance(what, Thing)
            else Thing(
                KEY_NOT_MAPPING.replace("{what}", what),
                KEY_NOT_MAPPING_HINT.replace("{what}", what),
                KEY_UNKNOWN.replace("{what}", what),
                KEY_MISSING.replace("{what}", what),
            )
        )
        if not isinstance(node, Map):
            self.error(
                node,
                thing.not_mapping.format(keys=", ".join(required), kind=node_kind(node)),
                thing.not_mapping_hint,
            )
            return None
        values: dict[str, Node] = {}
        seen: set[str] = set()
        for key, value in node.entries:
            if not isinstance(key, Scalar) or not isinstance(key.value, str):
                self.error(key, KEYS_NOT_WORDS.format(kind=node_kind(key)), _allowed_hint(allowed))
                continue
            name = key.value
            if name in seen:
                continue  # a duplicate key, already reported by safe_yaml
            seen.add(name)
            if name not in allowed:
                if name == "<<":
                    continue  # already reported by safe_yaml
                import difflib  # only when a name is wrong: not at start-up

                close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
                hint = DID_YOU_MEAN.format(close=close[0]) if close else _allowed_hint(allowed)
                self.error(key, thing.unknown_key.format(key=name[:60]), hint)
                continue
            values.setdefault(name, value)
        for name in required:
            if name not in values:
                self.error(node, thing.missing_key.format(key=name), ADD_KEY.format(key=name))
        return values

    def sequence(self, node: Node, what: str, low: int, high: int, unit: str) -> list[Node] | None:
        if not isinstance(node, Seq):
            self.error(node, NOT_LIST.format(what=what, kind=node_kind(node)), NOT_LIST_HINT)
            return None
        count = len(node.items)
        if not low <= count <= high:
            fix = ADD_AT_LEAST.format(low=low) if count < low else REMOVE_SOME.format(high=high)
            one, many = COUNTS.get(unit, COUNT_ITEMS)
            message = ngettext(one, many, count).format(what=what, count=count, low=low, high=high)
            self.error(node, message, fix)
            return None
        return node.items

    def text(self, node: Node, what: str, limit: int = MAX_TEXT) -> str | None:
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            self.error(node, NOT_TEXT.format(what=what, kind=node_kind(node)), NOT_TEXT_HINT)
            return None
        value = node.value
        if not value.strip():
            self.error(node, EMPTY_TEXT.format(what=what), EMPTY_TEXT_HINT)
            return None
        if len(value) > limit:
            self.error(node, TOO_LONG.format(what=what, length=len(value), limit=limit), SHORTEN)
            return None
        return value

    def number(
        self, node: Node, what: str, limits: tuple[float, float], *, whole: bool = False
    ) -> float | None:
        low, high = limits
        allowed = (RANGE if whole else RANGE_SECONDS).format(low=f"{low:g}", high=f"{high:g}")
        write = WRITE_NUMBER.format(allowed=allowed)
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            message = NOT_NUMBER.format(what=what, allowed=allowed, kind=node_kind(node))
            self.error(node, message, write)
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.error(node, NOT_FINITE.format(what=what), write)
            return None
        if whole and value != int(value):
            message = NOT_WHOLE.format(what=what, number=format_number(value))
            self.error(node, message, DROP_FRACTION)
            return None
        if not low <= value <= high:
            message = OUT_OF_RANGE.format(what=what, number=format_number(value), allowed=allowed)
            self.error(node, message, CHANGE_NUMBER.format(allowed=allowed))
            return None
        return int(value) if whole else float(value)

    def choice(self, node: Node, what: str, options: Sequence[str]) -> str | None:
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, str) and value in options:
            return value
        message = (
            CANNOT_BE_TEXT.format(what=what, value=value[:60])
            if isinstance(value, str)
            else CANNOT_BE_KIND.format(what=what, kind=node_kind(node))
        )
        import difflib  # only when a name is wrong: not at start-up

        close = difflib.get_close_matches(value, options, n=1) if isinstance(value, str) else []
        shown = ", ".join(options)
        hint = (
            USE_ONE_OF_CLOSE.format(close=close[0], options=shown)
            if close
            else USE_ONE_OF.format(options=shown)
        )
        self.error(node, message, hint)
        return None

    def slug(self, node: Node, what: str) -> str | None:
        value = self.text(node, what, MAX_ID)
        if value is None:
            return None
        if not _SLUG.fullmatch(value):
            self.error(node, NOT_SLUG.format(what=what, value=value), NOT_SLUG_HINT)
            return None
        return value


def _allowed_hint(allowed: Sequence[str]) -> str:
    return ALLOWED_KEYS.format(keys=", ".join(allowed))


def node_kind(node: Node) -> str:
    """What the node is, for a message: 'a list', 'the number 3', "the text 'abc'"…"""
    if isinstance(node, Map):
        return KIND_MAPPING
    if isinstance(node, Seq):
        return KIND_LIST
    assert isinstance(node, Scalar)
    value = node.value
    if value is None:
        return KIND_NOTHING
    if isinstance(value, bool):
        return KIND_TRUE if value else KIND_FALSE
    if isinstance(value, int | float):
        return KIND_NUMBER.format(number=format_number(value))
    return KIND_TEXT.format(text=str(value)[:40])


def format_number(value: float) -> str:
    """A number as a person writes it; huge integers are shortened, never overflow."""
    if isinstance(value, int):
        text = str(value) if abs(value) < 10**30 else HUGE_NUMBER
        return text
    return f"{value:g}"
