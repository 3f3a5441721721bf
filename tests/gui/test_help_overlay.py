"""The help overlay: the key list over the window; any key or click closes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from backtimer.gui.keys import HELP_ROWS
from backtimer.gui.stage.help_overlay import HelpOverlay

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_lists_every_key_from_the_design(window: QWidget) -> None:
    """Space, the pain keys, next/back, distance, ±5 s, mute and ? are all listed."""
    overlay = HelpOverlay(window)
    text = " ".join(k + " " + v for k, v in overlay.rows)
    for word in ("Space", "Esc", "P", "B", ".", "PgDn", "PgUp", "F11", "+", "M", "?", "PAIN"):
        assert word in text
    assert overlay.rows == HELP_ROWS


@pytest.mark.parametrize("key", [Qt.Key.Key_A, Qt.Key.Key_Escape, Qt.Key.Key_Space])
def test_any_key_closes(qtbot, window: QWidget, key: Qt.Key) -> None:
    """Any key hides the overlay and emits closed."""
    overlay = HelpOverlay(window)
    overlay.open()
    with qtbot.waitSignal(overlay.closed):
        qtbot.keyClick(overlay, key)
    assert not overlay.isVisible()


def test_a_click_closes(qtbot, window: QWidget) -> None:
    """A click anywhere hides the overlay and emits closed."""
    overlay = HelpOverlay(window)
    overlay.open()
    with qtbot.waitSignal(overlay.closed):
        qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()


def test_covers_the_window_and_follows_its_size(window: QWidget) -> None:
    """The overlay fills its parent, also after the parent is resized."""
    overlay = HelpOverlay(window)
    overlay.open()
    assert overlay.geometry() == window.rect()
    window.resize(1024, 600)
    assert overlay.geometry() == window.rect()


def test_paints_dark_over_the_window(window: QWidget) -> None:
    """The sheet is dark so the light text stands out."""
    overlay = HelpOverlay(window)
    overlay.open()
    assert overlay.grab().toImage().pixelColor(5, 5).lightness() < 40
