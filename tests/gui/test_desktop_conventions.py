"""Desktop conventions: standard shortcuts on the menus (never against a session key),
Help → About, and the window's size and place remembered across runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from backtimer import __version__
from backtimer.gui import about
from backtimer.gui.about import AboutDialog
from backtimer.gui.keys import Action, action_for
from backtimer.gui.main_window import MainWindow
from backtimer.gui.window_layout import MENU_KEYS
from backtimer.gui.window_place import GEOMETRY_KEY, fit_to_screens

#: The session key each menu entry shares a key with, where it does.
SAME_MEANING = {"distanceAction": Action.DISTANCE, "keysAction": Action.HELP}


def _menu_actions(window: MainWindow) -> list[QAction]:
    """Every entry of every menu, submenus' own entries aside (the recent files)."""
    found: list[QAction] = []
    for top in window.parts.menu_bar.actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found += [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
    return found


def test_every_menu_entry_has_a_shortcut_the_standard_one_where_qt_has_it(window) -> None:
    """Each entry has a shortcut; Open, Quit, full screen, preferences and help contents
    use the platform's standard keys when it defines them."""
    actions = _menu_actions(window)
    assert {a.objectName() for a in actions} == {f"{name}Action" for name in MENU_KEYS}
    for action in actions:
        assert action.shortcuts(), f"{action.text()} has no shortcut"
        standard, _ = MENU_KEYS[action.objectName().removesuffix("Action")]
        if standard is not None and QKeySequence.keyBindings(standard):
            assert action.shortcuts() == QKeySequence.keyBindings(standard)
    assert window.parts.open_action.shortcuts()[0] == QKeySequence("Ctrl+O")
    assert window.parts.keys_action.shortcuts()[0] == QKeySequence("F1")


def test_menu_shortcuts_never_clash_with_the_session_keys_or_each_other(window) -> None:
    """A menu key that is also a session key (no modifier) means the same thing there;
    no two entries share a key."""
    seen: dict[str, str] = {}
    for action in _menu_actions(window):
        for sequence in action.shortcuts():
            text = sequence.toString()
            assert text not in seen, f"{text}: {action.text()} and {seen[text]}"
            seen[text] = action.text()
            combo = sequence[0]
            if combo.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
                session = action_for(combo.key())
                assert session is None or session is SAME_MEANING.get(action.objectName()), text


def test_f1_opens_the_key_list_and_ctrl_q_closes_the_window(window, qtbot) -> None:
    """F1 (help contents) shows the keys and closes them again; Ctrl+Q (quit) closes the
    window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(window.parts.help.isVisible)
    qtbot.keyClick(window.parts.help, Qt.Key.Key_F1)  # as any key does, it closes the list
    qtbot.waitUntil(lambda: not window.parts.help.isVisible())
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(window.parts.help.isVisible)
    qtbot.keyClick(window.parts.help, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.parts.help.isVisible())
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_f11_leaves_distance_mode_with_the_menu_bar_hidden(window, qtbot) -> None:
    """In distance mode the menu bar is hidden; its F11 still brings the window back."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.distance_mode)
    assert not window.parts.menu_bar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.distance_mode)


def test_ctrl_o_opens_the_routine_picker_and_a_file_from_it(
    window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    """Ctrl+O opens Routine → Open (the picker); a file chosen from it is shown."""
    from backtimer.gui.editor.picker import RoutinePicker
    from backtimer.gui.editor.picker_exchange import FileChooser
    from backtimer.resources import builtin_routine_path

    text = builtin_routine_path().read_text(encoding="utf-8")
    chosen = tmp_path / "mine.yaml"
    chosen.write_text(text.replace("name: Gentle back routine", "name: My hips"), "utf-8")
    monkeypatch.setattr(FileChooser, "open_file", classmethod(lambda cls, *a: chosen))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.routine_editing.picker, RoutinePicker))
    picker = window.routine_editing.picker
    assert picker is not None
    qtbot.waitUntil(picker.isVisible)
    picker.open_other()
    qtbot.waitUntil(lambda: window.parts.routine_label.text() == "My hips")


def test_about_shows_version_licence_and_safety_note(window, qtbot, monkeypatch) -> None:
    """Help → About opens a box with the version, the licence and the safety note."""
    shown: list[AboutDialog] = []

    def ask(cls: type[AboutDialog], parent: object) -> None:
        dialog = cls(parent)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        shown.append(dialog)

    monkeypatch.setattr(AboutDialog, "ask", classmethod(ask))
    window.parts.about_action.trigger()
    (dialog,) = shown
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in texts
    assert "GPL-3.0-or-later" in texts
    assert about.SAFETY in texts
    assert "not a medical device" in texts


# ----- size and place ------------------------------------------------------------------

LEFT = QRect(0, 0, 1920, 1080)
RIGHT = QRect(1920, 0, 1280, 1024)
DEFAULT = QSize(1280, 800)


@pytest.mark.parametrize(
    ("saved", "screens", "expected"),
    [
        (None, [LEFT], QRect(320, 140, 1280, 800)),  # first run: default size, centred
        (None, [QRect(0, 0, 1024, 600)], QRect(0, 0, 1024, 600)),  # netbook: fits it
        (QRect(100, 80, 900, 700), [LEFT], QRect(100, 80, 900, 700)),  # as it was
        (QRect(2000, 50, 900, 700), [LEFT, RIGHT], QRect(2000, 50, 900, 700)),  # 2nd screen
        (QRect(2000, 50, 900, 700), [LEFT], QRect(510, 190, 900, 700)),  # 2nd screen gone
        (QRect(1400, 50, 900, 700), [LEFT], QRect(1020, 50, 900, 700)),  # half off: pulled in
        (QRect(0, 0, 1920, 1080), [QRect(0, 0, 1366, 768)], QRect(0, 0, 1366, 768)),  # smaller
    ],
    ids=["first", "netbook", "same", "second", "unplugged", "half-off", "smaller"],
)
def test_the_saved_place_is_fitted_to_the_screens_there_are_now(
    saved: QRect | None, screens: list[QRect], expected: QRect
) -> None:
    """On a screen it stays; off every screen it is centred on the primary; too big, it
    shrinks to its screen."""
    assert fit_to_screens(saved, screens, DEFAULT) == expected


def test_the_window_reopens_at_the_size_and_place_it_was_closed(make_window, qtbot) -> None:
    """Closed at 700×500 at (40, 30), the next window opens there."""
    first = make_window()
    first.setGeometry(QRect(40, 30, 700, 500))
    qtbot.waitUntil(lambda: first.geometry() == QRect(40, 30, 700, 500))
    first.close()
    second = make_window()
    assert second.geometry() == QRect(40, 30, 700, 500)


def test_a_place_off_every_screen_reopens_on_the_screen(make_window: Callable[[], MainWindow]):
    """A window last seen on a monitor that is gone opens wholly on the screen there is."""
    QSettings().setValue(GEOMETRY_KEY, QRect(5000, 4000, 700, 500))
    window = make_window()
    screen = window.screen().availableGeometry()
    assert screen.contains(window.geometry())
    assert window.size() == QSize(700, 500)


def test_distance_mode_is_not_remembered_as_the_window_size(make_window, qtbot) -> None:
    """Closed in distance mode, the window reopens at its size from before distance mode."""
    first = make_window()
    first.setGeometry(QRect(20, 20, 640, 480))
    qtbot.waitUntil(lambda: first.geometry() == QRect(20, 20, 640, 480))
    first.set_distance_mode(True)
    qtbot.waitUntil(lambda: first.isFullScreen())
    first.close()
    second = make_window()
    assert second.geometry() == QRect(20, 20, 640, 480)
    assert not second.isFullScreen()


def test_the_window_icon_has_the_drawn_sizes_and_is_not_blank(qapp) -> None:
    """The icon offers the PNGs looked at (16, 32, 48 px, up to 128) and draws something
    at each."""
    from backtimer.gui.app_icon import app_icon

    icon = app_icon()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 128} <= sizes
    for size in (16, 32, 48):
        image = icon.pixmap(size, size).toImage()
        opaque = sum(
            1 for x in range(size) for y in range(size) if image.pixelColor(x, y).alpha() > 200
        )
        assert opaque > size * size // 2, f"{size} px: mostly transparent"
