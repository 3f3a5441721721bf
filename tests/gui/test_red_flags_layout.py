"""The safety questions read as one block: the explanation sits just above the questions,
whatever size the dialog opens at, with the Done button at the bottom."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from backtimer.core.care.red_flags import RedFlag
from backtimer.gui.care.red_flags_dialog import INTRO, RedFlagsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _last_inked_row(widget: QWidget) -> int:
    """The lowest row of ``widget`` (in its own pixels) where anything is drawn."""
    image = widget.grab().toImage()
    ground = image.pixel(0, 0)
    for y in range(image.height() - 1, -1, -1):
        if any(image.pixel(x, y) != ground for x in range(image.width())):
            return round(y / widget.devicePixelRatioF())
    return -1


def test_the_explanation_sits_just_above_the_questions(qtbot) -> None:
    dialog = RedFlagsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    intro = next(label for label in dialog.findChildren(QLabel) if label.text() == INTRO)
    first = dialog.yes_buttons[next(iter(RedFlag))]
    text_ends = intro.mapTo(dialog, intro.rect().topLeft()).y() + _last_inked_row(intro)
    gap = first.mapTo(dialog, first.rect().topLeft()).y() - text_ends
    line = dialog.fontMetrics().height()
    assert 0 < gap <= line * 1.5, "a band of empty space between the explanation and the questions"
    assert dialog.height() - dialog.done_button.geometry().bottom() <= line * 1.5
