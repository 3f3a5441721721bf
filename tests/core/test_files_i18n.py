"""Routine and library files in German and Spanish: the shipped content's names, description
and cautions come out translated, a person's own file as written; every message of the
checker and the loader is in both catalogs, its placeholders kept; and a problem is told
in the language in use, at the same FILE:LINE:COLUMN."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from backtimer.core import i18n
from backtimer.core.library.loader import builtin_library_dir, load_library
from backtimer.core.routine_file.loader import load_builtin, load_routine
from backtimer.resources import builtin_routine_path, resource_path

SRC = Path(__file__).resolve().parents[2] / "src"
#: The modules whose messages the "files" catalogs hold.
AREA = ("routine_file", "routines", "library", "poses", "programme", "platform")
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.use_language("en")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _catalog(root: Path, entries: dict[str, str]) -> Path:
    folder = root / "de"
    folder.mkdir(parents=True)
    body = "".join(f"\nmsgid {_quote(k)}\nmsgstr {_quote(v)}\n" for k, v in entries.items())
    (folder / "content.po").write_text(HEADER + body, encoding="utf-8")
    return root


def test_shipped_content_is_translated_and_an_own_file_stays_as_written(tmp_path: Path) -> None:
    shipped = yaml.safe_load(builtin_routine_path().read_text(encoding="utf-8"))
    first = shipped["exercises"][0]
    library_file = sorted(builtin_library_dir().glob("*.yaml"))[0]
    library_name = yaml.safe_load(library_file.read_text(encoding="utf-8"))["name"]
    german = {
        shipped["name"]: "Sanfte Rückenroutine",
        shipped["description"]: "Eine sanfte Routine für einen schmerzenden unteren Rücken.",
        first["name"]: "DE " + first["name"],
        shipped["warmup"][0]["name"]: "DE " + shipped["warmup"][0]["name"],
        library_name: "DE " + library_name,
    }
    if first.get("caution"):
        german[first["caution"]] = "DE " + first["caution"]
    i18n.use_language("de", root=_catalog(tmp_path / "locale", german))

    routine = load_builtin()
    assert routine.name == "Sanfte Rückenroutine"
    assert routine.description == german[shipped["description"]]
    assert routine.exercises[0].name == "DE " + first["name"]
    assert routine.warmup[0].name == german[shipped["warmup"][0]["name"]]
    if first.get("caution"):
        assert routine.exercises[0].caution == "DE " + first["caution"]
    untranslated = shipped["exercises"][1]["name"]
    assert routine.exercises[1].name == untranslated, "a text not in the catalog stays"
    assert routine.exercises[0].steps[0].text == first["steps"][0]["text"], (
        "step texts are translated when said, not when loaded"
    )
    library = load_library().by_id()
    assert library[library_file.stem].name == "DE " + library_name

    # The same texts in the person's own folder: their file says what they wrote.
    own = tmp_path / "mine" / "routine.yaml"
    own.parent.mkdir()
    shutil.copy(builtin_routine_path(), own)
    result = load_routine(own)
    assert result.problems == ()
    assert result.routine is not None
    assert result.routine.name == shipped["name"]
    assert result.routine.exercises[0].name == first["name"]
    own_library = tmp_path / "library"
    own_library.mkdir()
    shutil.copy(library_file, own_library / library_file.name)
    assert load_library(own_library).by_id()[library_file.stem].name == library_name

    i18n.use_language("en")
    assert load_builtin().name == shipped["name"]


def _messages() -> dict[str, str]:
    """Every message literal of the area's modules (``_("…")``, and the singular of each
    ngettext pair held in a tuple), with its module."""
    found: dict[str, str] = {}
    for package in AREA:
        for path in sorted((SRC / "backtimer" / "core" / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
                    arg = node.args[0]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.setdefault(arg.value, path.name)
                elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                    texts = [e.value for e in node.elts if isinstance(e, ast.Constant)]
                    pair = len(texts) == 2 and all(isinstance(t, str) for t in texts)
                    if pair and "{count}" in texts[0] and texts[0] != texts[1]:
                        found.setdefault(texts[0], path.name)
    return found


@pytest.mark.parametrize("language", ["de", "es"])
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    messages = _messages()
    assert len(messages) > 200, "the scan finds the checker's messages"
    po = resource_path("locale", language, "files.po").read_text(encoding="utf-8")
    entries = {e.msgid: e for e in i18n.read_po(po) if e.msgid}
    missing = sorted(m for m in messages if m not in entries or not entries[m].translated)
    assert missing == []
    for msgid, entry in entries.items():
        wanted = set(_PLACEHOLDER.findall(entry.plural_id or msgid))
        for form in entry.forms:
            assert set(_PLACEHOLDER.findall(form)) == wanted, (msgid, form)


def test_a_problem_is_told_in_german_at_the_same_place(tmp_path: Path) -> None:
    """In a fresh program started in German (module texts are translated at import), a
    misspelt key is reported in the catalog's words, FILE:LINE:COLUMN unchanged."""
    broken = (
        "format: 1\nid: x\nname: X\nexercises:\n  - id: a\n    name: A\n"
        "    muscle_group: psoas\n    hodl: 3\n    steps:\n      - text: Lean.\n"
    )
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from backtimer.core.i18n import use_language\n"
        "use_language('de')\n"
        "from backtimer.core.routine_file.loader import load_routine\n"
        "for p in load_routine(Path(sys.argv[1])).problems:\n"
        "    print(p.render())\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "broken.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    po = resource_path("locale", "de", "files.po").read_text(encoding="utf-8")
    german = {e.msgid: e.forms[0] for e in i18n.read_po(po) if e.msgid}
    message = german["unknown key '{key}' in an exercise"].format(key="hodl")
    close = german["did you mean '{close}'?"].format(close="hold")
    hint = german["hint: {hint}"].format(hint=close)
    assert run.stdout == f"{tmp_path / 'broken.yaml'}:8:5: {message}\n    {hint}\n"
