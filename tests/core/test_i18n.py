"""The translation mechanism: .po files read, merged and used, plural rules, the
system's language, and English whenever something is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core import i18n

HEADER = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"""


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.use_language("en")


def _catalogs(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "de"
    folder.mkdir()
    for name, body in files.items():
        (folder / f"{name}.po").write_text(HEADER + body, encoding="utf-8")
    return tmp_path


def test_translates_merges_files_and_keeps_english_for_what_is_missing(tmp_path: Path) -> None:
    root = _catalogs(
        tmp_path,
        session='\nmsgid "Rest"\nmsgstr "Pause"\n\n'
        'msgctxt "button"\nmsgid "Rest"\nmsgstr "Ruhen"\n',
        content='\n#: gentle-back.yaml\nmsgid "Lie on your back."\nmsgstr ""\n"Legen Sie sich "\n'
        '"auf den Rücken."\n\n#, fuzzy\nmsgid "Hold"\nmsgstr "Halten"\n',
    )
    assert i18n.use_language("de", root) == "de"
    assert i18n._("Rest") == "Pause"
    assert i18n.pgettext("button", "Rest") == "Ruhen"
    assert i18n._("Lie on your back.") == "Legen Sie sich auf den Rücken."
    assert i18n._("Hold") == "Hold", "a fuzzy entry is not yet a translation"
    assert i18n._("Not in any file") == "Not in any file"
    i18n.use_language("en")
    assert i18n._("Rest") == "Rest"


def test_plural_forms_follow_the_file_header(tmp_path: Path) -> None:
    body = (
        '\nmsgid "{n} rep"\nmsgid_plural "{n} reps"\n'
        'msgstr[0] "{n} Wiederholung"\nmsgstr[1] "{n} Wiederholungen"\n'
    )
    root = _catalogs(tmp_path, session=body)
    i18n.use_language("de", root)
    assert i18n.ngettext("{n} rep", "{n} reps", 1).format(n=1) == "1 Wiederholung"
    assert i18n.ngettext("{n} rep", "{n} reps", 0).format(n=0) == "0 Wiederholungen"
    assert i18n.ngettext("{n} side", "{n} sides", 2) == "{n} sides"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANGUAGE": "fr:es", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "es_ES.UTF-8"}, "de"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_the_first_one_spoken(
    environ: dict[str, str], expected: str
) -> None:
    assert i18n.system_language(environ) == expected


def test_a_broken_po_file_names_its_line() -> None:
    with pytest.raises(ValueError, match="line 3"):
        list(i18n.read_po('msgid "a"\nmsgstr "b"\nnonsense "c"\n'))


def test_escapes_in_po_strings_are_read_as_gettext_writes_them() -> None:
    (entry,) = i18n.read_po('msgid "Say \\"stop\\"\\n\\tnow \\\\ here"\nmsgstr "x"\n')
    assert entry.msgid == 'Say "stop"\n\tnow \\ here'
