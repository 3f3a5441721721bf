"""The keyboard map, shared by the window and its help overlay.

Presenter clickers send PageUp/PageDown for back/next, B or "." for "blank screen" and
F5 / Shift+F5 for "start presentation"; those land on the nearest meaning here.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt


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


K = Qt.Key
KEYMAP: dict[int, Action] = {
    K.Key_Escape: Action.PAIN,
    K.Key_P: Action.PAIN,
    K.Key_B: Action.PAIN,
    K.Key_Period: Action.PAIN,
    K.Key_Space: Action.TOGGLE_PAUSE,
    K.Key_F5: Action.TOGGLE_PAUSE,
    K.Key_MediaPlay: Action.TOGGLE_PAUSE,
    K.Key_MediaTogglePlayPause: Action.TOGGLE_PAUSE,
    K.Key_Right: Action.NEXT,
    K.Key_PageDown: Action.NEXT,
    K.Key_Left: Action.BACK,
    K.Key_PageUp: Action.BACK,
    K.Key_F11: Action.DISTANCE,
    K.Key_F: Action.DISTANCE,
    K.Key_Plus: Action.HOLD_LONGER,
    K.Key_Equal: Action.HOLD_LONGER,  # "+" without Shift on most layouts
    K.Key_Minus: Action.HOLD_SHORTER,
    K.Key_M: Action.MUTE,
    K.Key_Question: Action.HELP,
    K.Key_F1: Action.HELP,
}


def action_for(key: int) -> Action | None:
    return KEYMAP.get(key)
