"""What the editor, the picker, the tray and the Plan window say in one language, as JSON
on stdout: ``python -m tests.gui.plan_words LANGUAGE FOLDER``.

A child process, because the words are translated when their modules are imported: the
language is chosen first, as the program does at start (``cli.main``)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path


def mnemonics(texts: list[str]) -> list[str]:
    """The Alt+letter of each text that has one ("&&" is a plain ampersand)."""
    found = []
    for text in texts:
        plain = text.replace("&&", "")
        at = plain.find("&")
        if 0 <= at < len(plain) - 1:
            found.append(plain[at + 1].casefold())
    return found


def main() -> None:
    language, folder = sys.argv[1], Path(sys.argv[2])
    from backtimer.core.i18n import use_language

    use_language(language)
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QDialogButtonBox,
        QLabel,
        QMessageBox,
        QWidget,
    )

    app = QApplication(["plan_words"])
    QCoreApplication.setOrganizationName("BackTimerTests")
    from backtimer.gui.qt_language import install_qt_translations

    install_qt_translations(app)  # as the window and the tray processes do

    from backtimer.core.library.loader import load_library
    from backtimer.core.routine_file.loader import load_builtin
    from backtimer.core.routines.exchange import editable
    from backtimer.gui.editor import questions
    from backtimer.gui.editor.library_dialog import LibraryDialog
    from backtimer.gui.editor.picker import RoutinePicker
    from backtimer.gui.editor.window import EditorWindow
    from backtimer.gui.programme import freedesktop
    from backtimer.gui.programme.adherence_views import week_date
    from backtimer.gui.programme.notifier import TrayMessages
    from backtimer.gui.programme.plan_window import PlanWindow
    from backtimer.gui.programme.today_line import today_words
    from backtimer.gui.programme.tray import Tray

    words: dict[str, object] = {}
    builtin = load_builtin()
    plan = PlanWindow(None, [builtin])
    words["days"] = [box.text() for box in plan.form.day_boxes.values()]
    words["day_descriptions"] = [
        box.accessibleDescription() for box in plan.form.day_boxes.values()
    ]
    words["calendar_language"] = plan.form.from_date.locale().name()
    words["plan_buttons"] = [plan.add_button.text(), plan.save_button.text()]

    tray = Tray(
        store=None,
        builtin=builtin,
        extra=(),
        notifier_factory=TrayMessages,
        now=lambda: dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC),
        zone=lambda: dt.UTC,
    )
    words["tray_menu"] = [a.text() for a in tray.menu.menu.actions() if a.text()]
    tray.stop()
    words["actions"] = list(freedesktop.ACTIONS)
    words["today"] = [today_words(1, 1, None), today_words(1, 3, "19:00")]
    words["week_date"] = week_date(dt.date(2025, 6, 16))

    routines = folder / "routines"
    place, draft = editable(builtin, routines)
    editor = EditorWindow(draft, place, routines, library=load_library().exercises)
    editor.show()
    window_level = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    window_level += [a.text() for a in editor.menuBar().actions()]
    pages: dict[str, list[str]] = {}
    for index in range(editor.tabs.count()):
        page: QWidget = editor.tabs.widget(index)
        texts = [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None]
        texts += [w.text() for w in page.findChildren(QAbstractButton)]
        pages[editor.tabs.tabText(index)] = mnemonics(window_level + texts)
    words["editor_mnemonics"] = pages
    words["tabs"] = window_level
    steps = editor.pages["exercises"].form.steps
    words["pose"] = steps.detail.picture.itemText(steps.detail.picture.findData("hamstring-lean"))
    QTest.keyClicks(editor.routine_form.name, "!")
    words["undo"] = editor.undo_action.text()
    editor.undo_stack.setClean()
    editor.close_keeping_draft()

    picker = RoutinePicker(routines)
    words["picker_mnemonics"] = mnemonics([b.text() for b in picker.findChildren(QAbstractButton)])
    words["picker_headers"] = [
        picker.tree.headerItem().text(c) for c in range(picker.tree.columnCount())
    ]
    library = LibraryDialog(load_library().exercises)
    words["library_buttons"] = [b.text() for b in library.buttons.buttons()]
    qt_own = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    words["qt_close"] = qt_own.buttons()[0].text()

    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        asked.extend(b.text() for b in box.buttons())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    words["close_answer"] = questions.UnsavedQuestion.ask(plan, "Test")
    words["close_buttons"] = asked
    json.dump(words, sys.stdout, ensure_ascii=False)
    app.quit()


if __name__ == "__main__":
    main()
