"""What there is to translate in the shipped content: the texts of the built-in routines
and the exercise library (names, descriptions, steps, cautions).

A step written for both sides (``{side}``, ``{other}``) is listed once per side, whole:
a translator translates "Stretch your right leg back" and "Stretch your left leg back"
as sentences, because in German and Spanish the side word's form depends on the noun it
goes with ("das rechte Bein", "den rechten Arm"). :func:`backtimer.core.routine.step_text`
looks the finished sentence up the same way.

``python -m backtimer.core.translatable`` prints these as a ``.po`` template;
``--code`` prints the program's own texts instead (:func:`code_messages`).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The keys whose values a person reads or hears.
TEXT_KEYS = ("name", "description", "caution", "text")
SIDE_FORMS = (("right", "left"), ("left", "right"))


@dataclass(frozen=True)
class Message:
    """One text to translate, and where it comes from (for the translator)."""

    text: str
    where: str
    context: str = ""  #: pgettext's context
    plural: str = ""  #: ngettext's plural form


def content_files(root: Path | None = None) -> list[Path]:
    from backtimer.resources import resource_path

    base = root if root is not None else resource_path()
    return sorted((base / "routines").glob("*.yaml")) + sorted((base / "library").glob("*.yaml"))


def content_messages(files: Iterable[Path] | None = None) -> list[Message]:
    """Every text of ``files`` (the shipped content by default), once each, in file order."""
    import yaml  # read in when texts are listed, not with the history that names files

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
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"']
    out += ['"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', ""]
    for m in messages:
        out += [f"#: {m.where}"]
        out += [f"msgctxt {po_quote(m.context)}"] if m.context else []
        out += [f"msgid {po_quote(m.text)}"]
        if m.plural:
            out += [f"msgid_plural {po_quote(m.plural)}", 'msgstr[0] ""', 'msgstr[1] ""', ""]
        else:
            out += ['msgstr ""', ""]
    return "\n".join(out)


#: The translation functions and which of their arguments are (context, text, plural).
_CALLS = {"_": (None, 0, None), "pgettext": (0, 1, None), "ngettext": (None, 0, 1)}


def code_messages(root: Path | None = None) -> list[Message]:
    """Every ``_("…")``, ``pgettext("ctx", "…")`` and ``ngettext("…", "…", n)`` of the
    program's source (``src/backtimer`` by default) whose arguments are string literals,
    once each, with the module it is in (``gui/main_window.py``)."""
    base = root if root is not None else Path(__file__).resolve().parents[1]
    seen: dict[tuple[str, str], Message] = {}
    for path in sorted(base.rglob("*.py")):
        where = path.relative_to(base).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            message = _message_of(node, where)
            if message is not None:
                seen.setdefault((message.context, message.text), message)
    return list(seen.values())


def _message_of(node: ast.AST, where: str) -> Message | None:
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )
    if name not in _CALLS:
        return None
    context_at, text_at, plural_at = _CALLS[name]

    def literal(index: int | None) -> str | None:
        if index is None:
            return ""
        if index >= len(node.args):
            return None
        arg = node.args[index]
        return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None

    context, text, plural = literal(context_at), literal(text_at), literal(plural_at)
    if context is None or text is None or plural is None or not text:
        return None
    return Message(text, where, context, plural)


if __name__ == "__main__":
    chosen = code_messages() if "--code" in sys.argv[1:] else content_messages()
    sys.stdout.write(template(chosen))
