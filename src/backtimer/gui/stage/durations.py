"""Lengths of time in words, the same way in every widget."""

from __future__ import annotations


def duration_text(seconds: float) -> str:
    """ "14 min 20 s", "45 s", "1 h 2 min"."""
    secs = max(0, round(seconds))
    hours, rest = divmod(secs, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"
