"""The history as CSV or JSON, for spreadsheets, clinicians and backups.

Times are local ISO 8601 with the UTC offset (``2025-03-04T08:15:02+01:00``); durations
are seconds with one decimal; sides are ``right``, ``left`` or empty (one-sided stretch).

CSV: one row per record, sessions first and each followed by its holds, pauses and pain
events in the order they happened. Columns, in this order:

====================  ======================================================================
``record``            ``session``, ``hold``, ``pause``, ``pain`` or ``checkin``
``session_id``        the session's number (same on all rows of one session)
``session_start``     when the session started
``session_end``       when it ended (empty if the program was killed: ``interrupted``)
``routine``           the routine's name: a shipped routine's in the language of the
                      export (see below), the person's own as they typed it
``outcome``           ``completed``, ``ended_by_user``, ``ended_for_pain``,
                      ``ended_by_system`` (stopped by a signal, logout or shutdown; every
                      hold kept), ``interrupted`` (killed: nothing after the last hold)
``time``              when this record happened (hold: its start)
``exercise``          exercise id (hold, pain)
``muscle_group``      muscle group (hold, pain)
``side``              ``right``/``left``/empty
``rep``               repetition number, 1-based (hold)
``planned_s``         seconds the hold was planned to last (hold)
``held_s``            seconds actually held (hold); seconds into the phase (pain);
                      length of the pause (pause)
``gentle``            ``yes`` when held in gentle mode (hold, session)
``completed``         ``yes`` when the hold ran to its end, ``no`` when cut short (hold)
``pain_rating``       0-10 rating given after stopping, empty if none (pain); the
                      answer to "How is your back now?" (checkin)
``pain_choice``       ``end``, ``gentler``, ``skip``, ``resume``, or empty (pain)
``pain_phase``        the phase it happened in: ``hold``, ``prepare``, ``rest``... (pain);
                      ``user``/``stall``/``pain`` for a pause's reason;
                      ``before``/``after``/``morning`` for a check-in (morning: the
                      next morning, at the first launch of the day after the session)
``note``              the person's note (pain)
``pain_region``       where it hurt, from the body map: ``lower_back``, ``buttock``,
                      ``thigh``, ``below_knee``; empty if not said (pain)
``pain_body_side``    ``left``, ``right`` or ``both``; empty if not said (pain)
``planned_sessions``  sessions of this routine the person's plan prescribed that day (day)
``done_sessions``     of those, how many were done: a session with at least one hold (day)
====================  ======================================================================

Names: the file keeps each session's routine name as it was when the session ran, in
the language in use then; the export writes a routine BackTimer ships by its name in the
language in use now (``shown_names``), like the history window and the report, so one
routine has one name in a spreadsheet and a German clinician reads German names. The
person's own routine names are written as typed; ``routine_id`` (JSON) names the
routine exactly either way. Exercises are written by id.

After the sessions come the ``day`` rows, one per planned routine and day from the day it
was first planned to today: ``routine`` and ``time`` (the date, YYYY-MM-DD) and the last
two columns; every other column is empty (``adherence_export``).

JSON: ``{"format": "backtimer-history", "version": 1, "exported_at", "sessions": [...],
"goals": [...], "care_changes": [...], "red_flag_screens": [...], "plan": [...],
"adherence": {...}}``; each session has
``id, routine_id, routine, started_at, ended_at, outcome, gentle`` and lists ``holds``,
``pains``, ``pauses`` and ``checkins`` with the fields above (numbers as numbers,
``null`` for none). A pain has ``region`` and ``body_side``; a check-in ``time, kind,
rating``; a goal ``side`` (``null``: both sides). A care change has ``made_at, day,
exercise, kind`` (``shorter_hold``, ``fewer_reps``, ``longer_hold``, ``more_reps``,
``stop_for_today``, ``see_clinician``), ``amount`` (seconds or reps), ``reason``,
``reason_code``, ``automatic``, ``source_session``, ``status`` (``applied``,
``offered``, ``declined``, ``undone``) and ``decided_at``; ``reason`` is the sentence in
the language of the export when the change has a ``reason_code`` (``pain_above_limit``,
``pain_change``, ``worse_after``, ``not_settled``, ``calm``, ``pain_spread``), else (an
older change: ``null``) as it was said when the change was made. A red-flag screen has
``time, origin, answers`` (each question's id: true for yes) and ``any_yes``. Fields
were only ever added: version 1
readers still read it. ``plan`` lists the planned routines (``routine_id,
routine, since, schedule``) and ``adherence`` has ``days`` (``date, planned, done``) and
``weeks`` (``week_of``: the Monday, ``planned, done``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, TextIO

from backtimer.core.care.changes import CareChange
from backtimer.core.care.checkins import CheckIn
from backtimer.core.history.adherence_export import adherence_json, routine_days
from backtimer.core.history.rows import SessionRow, StoredHold, StoredPain, StoredPause
from backtimer.core.history.shown_names import routine_name
from backtimer.core.history.store import HistoryStore
from backtimer.core.programme.due import local_zone

CSV_COLUMNS: tuple[str, ...] = (
    "record",
    "session_id",
    "session_start",
    "session_end",
    "routine",
    "outcome",
    "time",
    "exercise",
    "muscle_group",
    "side",
    "rep",
    "planned_s",
    "held_s",
    "gentle",
    "completed",
    "pain_rating",
    "pain_choice",
    "pain_phase",
    "note",
    "pain_region",
    "pain_body_side",
    "planned_sessions",
    "done_sessions",
)

FORMATS = ("csv", "json")


def iso(t: float | None) -> str:
    """Local ISO 8601 time with offset; empty for None."""
    if t is None:
        return ""
    local = time.localtime(t)  # much faster than datetime for 60,000 rows
    offset = local.tm_gmtoff
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return time.strftime("%Y-%m-%dT%H:%M:%S", local) + f"{sign}{hours:02d}:{minutes:02d}"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _by_session(
    store: HistoryStore,
) -> tuple[
    list[SessionRow],
    dict[int, list[StoredHold]],
    dict[int, list[StoredPain]],
    dict[int, list[StoredPause]],
]:
    holds: dict[int, list[StoredHold]] = defaultdict(list)
    pains: dict[int, list[StoredPain]] = defaultdict(list)
    pauses: dict[int, list[StoredPause]] = defaultdict(list)
    for h in store.holds():
        holds[h.session_id].append(h)
    for p in store.pains():
        pains[p.session_id].append(p)
    for q in store.pauses():
        pauses[q.session_id].append(q)
    return store.sessions(), holds, pains, pauses


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def csv_rows(store: HistoryStore) -> Iterator[list[str]]:
    """The CSV data rows, each a list in ``CSV_COLUMNS`` order."""
    session_id = None
    base: list[str] = []
    for r in store.export_rows():
        if r.session_id != session_id:  # the session's columns, formatted once per session
            session_id = r.session_id
            base = [
                str(r.session_id),
                iso(r.session_start),
                iso(r.session_end),
                routine_name(r.routine_id, r.routine_name),
                r.outcome,
            ]
        yield [
            r.record,
            *base,
            base[1] if r.record == "session" else iso(r.time),
            r.exercise_id or "",
            r.muscle_group or "",
            r.side or "",
            "" if r.rep is None else str(r.rep),
            _num(r.planned),
            _num(r.held),
            "" if r.gentle is None else _yes(bool(r.gentle)),
            _yes(bool(r.completed)) if r.record == "hold" else "",
            "" if r.rating is None else str(r.rating),
            r.choice or "",
            r.phase or "",
            r.note or "",
            r.region or "",
            r.body_side or "",
            "",
            "",
        ]


def write_csv(store: HistoryStore, out: TextIO) -> int:
    """Write the CSV (header first) to ``out``; returns the number of data rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in csv_rows(store):
        writer.writerow(row)
        n += 1
    for day in routine_days(store, dt.date.today(), local_zone()):
        empty = [""] * (len(CSV_COLUMNS) - 9)  # between the date and the two counts
        writer.writerow(
            ["day", "", "", "", routine_name(day.routine_id, day.routine_name)]
            + ["", day.day.isoformat(), *empty]
            + [str(day.planned), str(day.done)]
        )
        n += 1
    return n


def history_json(store: HistoryStore, now: float) -> dict[str, Any]:
    """The whole history as plain JSON-ready values (see the module docstring)."""
    sessions, holds, pains, pauses = _by_session(store)
    checkins: dict[int | None, list[CheckIn]] = defaultdict(list)
    for c in store.checkins():
        checkins[c.session_id].append(c)
    out: list[dict[str, Any]] = []
    for s in sessions:
        out.append(
            {
                "id": s.id,
                "routine_id": s.routine_id,
                "routine": routine_name(s.routine_id, s.routine_name),
                "started_at": iso(s.started_at),
                "ended_at": iso(s.ended_at) or None,
                "outcome": s.outcome.value,
                "gentle": s.gentle,
                "holds": [_hold_json(h) for h in holds.get(s.id, ())],
                "pains": [_pain_json(p) for p in pains.get(s.id, ())],
                "pauses": [
                    {
                        "time": iso(q.pause.at),
                        "seconds": round(q.pause.seconds, 1),
                        "reason": q.pause.reason.value,
                    }
                    for q in pauses.get(s.id, ())
                ],
                "checkins": [
                    {"time": iso(c.at), "kind": c.kind.value, "rating": c.rating}
                    for c in checkins.get(s.id, ())
                ],
            }
        )
    goals = [
        {
            "id": g.id,
            "muscle_group": g.muscle_group,
            "kind": g.kind.value,
            "target": g.target,
            "due": g.due.isoformat(),
            "created_at": iso(g.created_at),
            "finished_at": iso(g.finished_at) or None,
            "note": g.note,
            "side": g.side.value if g.side else None,
        }
        for g in store.goals()
    ]
    today = dt.datetime.fromtimestamp(now, local_zone()).date()
    return {
        "format": "backtimer-history",
        "version": 1,
        "exported_at": iso(now),
        "sessions": out,
        "goals": goals,
        **adherence_json(store, today, local_zone()),
        "care_changes": [_change_json(c) for c in store.care_changes()],
        "red_flag_screens": [
            {
                "time": iso(r.at),
                "origin": r.origin,
                "answers": {flag.value: yes for flag, yes in r.answers.items()},
                "any_yes": r.any_yes,
            }
            for r in store.red_flag_screens()
        ],
    }


def _change_json(c: CareChange) -> dict[str, Any]:
    p = c.proposal
    return {
        "made_at": iso(c.made_at),
        "day": c.day.isoformat(),
        "exercise": p.exercise_id,
        "kind": p.kind.value,
        "amount": p.amount,
        "reason": p.reason,
        "reason_code": p.why.code.value if p.why else None,
        "automatic": p.automatic,
        "source_session": p.source_session,
        "status": c.status.value,
        "decided_at": iso(c.decided_at) or None,
    }


def _hold_json(h: StoredHold) -> dict[str, Any]:
    r = h.hold
    return {
        "time": iso(r.started_at),
        "ended": iso(r.ended_at),
        "exercise": r.exercise_id,
        "muscle_group": r.muscle_group,
        "side": r.side.value if r.side else None,
        "rep": r.rep,
        "planned_s": round(r.planned, 1),
        "held_s": round(r.held, 1),
        "gentle": r.gentle,
        "completed": r.completed,
    }


def _pain_json(p: StoredPain) -> dict[str, Any]:
    e = p.pain
    return {
        "time": iso(e.at),
        "phase": e.phase,
        "exercise": e.exercise_id,
        "muscle_group": e.muscle_group,
        "side": e.side.value if e.side else None,
        "held_s": round(e.held, 1),
        "rating": e.rating,
        "choice": e.choice.value if e.choice else None,
        "note": e.note,
        "region": e.site.region.value if e.site else None,
        "body_side": e.site.side.value if e.site and e.site.side else None,
    }


def write_json(store: HistoryStore, out: TextIO, now: float) -> int:
    """Write the JSON document to ``out``; returns the number of sessions."""
    doc = history_json(store, now)
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(doc["sessions"])
