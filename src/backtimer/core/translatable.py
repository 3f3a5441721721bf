"""What there is to translate in the shipped content: the texts of the built-in routines
and the exercise library (names, descriptions, steps, cautions).

A step written for both sides (``{side}``, ``{other}``) is listed once per side, whole:
a translator translates "Stretch your right leg back" and "Stretch your left leg back"
as sentences, because in German and Spanish the side word's form depends on the noun it
goes with ("das rechte Bein", "den rechten Arm"). :func:`backtimer.core.routine.step_text`
looks the finished sentence up the same way.

``python -m backtimer.core.translatable`` prints these as a ``.po`` template.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: The keys whose values a person reads or hears.
TEXT_KEYS = ("name", "description", "caution", "text")
SIDE_FORMS = (("right", "left"), ("left", "right"))


@dataclass(frozen=True)
class Message:
    """One text to translate, and where it comes from (for the translator)."""

    text: str
    where: str


def content_files(root: Path | None = None) -> list[Path]:
    from backtimer.resources import resource_path

    base = root if root is not None else resource_path()
    return sorted((base / "routines").glob("*.yaml")) + sorted((base / "library").glob("*.yaml"))


def content_messages(files: Iterable[Path] | None = None) -> list[Message]:
    """Every text of ``files`` (the shipped content by default), once each, in file order."""
    seen: dict[str, Message] = {}
    for path in content_files() if files is None else files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _texts(data):
            for expanded in expand_sides(text):
                seen.setdefault(expanded, Message(expanded, path.name))
    return list(seen.values())


def expand_sides(text: str) -> list[str]:
    """``text`` as said: once, or once per side when it names ``{side}`` or ``{other}``."""
    if "{side}" not in text and "{other}" not in text:
        return [text]
    return [text.replace("{side}", s).replace("{other}", o) for s, o in SIDE_FORMS]


def _texts(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, str(k))
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, key)
    elif isinstance(value, str) and key in TEXT_KEYS and value.strip():
        yield value


def po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def template(messages: Iterable[Message]) -> str:
    """A ``.po`` template: each message with an empty translation."""
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for m in messages:
        out += [f"#: {m.where}", f"msgid {po_quote(m.text)}", 'msgstr ""', ""]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(template(content_messages()))
