"""The editor, the picker, the tray, the reminders and the Plan window in German and
Spanish: every word they show has a translation, and a program started in a language
shows them in it (weekdays, months, counts, dialog buttons, notification labels), with
every Alt+letter of a window reaching one thing only."""

from __future__ import annotations

import ast
import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backtimer.core import i18n

ROOT = Path(__file__).parents[2]
AREA = [
    ROOT / "src" / "backtimer" / "gui" / "editor",
    ROOT / "src" / "backtimer" / "gui" / "programme",
]
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def area_messages() -> dict[tuple[str, str], str]:
    """Every message marked in the area's modules: (context, msgid) -> msgid_plural."""
    found: dict[tuple[str, str], str] = {}
    for folder in AREA:
        for path in sorted(folder.glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                name, args = node.func.id, node.args
                if name not in ("_", "ngettext", "pgettext") or not args:
                    continue
                values = [a.value for a in args if isinstance(a, ast.Constant)]
                wanted = 2 if name != "_" else 1
                assert len(values) >= wanted, f"{path.name}:{node.lineno}: {name} of a variable"
                if name == "_":
                    found[("", values[0])] = ""
                elif name == "ngettext":
                    found[("", values[0])] = values[1]
                else:
                    found[(values[0], values[1])] = ""
    return found


def test_the_area_marks_its_words() -> None:
    messages = area_messages()
    assert len(messages) > 250
    assert ("", "Time to stretch") in messages
    assert ("weekday", "Mon") in messages


@pytest.mark.parametrize("language", ["de", "es"])
def test_every_word_has_a_whole_translation(language: str) -> None:
    catalog = i18n.load_catalog(language, sorted((i18n.locale_root() / language).glob("*.po")))
    problems = []
    for (context, msgid), plural in area_messages().items():
        forms = catalog.messages.get((context, msgid))
        if not forms or not all(forms):
            problems.append(f"untranslated: {msgid!r}")
            continue
        if len(forms) != (2 if plural else 1):
            problems.append(f"{len(forms)} forms: {msgid!r}")
        wanted = set(PLACEHOLDER.findall(plural or msgid))
        for form in forms:
            got = set(PLACEHOLDER.findall(form))
            # A singular may say "one" in words instead of {count}; nothing may be added.
            if not got <= wanted or (not plural and got != wanted):
                problems.append(f"placeholders {sorted(got)} in {form!r}")
            if form.count("&") != msgid.count("&"):
                problems.append(f"Alt+letter lost or added in {form!r}")
    assert not problems, "\n".join(problems)


def words_in(language: str, folder: Path) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
        LANGUAGE="",
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.plan_words", language, str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


EXPECTED: dict[str, dict[str, Any]] = {
    "de": {
        "days": ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
        "today": [
            "Heute: 1 von 1 geplanten Einheit erledigt",
            "Heute: 1 von 3 geplanten Einheiten erledigt · nächste um 19:00",
        ],
        "week_date": "16. Juni 2025",
        "undo": "&Rückgängig: Name der Routine ändern",
        "close_buttons": {"Speichern", "Verwerfen", "Abbrechen"},
        "labels": ["Jetzt starten", "In 10 Minuten", "Überspringen"],
        "headers": ["Routine", "Länge", "Muskelgruppen", "Wo"],
        "pose": "Ferse auf dem Stuhl, vorgebeugt",
        "qt_close": "Schließen",
    },
    "es": {
        "days": ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
        "today": [
            "Hoy: 1 de 1 sesión prevista hecha",
            "Hoy: 1 de 3 sesiones previstas hechas · próxima a las 19:00",
        ],
        "week_date": "16 jun 2025",
        "undo": "&Deshacer: Cambiar el nombre de la rutina",
        "close_buttons": {"Guardar", "Descartar", "Cancelar"},
        "labels": ["Empezar ahora", "En 10 minutos", "Saltar"],
        "headers": ["Rutina", "Duración", "Grupos musculares", "Dónde"],
        "pose": "Talón en la silla, inclinado",
        "qt_close": "Cerrar",
    },
    "en": {
        "days": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "today": [
            "Today: 1 of 1 planned session done",
            "Today: 1 of 3 planned sessions done · next at 19:00",
        ],
        "week_date": "16 Jun 2025",
        "undo": "&Undo Change the routine's name",
        "close_buttons": {"Save", "Discard", "Cancel"},
        "labels": ["Start now", "In 10 minutes", "Skip"],
        "headers": ["Routine", "Length", "Muscle groups", "Where"],
        "pose": "Heel on a chair, leaning forward",
        "qt_close": "Close",
    },
}


@pytest.mark.parametrize("language", ["de", "es", "en"])
def test_a_program_started_in_a_language_shows_it(language: str, tmp_path: Path) -> None:
    words = words_in(language, tmp_path)
    expected = EXPECTED[language]
    assert words["days"] == expected["days"]
    assert len(set(words["day_descriptions"])) == 7, "a whole sentence for each day"
    assert words["today"] == expected["today"]
    assert words["week_date"] == expected["week_date"]
    assert words["undo"] == expected["undo"]
    assert words["picker_headers"] == expected["headers"]
    assert words["pose"] == expected["pose"], "the picture list names poses in words"
    assert words["qt_close"] == expected["qt_close"], "Qt's own buttons, from its catalogs"
    assert set(words["close_buttons"]) == expected["close_buttons"]
    assert words["close_answer"] == "cancel"
    # The notification's action keys stay as they are; only their labels are translated,
    # and they say what the tray's menu says.
    assert words["actions"][0::2] == ["default", "start", "snooze", "skip"]
    assert words["actions"][3::2] == expected["labels"]
    assert all(label in words["tray_menu"] for label in expected["labels"])
    if language != "en":
        assert words["calendar_language"].startswith(language), "the calendar's month names"
    for page, letters in {**words["editor_mnemonics"], "picker": words["picker_mnemonics"]}.items():
        twice = [c for c, n in collections.Counter(letters).items() if n > 1]
        assert not twice, f"{page}: Alt+{twice} reaches two things"


def test_the_picture_list_names_every_built_in_pose_in_words() -> None:
    from backtimer.core.poses.library import pose_names
    from backtimer.gui.editor.pose_words import POSE_WORDS, pose_words

    assert set(POSE_WORDS) == set(pose_names()), "a new pose needs its words here"
    assert pose_words("hamstring-lean") == "Heel on a chair, leaning forward"
    assert pose_words("a-pose-added-later") == "a-pose-added-later"


def test_the_library_shows_steps_as_said_with_the_side_in_words(qapp: object) -> None:
    from backtimer.core.library.loader import load_library
    from backtimer.gui.editor.library_dialog import LibraryDialog

    library = load_library().exercises
    dialog = LibraryDialog(library)
    tips = [dialog.list.item(row).toolTip() for row in range(dialog.list.count())]
    dialog.deleteLater()
    two_sided = [t for t, e in zip(tips, library, strict=True) if e.exercise.side_order[0]]
    assert two_sided, "the library has exercises done on each side"
    assert not [t for t in tips if "{side}" in t or "{other}" in t]
    assert any("right" in t for t in two_sided)
