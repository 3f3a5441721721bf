"""Translations: one mechanism for the whole program, the core included.

Every string a person sees or hears goes through :func:`_` (or :func:`ngettext` when it
holds a count), written whole with named placeholders — ``_("{routine} at {time}")`` —
and never built from fragments, so a translator sees the whole sentence.

Why gettext's model without Qt's tools: the core has no Qt, and the same catalogs serve
the core, the command line and the window. The catalogs are plain ``.po`` files in
``resources/locale/<language>/`` (any number per language: each area of the program
keeps its own file, the entries are merged), read by the small reader below, so there is
no compile step and no binary file in the repository. Plural rules come from each file's
``Plural-Forms`` header, as in GNU gettext.

Strings held in module-level constants are translated when their module is imported:
:func:`use_language` is called first thing at start (``cli.main``), before the rest of
the program is imported; a language chosen in the settings applies from the next start.
"""

from __future__ import annotations

import gettext
import locale
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SOURCE_LANGUAGE = "en"
#: The languages with complete catalogs, in the order a menu lists them.
LANGUAGES = ("en", "de", "es")
#: Each language's own name for itself (what a language menu shows).
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "es": "Español"}


@dataclass(frozen=True)
class Catalog:
    """The messages of one language: ``(context, msgid) -> msgstr forms``."""

    language: str
    messages: dict[tuple[str, str], tuple[str, ...]]
    plural: Callable[[int], int]

    def get(self, message: str, context: str = "") -> str | None:
        forms = self.messages.get((context, message))
        return forms[0] if forms and forms[0] else None

    def get_plural(self, singular: str, n: int, context: str = "") -> str | None:
        forms = self.messages.get((context, singular))
        if not forms:
            return None
        index = self.plural(n)
        return forms[index] if 0 <= index < len(forms) and forms[index] else None


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


_catalog = Catalog(SOURCE_LANGUAGE, {}, _english_plural)


def _(message: str) -> str:
    """``message`` in the language in use (itself when untranslated)."""
    return _catalog.get(message) or message


def pgettext(context: str, message: str) -> str:
    """``message`` where the same English word needs different translations by
    ``context`` (e.g. "Rest" the phase, "Rest" the button)."""
    return _catalog.get(message, context) or message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` ("{n} rep" / "{n} reps"); format it with ``n`` afterwards."""
    found = _catalog.get_plural(singular, n)
    if found is not None:
        return found
    return singular if n == 1 else plural


def language() -> str:
    """The language in use: one of :data:`LANGUAGES`."""
    return _catalog.language


def locale_root() -> Path:
    from backtimer.resources import resource_path

    return resource_path("locale")


def system_language(environ: dict[str, str] | None = None) -> str:
    """The person's language from the environment (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``, as gettext reads them), else the system locale; the first
    one BackTimer speaks, else English."""
    env = os.environ if environ is None else environ
    wanted: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            wanted += value.split(":") if name == "LANGUAGE" else [value]
            if name != "LANGUAGE":
                break
    if not wanted and environ is None:
        found = locale.getlocale()[0]  # Windows and macOS set no variables
        if found:
            wanted.append(found)
    for item in wanted:
        code = item.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
        if code in ("c", "posix"):
            return SOURCE_LANGUAGE
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def use_language(code: str | None = None, root: Path | None = None) -> str:
    """Translate from now on into ``code`` (None or "": the system's language); an
    unknown code means English. Returns the language in use."""
    global _catalog
    chosen = code if code in LANGUAGES else system_language() if not code else SOURCE_LANGUAGE
    if chosen == SOURCE_LANGUAGE:
        _catalog = Catalog(SOURCE_LANGUAGE, {}, _english_plural)
        return chosen
    folder = (root if root is not None else locale_root()) / chosen
    _catalog = load_catalog(chosen, sorted(folder.glob("*.po")))
    return chosen


def load_catalog(code: str, files: Sequence[Path]) -> Catalog:
    """The entries of ``files`` merged (a later file's entry wins); plural rules from the
    first file that states them."""
    messages: dict[tuple[str, str], tuple[str, ...]] = {}
    plural: Callable[[int], int] | None = None
    for path in files:
        for entry in read_po(path.read_text(encoding="utf-8")):
            if entry.msgid == "" and not entry.context:
                plural = plural or _plural_from_header(entry.forms[0] if entry.forms else "")
            elif entry.translated:
                messages[(entry.context, entry.msgid)] = entry.forms
    return Catalog(code, messages, plural or _english_plural)


def _plural_from_header(header: str) -> Callable[[int], int] | None:
    for line in header.splitlines():
        name, _sep, value = line.partition(":")
        if name.strip().lower() == "plural-forms" and "plural=" in value:
            expression = value.split("plural=", 1)[1].strip().rstrip(";")
            return gettext.c2py(expression)
    return None


@dataclass(frozen=True)
class PoEntry:
    """One entry of a ``.po`` file."""

    msgid: str
    forms: tuple[str, ...]  #: msgstr, or msgstr[0], msgstr[1], …
    context: str = ""
    plural_id: str = ""
    fuzzy: bool = False
    line: int = 0  #: where it starts, for messages about the file

    @property
    def translated(self) -> bool:
        return not self.fuzzy and bool(self.forms) and all(self.forms)


def read_po(text: str) -> Iterator[PoEntry]:
    """The entries of a ``.po`` file's text (the GNU gettext format: ``msgctxt``,
    ``msgid``, ``msgid_plural``, ``msgstr`` or ``msgstr[n]``, strings continued on the
    next lines, ``#, fuzzy`` flags). Raises ValueError, naming the line, on anything else."""
    fields: dict[str, str] = {}  #: msgctxt, msgid, msgid_plural
    forms: dict[int, str] = {}  #: msgstr (0) or msgstr[n]
    current: tuple[dict[Any, str], Any] | None = None  #: where a continued string goes
    fuzzy, start = False, 0

    def entry() -> PoEntry:
        return PoEntry(
            fields.get("msgid", ""),
            tuple(forms[n] for n in sorted(forms)),
            fields.get("msgctxt", ""),
            fields.get("msgid_plural", ""),
            fuzzy,
            start,
        )

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        first = line[0]
        if first == "#":
            if forms:  # the entry before is whole
                yield entry()
                fields, forms, current, fuzzy = {}, {}, None, False
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if first == '"':
            if current is None:
                raise ValueError(f"line {number}: a string continues no keyword")
            target, key = current
            target[key] += _unquote(line, number)
            continue
        keyword, _sep, rest = line.partition(" ")
        if keyword == "msgstr" or (
            keyword.startswith("msgstr[") and keyword.endswith("]") and keyword[7:-1].isdigit()
        ):
            index = 0 if keyword == "msgstr" else int(keyword[7:-1])
            forms[index] = _unquote(rest.strip(), number)
            current = (forms, index)
            continue
        if keyword not in ("msgctxt", "msgid", "msgid_plural"):
            raise ValueError(f"line {number}: unknown keyword {keyword!r}")
        starts = keyword == "msgctxt" or (keyword == "msgid" and "msgctxt" not in fields)
        if starts and (fields or forms):
            yield entry()
            fields, forms, fuzzy = {}, {}, False
        if not fields:
            start = number
        fields[keyword] = _unquote(rest.strip(), number)
        current = (fields, keyword)
    if "msgid" in fields:
        yield entry()


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_ESCAPE = re.compile(r"\\(.)")


def _unescape(match: re.Match[str]) -> str:
    return _ESCAPES.get(match.group(1), match.group(1))


def _unquote(token: str, number: int) -> str:
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise ValueError(f"line {number}: expected a quoted string")
    body = token[1:-1]
    # Most strings hold no escape: read at every start, so the common case costs nothing.
    return _ESCAPE.sub(_unescape, body) if "\\" in body else body
