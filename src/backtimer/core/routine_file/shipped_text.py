"""The shipped routines and library exercises in the language in use.

A routine or exercise file that BackTimer ships (``resources/routines``,
``resources/library``) is written in English; its names, description and cautions are
looked up whole in the catalogs (``core.translatable`` lists them for translators) once
the file has been checked, so a problem still points at the file's own text. A text not
in the catalog stays as written. A person's own file is never looked up: it says what
they wrote, in whatever language they wrote it. Step texts are translated when they are
said, with their side filled in (``routine.step_text``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from backtimer.core import routine as r
from backtimer.core.i18n import SOURCE_LANGUAGE, _, language


def is_shipped(folder: Path, kind: str) -> bool:
    """Whether ``folder`` is BackTimer's own ``kind`` folder ("routines" or "library")."""
    from backtimer.resources import resource_path

    try:
        return folder.resolve() == resource_path(kind).resolve()
    except (OSError, RuntimeError):
        return False


def _text(text: str) -> str:
    return _(text) if text else text


def exercise(e: r.Exercise) -> r.Exercise:
    if language() == SOURCE_LANGUAGE:
        return e
    return replace(e, name=_text(e.name), caution=_text(e.caution))


def movement(m: r.Movement) -> r.Movement:
    if language() == SOURCE_LANGUAGE:
        return m
    return replace(m, name=_text(m.name), caution=_text(m.caution))


def routine(found: r.Routine) -> r.Routine:
    if language() == SOURCE_LANGUAGE:
        return found
    return replace(
        found,
        name=_text(found.name),
        description=_text(found.description),
        exercises=tuple(exercise(e) for e in found.exercises),
        warmup=tuple(movement(m) for m in found.warmup),
        cooldown=tuple(movement(m) for m in found.cooldown),
    )
