"""Pain — stop takes effect inside the event that asked for it: once the key or click has been
handled, the countdown is frozen and the pain panel is up, with no timer to wait for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import MainWindow

from .helpers import FakeClock, run_for, run_until


def assert_stopped_now(window: MainWindow, clock: FakeClock) -> None:
    """Frozen, panel up, and time passing afterwards takes nothing off the countdown."""
    session = window.session
    assert session is not None
    assert session.in_pain
    assert window.parts.countdown.is_frozen()
    assert window.pain_panel_shown
    shown = window.parts.countdown.text()
    left = session.remaining()
    run_for(window, clock, 3)
    assert session.remaining() == pytest.approx(left)
    assert window.parts.countdown.text() == shown


def test_click_on_the_pain_button_stops_at_once(qtbot, window, clock) -> None:
    """A mouse click on PAIN — STOP in a hold freezes the countdown and opens the panel."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 3)
    qtbot.mouseClick(window.parts.pain_button, Qt.MouseButton.LeftButton)
    assert_stopped_now(window, clock)


def test_escape_during_the_lead_in_stops_at_once(qtbot, window, clock) -> None:
    """Esc while still getting down on the mat stops the lead-in and opens the panel."""
    window.start_session()
    run_for(window, clock, 2)
    assert window.session.current.kind is PhaseKind.LEAD_IN
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Escape)
    assert_stopped_now(window, clock)
    assert window.session.current.kind is PhaseKind.LEAD_IN


def test_escape_while_paused_stops_at_once(qtbot, window, clock) -> None:
    """Esc during a pause still opens the pain panel, with the countdown frozen."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 3)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Space)
    assert window.session.paused
    left = window.session.remaining()
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Escape)
    assert_stopped_now(window, clock)
    assert window.session.remaining() == pytest.approx(left)
