"""The report's table columns fit their longest word: a German header or choice
("Danach", "beendet") is not broken inside where other columns have room to spare."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.i18n import load_catalog, locale_root
from backtimer.gui.history.report_pdf import PAIN_EVENTS_HEADERS, fit_columns

from .pdf_text import pdf_text
from .test_care_languages import write_report


def test_a_column_too_narrow_for_its_word_takes_room_from_the_others() -> None:
    widths = fit_columns([50.0, 30.0, 100.0], [20.0, 45.0, 40.0])
    assert widths[1] == 45.0  # what its word needs
    assert sum(widths) == pytest.approx(180.0)  # the page is not wider
    assert widths[0] > 20.0
    assert widths[2] > 40.0  # the others keep what they need
    assert fit_columns([50.0, 50.0], [40.0, 40.0]) == [50.0, 50.0]  # all fit: unchanged
    squeezed = fit_columns([50.0, 30.0, 30.0], [50.0, 40.0, 40.0])  # no room to spare
    assert squeezed == [50.0, 30.0, 30.0]


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_pain_events_headers_are_whole_words(language: str, tmp_path: Path) -> None:
    out = write_report(language, tmp_path)
    words = set(pdf_text(out).split())
    catalog = load_catalog(language, sorted((locale_root() / language).glob("*.po")))
    headers = [catalog.get(h) or h for h in PAIN_EVENTS_HEADERS]
    broken = [w for h in headers for w in h.split() if w not in words]
    assert broken == []
