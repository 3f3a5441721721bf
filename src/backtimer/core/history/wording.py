"""Stored values of the history as the history window and the report say them.

The history keeps enum values ("hold", "left", "skip") in its file, in English, as its
format documents; what a person reads is one of these translatable words instead.
"""

from __future__ import annotations

from backtimer.core.i18n import _, pgettext
from backtimer.core.routine import Side
from backtimer.core.session.record import PainChoice

#: The phase a pain event came in (by its stored value), as a table cell.
PHASE_WORDS = {
    "lead_in": pgettext("phase", "lead-in"),
    "warmup": pgettext("phase", "warm-up"),
    "prepare": pgettext("phase", "getting into position"),
    "hold": pgettext("phase", "hold"),
    "switch": pgettext("phase", "switching sides"),
    "rest": pgettext("phase", "rest"),
    "cooldown": pgettext("phase", "cool-down"),
}
#: A pain event's row in a session's details, by the phase it came in.
PAIN_IN_PHASE = {
    "lead_in": _("Pain (lead-in)"),
    "warmup": _("Pain (warm-up)"),
    "prepare": _("Pain (getting into position)"),
    "hold": _("Pain (hold)"),
    "switch": _("Pain (switching sides)"),
    "rest": _("Pain (rest)"),
    "cooldown": _("Pain (cool-down)"),
}
PAIN = _("Pain")
#: The side being stretched, as a table cell.
SIDE_WORDS = {Side.RIGHT: pgettext("side", "right"), Side.LEFT: pgettext("side", "left")}
#: ... in a narrow column (the report's list of pain events): short where a language
#: has a usual short form.
NARROW_SIDE_WORDS = {
    Side.RIGHT: pgettext("side, narrow column", "right"),
    Side.LEFT: pgettext("side, narrow column", "left"),
}
#: What the person chose after stopping for pain, in a word.
CHOICE_WORDS = {
    PainChoice.END: pgettext("pain choice", "end"),
    PainChoice.GENTLER: pgettext("pain choice", "gentler"),
    PainChoice.SKIP: pgettext("pain choice", "skip"),
    PainChoice.RESUME: pgettext("pain choice", "resume"),
}


def phase_words(phase: str | None) -> str:
    """The phase's word; a value this version does not know is shown as it is."""
    return PHASE_WORDS.get(phase or "", phase or "")


def pain_row(phase: str | None) -> str:
    return PAIN_IN_PHASE.get(phase or "", PAIN)
