"""The editor's tab titles are drawn whole: on a tab that is not selected, the dots of a
capital umlaut ("Übungen") are there (Fusion clipped them off)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QImage

from backtimer.gui.editor.window import EditorWindow


def _tab_image(editor: EditorWindow, index: int, title: str) -> QImage:
    bar = editor.tabs.tabBar()
    bar.setTabText(index, title)
    bar.repaint()
    return bar.grab(bar.tabRect(index)).toImage()


def test_a_capital_umlaut_keeps_its_dots_on_an_unselected_tab(
    make_editor: Callable[..., EditorWindow],
) -> None:
    editor = make_editor()
    unselected = 2
    assert editor.tabs.currentIndex() != unselected
    with_dots = _tab_image(editor, unselected, "Übungen")
    without = _tab_image(editor, unselected, "Ubungen")
    assert with_dots.size() == without.size()  # the same tab: only the dots may differ
    assert with_dots != without, "the dots over the Ü were cut off"
