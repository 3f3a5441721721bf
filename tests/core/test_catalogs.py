"""The shipped catalogs: every text of the program and of the built-in content has a
German and a Spanish translation, each keeps the English text's {placeholders}, counts
have both forms, and every .po file reads."""

from __future__ import annotations

import re
import string
from collections import defaultdict
from pathlib import Path

import pytest

from backtimer.core.i18n import LANGUAGES, SOURCE_LANGUAGE, PoEntry, locale_root, read_po
from backtimer.core.translatable import Message, code_messages, content_messages

TRANSLATED = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def _po_files(language: str | None = None) -> list[Path]:
    root = locale_root()
    return sorted((root / language).glob("*.po") if language else root.glob("*/*.po"))


def _entries(language: str) -> dict[tuple[str, str], tuple[PoEntry, str]]:
    """Every entry of the language's catalogs, with the file (its area) it is in."""
    found: dict[tuple[str, str], tuple[PoEntry, str]] = {}
    for path in _po_files(language):
        for entry in read_po(path.read_text(encoding="utf-8")):
            if entry.msgid:
                found[(entry.context, entry.msgid)] = (entry, path.stem)
    return found


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}
    except ValueError:  # not a format string (a lone brace): compare the braces' words
        return set(re.findall(r"\{(\w*)\}", text))


def test_every_catalog_file_reads() -> None:
    files = _po_files()
    assert {p.parent.name for p in files} >= set(TRANSLATED)
    for path in files:
        entries = list(read_po(path.read_text(encoding="utf-8")))  # raises, naming the line
        header = [e for e in entries if e.msgid == "" and not e.context]
        assert header, f"{path}: no header"
        assert "Plural-Forms" in header[0].forms[0], f"{path}: no Plural-Forms header"


def test_texts_are_found_in_the_source(tmp_path: Path) -> None:
    (tmp_path / "gui").mkdir()
    (tmp_path / "gui" / "a.py").write_text(
        "from backtimer.core.i18n import _, ngettext, pgettext\n"
        'TITLE = _("Plan your " "week")\n'
        'REST = pgettext("button", "Rest")\n'
        "def f(n: int, name: str) -> str:\n"
        "    _(name)  # not a literal: not listed\n"
        '    return ngettext("{n} session", "{n} sessions", n).format(n=n)\n',
        encoding="utf-8",
    )
    found = {(m.where, m.context, m.text, m.plural) for m in code_messages(tmp_path)}
    assert found == {
        ("gui/a.py", "", "Plan your week", ""),
        ("gui/a.py", "button", "Rest", ""),
        ("gui/a.py", "", "{n} session", "{n} sessions"),
    }
    shipped = {m.where for m in code_messages()}
    assert {"cli.py", "gui/main_window.py"} <= shipped


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_is_translated(language: str) -> None:
    """Lists every missing text, grouped by the area (module or content file) it comes
    from, so each translator sees their share."""
    entries = _entries(language)
    missing: dict[str, list[str]] = defaultdict(list)
    wanted: list[Message] = code_messages() + content_messages()
    for message in wanted:
        found = entries.get((message.context, message.text))
        if found is None or not found[0].translated:
            label = f"[{message.context}] {message.text}" if message.context else message.text
            missing[message.where].append(label)
    report = "\n".join(
        f"  {where} ({len(texts)}):\n" + "\n".join(f"    {t!r}" for t in texts)
        for where, texts in sorted(missing.items())
    )
    count = sum(len(v) for v in missing.values())
    assert count == 0, f"{count} of {len(wanted)} texts have no {language} translation:\n{report}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders(language: str) -> None:
    wrong = []
    for (_context, msgid), (entry, area) in _entries(language).items():
        english = [msgid, entry.plural_id] if entry.plural_id else [msgid]
        for index, form in enumerate(entry.forms):
            if not form:
                continue
            source = english[min(index, len(english) - 1)]
            # a plural's singular may leave out {n} ("one session"): compare with both forms
            allowed = _placeholders(msgid) | _placeholders(entry.plural_id)
            if entry.plural_id:
                ok = _placeholders(form) <= allowed and _placeholders(form) >= (
                    _placeholders(source) - {"n"}
                )
            else:
                ok = _placeholders(form) == _placeholders(source)
            if not ok:
                wrong.append(f"{area}.po line {entry.line}: {msgid!r} -> {form!r}")
    assert not wrong, "placeholders differ from English:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", TRANSLATED)
def test_counts_have_both_forms(language: str) -> None:
    wrong = [
        f"{area}.po line {entry.line}: {entry.msgid!r} has {len(entry.forms)} forms"
        for entry, area in _entries(language).values()
        if entry.plural_id and len(entry.forms) != 2
    ]
    plurals = {(m.context, m.text) for m in code_messages() if m.plural}
    entries = _entries(language)
    wrong += [
        f"{entries[key][1]}.po: {key[1]!r} is a count (ngettext) but has no msgid_plural"
        for key in plurals
        if key in entries and not entries[key][0].plural_id
    ]
    assert not wrong, "\n".join(wrong)
