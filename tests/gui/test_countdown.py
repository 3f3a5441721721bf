"""The countdown ring: numerals rounded up, colours per phase, frozen look, legible size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.stage.countdown import CountdownWidget, format_remaining


@pytest.mark.parametrize(
    ("remaining", "shown"),
    [
        (25.0, "25"),
        (24.01, "25"),
        (0.3, "1"),
        (0.0, "0"),
        (-2.0, "0"),
        (25.0000000001, "25"),
        (59.5, "1:00"),
        (60.0, "1:00"),
        (75.0, "1:15"),
        (180.0, "3:00"),
    ],
)
def test_numerals_round_up_to_whole_seconds(remaining: float, shown: str) -> None:
    """Whole seconds are rounded up, and a minute or more reads m:ss."""
    assert format_remaining(remaining) == shown


def test_set_state_shows_the_numerals_and_ring_fraction(qtbot) -> None:
    """set_state changes what the widget shows: numerals and the lit part of the ring."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.set_state(10.0, 25.0, PhaseKind.HOLD)
    assert (w.text(), w.fraction()) == ("10", pytest.approx(0.4))
    w.set_state(30.0, 25.0, PhaseKind.HOLD)
    assert w.fraction() == 1.0


def test_hold_and_rest_have_different_colours_and_frozen_is_grey(qtbot) -> None:
    """A hold, a rest and a frozen countdown are three different colours."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.set_state(10, 25, PhaseKind.HOLD)
    hold = w.colour().name()
    w.set_state(10, 25, PhaseKind.REST)
    rest = w.colour().name()
    w.set_state(10, 25, PhaseKind.HOLD, frozen=True)
    frozen = w.colour()
    assert len({hold, rest, frozen.name()}) == 3
    assert frozen.saturationF() < 0.1
    assert w.is_frozen()


def test_frozen_countdown_paints_differently(qtbot) -> None:
    """Freezing the countdown visibly changes the picture (grey ring, PAUSED)."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.resize(400, 400)
    w.set_state(12, 25, PhaseKind.HOLD)
    running = w.grab().toImage()
    w.set_state(12, 25, PhaseKind.HOLD, frozen=True)
    assert w.grab().toImage() != running


def test_numerals_are_a_fifth_of_a_1280x800_window(qtbot) -> None:
    """Given 45 % of an 800-px window's height, the digits are at least 160 px tall."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.resize(560, 360)
    w.set_state(25, 25, PhaseKind.HOLD)
    assert w.numeral_pixel_height() >= 800 / 5


def test_numeral_height_scales_with_widget_height(qtbot) -> None:
    """Doubling the widget's height roughly doubles the numerals."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.set_state(25, 25, PhaseKind.HOLD)
    w.resize(600, 300)
    small = w.numeral_pixel_height()
    w.resize(1200, 600)
    assert w.numeral_pixel_height() == pytest.approx(2 * small, rel=0.05)


def test_distance_mode_makes_numerals_larger(qtbot) -> None:
    """Distance mode gives larger numerals in the same space, and paints black."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.resize(800, 500)
    w.set_state(25, 25, PhaseKind.HOLD)
    normal = w.numeral_pixel_height()
    w.set_distance_mode(True)
    assert w.numeral_pixel_height() > normal * 1.05
    assert w.grab().toImage().pixelColor(2, 2).lightness() == 0


def test_minutes_still_fit_inside_the_ring(qtbot) -> None:
    """A m:ss reading is shrunk to fit the ring, not cut off."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.resize(400, 400)
    w.set_state(95, 120, PhaseKind.WARMUP)
    from PySide6.QtGui import QFontMetricsF

    width = QFontMetricsF(w.numeral_font()).tightBoundingRect(w.text()).width()
    assert width < 400 * 0.9


def _on_screen(w: CountdownWidget) -> QImage:
    """What the window shows now (its backing store), not a fresh paint of the widget."""
    screen = w.screen()
    assert screen is not None
    return screen.grabWindow(w.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def _far_apart(a: QImage, b: QImage) -> int:
    """Pixels whose colours differ by more than antialiasing does (an arc's edge drawn
    at another length differs by up to 40 a channel; a stale arc or numeral by 100+)."""
    far = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > 60
            ):
                far += 1
    return far


@pytest.mark.parametrize("distance", [False, True], ids=["normal", "distance"])
def test_ticks_leave_nothing_stale_on_screen(qtbot, distance: bool) -> None:
    """Ticks repaint only the ring's moving end and the numerals when they change; what
    is on screen after seven seconds of ticks is what a full repaint shows."""
    w = CountdownWidget()
    qtbot.addWidget(w)
    w.resize(300, 300)
    w.set_distance_mode(distance)
    w.show()
    qtbot.waitExposed(w)
    remaining = 25.0
    w.set_state(remaining, 25.0, PhaseKind.HOLD)
    while remaining > 18.0:
        remaining -= 0.1
        w.set_state(remaining, 25.0, PhaseKind.HOLD)
        QApplication.processEvents()  # paints each tick, as the 100 ms refresh does
    shown = _on_screen(w)
    assert w.text() == "18"
    assert _far_apart(shown, w.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)) == 0
