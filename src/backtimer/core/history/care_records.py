"""The care part of the history: check-ins, red-flag screens and the changes the care
rules made (schema 2). Writes and reads follow ``writes.py`` and ``queries.py``: each
write its own transaction, a failure a ``StoreError`` with a message for the person.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from backtimer.core.care.changes import CareChange, ChangeKind, ChangeStatus, Proposal
from backtimer.core.care.checkins import CheckIn, CheckInKind
from backtimer.core.care.reasons import decode, encode, render
from backtimer.core.care.red_flags import RedFlag
from backtimer.core.history.queries import _FOREVER, HistoryQueries
from backtimer.core.history.shown_names import exercise_name
from backtimer.core.history.writes import HistoryWrites


@dataclass(frozen=True)
class RedFlagScreen:
    at: float
    origin: str  #: "first_run" or "pain_panel"
    answers: Mapping[RedFlag, bool]
    any_yes: bool


def _change(r: sqlite3.Row) -> CareChange:
    why = decode(r["reason_code"])
    reason = r["reason"]  # as said when it was made; older rows have only this
    if why is not None:  # said again, in the language in use
        reason = render(why, exercise_name(r["exercise_id"], why.exercise))
    proposal = Proposal(
        exercise_id=r["exercise_id"],
        kind=ChangeKind(r["kind"]),
        amount=r["amount"],
        reason=reason,
        automatic=bool(r["automatic"]),
        source_session=r["source_session"],
        why=why,
    )
    return CareChange(
        id=r["id"],
        made_at=r["made_at"],
        day=dt.date.fromisoformat(r["day"]),
        proposal=proposal,
        status=ChangeStatus(r["status"]),
        decided_at=r["decided_at"],
    )


def _answers(text: str) -> dict[RedFlag, bool]:
    known = {f.value: f for f in RedFlag}
    try:
        raw = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {known[k]: bool(v) for k, v in raw.items() if k in known}


class CareRecords(HistoryWrites, HistoryQueries):
    """Check-ins, red-flag screens and care changes of a ``HistoryStore``."""

    # --- check-ins ---------------------------------------------------------------------

    def add_checkin(self, checkin: CheckIn) -> int:
        return self._write(
            "INSERT INTO checkins(session_id, at, kind, rating) VALUES(?,?,?,?)",
            (checkin.session_id, checkin.at, checkin.kind.value, checkin.rating),
        )

    def checkins(self, since: float | None = None, until: float | None = None) -> list[CheckIn]:
        """Check-ins given in [since, until), oldest first."""
        rows = self._read(
            "SELECT session_id, at, kind, rating FROM checkins WHERE at >= ? AND at < ?"
            " ORDER BY at, id",
            (since or 0.0, until if until is not None else _FOREVER),
        )
        return [
            CheckIn(r["at"], CheckInKind(r["kind"]), r["rating"], r["session_id"]) for r in rows
        ]

    def checkins_of(self, session_id: int) -> list[CheckIn]:
        """The check-ins about one session, oldest first (the morning one included)."""
        rows = self._read(
            "SELECT session_id, at, kind, rating FROM checkins WHERE session_id = ?"
            " ORDER BY at, id",
            (session_id,),
        )
        return [
            CheckIn(r["at"], CheckInKind(r["kind"]), r["rating"], r["session_id"]) for r in rows
        ]

    def session_checkins(self, session_id: int) -> dict[CheckInKind, int]:
        """The ratings given about one session, by kind (the last of each kind counts)."""
        rows = self._read(
            "SELECT kind, rating FROM checkins WHERE session_id = ? ORDER BY at, id",
            (session_id,),
        )
        return {CheckInKind(r["kind"]): r["rating"] for r in rows}

    def last_session_before(self, t: float) -> tuple[int, float] | None:
        """(id, start) of the last session started before ``t``, or None."""
        rows = self._read(
            "SELECT id, started_at FROM sessions WHERE started_at < ?"
            " ORDER BY started_at DESC, id DESC LIMIT 1",
            (t,),
        )
        return (rows[0]["id"], rows[0]["started_at"]) if rows else None

    def exercise_sessions(self, exercise_id: str, after_session: int, limit: int) -> list[int]:
        """The last ``limit`` sessions (ids, oldest first) after ``after_session`` that held
        ``exercise_id`` or had a pain event in it."""
        rows = self._read(
            "SELECT session_id FROM holds WHERE exercise_id = ? AND session_id > ?"
            " UNION SELECT session_id FROM pains WHERE exercise_id = ? AND session_id > ?"
            " ORDER BY session_id DESC LIMIT ?",
            (exercise_id, after_session, exercise_id, after_session, limit),
        )
        return sorted(r["session_id"] for r in rows)

    # --- red flags -----------------------------------------------------------------------

    def add_red_flag_screen(self, at: float, origin: str, answers: Mapping[RedFlag, bool]) -> int:
        text = json.dumps({flag.value: bool(yes) for flag, yes in answers.items()})
        return self._write(
            "INSERT INTO red_flag_screens(at, origin, answers, any_yes) VALUES(?,?,?,?)",
            (at, origin, text, int(any(answers.values()))),
        )

    def red_flag_screens(
        self, since: float | None = None, until: float | None = None
    ) -> list[RedFlagScreen]:
        rows = self._read(
            "SELECT at, origin, answers, any_yes FROM red_flag_screens WHERE at >= ? AND at < ?"
            " ORDER BY at, id",
            (since or 0.0, until if until is not None else _FOREVER),
        )
        return [
            RedFlagScreen(r["at"], r["origin"], _answers(r["answers"]), bool(r["any_yes"]))
            for r in rows
        ]

    # --- care changes --------------------------------------------------------------------

    def add_care_change(self, proposal: Proposal, made_at: float, day: dt.date) -> CareChange:
        """Store a proposal: applied at once if it is automatic, else offered."""
        status = ChangeStatus.APPLIED if proposal.automatic else ChangeStatus.OFFERED
        change_id = self._write(
            "INSERT INTO care_changes(made_at, day, exercise_id, kind, amount, reason,"
            " reason_code, automatic, source_session, status) VALUES(?,?,?,?,?,?,?,?,?,?)",
            (
                made_at,
                day.isoformat(),
                proposal.exercise_id,
                proposal.kind.value,
                proposal.amount,
                proposal.reason,
                None if proposal.why is None else encode(proposal.why),
                int(proposal.automatic),
                proposal.source_session,
                status.value,
            ),
        )
        return CareChange(change_id, made_at, day, proposal, status)

    def set_change_status(self, change_id: int, status: ChangeStatus, at: float) -> None:
        """Accept (``APPLIED``), decline or undo a change."""
        self._write(
            "UPDATE care_changes SET status=?, decided_at=? WHERE id=?",
            (status.value, at, change_id),
        )

    def care_changes(
        self, since: float | None = None, until: float | None = None
    ) -> list[CareChange]:
        """Changes made in [since, until), oldest first (the order they apply in)."""
        rows = self._read(
            "SELECT id, made_at, day, exercise_id, kind, amount, reason, reason_code,"
            " automatic, source_session, status, decided_at FROM care_changes"
            " WHERE made_at >= ? AND made_at < ? ORDER BY made_at, id",
            (since or 0.0, until if until is not None else _FOREVER),
        )
        return [_change(r) for r in rows]
