"""View → Language: the choice is saved for the next start and the window says so."""

from __future__ import annotations

from collections.abc import Callable

from backtimer.core.language_setting import saved_language
from backtimer.gui.language_menu import NEXT_START
from backtimer.gui.main_window import MainWindow


def test_choosing_a_language_saves_it_for_the_next_start(
    make_window: Callable[[], MainWindow],
) -> None:
    window = make_window()
    menu = window.language_menu
    assert menu.menu.accessibleName() == "Language"
    assert menu.menu.menuAction() in window.parts.view_menu.actions()
    names = [a.text() for a in menu.menu.actions()]
    assert names == ["System default", "English", "Deutsch", "Español"]
    assert menu.actions[None].isChecked()

    menu.actions["de"].trigger()
    assert saved_language() == "de"
    assert window.parts.banner.isVisible()
    assert window.parts.banner.label.text() == NEXT_START

    again = make_window()  # a window started later shows the saved choice
    assert again.language_menu.actions["de"].isChecked()
    assert not again.language_menu.actions[None].isChecked()

    again.language_menu.actions[None].trigger()
    assert saved_language() is None
