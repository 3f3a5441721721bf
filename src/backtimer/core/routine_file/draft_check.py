"""A draft checked by the very checker ``backtimer check`` uses, each problem at its field.

The draft is written (``writer``), the text loaded (``loader``), and every located
problem traced back to the field whose value stands at its line and column. So the
editor can never accept what the loader would refuse, nor refuse what it accepts.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from backtimer.core import routine as r
from backtimer.core.i18n import _
from backtimer.core.routine_file.draft import RoutineDraft
from backtimer.core.routine_file.loader import load_routine_text
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routine_file.writer import FieldPath, write_draft

#: A problem beside its field: what is wrong, then how to fix it.
WITH_HINT = _("{message} — {hint}")


@dataclass(frozen=True)
class FieldProblem:
    path: FieldPath  #: the field, e.g. ("exercises", 0, "hold"); () the whole routine
    problem: Problem

    @property
    def message(self) -> str:
        """What is wrong and how to fix it, for a person (no file, line or column)."""
        if self.problem.hint:
            return WITH_HINT.format(message=self.problem.message, hint=self.problem.hint)
        return self.problem.message


@dataclass(frozen=True)
class DraftCheck:
    text: str  #: the file the draft would be saved as
    routine: r.Routine | None  #: None when there is any problem
    problems: tuple[FieldProblem, ...]

    def at(self, path: FieldPath) -> tuple[FieldProblem, ...]:
        """The problems of the field ``path`` exactly."""
        return tuple(p for p in self.problems if p.path == path)

    def within(self, path: FieldPath) -> tuple[FieldProblem, ...]:
        """The problems of ``path`` and of every field inside it."""
        return tuple(p for p in self.problems if p.path[: len(path)] == path)


def check_draft(
    draft: RoutineDraft,
    folder: Path,
    *,
    file_name: str = "routine.yaml",
    known_poses: Collection[str] | None = None,
) -> DraftCheck:
    """Check ``draft`` as if saved as ``folder``/``file_name``; pictures are looked up
    in ``folder``."""
    written = write_draft(draft)
    result = load_routine_text(
        written.text.encode(),
        file=str(folder / file_name),
        base_dir=folder,
        known_poses=known_poses,
    )
    problems = tuple(FieldProblem(written.field_at(p.line, p.column), p) for p in result.problems)
    return DraftCheck(written.text, result.routine, problems)
