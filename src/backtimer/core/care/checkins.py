"""Check-ins: "How is your back now?" on the 0–10 scale, before and after a session and
the next morning.

The next-morning check-in belongs to the last session of the day before: it is due at
the first launch on the day after that session (or the tray's morning notice), if it was
not given yet, and it is put once that morning: by whichever of the window or the tray
asks first. A later day is too late to judge the 24-hour rule, so then nothing is due.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from backtimer.core.i18n import _

QUESTION = _("How is your back now?")
QUESTION_MORNING = _("Good morning. How is your back today, after yesterday's session?")


class CheckInKind(enum.Enum):
    BEFORE = "before"
    AFTER = "after"
    MORNING = "morning"


@dataclass(frozen=True)
class CheckIn:
    at: float  #: wall-clock seconds
    kind: CheckInKind
    rating: int  #: 0–10
    session_id: int | None  #: the session it is about (morning: the day before's last)


def morning_due(last_session_day: dt.date | None, answered_for_it: bool, today: dt.date) -> bool:
    """Whether to ask the next-morning question now (see the module docstring)."""
    if last_session_day is None or answered_for_it:
        return False
    return last_session_day + dt.timedelta(days=1) == today
