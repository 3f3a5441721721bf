"""A session in German: a both-sides step is said whole per side, and the voice's side
and last-rep sentences come out whole, with no English word left.

The catalog is a small one in a temporary folder (the real ones may change); the voice
phrases are module constants translated at import, so the phrases module is loaded a
second time, on its own, after the language is chosen: the program does the same when
it starts in German (``use_language`` before the rest is imported).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from backtimer.core import i18n
from backtimer.core.routine import Exercise, Routine, Side, Sides, Step, step_text
from backtimer.core.session import phrases
from backtimer.core.session.events import Cue
from backtimer.core.session.timeline import Phase, PhaseKind, build_phases

STEP = "Put your {side} heel on the chair, {other} foot flat."
CATALOG = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Put your right heel on the chair, left foot flat."
msgstr "Legen Sie die rechte Ferse auf den Stuhl, den linken Fuß flach."

msgid "Put your left heel on the chair, right foot flat."
msgstr "Legen Sie die linke Ferse auf den Stuhl, den rechten Fuß flach."

msgid "Right side."
msgstr "Rechte Seite."

msgid "Left side."
msgstr "Linke Seite."

msgid "Hold."
msgstr "Halten."

msgid "Last rep. Hold."
msgstr "Letzte Wiederholung. Halten."

msgid "Switch to the left side."
msgstr "Wechseln Sie zur linken Seite."

msgid "Switch to the left side. Last side."
msgstr "Wechseln Sie zur linken Seite. Letzte Seite."

msgid "Rest. Next: the last rep, right side."
msgstr "Pause. Als Nächstes: die letzte Wiederholung, rechte Seite."
"""
#: Words that would show an English fragment left in a German sentence.
ENGLISH = re.compile(r"\b(right|left|side|switch|last|rep|rest|next|hold|heel|foot)\b", re.I)


@pytest.fixture
def german(tmp_path: Path) -> Iterator[ModuleType]:
    """German from the small catalog, and the phrases module as loaded in German."""
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "session.po").write_text(CATALOG, encoding="utf-8")
    name = "phrases_in_german"  # its own name: the program's module stays as it is
    try:
        assert i18n.use_language("de", root=tmp_path) == "de"
        spec = importlib.util.spec_from_file_location(name, phrases.__file__)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(name, None)
        i18n.use_language("en")


def _routine() -> Routine:
    ex = Exercise(
        id="ham", name="Beinstrecker", muscle_group="hamstrings", steps=(Step(STEP),),
        hold=25, gentle_hold=15, reps=2, rest=10, prepare=8, sides=Sides.BOTH,
    )  # fmt: skip
    return Routine(id="r", name="R", exercises=(ex,))


def _said(said: ModuleType, phases: list[Phase], kind: PhaseKind, cue: Cue) -> list[str]:
    return [
        said.utterance(cue, p, said.Announcements(), phases[i + 1] if i + 1 < len(phases) else None)
        for i, p in enumerate(phases)
        if p.kind is kind
    ]


def test_a_both_sides_step_is_looked_up_whole_per_side(german: ModuleType) -> None:
    step = Step(STEP)
    assert step_text(step, Side.RIGHT) == (
        "Legen Sie die rechte Ferse auf den Stuhl, den linken Fuß flach."
    )
    assert step_text(step, Side.LEFT) == (
        "Legen Sie die linke Ferse auf den Stuhl, den rechten Fuß flach."
    )
    # A sentence the catalog lacks stays English, whole.
    assert step_text(Step("Lie on your {side} side."), Side.LEFT) == "Lie on your left side."


def test_without_a_catalog_step_texts_are_english() -> None:
    assert step_text(Step(STEP), Side.LEFT) == "Put your left heel on the chair, right foot flat."


def test_the_voice_says_side_switches_and_the_last_rep_whole_in_german(
    german: ModuleType,
) -> None:
    phases = build_phases(_routine())
    switches = _said(german, phases, PhaseKind.SWITCH, Cue.SWITCH_SIDES)
    assert switches == [
        "Wechseln Sie zur linken Seite.",
        "Wechseln Sie zur linken Seite. Letzte Seite.",
    ]
    assert _said(german, phases, PhaseKind.REST, Cue.REST_START) == [
        "Pause. Als Nächstes: die letzte Wiederholung, rechte Seite."
    ]
    holds = _said(german, phases, PhaseKind.HOLD, Cue.HOLD_START)
    assert holds == ["Halten.", "Halten.", "Letzte Wiederholung. Halten.", "Halten."]
    prepare = next(p for p in phases if p.kind is PhaseKind.PREPARE)
    told = german.cue_phrases(Cue.PREPARE_START, prepare)
    assert told[1:] == (
        "Rechte Seite.",
        "Legen Sie die rechte Ferse auf den Stuhl, den linken Fuß flach.",
    )
    for sentence in (*switches, *holds, *told[1:]):
        assert not ENGLISH.search(sentence), sentence
    # The module the program runs with is untouched: it was loaded in English.
    assert phrases.SWITCH_LAST_SIDE[Side.LEFT] == "Switch to the left side. Last side."


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_shipped_session_catalogs_say_every_voice_phrase_with_its_placeholders(
    language: str,
) -> None:
    """Every entry of the shipped session catalog is translated and keeps its English
    placeholders, and every sentence the voice is built from is in it."""
    path = i18n.locale_root() / language / "session.po"
    entries = [e for e in i18n.read_po(path.read_text(encoding="utf-8")) if e.msgid]
    assert entries
    for e in entries:
        assert e.translated, e.msgid
        wanted = set(re.findall(r"\{\w+\}", e.msgid + e.plural_id))
        for form in e.forms:
            assert set(re.findall(r"\{\w+\}", form)) == wanted, (e.msgid, form)
    known = {e.msgid for e in entries}
    spoken: list[str] = []
    for name, value in vars(phrases).items():
        if not name.isupper() or name == "SIDE_NAMES":
            continue
        if isinstance(value, str):
            spoken.append(value)
        elif isinstance(value, dict):
            spoken += [v for v in value.values() if isinstance(v, str)]
    assert len(spoken) > 20
    assert [s for s in spoken if s not in known] == []
