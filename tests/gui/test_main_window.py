"""The whole window, driven as a person would: keys, buttons and time on an injected clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine import Side
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.events import PhaseStarted
from backtimer.core.session.phase_machine import State
from backtimer.core.session.record import Outcome, PainChoice
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import MainWindow
from backtimer.gui.routine_errors import RoutineErrorsDialog
from backtimer.gui.stage.step_list import Roles

from .helpers import FakeClock, run_for, run_until


def press(qtbot, window: MainWindow, key: Qt.Key, text: str = "") -> None:
    qtbot.keyClick(window.centralWidget(), key)


def test_title_names_the_routine(window: MainWindow) -> None:
    """The window title is "BackTimer — " and the routine's name."""
    assert window.windowTitle() == "BackTimer — Gentle back routine"


def test_hands_free_session_runs_to_the_summary(window: MainWindow, clock: FakeClock) -> None:
    """Started once, the session goes through every phase by itself and ends in a summary."""
    window.start_session()
    session = window.session
    assert session is not None
    assert session.current.kind is PhaseKind.LEAD_IN
    seen: list[tuple[PhaseKind, Side | None]] = []

    def on_event(event: object) -> None:
        if isinstance(event, PhaseStarted):
            seen.append((event.phase.kind, event.phase.side))

    session.happened.connect(on_event)
    run_until(window, clock, PhaseKind.DONE, limit=3600)
    run_for(window, clock, 1)
    assert session.engine.state is State.FINISHED
    assert window.parts.pages.currentWidget() is window.parts.summary_page
    kinds = [k for k, _ in seen]
    assert kinds[0] is PhaseKind.WARMUP
    assert PhaseKind.COOLDOWN in kinds
    assert (PhaseKind.HOLD, Side.RIGHT) in seen
    assert (PhaseKind.HOLD, Side.LEFT) in seen
    assert PhaseKind.SWITCH in kinds
    assert PhaseKind.REST in kinds
    assert (
        "well done" in window.parts.summary.text().lower()
        or "completed" in window.parts.summary.text().lower()
    )


def test_holds_are_saved_as_they_end(window: MainWindow, clock: FakeClock, tmp_path: Path) -> None:
    """Each finished hold is in the history database before the session is over."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    hold = window.session.current
    run_for(window, clock, hold.seconds + 0.5)
    result = HistoryStore.open(tmp_path / "history")
    assert result.store is not None
    holds = result.store.holds()
    result.store.close()
    assert len(holds) == 1
    assert holds[0].hold.held == pytest.approx(hold.seconds)


def test_space_pauses_and_resumes_without_losing_time(qtbot, window, clock) -> None:
    """Space freezes the countdown; time spent paused is not taken from the hold."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 5)
    left = window.session.remaining()
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session.paused
    assert window.parts.countdown.is_frozen()
    run_for(window, clock, 4)  # stays paused: small steps, no stall
    assert window.session.remaining() == pytest.approx(left)
    press(qtbot, window, Qt.Key.Key_Space)
    assert not window.session.paused
    run_for(window, clock, 1)
    assert window.session.remaining() == pytest.approx(left - 1)


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_P, Qt.Key.Key_B, Qt.Key.Key_Period])
def test_pain_keys_freeze_at_once_and_open_the_panel(qtbot, window, clock, key) -> None:
    """Each pain key freezes the countdown and shows the four choices as soon as it is handled."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 3)
    press(qtbot, window, key)
    assert window.session.in_pain
    assert window.parts.countdown.is_frozen()
    assert window.pain_panel_shown
    frozen = window.session.remaining()
    run_for(window, clock, 3)
    assert window.session.remaining() == pytest.approx(frozen)


def test_pain_button_is_the_largest_control(window: MainWindow) -> None:
    """No button on screen is bigger than PAIN — STOP."""
    area = lambda b: b.width() * b.height()  # noqa: E731
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert max(buttons, key=area) is window.parts.pain_button


def _choose(window: MainWindow, choice: PainChoice, rating: int | None = 6, note: str = "") -> None:
    window.parts.pain_panel.choice_made.emit(choice, rating, note)


def test_pain_end_closes_the_session_and_logs_it(window, clock, tmp_path) -> None:
    """End session after pain finishes as ended-for-pain, with the rating saved."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    window.pain_stop()
    _choose(window, PainChoice.END, 7, "sharp in the knee")
    assert window.session.engine.record.outcome is Outcome.ENDED_FOR_PAIN
    assert window.parts.pages.currentWidget() is window.parts.summary_page
    store = HistoryStore.open(tmp_path / "history").store
    pains = store.pains()
    store.close()
    assert [(p.pain.rating, p.pain.note, p.pain.choice) for p in pains] == [
        (7, "sharp in the knee", PainChoice.END)
    ]


def test_pain_gentler_shortens_the_hold_and_shows_the_badge(window, clock) -> None:
    """Continue gentler restarts the side with the gentle hold and marks the session gentle."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    exercise = window.session.routine.exercises[window.session.current.exercise_index]
    window.pain_stop()
    _choose(window, PainChoice.GENTLER)
    run_until(window, clock, PhaseKind.HOLD)
    assert window.session.current.seconds == exercise.gentle_hold
    assert window.parts.gentle_badge.isVisible()
    model = window.parts.step_model
    row = model.row_for(window.session.current.exercise_index)
    assert model.data(model.index(row), Roles.GentleRole) is True


def test_pain_skip_moves_to_the_next_stretch(window, clock) -> None:
    """Skip this stretch goes to the next exercise's preparation."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    index = window.session.current.exercise_index
    window.pain_stop()
    _choose(window, PainChoice.SKIP)
    assert window.session.current.kind is PhaseKind.PREPARE
    assert window.session.current.exercise_index == index + 1


def test_pain_resume_keeps_the_time_left(window, clock) -> None:
    """Resume after pain continues the hold with exactly the time it had left."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 4)
    left = window.session.remaining()
    window.pain_stop()
    run_for(window, clock, 2)
    _choose(window, PainChoice.RESUME, None)
    assert window.session.current.kind is PhaseKind.HOLD
    assert window.session.remaining() == pytest.approx(left)
    assert window.parts.pages.currentIndex() == 0


def test_next_and_back_keys_move_between_phases(qtbot, window, clock) -> None:
    """Right/PageDown go to the next phase, Left/PageUp back, as a presenter clicker would."""
    window.start_session()
    first = window.session.engine.index
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.session.engine.index == first + 1
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert window.session.engine.index == first + 2
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.session.engine.index == first + 1
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.session.engine.index == first


def test_plus_and_minus_change_the_hold(qtbot, window, clock) -> None:
    """+ lengthens the current hold by 5 s, − shortens it by 5 s."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    left = window.session.remaining()
    press(qtbot, window, Qt.Key.Key_Plus)
    assert window.session.remaining() == pytest.approx(left + 5)
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Minus)
    assert window.session.remaining() == pytest.approx(left - 5)


@pytest.mark.parametrize("key", [Qt.Key.Key_F11, Qt.Key.Key_F])
def test_distance_keys_toggle_distance_mode(qtbot, window, key) -> None:
    """F11 and F switch distance mode on and off; the step list hides in it."""
    press(qtbot, window, key)
    assert window.distance_mode
    assert not window.parts.step_list.isVisible()
    assert window.parts.pain_button.isVisible()
    assert window.parts.countdown.isVisible()
    press(qtbot, window, key)
    assert not window.distance_mode
    assert window.parts.step_list.isVisible()


def test_question_mark_shows_the_keys(qtbot, window) -> None:
    """? opens the help overlay; any key closes it."""
    press(qtbot, window, Qt.Key.Key_Question)
    assert window.parts.help.isVisible()
    qtbot.keyClick(window.parts.help, Qt.Key.Key_A)
    assert not window.parts.help.isVisible()


def test_space_when_idle_starts_the_session(qtbot, window) -> None:
    """Space before a session starts it (a clicker's play key does the same)."""
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.session is not None
    assert window.session.current.kind is PhaseKind.LEAD_IN


def test_safety_note_shows_on_the_lead_in_and_is_remembered(window, clock) -> None:
    """The first-run note appears without blocking the start and is not shown twice."""
    window.start_session()
    assert window.parts.safety.isVisible()
    assert window.session.current.kind is PhaseKind.LEAD_IN
    run_until(window, clock, PhaseKind.WARMUP)
    assert not window.parts.safety.isVisible()
    assert QSettings().value("safety_note_seen", False, type=bool)


def test_bad_routine_shows_located_errors_and_keeps_the_builtin(
    window, tmp_path, monkeypatch
) -> None:
    """Opening a broken file lists its problems with lines; the built-in routine stays."""
    shown = []
    monkeypatch.setattr(
        RoutineErrorsDialog,
        "ask",
        classmethod(lambda cls, parent, problems: shown.append(problems)),
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: 1\nid: x\nname: X\nexercises:\n  - id: a\n    hold: nine\n", encoding="utf-8"
    )
    assert not window.routine_files.open_routine(bad)
    assert shown
    assert all(p.line > 0 for p in shown[0])
    assert window.windowTitle() == "BackTimer — Gentle back routine"


def test_good_routine_opens_and_is_remembered(window, tmp_path) -> None:
    """A valid routine file becomes the routine and joins the recent list."""
    good = tmp_path / "mine.yaml"
    good.write_text(
        "format: 1\nid: mine\nname: My <b>routine</b>\nexercises:\n"
        "  - id: a\n    name: Calf\n    muscle_group: calves\n    sides: none\n"
        "    steps:\n      - text: Lean on the wall.\n",
        encoding="utf-8",
    )
    assert window.routine_files.open_routine(good)
    assert window.windowTitle() == "BackTimer — My <b>routine</b>"
    assert window.parts.routine_label.text() == "My <b>routine</b>"
    assert [a.text() for a in window.parts.recent_menu.actions()] == [str(good.resolve())]


def test_goal_status_shows_under_the_routine(make_window, tmp_path) -> None:
    """An open goal appears in the main window with its status and due date."""
    import datetime as dt

    from backtimer.core.history.goals import GoalKind

    folder = tmp_path / "history"
    store = HistoryStore.open(folder).store
    assert store is not None
    store.add_goal("hamstrings", GoalKind.HOLD, 30, dt.date.today() + dt.timedelta(days=30))
    store.close()
    text = make_window().parts.goals_label.text()
    assert "Hamstrings: hold 30 s on both sides without pain" in text
    assert "on track" in text or "behind" in text


def test_history_window_opens_on_the_saved_sessions(qtbot, window, clock) -> None:
    """History… opens a window on the same database the session writes to."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    window.pain_stop()
    _choose(window, PainChoice.END)
    window.show_history()
    history = window._history_window
    assert history is not None
    assert history.isVisible()
    assert history.sessions_view.model().rowCount() == 1


def test_sound_settings_are_saved_and_used_by_the_next_session(window, monkeypatch) -> None:
    """Settings chosen in the dialog are remembered and the cue director uses them."""
    from dataclasses import replace

    from backtimer.gui.sound.settings import SoundSettings
    from backtimer.gui.sound.settings_dialog import SettingsDialog

    chosen = replace(window.cues.settings, beeps=False, rate=200)
    monkeypatch.setattr(SettingsDialog, "ask", classmethod(lambda cls, parent, settings: chosen))
    window.open_sound_settings()
    assert SoundSettings.load().rate == 200
    assert window.cues.settings.beeps is False


def test_recent_pain_starts_that_stretch_gentle_and_says_so(make_window, clock) -> None:
    """A stretch that hurt last time starts gentle: marked in the list, told in a banner."""
    first = make_window()
    first.start_session()
    run_until(first, clock, PhaseKind.HOLD)
    hurt = first.session.current
    first.pain_stop()
    _choose(first, PainChoice.END, 6)
    first.close()
    w = make_window()
    w.start_session()
    row = w.parts.step_model.row_for(hurt.exercise_index)
    assert w.parts.step_model.data(w.parts.step_model.index(row), Roles.GentleRole) is True
    assert hurt.title in w.parts.banner.text()
    run_until(w, clock, PhaseKind.HOLD)
    exercise = load_builtin().exercises[hurt.exercise_index]
    assert w.session.current.seconds == exercise.gentle_hold
