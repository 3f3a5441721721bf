"""Editor fixtures: a real editor window on a real routines folder in the test's folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from backtimer.core.library.loader import load_library
from backtimer.core.routine_file.draft import RoutineDraft
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.routines.exchange import editable
from backtimer.gui.editor.questions import UnsavedQuestion
from backtimer.gui.editor.window import EditorWindow


def png_bytes(side: int = 16) -> bytes:
    """A real PNG picture, made by Qt."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


@pytest.fixture
def routines(tmp_path: Path) -> Path:
    return tmp_path / "data" / "routines"


class Answers:
    """What the close question answers, in turn ('discard' once they run out), and the
    routine names it was asked about."""

    def __init__(self) -> None:
        self.queue: list[str] = []
        self.asked: list[str] = []

    def ask(self, name: str) -> str:
        self.asked.append(name)
        return self.queue.pop(0) if self.queue else "discard"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def ask(cls: type, parent: object, name: str) -> str:
        return given.ask(name)

    monkeypatch.setattr(UnsavedQuestion, "ask", classmethod(ask))
    return given


@pytest.fixture
def make_editor(qtbot, routines: Path, answers: Answers) -> Iterator[Callable[..., EditorWindow]]:
    """Real, shown editor windows; closed (changes discarded) at the end of the test."""
    made: list[EditorWindow] = []

    def make(draft: RoutineDraft | None = None, **kwargs: object) -> EditorWindow:
        if draft is None:
            folder, draft = editable(load_builtin(), routines)
        else:
            folder = routines / "new"
        editor = EditorWindow(
            draft,
            folder,
            routines,
            library=load_library().exercises,
            **kwargs,  # type: ignore[arg-type]
        )
        qtbot.addWidget(editor)
        with qtbot.waitActive(editor):  # keys reach shortcuts only in the active window
            editor.show()
            editor.activateWindow()
        made.append(editor)
        return editor

    yield make
    for editor in made:
        answers.queue.clear()
        editor.close()
