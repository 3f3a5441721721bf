"""Pain that spreads down the leg during an exercise stops that exercise for the day.

The site of a new pain event is compared with the previous event of the same exercise
(from this session or an earlier one): further from the spine is peripheralisation, and
the exercise is stopped for the rest of the day; back towards the spine is
centralisation, a good sign worth saying.
"""

from __future__ import annotations

from backtimer.core.care.body import PainSite, Spread, spread
from backtimer.core.care.changes import ChangeKind, Proposal
from backtimer.core.care.reasons import Reason, ReasonCode, render
from backtimer.core.i18n import _

# Said aloud and shown; plain words, one string each. The stop's reason (STOP_REASON) is
# in core/care/reasons.py, since the history says it again.
# {now} and {before} are whole place names ("thigh, left"), so each stands on its own
# after a colon rather than inside the sentence (where its article would change).
GOOD_SIGN = _(
    "The pain has moved back towards your spine (now: {now}; last time: {before}). "
    "That is a good sign."
)


def after_pain(
    exercise_id: str | None,
    exercise_name: str,
    previous: PainSite | None,
    current: PainSite | None,
    session_id: int | None,
) -> tuple[Proposal | None, str]:
    """What a pain event at ``current`` means, given the previous event of the same
    exercise at ``previous``: a stop for today (with its reason) when the pain spread,
    else no change and a message ("" when there is nothing to say)."""
    if exercise_id is None or previous is None or current is None:
        return None, ""
    how = spread(previous, current)
    words = {"now": current.describe(), "before": previous.describe()}
    if how is Spread.PERIPHERALISED:
        why = Reason(ReasonCode.PAIN_SPREAD, exercise_name, now_site=current, before_site=previous)
        reason = render(why)
        stop = Proposal(exercise_id, ChangeKind.STOP_FOR_TODAY, 0.0, reason, True, session_id, why)
        return stop, reason
    if how is Spread.CENTRALISED:
        return None, GOOD_SIGN.format(**words)
    return None, ""
