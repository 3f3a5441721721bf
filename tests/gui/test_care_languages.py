"""The clinician's report in German and Spanish: page one and the details speak the
language, month and weekday names included, with the decimal comma.

The language is chosen before the program's modules are imported (their texts are
translated at import), so each report is written by a fresh Python process, as a start
with ``--language`` would.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .care_history import DAYS, END, make_care_history
from .pdf_text import pdf_text

FIRST = END - dt.timedelta(days=DAYS - 1)
WRITE = """
import datetime as dt, sys
from pathlib import Path
from backtimer.core.i18n import use_language
use_language(sys.argv[1])
from PySide6.QtGui import QGuiApplication
from backtimer.core.history.store import HistoryStore
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.history.report_pdf import write_report
app = QGuiApplication([])
store = HistoryStore.open(Path(sys.argv[2]), read_only=True).store
first, last = dt.date.fromisoformat(sys.argv[4]), dt.date.fromisoformat(sys.argv[5])
write_report(store, Path(sys.argv[3]), first, last, routine=load_builtin(),
             now=dt.datetime(2025, 6, 21).timestamp())
"""

EXPECTED = {
    "de": [
        "Zeitraum: Samstag, 07. Juni 2025 bis Freitag, 20. Juni 2025 (14 Tage)",
        "Rückenschmerz (0–10) vorher, nachher und am nächsten Morgen",
        "3 Veränderungen um 2 Punkte oder mehr",
        "Abbrüche wegen Schmerz (3)",
        "Oberschenkel, links",
        "9 Einheiten an 9 Tagen (4,5 pro Woche): 8 abgeschlossen, 1 wegen Schmerz beendet",
        "Seite 1",
    ],
    "es": [
        "Periodo: del sábado, 07 de junio de 2025 al viernes, 20 de junio de 2025 (14 días)",
        "Dolor de espalda (0–10) antes, después y a la mañana siguiente",
        "3 cambios de 2 puntos o más",
        "Paradas por dolor (3)",
        "muslo izquierdo",
        "9 sesiones en 9 días (4,5 a la semana): 8 completadas, 1 terminada por dolor",
        "página 1",
    ],
}


def write_report(language: str, tmp_path: Path) -> Path:
    """The care history's report, written in ``language`` by a fresh process (the
    language is chosen before anything is imported, as at start-up)."""
    make_care_history(tmp_path / "data").close()
    out = tmp_path / f"report-{language}.pdf"
    done = subprocess.run(
        [sys.executable, "-c", WRITE, language, str(tmp_path / "data"), str(out)]
        + [FIRST.isoformat(), END.isoformat()],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_report_speaks_the_language(language: str, tmp_path: Path) -> None:
    text = " ".join(pdf_text(write_report(language, tmp_path)).split())
    missing = [words for words in EXPECTED[language] if words not in text]
    assert missing == [], text[:3000]
    # Nothing of the English wording is left where a translation exists.
    for english in ("Stops for pain", "Back pain (0–10)", "page 1", "Period:", "June"):
        assert english not in text
