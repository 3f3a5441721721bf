"""A fortnight of care history for the report tests: check-ins, sites, stops, changes,
goals per side and a red-flag screen, on known days ending on ``END``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from backtimer.core.care.body import BodyRegion, BodySide, PainSite
from backtimer.core.care.changes import ChangeKind, Proposal
from backtimer.core.care.checkins import CheckIn, CheckInKind
from backtimer.core.care.red_flags import RedFlag
from backtimer.core.history.goals import GoalKind
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import HoldRecord, Outcome, PainChoice, PainRecord

END = dt.date(2025, 6, 20)
DAYS = 14
#: (day offset from the first day, before, after, next morning, pain: (rating, region, side))
PLAN = [
    (0, 3, 3, 3, None),
    (1, 3, 5, 4, (5, BodyRegion.THIGH, BodySide.LEFT)),
    (2, 4, 7, 6, (7, BodyRegion.BELOW_KNEE, BodySide.LEFT)),
    (4, 4, 4, 3, None),
    (6, 3, 3, 2, None),
    (8, 3, 2, 2, (3, BodyRegion.BUTTOCK, BodySide.LEFT)),
    (10, 2, 2, 2, None),
    (12, 2, 1, None, None),
    (13, 2, 2, None, None),
]


def at(day: dt.date, hour: int = 8) -> float:
    return dt.datetime.combine(day, dt.time(hour)).timestamp()


def make_care_history(folder: Path) -> HistoryStore:
    store = HistoryStore.open(folder).store
    assert store is not None
    first = END - dt.timedelta(days=DAYS - 1)
    store.add_goal(
        "hamstrings",
        GoalKind.HOLD,
        30,
        END + dt.timedelta(days=14),
        created_at=at(first) - 60,
        side=Side.LEFT,
    )
    store.add_goal(
        "piriformis",
        GoalKind.SESSIONS_PER_WEEK,
        4,
        END - dt.timedelta(days=2),
        created_at=at(first) - 60,
    )
    store.add_red_flag_screen(at(first) - 120, "first_run", dict.fromkeys(RedFlag, False))
    for offset, before, after, morning, hurt in PLAN:
        day = first + dt.timedelta(days=offset)
        t = at(day)
        sid = store.begin_session("gentle-back", "Gentle back routine", t, gentle=False)
        store.add_checkin(CheckIn(t - 5, CheckInKind.BEFORE, before, sid))
        for n, side in enumerate((Side.RIGHT, Side.LEFT)):
            s = t + 60 + 40 * n
            held = 30.0 if side is Side.RIGHT else 20.0 + offset
            store.add_hold(
                sid,
                HoldRecord("hamstring", "hamstrings", side, 1, 30, held, False, True, s, s + held),
            )
        outcome = Outcome.COMPLETED
        if hurt is not None:
            rating, region, body_side = hurt
            choice = PainChoice.END if rating >= 6 else PainChoice.RESUME
            pain = PainRecord(t + 130, "hold", "hamstring", "hamstrings", Side.LEFT, 10.0)
            pid = store.add_pain(sid, pain)
            done = dataclasses.replace(
                pain, rating=rating, choice=choice, site=PainSite(region, body_side)
            )
            store.resolve_pain(pid, done)
            if rating >= 6:
                outcome = Outcome.ENDED_FOR_PAIN
                stop = Proposal(
                    "hamstring",
                    ChangeKind.STOP_FOR_TODAY,
                    0,
                    "Hamstring stretch is stopped for today: the pain has spread "
                    "further down the leg.",
                    True,
                    sid,
                )
                store.add_care_change(stop, t + 131, day)
                shorter = Proposal(
                    "hamstring",
                    ChangeKind.SHORTER_HOLD,
                    5,
                    "Hamstring stretch: pain reached 7/10 (6 or more: change the exercise).",
                    True,
                    sid,
                )
                store.add_care_change(shorter, t + 400, day)
        store.finish_session(sid, outcome, t + 300)
        store.add_checkin(CheckIn(t + 310, CheckInKind.AFTER, after, sid))
        if morning is not None:
            next_day = day + dt.timedelta(days=1)
            store.add_checkin(CheckIn(at(next_day, 7), CheckInKind.MORNING, morning, sid))
    return store
