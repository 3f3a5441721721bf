"""A care change's reason is said in the language in use when it is read: made while
BackTimer spoke English, it reads in German after the switch, the shipped exercise's
name included; a change stored before reasons had codes reads as it was stored. A
history of the schema-1 release opens and takes coded reasons."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from backtimer.core.care.changes import ChangeKind, Proposal
from backtimer.core.care.reasons import REASON_RED, Reason, ReasonCode, render
from backtimer.core.history.migrations import MIGRATIONS, SCHEMA_VERSION, user_version
from backtimer.core.history.opening import DB_NAME
from backtimer.core.i18n import load_catalog, locale_root

from ..store_helpers import T0, open_store

FIXTURE = Path(__file__).parents[2] / "data" / "history" / "history-v1.sqlite3"
OLD_SENTENCE = "Knee to chest: pain reached 7/10 (6 or more: change the exercise)."
DAY = dt.date(2025, 6, 15)
READ = """
import json, sys
from pathlib import Path
from backtimer.core.i18n import use_language
use_language(sys.argv[1])
from backtimer.core.history.store import HistoryStore
store = HistoryStore.open(Path(sys.argv[2]), read_only=True).store
print(json.dumps([c.proposal.reason for c in store.care_changes()]))
"""


def _coded(exercise_id: str = "knee-to-chest", name: str = "Knee to chest") -> Proposal:
    why = Reason(ReasonCode.PAIN_CHANGE, name, rating=7)
    return Proposal(exercise_id, ChangeKind.SHORTER_HOLD, 5, render(why), True, None, why)


def _reasons_in(language: str, folder: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", READ, language, str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, LANGUAGE=language),
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def test_a_coded_reason_reads_in_the_language_in_use(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.add_care_change(_coded(), T0, DAY)
    store.add_care_change(_coded("my-own", "Mi estiramiento"), T0 + 1, DAY)
    store.close()
    german = load_catalog("de", sorted((locale_root() / "de").glob("*.po")))
    sentence = german.get(REASON_RED)
    name = german.get("Knee to chest")
    assert sentence is not None
    assert name is not None
    assert _reasons_in("de", tmp_path) == [
        sentence.format(exercise=name, rating=7),
        sentence.format(exercise="Mi estiramiento", rating=7),  # the person's own name
    ]
    assert _reasons_in("en", tmp_path)[0] == OLD_SENTENCE


def test_the_sentence_as_said_is_kept_in_the_file(tmp_path: Path) -> None:
    """For older BackTimers and anyone reading the file: the sentence, beside the code."""
    store = open_store(tmp_path)
    store.add_care_change(_coded(), T0, DAY)
    store.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    try:
        reason, code = conn.execute("SELECT reason, reason_code FROM care_changes").fetchone()
    finally:
        conn.close()
    assert reason == OLD_SENTENCE
    assert json.loads(code)["code"] == "pain_change"


def _history_before_codes(folder: Path) -> None:
    """A file at the schema before reason codes, with one care change in it."""
    before = MIGRATIONS.index(next(m for m in MIGRATIONS if "reason_code" in m))
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        for number, script in enumerate(MIGRATIONS[:before], 1):
            conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")
        conn.execute(
            "INSERT INTO care_changes(made_at, day, exercise_id, kind, amount, reason,"
            " automatic, status) VALUES(?, ?, 'knee-to-chest', 'shorter_hold', 5, ?, 1,"
            " 'applied')",
            (T0, DAY.isoformat(), OLD_SENTENCE),
        )
        conn.commit()
    finally:
        conn.close()


def test_an_older_change_reads_as_it_was_stored(tmp_path: Path) -> None:
    _history_before_codes(tmp_path)
    assert _reasons_in("de", tmp_path) == [OLD_SENTENCE]  # read-only: not migrated
    store = open_store(tmp_path)  # migrates
    assert user_version(store._conn) == SCHEMA_VERSION
    [change] = store.care_changes()
    assert (change.proposal.reason, change.proposal.why) == (OLD_SENTENCE, None)
    store.close()


def test_a_schema_1_history_migrates_and_keeps_coded_reasons(tmp_path: Path) -> None:
    shutil.copyfile(FIXTURE, tmp_path / DB_NAME)
    store = open_store(tmp_path)
    assert user_version(store._conn) == SCHEMA_VERSION
    assert len(store.sessions()) == 3
    made = store.add_care_change(_coded(), T0, DAY)
    [read] = store.care_changes()
    assert read == made
    store.close()
