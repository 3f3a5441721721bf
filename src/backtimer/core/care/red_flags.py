"""The red-flag screen: signs that need urgent care, not stretching.

The questions follow the NHS pages on sciatica and on cauda equina syndrome (see
README): pain in both legs, numbness around the genitals or buttocks ("saddle" area),
new bladder or bowel changes, and leg weakness or numbness that is severe or getting
worse. The wording is ours. Any yes shows ``URGENT``; the screen never blocks the app.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from backtimer.core.i18n import _


class RedFlag(enum.Enum):
    BOTH_LEGS = "both_legs"
    SADDLE_NUMBNESS = "saddle_numbness"
    BLADDER_BOWEL = "bladder_bowel"
    WEAKNESS = "weakness"


QUESTIONS: dict[RedFlag, str] = {
    RedFlag.BOTH_LEGS: _("Do you have pain, or sciatica, in both legs?"),
    RedFlag.SADDLE_NUMBNESS: _(
        "Is there numbness or tingling around your genitals, your bottom or the inside of "
        "your upper thighs (where you would sit on a saddle)?"
    ),
    RedFlag.BLADDER_BOWEL: _(
        "Is it newly hard to start peeing, or can you not control when you pee or poo, or "
        "not feel when you need to go?"
    ),
    RedFlag.WEAKNESS: _(
        "Is there weakness or numbness in both legs that is severe or getting worse?"
    ),
}

TITLE = _("A few safety questions")
INTRO = _(
    "These four questions check for rare signs that back pain needs a doctor today, not "
    "stretching. Answer for how you are now."
)
ALL_CLEAR = _(
    "Thank you. None of these signs: you can go on. If any of them starts, stop and get "
    "help straight away. You can answer these questions again from the pain panel."
)
URGENT = _(
    "Please get medical help now. Call 999 or go to A&E (outside the UK: your emergency "
    "number), and say you have back pain with the signs you answered yes to. These can "
    "mean the nerves at the bottom of the spine are being squeezed (cauda equina "
    "syndrome), which needs treating straight away. Do not stretch until you have been "
    "seen. BackTimer is not a medical device and cannot tell what is causing this."
)


def any_yes(answers: Mapping[RedFlag, bool]) -> bool:
    return any(answers.values())
