"""Legibility, measured on the real window: numerals readable from the mat, the pain button
the biggest thing to hit, nothing essential cut off on a small screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import MainWindow

from .helpers import FakeClock, run_for, run_until

SIZES = [(1280, 800), (1920, 1080)]
#: Channel difference from the background above which a pixel counts as ink.
INK = 80


@pytest.fixture
def window(make_window: Callable[[], MainWindow], clock: FakeClock) -> MainWindow:
    """The real window, shown, two seconds into the first one-sided hold (RIGHT shown)."""
    w = make_window()
    w.start_session()
    session = w.session
    assert session is not None
    sided = next(p.exercise_index for p in session.phases if p.side is not None)
    session.jump_to_exercise(sided)
    run_until(w, clock, PhaseKind.HOLD)
    run_for(w, clock, 2)
    assert session.current.kind is PhaseKind.HOLD
    assert session.current.side is not None
    return w


def show_at(window: MainWindow, width: int, height: int, *, distance: bool) -> None:
    """Switch mode, then force the size. The offscreen screen (800×800) is smaller than the
    sizes under test, so full screen alone would not give them; resizing afterwards drops
    the full-screen state but not distance mode's layout, which is what is measured."""
    window.set_distance_mode(distance)
    QApplication.processEvents()
    if distance:
        screen = window.screen().geometry()
        assert window.isFullScreen()
        assert window.geometry().contains(screen), "distance mode did not fill the screen"
    window.resize(width, height)
    QApplication.processEvents()
    assert window.distance_mode is distance
    assert window.size().toTuple() == (width, height), "the window did not take the size"
    window.repaint()


def rect_in_window(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def ink_height(window: MainWindow) -> int:
    """Rows of the countdown's inner disc with numeral ink, counted on a real rendering."""
    countdown = window.parts.countdown
    image = countdown.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    side = min(countdown.width(), countdown.height())
    cx, cy = countdown.width() / 2, countdown.height() / 2
    # Inside the ring's inner edge (ring thickness is at most 5 % of the side).
    radius = side / 2 - side * 0.05 - 6
    background = QColor(image.pixel(round(cx * ratio), round((cy - radius * 0.92) * ratio)))
    rows = []
    for y in range(round((cy - radius) * ratio), round((cy + radius) * ratio)):
        dy = y / ratio - cy
        half = (max(0.0, radius * radius - dy * dy)) ** 0.5
        for x in range(round((cx - half) * ratio), round((cx + half) * ratio), 2):
            c = QColor(image.pixel(x, y))
            diff = max(
                abs(c.red() - background.red()),
                abs(c.green() - background.green()),
                abs(c.blue() - background.blue()),
            )
            if diff > INK:
                rows.append(y)
                break
    assert rows, "no numerals found inside the ring"
    return round((rows[-1] - rows[0] + 1) / ratio)


@pytest.mark.parametrize("distance", [False, True], ids=["normal", "distance"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_numerals_are_a_fifth_of_the_window_height(window, size, distance) -> None:
    """During a hold the countdown digits are at least a fifth of the window's height."""
    width, height = size
    show_at(window, width, height, distance=distance)
    measured = window.parts.countdown.numeral_pixel_height()
    assert measured >= height / 5, f"numerals {measured} px < {height / 5:.0f} px"
    # The figure the widget reports is what is painted ("PAUSED" is not shown in a hold).
    assert ink_height(window) == pytest.approx(measured, abs=4)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_distance_mode_numerals_are_larger(window, size) -> None:
    """At the same window size, distance mode shows bigger numerals than normal mode."""
    width, height = size
    show_at(window, width, height, distance=False)
    normal = window.parts.countdown.numeral_pixel_height()
    show_at(window, width, height, distance=True)
    distance = window.parts.countdown.numeral_pixel_height()
    assert distance > normal


@pytest.mark.parametrize("distance", [False, True], ids=["normal", "distance"])
@pytest.mark.parametrize("size", [*SIZES, (1024, 600)], ids=["1280x800", "1920x1080", "1024x600"])
def test_pain_button_is_the_largest_visible_control(window, size, distance) -> None:
    """PAIN — STOP has the largest area of any visible button, in every size and mode."""
    width, height = size
    show_at(window, width, height, distance=distance)
    area = lambda b: b.width() * b.height()  # noqa: E731
    others = [
        b
        for b in window.findChildren(QPushButton)
        if b.isVisible() and b is not window.parts.pain_button
    ]
    assert window.parts.pain_button.isVisible()
    largest = max(map(area, others), default=0)
    assert area(window.parts.pain_button) > largest


@pytest.mark.parametrize("distance", [False, True], ids=["normal", "distance"])
def test_nothing_essential_is_clipped_at_1024x600(window, distance) -> None:
    """On a 1024×600 netbook screen the pain button, countdown and side badge are whole."""
    show_at(window, 1024, 600, distance=distance)
    inside = window.rect()
    essentials = {
        "pain button": window.parts.pain_button,
        "countdown": window.parts.countdown,
        "side badge": window.parts.step_panel.side_badge,
    }
    for name, widget in essentials.items():
        assert widget.isVisible(), f"{name} hidden"
        where = rect_in_window(window, widget)
        assert inside.contains(where), f"{name} at {where} outside the window {inside}"
        # Not covered or cut by a parent: all of it can be painted.
        assert widget.visibleRegion().boundingRect() == widget.rect(), f"{name} partly hidden"
        # Its words or picture fit: it got at least the size it needs.
        need = widget.minimumSizeHint()
        assert widget.width() >= need.width(), f"{name} narrower than its content"
        assert widget.height() >= need.height(), f"{name} shorter than its content"
    badge = window.parts.step_panel.side_badge
    assert badge.text().strip(), "no side shown during the hold"
    text_width = badge.fontMetrics().horizontalAdvance(badge.text())
    assert badge.contentsRect().width() >= text_width, "side badge text cut off"
    assert window.parts.countdown.numeral_pixel_height() >= 600 / 5


@pytest.mark.parametrize("distance", [False, True], ids=["normal", "distance"])
def test_lead_in_with_safety_note_fits_1024x600(make_window, distance) -> None:
    """A first hands-free start on a 1024×600 screen (safety note up) keeps the pain button
    and the countdown whole inside the window."""
    w = make_window()
    w.start_session()
    assert w.parts.safety.isVisible()
    try:
        show_at(w, 1024, 600, distance=distance)
        for name, widget in {
            "pain button": w.parts.pain_button,
            "countdown": w.parts.countdown,
        }.items():
            where = rect_in_window(w, widget)
            assert w.rect().contains(where), f"{name} at {where} outside the window"
            assert widget.visibleRegion().boundingRect() == widget.rect(), f"{name} cut"
    finally:
        w.close()
