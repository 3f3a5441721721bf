"""A small real history for the window tests: three sessions on known days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.session.record import HoldRecord, Outcome, PainChoice, PainRecord

TODAY = dt.date(2025, 6, 20)


def at(day: dt.date, hour: int = 8, minute: int = 0) -> float:
    return dt.datetime.combine(day, dt.time(hour, minute)).timestamp()


def make_history(folder: Path) -> HistoryStore:
    """Sessions on 17, 18 (ended for pain) and 20 June 2025; streak on the 20th: 1."""
    store = HistoryStore.open(folder).store
    assert store is not None
    for offset, hurt in ((3, False), (2, True), (0, False)):
        day = TODAY - dt.timedelta(days=offset)
        t = at(day)
        sid = store.begin_session("gentle-back", "Gentle back", t, gentle=False)
        for n, side in enumerate((Side.RIGHT, Side.LEFT)):
            s = t + 60 + 40 * n
            held = 11.0 if hurt and side is Side.LEFT else 25.0
            store.add_hold(
                sid,
                HoldRecord(
                    "hamstring", "hamstrings", side, 1, 25, held, False, held == 25, s, s + held
                ),
            )
        if hurt:
            store.add_pain(
                sid,
                PainRecord(
                    t + 111,
                    "hold",
                    "hamstring",
                    "hamstrings",
                    Side.LEFT,
                    11.0,
                    6,
                    "sharp behind the knee",
                    PainChoice.END,
                ),
            )
        outcome = Outcome.ENDED_FOR_PAIN if hurt else Outcome.COMPLETED
        store.finish_session(sid, outcome, t + 300)
    return store
