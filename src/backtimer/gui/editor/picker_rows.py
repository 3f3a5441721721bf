"""What Routine → Open's list says of each routine: its name, its length (the planner's),
its muscle groups and where it lives; a broken file by its name and its problems; a
routine never saved as the draft it is."""

from __future__ import annotations

from pathlib import Path

from backtimer.core.i18n import _, ngettext
from backtimer.core.routine_file.draft import RoutineDraft
from backtimer.core.routines.folder import Found
from backtimer.core.routines.summary import summarize

HEADERS = (_("Routine"), _("Length"), _("Muscle groups"), _("Where"))
LENGTH = _("about {minutes} min")
BUILT_IN = _("built in")
YOURS = _("yours")
BROKEN_NAME = "⚠ {file}"
NO_LENGTH = "—"
UNSAVED_NAME = "✎ {name}"
UNSAVED = _("never saved — Open goes on with it")
UNNAMED = _("new routine")


def broken_words(count: int, first: str) -> str:
    """What the picker says of a routine file with problems: how many, and the first."""
    return ngettext("{count} problem: {first}", "{count} problems: {first}", count).format(
        count=count, first=first
    )


def _shown_path(path: Path) -> str:
    """A file of the routines folder by its routine's folder and name."""
    return f"{path.parent.name}/{path.name}"


def routine_row(found: Found) -> list[str]:
    """The row of a routine file, column by column (``HEADERS``)."""
    where = BUILT_IN if found.builtin else YOURS
    routine = found.result.routine
    if routine is None:
        problems = found.result.problems
        first = problems[0].message if problems else ""
        return [
            BROKEN_NAME.format(file=found.path.name if found.builtin else _shown_path(found.path)),
            NO_LENGTH,
            broken_words(len(problems), first),
            where,
        ]
    summary = summarize(routine)
    return [
        summary.name,
        LENGTH.format(minutes=summary.minutes),
        ", ".join(summary.group_names),
        where,
    ]


def draft_row(draft: RoutineDraft) -> list[str]:
    """The row of a routine begun and never saved."""
    return [UNSAVED_NAME.format(name=draft.name or UNNAMED), NO_LENGTH, UNSAVED, YOURS]
