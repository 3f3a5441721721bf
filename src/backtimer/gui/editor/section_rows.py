"""What each row of a routine's list in the editor says: the item's name, then its hold,
repetitions and sides (an exercise) or its length (a movement); a row with a problem is
marked."""

from __future__ import annotations

from backtimer.core import routine as r
from backtimer.core.i18n import _
from backtimer.core.routine_file.draft import MovementDraft
from backtimer.gui.editor.section_edits import Item

EXERCISE_ROW = _("{name}\n{hold} × {reps}, {sides}")
MOVEMENT_ROW = "{name}\n{duration}"
BOTH_SIDES = _("both sides")
NO_SIDES = _("no sides")
PROBLEM_MARK = "⚠ {row}"


def row_text(entry: Item, defaults: r.Defaults, *, bad: bool = False) -> str:
    """The row of ``entry`` (its hold and repetitions the routine's ``defaults`` where it
    leaves them out); ``bad`` marks it as having a problem."""
    text = _text(entry, defaults)
    return PROBLEM_MARK.format(row=text) if bad else text


def _text(entry: Item, defaults: r.Defaults) -> str:
    name = entry.name or "…"
    if isinstance(entry, MovementDraft):
        return MOVEMENT_ROW.format(name=name, duration=f"{entry.duration:g} s")
    hold = entry.hold if entry.hold is not None else defaults.hold
    reps = entry.reps if entry.reps is not None else defaults.reps
    sides = BOTH_SIDES if entry.sides is r.Sides.BOTH else NO_SIDES
    return EXERCISE_ROW.format(name=name, hold=f"{hold:g} s", reps=reps, sides=sides)
