"""The tray without a notification service: its own messages, its menu, its one timer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.programme.notifier_choice import choose_notifier
from backtimer.gui.programme.tray import StartRequest, Tray

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")

BERLIN = ZoneInfo("Europe/Berlin")


class MovableClock:
    """A wall clock the test sets, as a suspend or a change of the clock would."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


def berlin_zone() -> dt.tzinfo:
    return BERLIN


@pytest.fixture
def no_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)


@pytest.fixture
def tray(tmp_path: Path, no_bus: None):  # -> Iterator[tuple[Tray, MovableClock]]
    store = HistoryStore.open(tmp_path).store
    assert store is not None
    clock = MovableClock(dt.datetime(2026, 3, 29, 7, 0, tzinfo=BERLIN))
    t = Tray(
        store=store,
        builtin=load_builtin(),
        extra=(),
        notifier_factory=choose_notifier,
        now=clock,
        zone=berlin_zone,
    )
    yield t, clock
    t.stop()
    store.close()


def test_waiting_wakes_at_most_once_a_minute_and_exactly_at_a_due_time(
    tray: tuple[Tray, MovableClock],
) -> None:
    """At 07:00 the one timer is set for a minute; at 07:59:30 for the 30 s to 08:00."""
    t, clock = tray
    t.begin()
    assert t.timer.isSingleShot()
    assert 60_000 <= t.timer.interval() <= 60_100
    clock.at = dt.datetime(2026, 3, 29, 7, 59, 30, tzinfo=BERLIN)
    t.wake()
    assert 30_000 <= t.timer.interval() <= 30_100


def test_the_menu_and_tooltip_say_what_is_next_and_how_today_goes(
    tray: tuple[Tray, MovableClock],
) -> None:
    t, _clock = tray
    t.begin()
    assert t.menu.next_action.text() == "Next: Gentle back routine at 08:00"
    assert t.menu.today_action.text() == "Today: 0 of 3 done"
    assert t.icon.toolTip() == "BackTimer: next Gentle back routine at 08:00 · today 0 of 3"


def test_after_a_suspend_one_late_reminder_names_what_was_missed(
    qtbot: QtBot, tray: tuple[Tray, MovableClock]
) -> None:
    """Asleep from 07:00 to 11:30: one message, for the latest passed (11:00), saying that
    one earlier session (08:00) was missed; waking again says nothing more."""
    t, clock = tray
    t.begin()
    clock.at = dt.datetime(2026, 3, 29, 11, 30, tzinfo=BERLIN)
    with qtbot.waitSignal(t.reminded) as shown:
        t.wake()
    notice = shown.args[0]
    assert notice.title == "A stretching session is waiting"
    assert notice.body == "Gentle back routine at 11:00. Sessions missed earlier today: 1."
    with qtbot.assertNotEmitted(t.reminded):
        t.wake()


def test_clicking_the_message_starts_that_micro_session(
    qtbot: QtBot, tray: tuple[Tray, MovableClock]
) -> None:
    """On time at 11:00 the message names the psoas stretch; a click asks to start it."""
    t, clock = tray
    clock.at = dt.datetime(2026, 3, 29, 10, 59, tzinfo=BERLIN)
    t.begin()  # tells of the 08:00 session, late
    clock.at = dt.datetime(2026, 3, 29, 11, 0, tzinfo=BERLIN)
    with qtbot.waitSignal(t.reminded) as shown:
        t.wake()
    assert shown.args[0].body == "Gentle back routine: Psoas stretch (kneeling lunge) at 11:00"
    with qtbot.waitSignal(t.start_requested) as started:
        t.icon.messageClicked.emit()  # what Qt emits when the person clicks the message
    assert started.args[0] == StartRequest(None, ("psoas",), "gentle-back")


def test_in_ten_minutes_brings_the_reminder_back_and_skip_does_not(
    qtbot: QtBot, tray: tuple[Tray, MovableClock]
) -> None:
    t, clock = tray
    clock.at = dt.datetime(2026, 3, 29, 8, 0, tzinfo=BERLIN)
    with qtbot.waitSignal(t.reminded):
        t.begin()
    t.menu.snooze_action.trigger()
    assert t.timer.interval() <= 60_100
    clock.at += dt.timedelta(minutes=10)
    with qtbot.waitSignal(t.reminded) as again:
        t.wake()
    assert again.args[0].body == "Gentle back routine, from 08:00, as you asked"
    t.menu.skip_action.trigger()
    clock.at += dt.timedelta(minutes=10)
    with qtbot.assertNotEmitted(t.reminded):
        t.wake()


def test_starting_the_tray_without_a_plan_adopts_the_suggestion(
    tray: tuple[Tray, MovableClock], tmp_path: Path
) -> None:
    """Reminders asked for and no plan yet: the built-in routine's three sessions become
    the person's plan, counted from today (the tray's clock)."""
    t, _clock = tray
    t.begin()
    store = HistoryStore.open(tmp_path, read_only=True).store
    assert store is not None
    try:
        (entry,) = store.plan().entries
    finally:
        store.close()
    assert entry.routine_id == "gentle-back"
    assert [s.at.strftime("%H:%M") for s in entry.schedule.slots] == ["08:00", "11:00", "19:00"]
    assert entry.since == dt.date(2026, 3, 29)
