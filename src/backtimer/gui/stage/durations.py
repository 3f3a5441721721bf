"""Lengths of time in words, the same way in every widget."""

from __future__ import annotations

from backtimer.core.i18n import _

HOURS_MINUTES = _("{hours} h {minutes} min")
MINUTES_SECONDS = _("{minutes} min {seconds} s")
MINUTES = _("{minutes} min")
SECONDS = _("{seconds} s")


def duration_text(seconds: float) -> str:
    """ "14 min 20 s", "45 s", "1 h 2 min"."""
    secs = max(0, round(seconds))
    hours, rest = divmod(secs, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return HOURS_MINUTES.format(hours=hours, minutes=minutes)
    if minutes:
        if secs:
            return MINUTES_SECONDS.format(minutes=minutes, seconds=secs)
        return MINUTES.format(minutes=minutes)
    return SECONDS.format(seconds=secs)
