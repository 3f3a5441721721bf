"""Pain monitoring by a traffic light, on the 0–10 numeric rating scale.

* 0–3: go on (``GO``);
* 4–5: acceptable if it settles within 24 hours (``SETTLE``); judge it next morning;
* 6 or more: change the exercise (``CHANGE``).

A change of 2 points is the smallest that matters (Childs et al. 2005: minimal clinically
important difference 2.2 at one week, 1.5 at four weeks; we use 2).
"""

from __future__ import annotations

import enum

from backtimer.core.i18n import _

MEANINGFUL_CHANGE = 2  #: points on the 0–10 scale
SETTLED_MAX = 3  #: a rating this low counts as settled whatever it was before
RATING_RANGE = (0, 10)


class Zone(enum.Enum):
    GO = "go"
    SETTLE = "settle"
    CHANGE = "change"

    @property
    def label(self) -> str:
        return ZONE_LABELS[self]


ZONE_LABELS = {
    Zone.GO: _("0–3: fine to go on"),
    Zone.SETTLE: _("4–5: acceptable if it settles within 24 hours"),
    Zone.CHANGE: _("6 or more: change the exercise"),
}


def zone(rating: int) -> Zone:
    """The traffic-light zone of a 0–10 rating (out of range values are clamped)."""
    rating = max(RATING_RANGE[0], min(RATING_RANGE[1], rating))
    if rating <= 3:
        return Zone.GO
    if rating <= 5:
        return Zone.SETTLE
    return Zone.CHANGE


def meaningful(before: int | None, after: int | None) -> int:
    """+1 if pain went up by a change that matters, -1 if down by one, 0 otherwise (or
    when either rating is missing)."""
    if before is None or after is None:
        return 0
    if after - before >= MEANINGFUL_CHANGE:
        return 1
    if before - after >= MEANINGFUL_CHANGE:
        return -1
    return 0


def settled(before: int | None, morning: int | None) -> bool | None:
    """Whether pain had settled by the next morning: back within a meaningful change of
    how it was before the session (or 3 or less). None when the morning is not known.

    Without a rating from before the session only 0–3 counts as settled; 6 or more the
    next morning is never settled (the red zone: change the exercise).
    """
    if morning is None:
        return None
    if morning <= SETTLED_MAX:
        return True
    if before is None or zone(morning) is Zone.CHANGE:
        return False
    return morning - before < MEANINGFUL_CHANGE
