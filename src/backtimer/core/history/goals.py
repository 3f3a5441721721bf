"""Goals per muscle group with a due date, and their progress computed from the history.

Two kinds of goal:

* ``hold``: hold ``target`` seconds on both sides (or once, for a one-sided stretch) in
  one session, with no pain event in that muscle group during that session. A goal with
  a ``side`` asks it of that side only, with no pain on that side.
* ``sessions_per_week``: ``target`` sessions that work the muscle group within 7 days.

Status rules (what the windows show; a caller may rely on them):

* ``met``: the goal was reached at least once since it was created (even after its due
  date: late is still reached). It stays met; the person then finishes it.
* ``overdue``: not met and the due date has passed.
* ``on_track``: not met, not overdue, and the current value is at least the value a
  straight line from the starting value (when the goal was set) to the target reaches
  today, less a tenth of the way (one short day is not "behind").
* ``behind``: otherwise.

"Current value" is the best pain-free both-sides hold in the last 14 days (``hold``), or
the sessions in the last 7 days (``sessions_per_week``, counted by the adherence rule:
a *Try it* run is no session).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.formats import decimal
from backtimer.core.i18n import _, ngettext
from backtimer.core.programme.adherence import DoneSession, counts_as_session
from backtimer.core.routine import HOLD_RANGE, MUSCLE_GROUP_NAMES, MUSCLE_GROUPS, Side

DAY = 86400.0
HOLD_WINDOW_DAYS = 14  #: "current" hold: the best in this many days
WEEK_DAYS = 7
SESSIONS_RANGE = (1, 14)  #: sessions a week a goal may ask for
SLACK = 0.1  #: how far below the straight line still counts as on track (share of the way)


class GoalKind(enum.Enum):
    HOLD = "hold"
    SESSIONS_PER_WEEK = "sessions_per_week"


class GoalStatus(enum.Enum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    MET = "met"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    GoalStatus.ON_TRACK: _("On track"),
    GoalStatus.BEHIND: _("Behind"),
    GoalStatus.MET: _("Met"),
    GoalStatus.OVERDUE: _("Overdue"),
}

# A goal and its progress in words; {group} is the muscle group's name.
HOLD_ON_SIDE = {
    Side.RIGHT: _("{group}: hold {target} s on the right side without pain"),
    Side.LEFT: _("{group}: hold {target} s on the left side without pain"),
}
HOLD_BOTH_SIDES = _("{group}: hold {target} s on both sides without pain")
HOLD_PROGRESS = _("best lately {current} s, target {target} s")
SESSIONS_PROGRESS = _("{current} in the last 7 days, target {target}")
UNKNOWN_GROUP = _("Unknown muscle group {group}; choose one of: {groups}")
HOLD_TARGET_RANGE = _("The target must be between {low} and {high} seconds")
SESSIONS_TARGET_RANGE = _("The target must be between {low} and {high} sessions a week")


def sessions_a_week(n: int) -> str:
    """ "{group}: {target} sessions a week" in the form for ``n``."""
    return ngettext("{group}: {target} session a week", "{group}: {target} sessions a week", n)


@dataclass(frozen=True)
class Goal:
    id: int
    muscle_group: str
    kind: GoalKind
    target: float  #: seconds (hold) or sessions (sessions_per_week)
    due: dt.date
    created_at: float
    finished_at: float | None = None
    note: str = ""
    side: Side | None = None  #: a hold goal for one side only; None: both sides

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def describe(self) -> str:
        """The goal in words, e.g. "Hamstrings: hold 30 s on both sides without pain"."""
        group = MUSCLE_GROUP_NAMES.get(self.muscle_group, self.muscle_group)
        target = decimal(self.target)
        if self.kind is GoalKind.HOLD and self.side is not None:
            return HOLD_ON_SIDE[self.side].format(group=group, target=target)
        if self.kind is GoalKind.HOLD:
            return HOLD_BOTH_SIDES.format(group=group, target=target)
        return sessions_a_week(round(self.target)).format(group=group, target=target)


@dataclass(frozen=True)
class GroupSession:
    """One session as far as one muscle group is concerned (the store computes these)."""

    started_at: float
    best_right: float  #: longest hold on the right side (0 if none)
    best_left: float
    best_unsided: float  #: longest hold of a one-sided stretch
    pain: bool  #: a pain event in this group during the session
    pain_right: bool = False  #: ... on the right (the side stretched, or where it hurt)
    pain_left: bool = False
    routine_id: str = ""  #: the session's routine (a *Try it* run's starts with TRY_PREFIX)

    def pain_free_on(self, side: Side | None) -> float:
        """The best hold on ``side`` without pain there (None: both sides, no pain at all)."""
        if side is None:
            return self.pain_free_hold
        if side is Side.RIGHT:
            return 0.0 if self.pain_right else max(self.best_right, self.best_unsided)
        return 0.0 if self.pain_left else max(self.best_left, self.best_unsided)

    @property
    def counts(self) -> bool:
        """Whether it counts as a session done, by the adherence rule (it held a stretch
        of the group, being listed here; a *Try it* run never counts)."""
        return counts_as_session(DoneSession(self.routine_id, self.started_at, holds=1))

    @property
    def both_sides(self) -> float:
        """The hold reached on both sides: a one-sided stretch counts for both."""
        sided = min(self.best_right, self.best_left)
        return max(sided, self.best_unsided)

    @property
    def pain_free_hold(self) -> float:
        return 0.0 if self.pain else self.both_sides


@dataclass(frozen=True)
class Progress:
    status: GoalStatus
    current: float  #: as described in the module docstring
    expected: float  #: where a straight line to the target stands today
    met_at: float | None  #: when the goal was first reached

    def describe(self, goal: Goal) -> str:
        words = HOLD_PROGRESS if goal.kind is GoalKind.HOLD else SESSIONS_PROGRESS
        return words.format(current=decimal(self.current), target=decimal(goal.target))


def validate_goal(muscle_group: str, kind: GoalKind, target: float, due: dt.date) -> str | None:
    """A message saying what is wrong with these values, or None if they make a goal."""
    if muscle_group not in MUSCLE_GROUPS:
        return UNKNOWN_GROUP.format(group=repr(muscle_group), groups=", ".join(MUSCLE_GROUPS))
    low, high = HOLD_RANGE if kind is GoalKind.HOLD else SESSIONS_RANGE
    if not low <= target <= high:
        words = HOLD_TARGET_RANGE if kind is GoalKind.HOLD else SESSIONS_TARGET_RANGE
        return words.format(low=low, high=high)
    del due  # any date is allowed; a date in the past simply makes the goal overdue
    return None


def _end_of(day: dt.date) -> float:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).timestamp()


def _hold_progress(
    goal: Goal, sessions: Sequence[GroupSession], now: float
) -> tuple[float, float, float | None]:
    side = goal.side
    before = [s.pain_free_on(side) for s in sessions if s.started_at < goal.created_at]
    start = max(before, default=0.0)
    met_at = next(
        (
            s.started_at
            for s in sessions
            if s.started_at >= goal.created_at and s.pain_free_on(side) >= goal.target
        ),
        None,
    )
    recent = [
        s.pain_free_on(side)
        for s in sessions
        if now - HOLD_WINDOW_DAYS * DAY <= s.started_at <= now
    ]
    return start, max(recent, default=0.0), met_at


def _week_progress(
    goal: Goal, sessions: Sequence[GroupSession], now: float
) -> tuple[float, float, float | None]:
    times = sorted(s.started_at for s in sessions if s.counts)

    def in_week_before(t: float) -> int:
        return sum(1 for x in times if t - WEEK_DAYS * DAY < x <= t)

    start = float(in_week_before(goal.created_at))
    met_at = next(
        (t for t in times if t >= goal.created_at and in_week_before(t) >= goal.target), None
    )
    return start, float(in_week_before(now)), met_at


def progress(goal: Goal, sessions: Sequence[GroupSession], now: float) -> Progress:
    """The goal's status at wall-clock time ``now`` from its group's sessions (any order)."""
    if goal.kind is GoalKind.HOLD:
        start, current, met_at = _hold_progress(goal, sessions, now)
    else:
        start, current, met_at = _week_progress(goal, sessions, now)
    due_end = _end_of(goal.due)
    span = max(due_end - goal.created_at, DAY)
    fraction = min(1.0, max(0.0, (now - goal.created_at) / span))
    expected = round(start + (goal.target - start) * fraction, 1) if goal.target > start else 0.0
    if met_at is not None:
        status = GoalStatus.MET
    elif now >= due_end:
        status = GoalStatus.OVERDUE
    elif current >= expected - (goal.target - start) * SLACK:
        status = GoalStatus.ON_TRACK
    else:
        status = GoalStatus.BEHIND
    return Progress(status, round(current, 1), expected, met_at)
