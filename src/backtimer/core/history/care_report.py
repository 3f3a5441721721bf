"""What page one of the clinician's report says, gathered from the history as values:
the prescription, the pain trend (before, after, next morning) with every change of 2
points or more, each stop with where it hurt and what followed, the care changes, the
goals against their due dates, and left against right. No Qt; the PDF draws these.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.care.body import BodySide
from backtimer.core.care.changes import CareChange, ChangeKind, dose_of
from backtimer.core.care.checkins import CheckInKind
from backtimer.core.care.traffic import MEANINGFUL_CHANGE
from backtimer.core.formats import decimal
from backtimer.core.history.goals import Goal, Progress, progress
from backtimer.core.history.rows import StoredHold, StoredPain
from backtimer.core.history.shown_names import exercise_names
from backtimer.core.history.store import HistoryStore
from backtimer.core.history.wording import SIDE_WORDS
from backtimer.core.i18n import _
from backtimer.core.routine import MUSCLE_GROUP_NAMES, Routine, Side, Sides
from backtimer.core.session.record import PainChoice

FOLLOWED = {
    PainChoice.END: _("ended the session"),
    PainChoice.GENTLER: _("went on gentler"),
    PainChoice.SKIP: _("skipped the stretch"),
    PainChoice.RESUME: _("went on"),
    None: _("no choice recorded"),
}
NO_SITE = _("not said")
#: A care change in a few words, for the report's tables.
KIND_WORDS = {
    ChangeKind.SHORTER_HOLD: _("shorter hold"),
    ChangeKind.FEWER_REPS: _("one rep fewer"),
    ChangeKind.LONGER_HOLD: _("longer hold"),
    ChangeKind.MORE_REPS: _("one rep more"),
    ChangeKind.STOP_FOR_TODAY: _("stopped for today"),
    ChangeKind.SEE_CLINICIAN: _("ask the clinician"),
}
FOLLOWED_BY = _("{choice}; then: {changes}")
#: {changes} lists the care changes it led to, joined by this.
LIST_SEPARATOR = _(", ")
PRESCRIPTION_EACH_SIDE = _("{name}: {hold} s × {reps} each side")
PRESCRIPTION = _("{name}: {hold} s × {reps}")


@dataclass(frozen=True)
class TrendPoint:
    session_id: int
    day: dt.date
    before: int | None
    after: int | None
    morning: int | None

    def changes(self) -> list[tuple[str, int]]:
        """Each change of 2 points or more from before the session: ("after" or
        "morning", points; positive is worse)."""
        out = []
        for label, value in (("after", self.after), ("morning", self.morning)):
            if self.before is not None and value is not None:
                delta = value - self.before
                if abs(delta) >= MEANINGFUL_CHANGE:
                    out.append((label, delta))
        return out


@dataclass(frozen=True)
class Stop:
    at: float
    exercise: str
    side: str  #: the side being stretched, in words ("" for none)
    site: str  #: where it hurt, in words
    rating: int | None
    followed: str  #: what the person chose, and any care change it led to


@dataclass(frozen=True)
class SideRow:
    group: str
    best_right: float
    best_left: float
    pains_right: int
    pains_left: int


@dataclass(frozen=True)
class CareReport:
    prescription: tuple[str, ...]
    trend: tuple[TrendPoint, ...]
    stops: tuple[Stop, ...]
    changes: tuple[tuple[CareChange, str], ...]  #: with the exercise's name
    goals: tuple[tuple[Goal, Progress], ...]
    sides: tuple[SideRow, ...]
    red_flags_yes: int  #: red-flag screens in the period with any yes
    red_flag_screens: int


def _day(t: float) -> dt.date:
    return dt.datetime.fromtimestamp(t).date()


def gather(
    store: HistoryStore,
    routine: Routine,
    start: float,
    end: float,
    now: float,
    holds: Sequence[StoredHold] | None = None,
    pains: Sequence[StoredPain] | None = None,
) -> CareReport:
    """Page one's facts for sessions started in [start, end); ``holds`` and ``pains`` of
    that period when the caller has read them already."""
    if holds is None:
        holds = store.holds(since=start, until=end)
    if pains is None:
        pains = store.pains(since=start, until=end)
    names = exercise_names({e.id: e.name for e in routine.exercises})
    all_changes = store.care_changes()
    prescription = tuple(
        (PRESCRIPTION_EACH_SIDE if e.sides is Sides.BOTH else PRESCRIPTION).format(
            name=e.name,
            hold=decimal(dose_of(e, all_changes).hold),
            reps=dose_of(e, all_changes).reps,
        )
        for e in routine.exercises
    )
    sessions = store.sessions(start, end)
    trend = []
    for s in sessions:
        asked = store.session_checkins(s.id)
        trend.append(
            TrendPoint(
                s.id,
                _day(s.started_at),
                asked.get(CheckInKind.BEFORE),
                asked.get(CheckInKind.AFTER),
                asked.get(CheckInKind.MORNING),
            )
        )
    by_source: dict[tuple[int | None, str], list[CareChange]] = defaultdict(list)
    for c in all_changes:
        by_source[(c.proposal.source_session, c.proposal.exercise_id)].append(c)
    stops = []
    for p in pains:
        e = p.pain
        exercise = names.get(e.exercise_id or "", e.exercise_id or "—")
        followed = FOLLOWED[e.choice]
        led = by_source.get((p.session_id, e.exercise_id or ""), [])
        if led:
            led_to = LIST_SEPARATOR.join(KIND_WORDS[c.proposal.kind] for c in led)
            followed = FOLLOWED_BY.format(choice=followed, changes=led_to)
        stops.append(
            Stop(
                e.at,
                exercise,
                SIDE_WORDS[e.side] if e.side else "",
                e.site.describe() if e.site else NO_SITE,
                e.rating,
                followed,
            )
        )
    changes = tuple(
        (c, names.get(c.proposal.exercise_id, c.proposal.exercise_id))
        for c in store.care_changes(start, end)
    )
    # Goals as they stood at the end of the period (a report on last month says where
    # the goals were then, not today).
    at = min(now, end)
    goals = tuple((g, progress(g, store.group_sessions(g.muscle_group), at)) for g in store.goals())
    screens = store.red_flag_screens(start, end)
    return CareReport(
        prescription,
        tuple(trend),
        tuple(stops),
        changes,
        goals,
        tuple(_sides(holds, pains)),
        sum(1 for s in screens if s.any_yes),
        len(screens),
    )


def _sides(holds: Sequence[StoredHold], pains: Sequence[StoredPain]) -> list[SideRow]:
    best: dict[tuple[str, Side], float] = defaultdict(float)
    groups: set[str] = set()
    for h in holds:
        if h.hold.side is None:
            continue
        groups.add(h.hold.muscle_group)
        key = (h.hold.muscle_group, h.hold.side)
        best[key] = max(best[key], h.hold.held)
    hurt_on: dict[tuple[str, Side], int] = defaultdict(int)
    for p in pains:
        e = p.pain
        if e.muscle_group not in groups:
            continue
        hurt = set()
        if e.side is not None:
            hurt.add(e.side)
        if e.site is not None and e.site.side is not None:
            if e.site.side in (BodySide.RIGHT, BodySide.BOTH):
                hurt.add(Side.RIGHT)
            if e.site.side in (BodySide.LEFT, BodySide.BOTH):
                hurt.add(Side.LEFT)
        for side in hurt:
            hurt_on[(e.muscle_group, side)] += 1
    return [
        SideRow(
            MUSCLE_GROUP_NAMES.get(g, g),
            best[(g, Side.RIGHT)],
            best[(g, Side.LEFT)],
            hurt_on[(g, Side.RIGHT)],
            hurt_on[(g, Side.LEFT)],
        )
        for g in sorted(groups)
    ]


def trend_changes(trend: Sequence[TrendPoint]) -> int:
    """How many changes of 2 points or more the trend holds."""
    return sum(len(t.changes()) for t in trend)
