"""The care and history texts in German and Spanish: every string the care, history and
report modules mark has a whole translation with the same placeholders, and dates and
decimals come out in the language (month and weekday names, the decimal comma)."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core import formats, i18n

ROOT = Path(__file__).resolve().parents[2]
AREA = [
    *(ROOT / "src/backtimer/core/care").glob("*.py"),
    *(ROOT / "src/backtimer/core/history").glob("*.py"),
    *(ROOT / "src/backtimer/gui/care").glob("*.py"),
    *(p for p in (ROOT / "src/backtimer/gui/history").glob("*.py") if p.name != "report_cli.py"),
    ROOT / "src/backtimer/core/formats.py",
]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def marked(path: Path) -> Iterator[tuple[str, str, str]]:
    """(context, msgid, plural) of each _(), pgettext() and ngettext() call in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        values = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if node.func.id == "_":
            yield "", values[0], ""
        elif node.func.id == "pgettext":
            yield values[0], values[1], ""
        elif node.func.id == "ngettext":
            yield "", values[0], values[1]


def catalog(language: str) -> dict[tuple[str, str], i18n.PoEntry]:
    text = (ROOT / "resources/locale" / language / "care.po").read_text(encoding="utf-8")
    return {(e.context, e.msgid): e for e in i18n.read_po(text) if e.msgid}


def test_the_area_marks_its_texts() -> None:
    """The scan finds the texts it should (a broken scan would pass the next test empty)."""
    found = {msgid for path in AREA for _c, msgid, _p in marked(path)}
    assert "How is your back now?" in found
    assert "Do you have pain, or sciatica, in both legs?" in found
    assert "Streak: {n} day" in found


@pytest.mark.parametrize("language", ["de", "es"])
def test_every_marked_text_is_translated_whole(language: str) -> None:
    entries = catalog(language)
    problems = []
    for path in AREA:
        for context, msgid, plural in marked(path):
            entry = entries.get((context, msgid))
            where = f"{path.name}: {msgid!r}"
            if entry is None or not entry.translated:
                problems.append(f"untranslated {where}")
                continue
            if plural and (entry.plural_id != plural or len(entry.forms) != 2):
                problems.append(f"plural forms {where}")
                continue
            wanted = set(PLACEHOLDER.findall(plural or msgid))
            last = entry.forms[-1]
            if set(PLACEHOLDER.findall(last)) != wanted:
                problems.append(f"placeholders {where}: {last!r}")
    assert problems == []


@pytest.fixture
def speaking() -> Iterator[None]:
    """After the test: English again, and the formats module re-read in English."""
    yield
    i18n.use_language("en")
    importlib.reload(formats)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ("01. Dez. 2026", "Dienstag, 01. Dezember 2026", "Sa., 06. Juni 2026", "2,5")),
        ("es", ("01 dic 2026", "martes, 01 de diciembre de 2026", "sáb 06 jun 2026", "2,5")),
        ("en", ("01 Dec 2026", "Tuesday 01 December 2026", "Sat 06 Jun 2026", "2.5")),
    ],
)
def test_dates_and_decimals_in_the_language(
    language: str, expected: tuple[str, ...], speaking: None
) -> None:
    i18n.use_language(language)
    importlib.reload(formats)
    shown = (
        formats.date(dt.date(2026, 12, 1)),
        formats.weekday_date_long(dt.date(2026, 12, 1)),
        formats.weekday_date(dt.date(2026, 6, 6)),
        formats.decimal(2.5),
    )
    assert shown == expected


def test_a_whole_number_has_no_separator_and_places_round(speaking: None) -> None:
    i18n.use_language("de")
    importlib.reload(formats)
    assert formats.decimal(20.0) == "20"
    assert formats.decimal(1.25, 1) == "1,2"
    assert formats.month_year(dt.date(2026, 3, 9)) == "März 2026"
