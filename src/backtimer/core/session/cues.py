"""The moments of a session worth a sound (``Cue``), apart from the engine's events
(``events.py``, which uses them): the screen reader, the phrases and the cue table name
cues at import, while the events are needed only once a session runs."""

from __future__ import annotations

import enum


class Cue(enum.Enum):
    """Moments worth a sound. The cue layer decides what each sounds and says like."""

    GET_READY = "get_ready"  #: lead-in starts
    WARMUP_START = "warmup_start"
    COOLDOWN_START = "cooldown_start"
    PREPARE_START = "prepare_start"  #: read out the exercise and its steps
    HOLD_START = "hold_start"
    HALFWAY = "halfway"
    TEN_LEFT = "ten_left"
    COUNT_3 = "count_3"
    COUNT_2 = "count_2"
    COUNT_1 = "count_1"
    RELEASE = "release"  #: a hold ends
    SWITCH_SIDES = "switch_sides"
    REST_START = "rest_start"
    REST_OVER = "rest_over"
    SESSION_DONE = "session_done"
