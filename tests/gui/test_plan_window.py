"""The Plan window: starts from the prescription, edits, refuses what cannot be, saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.schedule import Weekday
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.gui.programme.plan_window import PlanWindow

DATA = Path(__file__).parents[1] / "data" / "routines"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore.open(tmp_path).store
    assert s is not None
    yield s
    s.close()


@pytest.fixture
def window(qtbot: QtBot, store: HistoryStore) -> PlanWindow:
    other = load_routine(DATA / "good-schedule.yaml").routine
    assert other is not None
    w = PlanWindow(store, [load_builtin(), other])
    qtbot.addWidget(w)
    w.show()
    return w


def shown_times(w: PlanWindow) -> list[tuple[str, str]]:
    return [(r.time.time().toString("HH:mm"), r.what.currentText()) for r in w.form.rows]


def test_without_a_plan_it_starts_from_the_routines_prescription(window: PlanWindow) -> None:
    assert [window.entries.item(i).text() for i in range(window.entries.count())] == [
        "Gentle back routine"
    ]
    assert shown_times(window) == [
        ("08:00", "Whole routine"),
        ("11:00", "Psoas stretch (kneeling lunge)"),
        ("19:00", "Whole routine"),
    ]
    assert all(box.isChecked() for box in window.form.day_boxes.values())
    assert window.form.pain.value() == 3
    assert window.status.text().startswith("This is the routine's suggestion.")


def test_edits_are_saved_into_the_history_and_read_back(
    window: PlanWindow, store: HistoryStore, qtbot: QtBot
) -> None:
    """Weekdays only, 19:00 moved to 18:30, a last day: Save keeps exactly that."""
    window.form.day_boxes[Weekday.SAT].setChecked(False)
    window.form.day_boxes[Weekday.SUN].setChecked(False)
    window.form.rows[2].time.setTime(QTime(18, 30))
    window.form.until_on.setChecked(True)
    window.form.until_date.setDate(QDate(2026, 6, 30))
    with qtbot.waitSignal(window.plan_saved):
        assert window.save()
    (entry,) = store.plan().entries
    s = entry.schedule
    assert [slot.at.strftime("%H:%M") for slot in s.slots] == ["08:00", "11:00", "18:30"]
    assert s.slots[1].exercises == ("psoas",)
    assert Weekday.SAT not in s.days
    assert s.end == dt.date(2026, 6, 30)
    assert window.status.text() == "Saved. Reminders follow the new plan within a minute."


def test_no_day_ticked_is_said_and_save_waits(window: PlanWindow) -> None:
    for box in window.form.day_boxes.values():
        box.setChecked(False)
    assert window.status.text() == "Tick at least one day."
    assert not window.save_button.isEnabled()
    window.form.day_boxes[Weekday.MON].setChecked(True)
    assert window.save_button.isEnabled()


def test_a_last_day_before_the_first_is_said(window: PlanWindow) -> None:
    window.form.from_on.setChecked(True)
    window.form.from_date.setDate(QDate(2026, 5, 1))
    window.form.until_on.setChecked(True)
    window.form.until_date.setDate(QDate(2026, 4, 1))
    assert window.status.text() == "The last day (2026-04-01) is before the first (2026-05-01)."
    assert not window.save_button.isEnabled()


def test_times_can_be_added_and_removed(window: PlanWindow) -> None:
    window.form.add_time.click()
    assert shown_times(window)[-1] == ("20:00", "Whole routine")
    window.form.rows[0].remove.click()
    assert [t for t, _ in shown_times(window)] == ["11:00", "19:00", "20:00"]
    assert [s.at.strftime("%H:%M") for s in window.plan.entries[0].schedule.slots] == [
        "11:00",
        "19:00",
        "20:00",
    ]


def test_adding_a_routine_takes_its_prescription(window: PlanWindow) -> None:
    window.add_routine("scheduled")
    assert window.entries.currentItem().text() == "Scheduled routine"
    assert [t for t, _ in shown_times(window)] == ["09:00", "11:00", "13:00", "15:00", "17:00"]
    assert not window.form.day_boxes[Weekday.SAT].isChecked()
    window.remove_button.click()
    assert [e.routine_id for e in window.plan.entries] == ["gentle-back"]
