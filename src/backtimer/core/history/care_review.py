"""The care rules applied to the stored history: what happened to each exercise in each
session (``ExerciseOutcome``), the changes the rules make after a session or a
next-morning check-in, today's routine with the changes in effect, and the previous site
of an exercise's pain. No Qt; the window's care controller calls these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from backtimer.core.care.body import PainSite
from backtimer.core.care.changes import (
    CareChange,
    ChangeKind,
    Proposal,
    adjusted_routine,
    dose_of,
)
from backtimer.core.care.checkins import CheckInKind, morning_due
from backtimer.core.care.rules import PROGRESS_AFTER, ExerciseOutcome, review
from backtimer.core.history.goals import GoalKind, GoalStatus, progress
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Exercise, Routine


def local_day(t: float) -> dt.date:
    return dt.datetime.fromtimestamp(t).date()


def goal_met(store: HistoryStore, muscle_group: str, now: float) -> bool:
    """A hold goal of the group is met (or was finished): progress may be offered."""
    goals = [g for g in store.goals() if g.muscle_group == muscle_group and g.kind is GoalKind.HOLD]
    if any(g.finished for g in goals):
        return True
    if not goals:
        return False  # no goal: nothing to meet (and no ten-year scan of the group)
    sessions = store.group_sessions(muscle_group)
    return any(progress(g, sessions, now).status is GoalStatus.MET for g in goals)


def _last_change_session(changes: Sequence[CareChange], exercise_id: str) -> int:
    sources = [
        c.proposal.source_session or 0
        for c in changes
        if c.proposal.exercise_id == exercise_id
        and c.proposal.kind is not ChangeKind.STOP_FOR_TODAY
    ]
    return max(sources, default=0)


def outcomes(
    store: HistoryStore,
    exercise: Exercise,
    after_session: int,
    now: float,
    limit: int = PROGRESS_AFTER,
) -> list[ExerciseOutcome]:
    """The last ``limit`` sessions after ``after_session`` (an id) that did ``exercise``,
    oldest first: as many as the rules look at, so a review costs the same after ten
    years as after ten days."""
    done = store.exercise_sessions(exercise.id, after_session, limit)
    if not done:
        return []
    # Progression alone asks whether the goal is met, and only after enough sessions.
    met = len(done) >= PROGRESS_AFTER and goal_met(store, exercise.muscle_group, now)
    result = []
    for sid in done:
        events = [p.pain for p in store.pains(sid) if p.pain.exercise_id == exercise.id]
        ratings = [e.rating for e in events if e.rating is not None]
        asked = store.session_checkins(sid)
        result.append(
            ExerciseOutcome(
                session_id=sid,
                worst=max(ratings) if ratings else None,
                stopped=bool(events),
                before=asked.get(CheckInKind.BEFORE),
                after=asked.get(CheckInKind.AFTER),
                morning=asked.get(CheckInKind.MORNING),
                goal_met=met,
            )
        )
    return result


def review_session(
    store: HistoryStore,
    routine: Routine,
    session_id: int,
    *,
    pain_limit: int | None,
    now: float,
) -> list[CareChange]:
    """Run the rules for every exercise of ``routine`` done in ``session_id`` and store
    what they propose (one change per exercise at most); the new changes, in order."""
    changes = store.care_changes()
    made = []
    for exercise in routine.exercises:
        since = outcomes(store, exercise, _last_change_session(changes, exercise.id), now)
        if not since or since[-1].session_id != session_id:
            continue  # not done in that session, or already changed for it
        proposal = review(
            exercise.id,
            exercise.name,
            since,
            dose_of(exercise, changes),
            pain_limit=pain_limit,
        )
        if proposal is not None:
            made.append(store.add_care_change(proposal, now, local_day(now)))
    return made


def record_stop(store: HistoryStore, stop: Proposal, now: float) -> CareChange:
    return store.add_care_change(stop, now, local_day(now))


def routine_today(store: HistoryStore, routine: Routine, now: float) -> Routine:
    """``routine`` as today's session should run it: every change in effect applied."""
    return adjusted_routine(routine, store.care_changes(), local_day(now))


def previous_site(store: HistoryStore, exercise_id: str, before: float) -> PainSite | None:
    """Where the last pain of ``exercise_id`` before ``before`` hurt (None: never said)."""
    sites = [
        p.pain.site
        for p in store.pains(until=before)
        if p.pain.exercise_id == exercise_id and p.pain.site is not None
    ]
    return sites[-1] if sites else None


def morning_session(store: HistoryStore, now: float, asked_for: int | None = None) -> int | None:
    """The session the next-morning check-in is due for now, or None. ``asked_for``: the
    session the question was already put about (by the window or the tray): it is asked
    once per morning, answered or not, whichever asks first."""
    today = local_day(now)
    start = dt.datetime.combine(today, dt.time()).timestamp()
    last = store.last_session_before(start)
    if last is None:
        return None
    session_id, started_at = last
    answered = session_id == asked_for or CheckInKind.MORNING in store.session_checkins(session_id)
    return session_id if morning_due(local_day(started_at), answered, today) else None
