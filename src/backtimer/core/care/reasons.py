"""Why the care rules changed an exercise, as a code with its values, and the sentence.

A change's reason is kept as a code and the values it names (the ratings, the sites,
the exercise's name as it was said), not only as a sentence, so the history can say it
again in the language in use: a change made while BackTimer spoke English reads in
German after the switch. ``encode``/``decode`` give the stored form (JSON, the history's
``care_changes.reason_code``); the sentence as said then is stored beside it, for older
rows (which have no code and are shown as stored) and for anyone reading the file.
"""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass
from typing import Any

from backtimer.core.care.body import PainSite
from backtimer.core.i18n import _, ngettext

# What the person (and the report) reads; one string per reason, with named placeholders.
REASON_LIMIT = _("{exercise}: pain reached {rating}/10, above this routine's limit of {limit}/10.")
REASON_RED = _("{exercise}: pain reached {rating}/10 (6 or more: change the exercise).")
REASON_WORSE = _(
    "Your back was {after}/10 after the session and {before}/10 before: 2 points or more worse."
)
REASON_MORNING = _(
    "Your back was {morning}/10 the next morning ({before} before the session): it had not "
    "settled within 24 hours."
)
UNKNOWN_RATING = _("not rated")
# {now} and {before} are whole place names ("thigh, left"), so each stands on its own
# after a colon rather than inside the sentence (where its article would change).
STOP_REASON = _(
    "{exercise} is stopped for today: the pain has spread further down the leg (now: "
    "{now}; last time: {before}). Spreading pain means this stretch is not right for "
    "you today."
)


def calm_reason(sessions: int) -> str:
    """The progression's reason for ``sessions`` calm sessions, to be formatted."""
    return ngettext(
        "{exercise}: low, steady pain over the last session and the goal is met.",
        "{exercise}: low, steady pain over the last {sessions} sessions and the goal is met.",
        sessions,
    )


class ReasonCode(enum.Enum):
    PAIN_ABOVE_LIMIT = "pain_above_limit"  #: rating above the routine's own limit
    PAIN_CHANGE = "pain_change"  #: rating 6 or more (traffic light: change the exercise)
    WORSE_AFTER = "worse_after"  #: 2 points or more worse after the session than before
    NOT_SETTLED = "not_settled"  #: not settled by the next morning
    CALM = "calm"  #: low, steady pain and the goal met (a progression)
    PAIN_SPREAD = "pain_spread"  #: the pain spread further down the leg


@dataclass(frozen=True)
class Reason:
    """A reason and the values its sentence names (None where it names none)."""

    code: ReasonCode
    exercise: str = ""  #: the exercise's name when the change was made
    rating: int | None = None
    limit: int | None = None
    before: int | None = None  #: the back before the session (None: not rated)
    after: int | None = None
    morning: int | None = None
    sessions: int | None = None
    now_site: PainSite | None = None
    before_site: PainSite | None = None


def render(reason: Reason, exercise: str | None = None) -> str:
    """The sentence in the language in use; ``exercise`` is the name to say (by default
    the one stored with the reason)."""
    name = reason.exercise if exercise is None else exercise
    code = reason.code
    if code is ReasonCode.PAIN_ABOVE_LIMIT:
        return REASON_LIMIT.format(exercise=name, rating=reason.rating, limit=reason.limit)
    if code is ReasonCode.PAIN_CHANGE:
        return REASON_RED.format(exercise=name, rating=reason.rating)
    if code is ReasonCode.WORSE_AFTER:
        return REASON_WORSE.format(after=reason.after, before=reason.before)
    if code is ReasonCode.NOT_SETTLED:
        before = UNKNOWN_RATING if reason.before is None else str(reason.before)
        return REASON_MORNING.format(morning=reason.morning, before=before)
    if code is ReasonCode.CALM:
        sessions = reason.sessions or 1
        return calm_reason(sessions).format(exercise=name, sessions=sessions)
    now, last = reason.now_site, reason.before_site
    return STOP_REASON.format(
        exercise=name,
        now=now.describe() if now else "",
        before=last.describe() if last else "",
    )


def _site_values(site: PainSite | None) -> list[str | None] | None:
    return None if site is None else [site.region.value, site.side.value if site.side else None]


def encode(reason: Reason) -> str:
    """The stored form: a JSON object, its code and the values it has."""
    values: dict[str, Any] = {
        k: v for k, v in asdict(reason).items() if v not in (None, "") and not k.endswith("site")
    }
    values["code"] = reason.code.value
    for key in ("now_site", "before_site"):
        site = _site_values(getattr(reason, key))
        if site is not None:
            values[key] = site
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


_NUMBERS = ("rating", "limit", "before", "after", "morning", "sessions")


def decode(text: str | None) -> Reason | None:
    """The reason stored by ``encode``; None for no code, or one this version does not
    read (a newer code, a damaged value): the stored sentence is shown then."""
    if not text:
        return None
    try:
        raw = json.loads(text)
        code = ReasonCode(raw["code"]) if isinstance(raw, dict) else None
    except (ValueError, KeyError, TypeError):
        return None
    if code is None:
        return None
    numbers = {k: raw.get(k) for k in _NUMBERS}
    exercise = raw.get("exercise", "")
    if not all(_is_int(v) for v in numbers.values()) or not isinstance(exercise, str):
        return None
    now_site, before_site = _site(raw.get("now_site")), _site(raw.get("before_site"))
    reason = Reason(code, exercise, **numbers, now_site=now_site, before_site=before_site)
    if any(getattr(reason, k) is None for k in _NEEDS[code]):
        return None
    return reason


#: What each reason's sentence cannot do without.
_NEEDS = {
    ReasonCode.PAIN_ABOVE_LIMIT: ("rating", "limit"),
    ReasonCode.PAIN_CHANGE: ("rating",),
    ReasonCode.WORSE_AFTER: ("before", "after"),
    ReasonCode.NOT_SETTLED: ("morning",),
    ReasonCode.CALM: ("sessions",),
    ReasonCode.PAIN_SPREAD: ("now_site", "before_site"),
}


def _is_int(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _site(value: object) -> PainSite | None:
    if isinstance(value, list) and len(value) == 2:
        region, side = value
        if isinstance(region, str) and (side is None or isinstance(side, str)):
            return PainSite.from_values(region, side)
    return None
