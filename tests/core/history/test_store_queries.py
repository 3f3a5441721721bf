"""The store's figures for the charts and goals, read back from a real SQLite file."""

from __future__ import annotations

import time
from pathlib import Path

from backtimer.core.history.goals import GroupSession
from backtimer.core.routine import Side
from backtimer.core.session.record import PainRecord, PauseReason, PauseRecord

from ..store_helpers import T0, hold, open_store, pain

DAY2 = T0 + 86400.0


def local_day(t: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(t))


def test_daily_figures_are_per_local_day_and_group(tmp_path: Path) -> None:
    """Per local day and group: seconds held, longest hold and completed holds; pain events
    per day and group ('' when none); the days with a session, oldest first."""
    store = open_store(tmp_path)
    for at in (DAY2, T0):  # written out of order: the figures come oldest first
        sid = store.begin_session("r", "R", at, gentle=False)
        store.add_hold(sid, hold(at, 30.0))
        store.add_hold(sid, hold(at + 40, 12.5, completed=False))
        store.add_hold(sid, hold(at + 80, 20.0, exercise="psoas", group="psoas"))
        store.add_pain(sid, pain(at + 50))
    store.add_pain(sid, PainRecord(T0 + 100, "rest", None, None, None, 3.0))
    first, second = local_day(T0), local_day(DAY2)

    assert store.session_days() == [first, second]
    totals = store.daily_totals()
    assert [row[0] for row in totals] == [first, first, second, second]
    assert sorted(totals) == [
        (first, "hamstrings", 42.5, 30.0, 1),
        (first, "psoas", 20.0, 20.0, 1),
        (second, "hamstrings", 42.5, 30.0, 1),
        (second, "psoas", 20.0, 20.0, 1),
    ]
    pains = store.daily_pains()
    assert [row[0] for row in pains] == [first, first, second]
    assert sorted(pains) == [(first, "", 1), (first, "hamstrings", 1), (second, "hamstrings", 1)]


def test_group_sessions_give_the_best_hold_per_side_and_pain(tmp_path: Path) -> None:
    """Each session that worked a group gives its longest hold per side (0 for none), of a
    one-sided stretch, and whether it had pain in that group (and on which side); other
    groups are left out."""
    store = open_store(tmp_path)
    sid = store.begin_session("r", "R", T0, gentle=False)
    store.add_hold(sid, hold(T0, 25.0, side=Side.RIGHT))
    store.add_hold(sid, hold(T0 + 40, 31.0, side=Side.RIGHT))
    store.add_hold(sid, hold(T0 + 80, 18.0, side=Side.LEFT))
    store.add_pain(sid, pain(T0 + 90))
    other = store.begin_session("r", "R", DAY2, gentle=False)
    store.add_hold(other, hold(DAY2, 40.0, side=None))
    store.add_hold(other, hold(DAY2 + 50, 60.0, exercise="psoas", group="psoas"))

    assert store.group_sessions("hamstrings") == [
        GroupSession(T0, 31.0, 18.0, 0.0, True, pain_right=False, pain_left=True, routine_id="r"),
        GroupSession(DAY2, 0.0, 0.0, 40.0, False, routine_id="r"),
    ]
    assert [s.started_at for s in store.group_sessions("psoas")] == [DAY2]


def test_pauses_read_back_with_their_reasons(tmp_path: Path) -> None:
    """Pauses come back per session with their time, length and reason, oldest first."""
    store = open_store(tmp_path)
    sid = store.begin_session("r", "R", T0, gentle=False)
    other = store.begin_session("r", "R", DAY2, gentle=False)
    store.add_pause(other, PauseRecord(DAY2 + 5, 2.0, PauseReason.PAIN))
    store.add_pause(sid, PauseRecord(T0 + 30, 12.5, PauseReason.STALL))
    store.add_pause(sid, PauseRecord(T0 + 10, 4.0, PauseReason.USER))

    assert [p.pause for p in store.pauses(sid)] == [
        PauseRecord(T0 + 10, 4.0, PauseReason.USER),
        PauseRecord(T0 + 30, 12.5, PauseReason.STALL),
    ]
    assert [(p.session_id, p.pause.reason) for p in store.pauses()] == [
        (sid, PauseReason.USER),
        (sid, PauseReason.STALL),
        (other, PauseReason.PAIN),
    ]


def test_sessions_and_holds_in_a_time_range(tmp_path: Path) -> None:
    """``since`` is included and ``until`` left out, for sessions and holds alike."""
    store = open_store(tmp_path)
    for at in (T0, DAY2):
        sid = store.begin_session("r", "R", at, gentle=at == DAY2)
        store.add_hold(sid, hold(at))

    assert [(s.started_at, s.gentle) for s in store.sessions(since=DAY2)] == [(DAY2, True)]
    assert [s.started_at for s in store.sessions(until=DAY2)] == [T0]
    assert [h.hold.started_at for h in store.holds(since=T0, until=DAY2)] == [T0]
