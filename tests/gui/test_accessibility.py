"""What a screen reader finds: every control named and described in every window, the
session's moments announced, keyboard focus always ringed, and the looks' colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QAccessible, QAction, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from backtimer.core.session.record import PainChoice
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui import theme
from backtimer.gui.keys import Action
from backtimer.gui.main_window import MainWindow
from backtimer.gui.screen_reader import PAIN_STOPPED, PAUSED

from .accessibility import problems, shown_windows
from .helpers import FakeClock, run_for, run_until


def _all_problems() -> list[str]:
    return [p for w in shown_windows() for p in problems(w)]


def test_the_main_window_names_every_control_in_each_state(
    window: MainWindow, clock: FakeClock
) -> None:
    """Idle, holding, stopped for pain, and the summary: no control without a name and
    description (and every other window then open too)."""
    seen = problems(window)
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    seen += problems(window)
    window.pain_stop()
    assert window.pain_panel_shown
    seen += problems(window)
    window.parts.pain_panel.choice_made.emit(PainChoice.END, 4, "")
    assert window.parts.pages.currentWidget() is window.parts.summary_page
    seen += problems(window)
    window.set_distance_mode(True)
    seen += problems(window)
    assert sorted(set(seen)) == []


def test_history_goals_and_sound_windows_name_every_control(
    qtbot, window: MainWindow, clock: FakeClock
) -> None:
    """History (with a session in it), Goals and Sound and voice: every control named."""
    from backtimer.gui.sound.settings import SoundSettings
    from backtimer.gui.sound.settings_dialog import SettingsDialog

    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 3)
    window.pain_stop()
    window.parts.pain_panel.choice_made.emit(PainChoice.END, 4, "knee")
    window.show_history()
    window.show_goals()
    dialog = SettingsDialog(SoundSettings(), espeak_path=None, multimedia_available=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert {type(w).__name__ for w in shown_windows()} >= {
        "MainWindow",
        "HistoryWindow",
        "GoalsWindow",
        "SettingsDialog",
    }
    assert _all_problems() == []


def _close_modal(found: list[str]) -> None:
    """Walk the modal dialog an action opened (Qt's own file dialog excepted), then close it."""
    modal = QApplication.activeModalWidget()
    if modal is None:
        return
    if not isinstance(modal, QFileDialog):
        found += problems(modal)
    if isinstance(modal, QDialog):
        modal.reject()
    else:
        modal.close()


def test_every_window_the_menus_open_names_every_control(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """Each menu entry is chosen in turn and whatever window or dialog it opens is walked:
    windows added later are checked without this test knowing them."""
    from backtimer.gui.editor.questions import UnsavedQuestion

    # New and Duplicate open editors; closing the window at the end would ask about them.
    monkeypatch.setattr(UnsavedQuestion, "ask", classmethod(lambda cls, *a: "discard"))
    found: list[str] = []
    closer = QTimer()
    closer.setInterval(50)
    closer.timeout.connect(lambda: _close_modal(found))
    closer.start()
    actions = [
        a
        for menu in window.menuBar().findChildren(QWidget)
        for a in menu.actions()
        if isinstance(a, QAction) and not a.isSeparator() and a.menu() is None and a.isEnabled()
    ]
    assert len(actions) >= 5
    skip = {window.parts.distance_action}  # full screen: walked in the first test
    try:
        for action in dict.fromkeys(actions):
            if action in skip:
                continue
            action.trigger()
            QApplication.processEvents()
            found += _all_problems()
    finally:
        closer.stop()
    assert sorted(set(found)) == []


def test_phase_changes_and_key_moments_are_announced(window: MainWindow, clock: FakeClock) -> None:
    """A screen reader hears each phase as it begins, halfway and ten seconds left in a
    warm-up movement, pause and pain — stop."""
    said: list[str] = []
    window.screen_reader.announced.connect(said.append)
    QAccessible.setActive(True)  # as when a screen reader listens: the events are posted
    try:
        window.start_session()
        run_until(window, clock, PhaseKind.WARMUP)
        warmup = window.session.current
        run_for(window, clock, warmup.seconds - 1)
        window.trigger(Action.TOGGLE_PAUSE)
        window.pain_stop()
    finally:
        QAccessible.setActive(False)
    assert said[0] == "Get ready: 10 seconds."
    assert f"Warm-up: {warmup.title}, {round(warmup.seconds)} seconds." in said
    assert said.index("Halfway.") < said.index("Ten seconds left.")
    assert said[-2:] == [PAUSED, PAIN_STOPPED]


def test_keyboard_focus_always_shows_a_ring(qtbot, window: MainWindow, clock) -> None:
    """Tab onto the pain panel's choices: a ring in the focus colour surrounds the focused
    button, in whatever window focus is."""
    from backtimer.gui.focus_ring import WIDTH, FocusRings

    rings = FocusRings(QApplication.instance())  # type: ignore[arg-type]
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.start_session()
        window.pain_stop()
        end = window.parts.pain_panel.buttons[PainChoice.END]
        end.setFocus()
        qtbot.waitUntil(lambda: rings.target is end)
        ring = rings.ring
        assert ring is not None
        inside = ring.geometry().adjusted(WIDTH, WIDTH, -WIDTH, -WIDTH)
        assert inside.contains(QRect(end.mapTo(window, QPoint(0, 0)), end.size()))
        image = ring.grab().toImage()
        focus = theme.colours(ring.palette()).focus
        edge = image.pixelColor(image.width() // 2, WIDTH // 2)
        assert edge.name() == focus.name(), "the ring is drawn in the focus colour"
        end.clearFocus()
        qtbot.waitUntil(lambda: rings.ring is None)
    finally:
        rings.deleteLater()


@pytest.mark.parametrize("look", list(theme.Look))
def test_each_look_reads_from_the_floor(look: theme.Look) -> None:
    """Light, dark and high contrast: text, hold, rest, pain and focus stand out from the
    ground (4.5:1 for text, 3:1 for the large coloured numerals and the ring; 7:1 for
    text in high contrast), and a high-contrast palette gets the high-contrast set."""
    palette = theme.look_palette(look)
    c = theme.colours(palette)
    ratio = theme.contrast_ratio
    ground = palette.color(QPalette.ColorRole.Window)
    assert c.background.name() == ground.name()
    assert ratio(c.text, ground) >= (7 if look is theme.Look.HIGH_CONTRAST else 4.5)
    for accent in (c.hold, c.rest, c.pain, c.focus, c.muted):
        assert ratio(accent, ground) >= 3, accent.name()
    base = palette.color(QPalette.ColorRole.Base)
    assert ratio(palette.color(QPalette.ColorRole.Text), base) >= 4.5
    assert theme.is_high_contrast(palette) is (look is theme.Look.HIGH_CONTRAST)


def test_the_look_can_be_forced_by_the_environment() -> None:
    """BACKTIMER_LOOK names a look (any case); system, empty or unknown: follow the system."""
    from backtimer.gui.looks import forced_look

    assert forced_look({"BACKTIMER_LOOK": " High-Contrast "}) is theme.Look.HIGH_CONTRAST
    assert forced_look({"BACKTIMER_LOOK": "dark"}) is theme.Look.DARK
    assert forced_look({"BACKTIMER_LOOK": "system"}) is None
    assert forced_look({"BACKTIMER_LOOK": "purple"}) is None
    assert forced_look({}) is None


def test_a_look_put_on_while_the_window_shows_recolours_it_at_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pain panel on screen, the look turns dark: the window's ground and the panel's
    red heading take the dark look's colours without waiting for the next phase."""
    from backtimer.gui.looks import Looks

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    window.start_session()
    window.pain_stop()
    light = theme.colours(window.parts.pain_panel.palette())
    dark = theme.colours(theme.look_palette(theme.Look.DARK))
    assert light.pain.name() != dark.pain.name()
    monkeypatch.setenv("BACKTIMER_LOOK", "dark")
    looks = Looks(app)
    try:
        assert looks.look is theme.Look.DARK
        QApplication.processEvents()
        ground = window.palette().color(QPalette.ColorRole.Window)
        assert ground.name() == dark.background.name()
        assert dark.pain.name() in window.parts.pain_panel.heading.styleSheet()
    finally:
        app.setPalette(before)
        looks.deleteLater()
