"""Where it hurts: a region on the body map and a side, and what a move between two
events of the same exercise means.

Regions are ordered from the spine down the leg. Pain that reaches further from the
spine than before during an exercise (peripheralisation) means stop that exercise; pain
that moves back towards the spine (centralisation) is a good sign (McKenzie; NHS and
CSP guidance on sciatica, see README).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backtimer.core.i18n import _


class BodyRegion(enum.Enum):
    """From the spine outwards; ``reach`` says how far down the leg."""

    LOWER_BACK = "lower_back"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    BELOW_KNEE = "below_knee"

    @property
    def reach(self) -> int:
        return _REACH[self]

    @property
    def label(self) -> str:
        return REGION_NAMES[self]


_REACH = {
    BodyRegion.LOWER_BACK: 0,
    BodyRegion.BUTTOCK: 1,
    BodyRegion.THIGH: 2,
    BodyRegion.BELOW_KNEE: 3,
}

REGION_NAMES = {
    BodyRegion.LOWER_BACK: _("lower back"),
    BodyRegion.BUTTOCK: _("buttock"),
    BodyRegion.THIGH: _("thigh"),
    BodyRegion.BELOW_KNEE: _("below the knee"),
}


class BodySide(enum.Enum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"

    @property
    def label(self) -> str:
        return SIDE_NAMES[self]


SIDE_NAMES = {
    BodySide.LEFT: _("left"),
    BodySide.RIGHT: _("right"),
    BodySide.BOTH: _("both sides"),
}

#: How a place with a side is said ("thigh, left"): one whole phrase each, since the
#: side's word agrees with the region's in other languages ("muslo izquierdo").
SITE_TEXTS = {
    (BodyRegion.LOWER_BACK, BodySide.LEFT): _("lower back, left"),
    (BodyRegion.LOWER_BACK, BodySide.RIGHT): _("lower back, right"),
    (BodyRegion.LOWER_BACK, BodySide.BOTH): _("lower back, both sides"),
    (BodyRegion.BUTTOCK, BodySide.LEFT): _("buttock, left"),
    (BodyRegion.BUTTOCK, BodySide.RIGHT): _("buttock, right"),
    (BodyRegion.BUTTOCK, BodySide.BOTH): _("buttock, both sides"),
    (BodyRegion.THIGH, BodySide.LEFT): _("thigh, left"),
    (BodyRegion.THIGH, BodySide.RIGHT): _("thigh, right"),
    (BodyRegion.THIGH, BodySide.BOTH): _("thigh, both sides"),
    (BodyRegion.BELOW_KNEE, BodySide.LEFT): _("below the knee, left"),
    (BodyRegion.BELOW_KNEE, BodySide.RIGHT): _("below the knee, right"),
    (BodyRegion.BELOW_KNEE, BodySide.BOTH): _("below the knee, both sides"),
}


@dataclass(frozen=True)
class PainSite:
    region: BodyRegion
    side: BodySide | None = None  #: None: not said

    def describe(self) -> str:
        if self.side is None:
            return self.region.label
        return SITE_TEXTS[(self.region, self.side)]

    @classmethod
    def from_values(cls, region: str | None, side: str | None) -> PainSite | None:
        """The site stored as ``region``/``side`` strings; None when no region was given
        (an event from before the body map, or one where the person chose none)."""
        if region is None:
            return None
        try:
            return cls(BodyRegion(region), None if side is None else BodySide(side))
        except ValueError:
            return None  # a value this version does not know: treat as not said


class Spread(enum.Enum):
    PERIPHERALISED = "peripheralised"  #: further down the leg than before: stop it
    CENTRALISED = "centralised"  #: back towards the spine: a good sign
    SAME = "same"
    UNKNOWN = "unknown"  #: one of the two events has no site


def spread(previous: PainSite | None, current: PainSite | None) -> Spread:
    """How ``current`` compares with ``previous`` (the last event of the same exercise)."""
    if previous is None or current is None:
        return Spread.UNKNOWN
    if current.region.reach > previous.region.reach:
        return Spread.PERIPHERALISED
    if current.region.reach < previous.region.reach:
        return Spread.CENTRALISED
    # Same distance, but now in both legs where it was in one: it has spread.
    if current.side is BodySide.BOTH and previous.side in (BodySide.LEFT, BodySide.RIGHT):
        return Spread.PERIPHERALISED
    return Spread.SAME
