"""The clinician's report: page one in a minute, details after; ``backtimer report`` from
the command line refuses bad periods with a message, an exit code and no file."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.cli import main
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.history.report_pdf import ReportError, write_report

from .care_history import DAYS, END, make_care_history
from .pdf_text import pdf_text

FIRST = END - dt.timedelta(days=DAYS - 1)


def pages_of(path: Path) -> list[str]:
    return pdf_text(path).split("\f")


def test_page_one_holds_what_a_clinician_needs(qtbot: QtBot, tmp_path: Path) -> None:
    """Prescription, adherence's place, the pain trend with its 2-point changes, each stop
    with where it hurt and what followed, the changes, goals and left against right."""
    store = make_care_history(tmp_path / "data")
    out = tmp_path / "report.pdf"
    write_report(
        store, out, FIRST, END, routine=load_builtin(), now=dt.datetime(2025, 6, 21).timestamp()
    )
    one, *details = pages_of(out)
    text = " ".join(one.split())
    assert "Hamstring stretch: 20 s × 1 each side" in text  # 25 s less the 5 s change
    assert "Adherence:" in text
    assert "Back pain (0–10) before, after and the next morning" in text
    assert "3 changes of 2 points or more" in text
    assert "below the knee, left" in text
    assert "ended the session; then: stopped for today, shorter hold" in text
    assert "Changes BackTimer made (2)" in text
    assert "hold 30 s on the left side" in text
    assert "Left and right" in text
    assert "not a medical device" in text
    assert any("Every pain event (3)" in page for page in details)


def test_report_pages_render_to_png(qtbot: QtBot, tmp_path: Path) -> None:
    """pdftoppm draws every page: the PDF is whole."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    store = make_care_history(tmp_path / "data")
    out = tmp_path / "report.pdf"
    write_report(store, out, FIRST, END, routine=load_builtin())
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "p")], check=True, timeout=60
    )
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) >= 2
    assert all(p.stat().st_size > 1000 for p in pngs)


def test_no_sessions_in_the_period_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    store = make_care_history(tmp_path / "data")
    out = tmp_path / "report.pdf"
    with pytest.raises(ReportError, match="no sessions from 2025-05-01 to 2025-05-10"):
        write_report(store, out, dt.date(2025, 5, 1), dt.date(2025, 5, 10))
    assert list(tmp_path.glob("*.pdf*")) == []


def _cli(tmp_path: Path, *extra: str) -> int:
    return main(["report", "--data-dir", str(tmp_path / "data"), *extra])


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("--since", "2025-06-20", "--until", "2025-06-07"), 2, "before it starts"),
        (("--since", "2999-01-01"), 2, "in the future"),
        (("--until", "2999-01-01"), 2, "in the future"),
        (("--since", "7/6/25"), 2, "YYYY-MM-DD"),
        (("--since", "2025-05-01", "--until", "2025-05-10"), 1, "no sessions"),
    ],
)
def test_report_command_refuses_bad_periods(
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    code: int,
    words: str,
) -> None:
    """A clear message on stderr, the exit code, and no PDF at all."""
    make_care_history(tmp_path / "data").close()
    out = tmp_path / "r.pdf"
    assert _cli(tmp_path, *args, "--output", str(out)) == code
    assert words in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.glob(".r.pdf*")) == []


def test_report_command_writes_the_pdf(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_care_history(tmp_path / "data").close()
    out = tmp_path / "r.pdf"
    assert (
        _cli(
            tmp_path, "--since", FIRST.isoformat(), "--until", END.isoformat(), "--output", str(out)
        )
        == 0
    )
    assert "Wrote the report" in capsys.readouterr().out
    assert "Stops for pain (3)" in pdf_text(out)


def test_report_command_wants_a_pdf_name_and_a_history(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path, "--output", str(tmp_path / "r.txt")) == 2
    assert ".pdf" in capsys.readouterr().err
    assert _cli(tmp_path, "--output", str(tmp_path / "r.pdf")) == 1  # no history yet
    assert "no history" in capsys.readouterr().err.lower()


def test_history_chart_draws_both_sides_of_a_group(qtbot: QtBot, tmp_path: Path) -> None:
    """Choosing a muscle group, the chart carries each side's longest hold (left grew from
    20 s to 33 s while the right stayed at 30 s)."""
    from backtimer.gui.history.history_window import HistoryWindow

    window = HistoryWindow(make_care_history(tmp_path / "data"), today=END)
    qtbot.addWidget(window)
    window.group_box.setCurrentIndex(window.group_box.findData("hamstrings"))
    sided = [b for b in window.chart.buckets if b.longest_left or b.longest_right]
    assert sided
    assert {b.longest_right for b in sided} == {30.0}
    assert max(b.longest_left for b in sided) == 33.0
    assert min(b.longest_left for b in sided) == 20.0


def test_history_details_show_check_ins_and_where_it_hurt(qtbot: QtBot, tmp_path: Path) -> None:
    from backtimer.gui.history.history_window import HistoryWindow

    window = HistoryWindow(make_care_history(tmp_path / "data"), today=END)
    qtbot.addWidget(window)
    row = window.model.row_of(FIRST + dt.timedelta(days=2))  # the day it spread below the knee
    assert row is not None
    window.show_session(window.model.session(row))
    cells = [" ".join(r) for r in window.detail_rows()]
    assert any("Back pain before" in c and "4/10" in c for c in cells)
    assert any("Back pain next morning" in c and "6/10" in c for c in cells)
    assert any("below the knee, left" in c for c in cells)


def test_report_of_a_history_written_by_the_previous_release(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The schema-1 fixture, read without being written: the report is made, and says
    that no check-ins and no sites were given back then."""
    fixture = Path(__file__).parents[1] / "data" / "history" / "history-v1.sqlite3"
    (tmp_path / "data").mkdir()
    shutil.copyfile(fixture, tmp_path / "data" / "history.sqlite3")
    before = (tmp_path / "data" / "history.sqlite3").read_bytes()
    out = tmp_path / "old.pdf"
    code = _cli(tmp_path, "--since", "2025-06-14", "--until", "2025-06-19", "--output", str(out))
    assert code == 0, capsys.readouterr().err
    text = " ".join(pdf_text(out).split())
    assert "No check-ins in this period" in text
    assert "Stops for pain (3)" in text
    assert "not said" in text
    assert (tmp_path / "data" / "history.sqlite3").read_bytes() == before
