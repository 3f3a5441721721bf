"""The tray's morning question, on a real private D-Bus session bus to a real
notification server (tests/gui/notification_server.py), on an injected wall clock: a
person who runs only the tray is asked once in the morning after a session; a button
stores the answer as the window's morning check-in does; neither the tray nor the window
asks again that morning."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from backtimer.core.care.checkins import CheckIn, CheckInKind
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.record import HoldRecord, Outcome
from backtimer.gui.care.controller import CareController
from backtimer.gui.programme.launcher import window_command
from backtimer.gui.programme.notifier_choice import choose_notifier
from backtimer.gui.programme.tray import Tray

from .dbus_bus import running_daemon
from .test_tray_reminders import BERLIN, Server, notification_server, shifted_clock

pytestmark = [
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="org.freedesktop.Notifications is Linux"
    ),
    pytest.mark.qt_log_ignore("systemTrayWindowChanged"),
]

QUESTION = "How is your back this morning?"
#: the session the morning is about: 18:00 (Berlin) the day before
EVENING = dt.datetime(2026, 3, 28, 18, 0, tzinfo=BERLIN)


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with running_daemon(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


def history_with_yesterday(data: Path) -> tuple[HistoryStore, int]:
    store = HistoryStore.open(data).store
    assert store is not None
    start = EVENING.timestamp()
    sid = store.begin_session("gentle-back", "Gentle back routine", start, gentle=False)
    store.finish_session(sid, Outcome.COMPLETED, start + 600)
    return store, sid


def make_tray(store: HistoryStore, clock: Callable[[], dt.datetime]) -> Tray:
    return Tray(
        store=store,
        builtin=load_builtin(),
        extra=(),
        notifier_factory=choose_notifier,
        now=clock,
        zone=lambda: BERLIN,
    )


def questions(server: Server) -> list[tuple[int, list[str]]]:
    return [
        (nid, keys) for nid, _app, summary, _b, keys in server.notifies() if summary == QUESTION
    ]


def window_asks(store: HistoryStore, clock: Callable[[], dt.datetime]) -> bool:
    """Whether the window's care controller, launched now, asks the morning question."""
    host = QWidget()
    host.show()  # the question floats over a shown window (a hidden one never asks)
    care = CareController(store, host, wall_clock=lambda: clock().timestamp())
    try:
        care.start_of_day()
        return care.prompt.kind is CheckInKind.MORNING
    finally:
        care.shutdown()
        host.deleteLater()


def test_the_first_reminder_brings_the_morning_question_and_a_button_stores_the_answer(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """08:00:01 the morning after a session: the reminder and the morning question go out
    together; "Some (3)" stores a morning check-in of 3 about yesterday's session; later
    wakes and the window the same morning do not ask again."""
    clock = shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    store, sid = history_with_yesterday(tmp_path / "data")
    with notification_server(bus, tmp_path, qtbot) as server:
        tray = make_tray(store, clock)
        try:
            with qtbot.waitSignal(tray.morning.asked, timeout=10_000):
                tray.begin()
            qtbot.waitUntil(lambda: len(server.notifies()) == 2, timeout=10_000)
            ((nid, keys),) = questions(server)
            assert keys == ["default", "0", "3", "6", "open"]
            assert store.checkins() == []
            with qtbot.waitSignal(tray.morning.answered, timeout=10_000) as got:
                server.invoke(nid, "3")
            assert got.args == [3]
            (given,) = store.checkins()
            assert (given.kind, given.rating, given.session_id) == (CheckInKind.MORNING, 3, sid)
            assert abs(given.at - clock().timestamp()) < 60
            with qtbot.assertNotEmitted(tray.morning.asked):
                tray.wake()
            tray.morning.check(clock() + dt.timedelta(hours=3), BERLIN, reminded=True)
            assert len(questions(server)) == 1
            assert not window_asks(store, clock)
        finally:
            tray.stop()
            store.close()


def test_without_a_reminder_it_asks_at_ten_and_an_unanswered_question_is_not_repeated(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """No reminder by 09:59: no question yet; at 10:00 it is asked. Left unanswered, it
    is not asked again that morning, by the tray or by the window."""
    clock = shifted_clock(dt.datetime(2026, 3, 29, 9, 0, tzinfo=BERLIN))
    store, _sid = history_with_yesterday(tmp_path / "data")
    with notification_server(bus, tmp_path, qtbot) as server:
        tray = make_tray(store, clock)
        try:
            with qtbot.assertNotEmitted(tray.morning.asked):
                tray.morning.check(
                    dt.datetime(2026, 3, 29, 9, 59, tzinfo=BERLIN), BERLIN, reminded=False
                )
            with qtbot.waitSignal(tray.morning.asked, timeout=10_000):
                tray.morning.check(
                    dt.datetime(2026, 3, 29, 10, 0, tzinfo=BERLIN), BERLIN, reminded=False
                )
            qtbot.waitUntil(lambda: len(questions(server)) == 1, timeout=10_000)
            with qtbot.assertNotEmitted(tray.morning.asked):
                tray.morning.check(
                    dt.datetime(2026, 3, 29, 10, 1, tzinfo=BERLIN), BERLIN, reminded=True
                )
            assert not window_asks(store, clock)
            assert store.checkins() == []
        finally:
            tray.stop()
            store.close()


def test_the_window_asked_first_so_the_tray_does_not(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """The window launched at 07:30 asked (and was not answered): the tray's first
    reminder at 08:00 comes alone."""
    clock = shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    store, _sid = history_with_yesterday(tmp_path / "data")
    assert window_asks(store, clock)
    with notification_server(bus, tmp_path, qtbot) as server:
        tray = make_tray(store, clock)
        try:
            with qtbot.assertNotEmitted(tray.morning.asked), qtbot.waitSignal(tray.reminded):
                tray.begin()
            qtbot.waitUntil(lambda: len(server.notifies()) == 1, timeout=10_000)
            assert questions(server) == []
        finally:
            tray.stop()
            store.close()


def test_open_backtimer_hands_the_question_to_the_window(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """ "Open BackTimer…" asks the tray to open the window (without starting a session),
    and the window then asks its own 0–10 question; nothing is stored by the tray."""
    clock = shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    store, _sid = history_with_yesterday(tmp_path / "data")
    with notification_server(bus, tmp_path, qtbot) as server:
        tray = make_tray(store, clock)
        try:
            with qtbot.waitSignal(tray.morning.asked, timeout=10_000):
                tray.begin()
            qtbot.waitUntil(lambda: len(questions(server)) == 1, timeout=10_000)
            ((nid, _keys),) = questions(server)
            with qtbot.waitSignal(tray.checkin_requested, timeout=10_000):
                server.invoke(nid, "open")
            assert store.checkins() == []
            assert window_asks(store, clock)
        finally:
            tray.stop()
            store.close()
    assert "--start" not in window_command(routine=None, start=False)
    assert "--start" in window_command(routine=None)


def test_without_a_notification_service_the_window_still_asks(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """No one owns org.freedesktop.Notifications: the question goes to the tray's message
    balloon, which has no buttons (and the reminder's replaces it), so the window still
    asks when it opens."""
    clock = shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    store, _sid = history_with_yesterday(tmp_path / "data")
    tray = make_tray(store, clock)
    try:
        with qtbot.waitSignal(
            tray.notifier.shown,
            timeout=10_000,
            check_params_cb=lambda key, how: key == "morning" and how == "tray",
        ):
            tray.begin()
        assert window_asks(store, clock)
    finally:
        tray.stop()
        store.close()


def test_bad_this_morning_eases_the_stretch_next_time(
    qtbot: QtBot, bus: str, tmp_path: Path
) -> None:
    """Yesterday's hamstring stretch at 2/10 before; "Bad (6)" this morning: the care rules
    run on the answer as after the window's check-in, and ease the stretch (24-hour rule)."""
    clock = shifted_clock(dt.datetime(2026, 3, 29, 8, 0, 1, tzinfo=BERLIN))
    store, sid = history_with_yesterday(tmp_path / "data")
    start = EVENING.timestamp()
    store.add_checkin(CheckIn(start - 5, CheckInKind.BEFORE, 2, sid))
    hold = HoldRecord(
        "hamstring", "hamstrings", Side.RIGHT, 1, 30, 30.0, False, True, start, start + 30
    )
    store.add_hold(sid, hold)
    with notification_server(bus, tmp_path, qtbot) as server:
        tray = make_tray(store, clock)
        try:
            with qtbot.waitSignal(tray.morning.asked, timeout=10_000):
                tray.begin()
            qtbot.waitUntil(lambda: len(questions(server)) == 1, timeout=10_000)
            assert store.care_changes() == []
            with qtbot.waitSignal(tray.morning.answered, timeout=10_000):
                server.invoke(questions(server)[0][0], "6")
            (change,) = store.care_changes()
            assert change.proposal.exercise_id == "hamstring"
            assert change.proposal.source_session == sid
            assert "6/10 the next morning" in change.proposal.reason
        finally:
            tray.stop()
            store.close()
