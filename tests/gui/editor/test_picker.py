"""Routine → Open: every routine listed with the planner's length and its muscle groups,
broken ones with their problems; import and export through real files and real zips."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from backtimer.core.routine_file.draft import RoutineDraft
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.core.routine_file.problems import Problem
from backtimer.core.routines.draft_store import save_draft
from backtimer.core.routines.summary import summarize
from backtimer.gui.editor.picker import RoutinePicker
from backtimer.gui.editor.picker_exchange import FileChooser
from backtimer.gui.routine_errors import RoutineErrorsDialog

from .conftest import png_bytes

ROUTINE = """\
format: 1
id: with-photo
name: With my photo
exercises:
  - id: stretch
    name: Stretch
    muscle_group: calves
    steps:
      - text: Lean towards your {side} knee.
        image: pictures/me.png
"""


@pytest.fixture
def shown_problems(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Problem, ...]]:
    """The problems the errors dialog would have shown, each time it was asked."""
    shown: list[tuple[Problem, ...]] = []
    monkeypatch.setattr(
        RoutineErrorsDialog, "ask", classmethod(lambda cls, parent, p: shown.append(tuple(p)))
    )
    return shown


@pytest.fixture
def choose(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the file dialogs answer with, in turn."""
    queue: list[Path] = []
    monkeypatch.setattr(
        FileChooser, "open_file", classmethod(lambda cls, parent, title, f: queue.pop(0))
    )
    monkeypatch.setattr(
        FileChooser, "save_file", classmethod(lambda cls, parent, title, s, f: queue.pop(0))
    )
    return queue


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A routine with a photo, as a physiotherapist would hand it over."""
    folder = tmp_path / "from-physio"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "me.png").write_bytes(png_bytes())
    (folder / "mine.yaml").write_text(ROUTINE, encoding="utf-8")
    return folder / "mine.yaml"


def make_picker(qtbot, routines: Path) -> RoutinePicker:
    picker = RoutinePicker(routines)
    qtbot.addWidget(picker)
    with qtbot.waitActive(picker):
        picker.show()
        picker.activateWindow()
    return picker


def test_lists_the_builtin_routine_with_the_planners_length(qtbot, routines: Path) -> None:
    """The built-in routine's row gives its name, the planner's minutes and its groups."""
    picker = make_picker(qtbot, routines)
    summary = summarize(load_builtin())
    assert [r[3] for r in picker.rows] == ["built in"] * len(picker.rows)
    assert [r for r in picker.rows if r[0] == "Gentle back routine"] == [
        [
            "Gentle back routine",
            f"about {summary.minutes} min",
            "Gluteus (buttocks), Hamstrings, Piriformis, Psoas major",
            "built in",
        ]
    ]


def test_broken_file_is_listed_and_opening_shows_its_located_problems(
    qtbot, routines: Path, shown_problems: list[tuple[Problem, ...]]
) -> None:
    """A broken routine in the folder has a row with its problems; Enter on it shows the
    located problems rather than opening it."""
    (routines / "broken").mkdir(parents=True)
    (routines / "broken" / "routine.yaml").write_text("format: 1\nid: Bad\nname: x\n")
    picker = make_picker(qtbot, routines)
    row = next(r for r in picker.rows if r[0] == "⚠ broken/routine.yaml")
    assert row[2].startswith("2 problems: ")
    picker.select_row(picker.rows.index(row))
    with qtbot.assertNotEmitted(picker.open_requested):
        qtbot.keyClick(picker.tree, Qt.Key.Key_Return)
    assert [(p.line, p.column) for p in shown_problems[0]] == [(1, 1), (2, 5)]
    assert not picker.edit_button.isEnabled()


def test_enter_opens_the_chosen_routine(qtbot, routines: Path) -> None:
    """Enter on a good routine asks the main window to open its file."""
    picker = make_picker(qtbot, routines)
    picker.select_row([r[0] for r in picker.rows].index("Gentle back routine"))
    with qtbot.waitSignal(picker.open_requested) as opened:
        qtbot.keyClick(picker.tree, Qt.Key.Key_Return)
    assert load_routine(opened.args[0]).routine == load_builtin()


def test_import_a_file_with_its_picture_then_export_a_zip(
    qtbot, routines: Path, shared: Path, choose: list[Path], tmp_path: Path
) -> None:
    """Import copies the file and its photo in and lists it; Export writes a .zip that
    holds both."""
    picker = make_picker(qtbot, routines)
    choose.append(shared)
    picker.import_button.click()
    assert picker.message.text() == "Imported “With my photo”."
    current = picker.current()
    assert current is not None
    assert current.path == routines / "with-photo" / "routine.yaml"
    assert (routines / "with-photo" / "pictures" / "me.png").is_file()
    assert picker.rows[-1][:3] == ["With my photo", picker.rows[-1][1], "Calves"]
    archive = tmp_path / "for the physio.zip"
    choose.append(archive)
    picker.export_button.click()
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == ["with-photo/pictures/me.png", "with-photo/routine.yaml"]
    lone = tmp_path / "lone.yaml"
    choose.append(lone)
    picker.export_button.click()
    assert "Its picture is not in a lone .yaml" in picker.message.text()
    assert lone.read_text() == ROUTINE


def test_hostile_zip_is_refused_with_the_reason_and_nothing_written(
    qtbot,
    routines: Path,
    choose: list[Path],
    tmp_path: Path,
    shown_problems: list[tuple[Problem, ...]],
) -> None:
    """A zip that would write outside itself is refused: its reason is shown, the
    routines folder stays empty, and nothing appears beside it."""
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("r/routine.yaml", ROUTINE)
        zf.writestr("r/pictures/me.png", png_bytes())
        zf.writestr("r/../../escaped.png", b"x")
    picker = make_picker(qtbot, routines)
    rows = picker.rows
    choose.append(archive)
    picker.import_button.click()
    assert "outside its folder" in shown_problems[0][0].message
    assert picker.rows == rows
    assert [p for p in routines.rglob("*") if p.is_file()] == []
    assert not (tmp_path / "escaped.png").exists()


def test_a_routine_never_saved_is_listed_and_goes_on(qtbot, routines: Path) -> None:
    """A routine begun and never saved (BackTimer closed meanwhile) is listed; Open goes
    on with its draft."""
    draft = RoutineDraft("half-done", "Half done")
    save_draft(draft, routines / "half-done")
    picker = make_picker(qtbot, routines)
    row = next(i for i, r in enumerate(picker.rows) if r[0] == "✎ Half done")
    picker.select_row(row)
    with qtbot.waitSignal(picker.draft_requested) as resumed:
        qtbot.keyClick(picker.tree, Qt.Key.Key_Return)
    assert resumed.args == [routines / "half-done", draft]
