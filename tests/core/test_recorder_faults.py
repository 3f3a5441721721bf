"""The recorder on a real full disk: what could not be saved waits, and is saved in order
with its own times once there is room (the disk is real, see ``tests/disks.py``)."""

from __future__ import annotations

from backtimer.core.history.recorder import SessionRecorder
from backtimer.core.routine import Side
from backtimer.core.session.events import (
    HoldRecorded,
    PainResolved,
    PainStopped,
    PauseRecorded,
    SessionFinished,
    SessionStarted,
)
from backtimer.core.session.record import Outcome, PainChoice, PauseReason, PauseRecord

from ..disks import SmallDisk
from .store_helpers import ROUTINE, T0, hold, open_store, pain


def test_recorder_saves_what_failed_once_the_disk_has_room(small_disk: SmallDisk) -> None:
    """Holds, a pain stop with its rating and a pause that could not be saved on a full
    disk wait in order, with their own times, and are all saved by the next write after
    space is freed; each failure is reported."""
    store = open_store(small_disk.path)
    wall = iter([T0 + 400.0]).__next__  # at the end
    errors: list[str] = []
    rec = SessionRecorder(store, ROUTINE, wall_clock=wall, on_error=errors.append)
    rec.handle(SessionStarted(at=0.0, started_at=T0, routine_id="gentle-back", gentle=False))
    rec.handle(HoldRecorded(hold(T0 + 10)))
    small_disk.fill()
    rec.handle(HoldRecorded(hold(T0 + 50, side=Side.LEFT)))
    rec.handle(PainStopped(pain(T0 + 90)))
    rec.handle(PainResolved(pain(T0 + 90, rating=4, choice=PainChoice.RESUME)))
    rec.handle(PauseRecorded(PauseRecord(T0 + 100.0, 20.0, PauseReason.USER)))
    assert rec.unsaved == 4
    assert len(errors) == 4  # one for each write tried
    assert all("full" in e for e in errors)

    small_disk.free()
    rec.handle(HoldRecorded(hold(T0 + 130)))
    rec.handle(SessionFinished(Outcome.COMPLETED, at=400.0))
    assert rec.unsaved == 0
    store.close()

    again = open_store(small_disk.path)
    (session,) = again.sessions()
    assert (session.outcome, session.ended_at) == (Outcome.COMPLETED, T0 + 400.0)
    assert [h.hold for h in again.holds()] == [
        hold(T0 + 10),
        hold(T0 + 50, side=Side.LEFT),
        hold(T0 + 130),
    ]
    assert [p.pain for p in again.pains()] == [pain(T0 + 90, rating=4, choice=PainChoice.RESUME)]
    assert [(p.pause.at, p.pause.seconds) for p in again.pauses()] == [(T0 + 100.0, 20.0)]


def test_recorder_begins_the_session_later_when_the_disk_was_full_at_its_start(
    small_disk: SmallDisk,
) -> None:
    """A session whose first write fails on a full disk is begun, with its first hold and
    its own start time, by the first write after space is freed."""
    store = open_store(small_disk.path)
    small_disk.fill()
    errors: list[str] = []
    rec = SessionRecorder(store, ROUTINE, on_error=errors.append)
    rec.handle(SessionStarted(at=0.0, started_at=T0, routine_id="gentle-back", gentle=True))
    rec.handle(HoldRecorded(hold(T0 + 10)))
    assert (rec.session_id, rec.unsaved, len(errors)) == (None, 2, 2)

    small_disk.free()
    rec.handle(HoldRecorded(hold(T0 + 50)))
    assert rec.unsaved == 0
    assert rec.session_id is not None
    assert [(s.started_at, s.gentle) for s in store.sessions()] == [(T0, True)]
    assert [h.hold.started_at for h in store.holds(rec.session_id)] == [T0 + 10, T0 + 50]
