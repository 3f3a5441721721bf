"""The keyboard map, one table shared by the window and its help overlay.

Presenter clickers send PageUp/PageDown for back/next, B or "." for "blank screen" and
F5 / Shift+F5 for "start presentation"; those land on the nearest meaning here.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from PySide6.QtCore import Qt

from backtimer.core.i18n import _


class Action(enum.Enum):
    PAIN = "pain"
    TOGGLE_PAUSE = "toggle_pause"
    NEXT = "next"
    BACK = "back"
    DISTANCE = "distance"
    HOLD_LONGER = "hold_longer"
    HOLD_SHORTER = "hold_shorter"
    MUTE = "mute"
    HELP = "help"


class Key(NamedTuple):
    code: Qt.Key
    action: Action
    label: str  #: how the help names it; "" for a key that works but is not listed


class KeyRow(NamedTuple):
    """One line of the help: what its keys do, and the keys."""

    meaning: str
    keys: tuple[Key, ...]


A = Action
K = Qt.Key
#: Every key the window answers, grouped and ordered as the help lists them.
KEY_TABLE: tuple[KeyRow, ...] = (
    KeyRow(
        _("pause / resume"),
        (
            Key(K.Key_Space, A.TOGGLE_PAUSE, _("Space")),
            Key(K.Key_F5, A.TOGGLE_PAUSE, ""),
            Key(K.Key_MediaPlay, A.TOGGLE_PAUSE, ""),
            Key(K.Key_MediaTogglePlayPause, A.TOGGLE_PAUSE, ""),
        ),
    ),
    KeyRow(
        _("PAIN — STOP"),
        (
            Key(K.Key_Escape, A.PAIN, "Esc"),
            Key(K.Key_P, A.PAIN, "P"),
            Key(K.Key_B, A.PAIN, "B"),
            Key(K.Key_Period, A.PAIN, "."),
        ),
    ),
    KeyRow(_("next step"), (Key(K.Key_Right, A.NEXT, "→"), Key(K.Key_PageDown, A.NEXT, _("PgDn")))),
    KeyRow(_("back"), (Key(K.Key_Left, A.BACK, "←"), Key(K.Key_PageUp, A.BACK, _("PgUp")))),
    KeyRow(
        _("distance mode (full screen)"),
        (Key(K.Key_F11, A.DISTANCE, "F11"), Key(K.Key_F, A.DISTANCE, "F")),
    ),
    KeyRow(
        _("hold 5 s longer / shorter"),
        (
            Key(K.Key_Plus, A.HOLD_LONGER, "+"),
            Key(K.Key_Equal, A.HOLD_LONGER, ""),  # "+" without Shift on most layouts
            Key(K.Key_Minus, A.HOLD_SHORTER, "−"),
        ),
    ),
    KeyRow(_("sound off / on"), (Key(K.Key_M, A.MUTE, "M"),)),
    KeyRow(_("this help"), (Key(K.Key_Question, A.HELP, "?"), Key(K.Key_F1, A.HELP, ""))),
)

KEYMAP: dict[int, Action] = {key.code: key.action for row in KEY_TABLE for key in row.keys}

#: (keys, what they do) for each line of the help, in the order shown.
HELP_ROWS: tuple[tuple[str, str], ...] = tuple(
    ("  ".join(key.label for key in row.keys if key.label), row.meaning) for row in KEY_TABLE
)


def action_for(key: int) -> Action | None:
    return KEYMAP.get(key)
