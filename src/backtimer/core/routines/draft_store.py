"""Unsaved work kept on disk: the editor's draft as JSON beside the routine it edits.

Written after every change, so a crash, a power cut or a closed laptop loses nothing; a
draft may hold values the checker refuses (an empty name, say), which is why it is not
kept as a routine file. Reading one never raises: a damaged draft is no draft.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from backtimer.core import routine as r
from backtimer.core.programme.codec import from_plain, to_plain
from backtimer.core.routine_file.draft import (
    ExerciseDraft,
    MovementDraft,
    RoutineDraft,
    StepDraft,
)
from backtimer.core.routines.folder import write_atomically

log = logging.getLogger(__name__)

DRAFT_FILE = ".draft.json"
MAX_DRAFT_BYTES = 4 * 1024 * 1024
_VERSION = 1


def draft_path(routine_folder: Path) -> Path:
    return routine_folder / DRAFT_FILE


def save_draft(draft: RoutineDraft, routine_folder: Path) -> None:
    """Keep ``draft`` for ``routine_folder`` (created if need be); OSError if the disk refuses."""
    routine_folder.mkdir(parents=True, exist_ok=True)
    plain = _plain(asdict(replace(draft, schedule=None)))
    plain["schedule"] = to_plain(draft.schedule) if draft.schedule is not None else None
    data = {"draft_version": _VERSION, "routine": plain}
    text = json.dumps(data, separators=(",", ":"))
    write_atomically(draft_path(routine_folder), text.encode("utf-8"), durable=False)


def load_draft(routine_folder: Path) -> RoutineDraft | None:
    """The draft kept for ``routine_folder``; None when there is none or it is damaged."""
    path = draft_path(routine_folder)
    try:
        if not path.is_file() or path.stat().st_size > MAX_DRAFT_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("draft_version") != _VERSION:
            return None
        return _routine(data["routine"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        log.warning("the draft %s cannot be read: %s", path, e)
        return None


def drop_draft(routine_folder: Path) -> None:
    draft_path(routine_folder).unlink(missing_ok=True)


def unsaved_routines(routines: Path) -> tuple[tuple[Path, RoutineDraft], ...]:
    """Routines begun in the editor and never saved (their folder holds a draft and no
    routine file): a crash or a power cut must not make them unreachable."""
    if not routines.is_dir():
        return ()
    found = []
    for folder in sorted(routines.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        if any(p.suffix == ".yaml" for p in folder.iterdir()):
            continue
        draft = load_draft(folder)
        if draft is not None:
            found.append((folder, draft))
    return tuple(found)


def _plain(value: Any) -> Any:
    """asdict's output with enums as their values, ready for JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, r.Side | r.Sides):
        return value.value
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("number expected")
    return value


def _optional_number(value: Any) -> float | None:
    return None if value is None else _number(value)


def _steps(items: Any) -> tuple[StepDraft, ...]:
    return tuple(
        StepDraft(_text(s["text"]), _optional_text(s["pose"]), _optional_text(s["image"]))
        for s in items
    )


def _movement(m: Any) -> MovementDraft:
    return MovementDraft(
        id=_text(m["id"]),
        name=_text(m["name"]),
        duration=_number(m["duration"]),
        steps=_steps(m["steps"]),
        muscle_group=_text(m["muscle_group"]),
        caution=_text(m["caution"]),
    )


def _exercise(e: Any) -> ExerciseDraft:
    reps = _optional_number(e["reps"])
    return ExerciseDraft(
        id=_text(e["id"]),
        name=_text(e["name"]),
        muscle_group=_text(e["muscle_group"]),
        steps=_steps(e["steps"]),
        sides=r.Sides(e["sides"]),
        first_side=r.Side(e["first_side"]),
        hold=_optional_number(e["hold"]),
        gentle_hold=_optional_number(e["gentle_hold"]),
        reps=None if reps is None else int(reps),
        rest=_optional_number(e["rest"]),
        prepare=_optional_number(e["prepare"]),
        caution=_text(e["caution"]),
    )


def _routine(d: Any) -> RoutineDraft:
    defaults = d["defaults"]
    return RoutineDraft(
        id=_text(d["id"]),
        name=_text(d["name"]),
        exercises=tuple(_exercise(e) for e in d["exercises"]),
        description=_text(d["description"]),
        defaults=r.Defaults(
            hold=_number(defaults["hold"]),
            prepare=_number(defaults["prepare"]),
            rest=_number(defaults["rest"]),
            reps=int(_number(defaults["reps"])),
        ),
        warmup=tuple(_movement(m) for m in d["warmup"]),
        cooldown=tuple(_movement(m) for m in d["cooldown"]),
        schedule=from_plain(d["schedule"]) if d.get("schedule") else None,
    )
