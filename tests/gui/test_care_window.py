"""Pain-aware care in the real window: where it hurts, the stop for spreading pain, the
check-ins, the rules after a session, the red-flag screen and the changes window."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from backtimer.core.care.body import BodyRegion, BodySide, PainSite
from backtimer.core.care.changes import ChangeKind, ChangeStatus
from backtimer.core.care.checkins import CheckInKind
from backtimer.core.care.red_flags import URGENT, RedFlag
from backtimer.core.history.store import HistoryStore
from backtimer.core.session.record import Outcome, PainChoice
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.care import checkin
from backtimer.gui.care.body_map import BodyMap
from backtimer.gui.care.controller import FIRST_RUN_KEY
from backtimer.gui.main_window import MainWindow

from .helpers import FakeClock, run_until

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def key(qtbot, window: MainWindow, k: Qt.Key) -> None:
    target = window.parts.pain_panel if window.pain_panel_shown else window.centralWidget()
    qtbot.keyClick(target, k)


def history(tmp_path: Path) -> HistoryStore:
    result = HistoryStore.open(tmp_path / "history")
    assert result.store is not None, result.message
    return result.store


def test_body_map_by_click_and_by_keys(qtbot) -> None:
    """A click picks the region and side under it, a click on the other side makes it both;
    1–4 pick the region, the arrows the side, 0 clears."""
    m = BodyMap()
    qtbot.addWidget(m)
    m.resize(240, 360)
    m.show()
    qtbot.mouseClick(
        m, Qt.MouseButton.LeftButton, pos=m.centre_of(BodyRegion.THIGH, BodySide.LEFT).toPoint()
    )
    assert m.site() == PainSite(BodyRegion.THIGH, BodySide.LEFT)
    qtbot.mouseClick(
        m, Qt.MouseButton.LeftButton, pos=m.centre_of(BodyRegion.THIGH, BodySide.RIGHT).toPoint()
    )
    assert m.site() == PainSite(BodyRegion.THIGH, BodySide.BOTH)
    assert m.handle_key(Qt.Key.Key_4)
    assert m.handle_key(Qt.Key.Key_Right)
    assert m.site() == PainSite(BodyRegion.BELOW_KNEE, BodySide.RIGHT)
    assert "below the knee, right" in m.accessibleName()
    assert m.handle_key(Qt.Key.Key_0)
    assert m.site() is None
    assert not m.handle_key(Qt.Key.Key_E)  # the panel's own keys are not the map's


def _stop_with_site(
    qtbot, window: MainWindow, region_key: Qt.Key, side_key: Qt.Key, choice_key: Qt.Key
) -> None:
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pain_panel_shown
    key(qtbot, window, region_key)
    key(qtbot, window, side_key)
    key(qtbot, window, choice_key)


def test_where_it_hurts_is_stored_with_the_pain_event(
    qtbot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    _stop_with_site(qtbot, window, Qt.Key.Key_3, Qt.Key.Key_Left, Qt.Key.Key_R)
    store = history(tmp_path)
    (stored,) = store.pains()
    store.close()
    assert stored.pain.site == PainSite(BodyRegion.THIGH, BodySide.LEFT)
    assert stored.pain.choice is PainChoice.RESUME


def test_spreading_pain_stops_the_exercise_for_today(
    qtbot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """Pain further down the leg than at the exercise's last event: that stretch is skipped
    now and left out of later sessions today, with the reason on screen."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    session = window.session
    assert session is not None
    exercise = session.current.exercise_index
    exercise_id = session.current.item_id
    _stop_with_site(qtbot, window, Qt.Key.Key_3, Qt.Key.Key_Left, Qt.Key.Key_R)
    assert session.current.exercise_index == exercise  # resumed: same stretch
    with qtbot.waitSignal(window.care.speak) as said:  # said aloud as well as shown
        _stop_with_site(qtbot, window, Qt.Key.Key_4, Qt.Key.Key_Left, Qt.Key.Key_R)
    assert "stopped for today" in said.args[0]
    assert session.current.exercise_index != exercise  # "resume" became "skip this stretch"
    assert session.paused  # to take the reason in, undisturbed by the next stretch's words
    assert "press Space to go on" in window.parts.banner.text()
    assert "stopped for today" in window.parts.banner.text()
    assert "below the knee, left" in window.parts.banner.text()
    store = history(tmp_path)
    assert [p.pain.choice for p in store.pains()] == [PainChoice.RESUME, PainChoice.SKIP]
    (stop,) = store.care_changes()
    store.close()
    assert (stop.proposal.kind, stop.proposal.exercise_id) == (
        ChangeKind.STOP_FOR_TODAY,
        exercise_id,
    )
    session.end()
    window.start_session()
    assert window.session is not session
    assert exercise_id not in [e.id for e in window.session.routine.exercises]


def test_before_check_in_is_one_key_and_pain_still_stops(
    qtbot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """ "How is your back now?" shows at the start; a digit answers it; Esc stops as always."""
    window.start_session()
    prompt = window.care.prompt
    assert prompt.kind is CheckInKind.BEFORE
    key(qtbot, window, Qt.Key.Key_4)
    assert prompt.kind is None
    store = history(tmp_path)
    (given,) = store.checkins()
    store.close()
    assert (given.kind, given.rating, given.session_id) == (
        CheckInKind.BEFORE,
        4,
        window.session.session_id,
    )
    window.session.end()
    window.start_session()
    assert window.care.prompt.kind is CheckInKind.BEFORE
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pain_panel_shown
    assert window.care.prompt.kind is None  # put away: 1–4 belong to the body map now


def test_check_in_skips_itself(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Unanswered, the question goes by itself and the session runs on."""
    monkeypatch.setitem(checkin.TIMEOUTS, CheckInKind.BEFORE, 1)
    window.start_session()
    with qtbot.waitSignal(window.care.prompt.skipped, timeout=3000):
        pass
    assert window.care.prompt.isHidden()
    assert window.session is not None
    assert window.session.active
    store = history(tmp_path)
    assert store.checkins() == []
    store.close()


def test_a_painful_session_makes_the_next_one_gentler(
    qtbot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """Pain 7 and "end": after the after-session check-in the stretch's hold is 5 s shorter,
    said on screen, and undone from the changes window."""
    window.start_session()
    key(qtbot, window, Qt.Key.Key_2)  # before: 2/10
    run_until(window, clock, PhaseKind.HOLD)
    session = window.session
    exercise_id = session.current.item_id
    original = next(e for e in session.routine.exercises if e.id == exercise_id).hold
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.parts.pain_panel.rating_buttons[7], Qt.MouseButton.LeftButton)
    key(qtbot, window, Qt.Key.Key_E)
    assert session.record.outcome is Outcome.ENDED_FOR_PAIN
    assert window.care.prompt.kind is CheckInKind.AFTER
    key(qtbot, window, Qt.Key.Key_5)
    assert "Changed for next time" in window.parts.banner.text()
    shorter = next(e for e in window.care.today(window._routine).exercises if e.id == exercise_id)
    assert shorter.hold == original - 5
    window.start_session()  # the next session says what is changed, and runs it so
    assert f"(was {original:g} s" in window.parts.banner.text()
    assert (
        next(e for e in window.session.routine.exercises if e.id == exercise_id).hold
        == original - 5
    )
    window.session.end()
    window.care.prompt.skip()
    window.care.show_changes()
    changes = window.care.changes_window
    assert changes is not None
    assert "7/10" in changes.list.item(0).text()
    qtbot.mouseClick(changes.undo_button, Qt.MouseButton.LeftButton)
    store = history(tmp_path)
    (made,) = store.care_changes()
    store.close()
    assert made.status is ChangeStatus.UNDONE
    again = next(e for e in window.care.today(window._routine).exercises if e.id == exercise_id)
    assert again.hold == original


def test_red_flags_any_yes_says_get_help_logs_and_blocks_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window.care.open_red_flags()
    dialog = window.care.red_flags
    assert dialog is not None
    assert not dialog.isModal()
    for flag in RedFlag:
        dialog.answer(flag, flag is RedFlag.SADDLE_NUMBNESS)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert dialog.message() == URGENT
    window.start_session()  # the app goes on
    assert window.session is not None
    assert window.session.active
    store = history(tmp_path)
    (screen,) = store.red_flag_screens()
    store.close()
    assert screen.any_yes
    assert screen.answers[RedFlag.SADDLE_NUMBNESS]
    assert screen.origin == "pain_panel"


def test_safety_questions_open_from_the_pain_panel_by_key(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    key(qtbot, window, Qt.Key.Key_Escape)
    key(qtbot, window, Qt.Key.Key_F)
    assert window.care.red_flags is not None
    assert window.care.red_flags.isVisible()


def test_first_run_asks_the_safety_questions_and_the_next_morning_how_it_is(
    make_window, tmp_path: Path
) -> None:
    """The first launch opens the safety questions (once); a launch the day after a
    session asks about the back that morning."""
    store = history(tmp_path)
    yesterday = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(18)).timestamp()
    sid = store.begin_session("gentle-back", "Gentle back routine", yesterday, gentle=False)
    store.finish_session(sid, Outcome.COMPLETED, yesterday + 600)
    store.close()
    window = make_window()
    window.care.start_of_day()
    assert window.care.red_flags is not None
    assert window.care.red_flags.isVisible()
    assert QSettings().value(FIRST_RUN_KEY, False, type=bool)
    assert window.care.prompt.kind is CheckInKind.MORNING
    window.care.prompt.give(3)
    store = history(tmp_path)
    (given,) = store.checkins()
    store.close()
    assert (given.kind, given.rating, given.session_id) == (CheckInKind.MORNING, 3, sid)
    assert abs(given.at - time.time()) < 60


def test_hands_free_first_run_asks_the_safety_questions_after_the_session(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:
    """With --start the questions must not take the keys from the session: they wait for
    its end (after the after-session question)."""
    window.care.start_of_day(session_starting=True)
    window.start_session()
    assert window.care.red_flags is None
    key(qtbot, window, Qt.Key.Key_Escape)
    key(qtbot, window, Qt.Key.Key_E)  # end for pain
    assert window.care.prompt.kind is CheckInKind.AFTER
    window.care.prompt.skip()
    assert window.care.red_flags is not None
    assert window.care.red_flags.isVisible()


def test_morning_answer_counts_for_a_session_started_with_it(make_window, tmp_path: Path) -> None:
    """Launched with --start on the morning after: one answer is both the morning's and
    the new session's "before"."""
    store = history(tmp_path)
    yesterday = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(18)).timestamp()
    sid = store.begin_session("gentle-back", "Gentle back routine", yesterday, gentle=False)
    store.finish_session(sid, Outcome.COMPLETED, yesterday + 600)
    store.close()
    window = make_window()
    window.care.start_of_day(session_starting=True)
    window.start_session()
    assert window.care.prompt.kind is CheckInKind.MORNING
    window.care.prompt.give(4)
    store = history(tmp_path)
    given = {(c.kind, c.session_id): c.rating for c in store.checkins()}
    store.close()
    assert given == {
        (CheckInKind.MORNING, sid): 4,
        (CheckInKind.BEFORE, window.session.session_id): 4,
    }


def test_safety_questions_are_never_answered_by_a_stray_key(qtbot, window: MainWindow) -> None:
    """Enter or Space in the open questions answer nothing (Done asks for the answers)."""
    window.care.open_red_flags()
    dialog = window.care.red_flags
    assert dialog is not None
    qtbot.waitExposed(dialog)
    for k in (Qt.Key.Key_Space, Qt.Key.Key_Return):
        qtbot.keyClick(dialog, k)
    assert dialog.answers() is None
    assert "answer every question" in dialog.message()


def test_nothing_left_today_starts_no_session_and_says_why(
    window: MainWindow, tmp_path: Path
) -> None:
    from backtimer.core.care.changes import Proposal
    from backtimer.gui.care.controller import ALL_STOPPED

    store = history(tmp_path)
    for exercise in window._routine.exercises:
        stop = Proposal(exercise.id, ChangeKind.STOP_FOR_TODAY, 0, "spread", True, None)
        store.add_care_change(stop, time.time(), dt.date.today())
    store.close()
    window.start_session()
    assert window.session is None
    assert window.parts.banner.text() == ALL_STOPPED


def test_window_left_open_overnight_asks_about_the_morning_at_the_first_start(
    window: MainWindow, tmp_path: Path
) -> None:
    store = history(tmp_path)
    yesterday = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(18)).timestamp()
    sid = store.begin_session("gentle-back", "Gentle back routine", yesterday, gentle=False)
    store.finish_session(sid, Outcome.COMPLETED, yesterday + 600)
    store.close()
    window.start_session()
    assert window.care.prompt.kind is CheckInKind.MORNING
    window.care.prompt.give(2)
    store = history(tmp_path)
    kinds = sorted(c.kind.value for c in store.checkins())
    store.close()
    assert kinds == ["before", "morning"]


def test_the_routines_pain_limit_makes_a_pain_the_traffic_light_allows_count(
    qtbot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """The built-in routine says "stop if pain is above 3/10": a 4/10 during a stretch
    (acceptable by the traffic light alone) makes that stretch gentler next time, and
    the change says why."""
    assert window._routine.pain_limit == 3
    window.start_session()
    key(qtbot, window, Qt.Key.Key_3)  # before: 3/10
    run_until(window, clock, PhaseKind.HOLD)
    session = window.session
    exercise_id = session.current.item_id
    original = next(e for e in session.routine.exercises if e.id == exercise_id).hold
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.parts.pain_panel.rating_buttons[4], Qt.MouseButton.LeftButton)
    key(qtbot, window, Qt.Key.Key_E)
    key(qtbot, window, Qt.Key.Key_3)  # after: 3/10, no worse than before
    assert "Changed for next time" in window.parts.banner.text()
    store = history(tmp_path)
    (made,) = store.care_changes()
    store.close()
    assert "3/10" in made.proposal.reason
    shorter = next(e for e in window.care.today(window._routine).exercises if e.id == exercise_id)
    assert shorter.hold == original - 5


def test_care_menu_after_the_window_closed_touches_no_history(window: MainWindow) -> None:
    """Care ▸ Changes chosen after the window closed (and closed the history) opens the
    window empty instead of reading a closed file; no traceback reaches anyone."""
    window.close()
    window.care.changes_action.trigger()
    changes = window.care.changes_window
    assert changes is not None
    assert changes.isVisible()
    assert changes.list.count() == 0
    changes.close()


def test_an_unreadable_history_is_said_when_the_changes_window_opens(window: MainWindow) -> None:
    """A history that fails under the changes window is told in the banner, not raised."""
    assert window._store is not None
    window._store.close()  # as a file that went away under the running window
    window.care.changes_action.trigger()
    assert "could not be used" in window.parts.banner.text()
    assert window.care.changes_window is not None
    window.care.changes_window.close()
