"""Routine and exercise names in the history as a person reads them today.

A session stores its routine's name as it was said when the session ran, in the language
in use then (``sessions.routine_name``), and its holds store only exercise ids. After the
person switches language, a shipped routine's old rows would keep the old language. So
names are translated when shown, never rewritten in the file:

- a session's routine name is shown in the language in use when the routine is one
  BackTimer ships (its id is a shipped routine's) and the stored name is that routine's
  name in one of the languages BackTimer speaks; any other stored name (the person's own
  routine, a shipped routine they renamed) is shown as stored, as typed;
- an exercise id is shown by the name the current routine gives it, else by the shipped
  exercise's name in the language in use (routines first, then the library), else as
  the id itself.

The shipped files are read once per process (about 15 ms with libyaml); the other
languages' catalogs only when a stored name is in neither English nor the language in use.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backtimer.core import i18n
from backtimer.core.i18n import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    Catalog,
    language,
    load_catalog,
    locale_root,
)
from backtimer.core.translatable import content_files

_SECTIONS = ("warmup", "exercises", "cooldown")


@dataclass(frozen=True)
class ShippedNames:
    """The English names of what BackTimer ships, by id."""

    routines: Mapping[str, str]  #: shipped routine id → its name
    exercises: Mapping[str, str]  #: exercise id → name (a routine's first, else the library's)


def read_shipped(files: list[Path]) -> ShippedNames:
    """The names in ``files`` (shipped routine and library files); a file that does not
    read is left out (its names then show as stored)."""
    import yaml  # when a name is first looked up, not when the history is opened

    # Faster by ten with libyaml; the shipped files are BackTimer's own, read as plain data.
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    routines: dict[str, str] = {}
    exercises: dict[str, str] = {}
    library: dict[str, str] = {}
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(data, dict):
            continue
        items = [i for s in _SECTIONS for i in data.get(s) or () if isinstance(i, dict)]
        if any(s in data for s in _SECTIONS):  # a routine
            _add(routines, data)
            for item in items:
                _add(exercises, item)
        else:  # one library exercise
            _add(library, data)
    return ShippedNames(routines, library | exercises)


def _add(names: dict[str, str], item: dict[Any, Any]) -> None:
    key, name = item.get("id"), item.get("name")
    if isinstance(key, str) and isinstance(name, str) and name:
        names.setdefault(key, name)


@functools.cache
def shipped_names() -> ShippedNames:
    return read_shipped(content_files())


@functools.cache
def _catalogs() -> tuple[Catalog, ...]:
    """Every translated language's catalog (about 30 ms each), read once."""
    return tuple(
        load_catalog(code, sorted((locale_root() / code).glob("*.po")))
        for code in LANGUAGES
        if code != SOURCE_LANGUAGE
    )


@functools.cache
def _forms(english: str) -> frozenset[str]:
    """``english`` and its translation in every language BackTimer speaks."""
    return frozenset({english, *(c.get(english) or english for c in _catalogs())})


def _shown(english: str | None, stored: str) -> str:
    if english is None:
        return stored
    shown = i18n._(english)  # a shipped text: its catalog entry
    if stored in (english, shown) or stored in _forms(english):
        return shown
    return stored


def routine_name(routine_id: str, stored: str) -> str:
    """The name to show for a session's (or a planned) routine: see the module's text."""
    return _shown(shipped_names().routines.get(routine_id), stored)


def exercise_name(exercise_id: str, stored: str) -> str:
    """The name to show for an exercise whose name was stored as said then (a care
    change's reason): the shipped exercise's in the language in use when ``stored`` is
    its name in one of BackTimer's languages, else ``stored`` as typed."""
    return _shown(shipped_names().exercises.get(exercise_id), stored)


def exercise_names(current: Mapping[str, str] | None = None) -> dict[str, str]:
    """Exercise id → the name to show: ``current`` (the routine in use, id → name) over
    the shipped exercises' names in the language in use."""
    shipped = shipped_names().exercises
    if language() == SOURCE_LANGUAGE:
        names = dict(shipped)
    else:
        names = {key: i18n._(name) for key, name in shipped.items()}
    return names | dict(current or {})
