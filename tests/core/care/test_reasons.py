"""A care change's reason as a code with its values: said the same way the rules say it,
kept in a stored form that reads back, and anything else refused (the stored sentence is
shown then)."""

from __future__ import annotations

import pytest

from backtimer.core.care.body import BodyRegion, BodySide, PainSite
from backtimer.core.care.changes import Dose, Proposal
from backtimer.core.care.reasons import Reason, ReasonCode, decode, encode, render
from backtimer.core.care.rules import ExerciseOutcome, review
from backtimer.core.care.stops import after_pain

THIGH = PainSite(BodyRegion.THIGH, BodySide.LEFT)
BUTTOCK = PainSite(BodyRegion.BUTTOCK, None)

EVERY_REASON = [
    Reason(ReasonCode.PAIN_ABOVE_LIMIT, "Bridge", rating=5, limit=4),
    Reason(ReasonCode.PAIN_CHANGE, "Bridge", rating=7),
    Reason(ReasonCode.WORSE_AFTER, "Bridge", before=2, after=5),
    Reason(ReasonCode.NOT_SETTLED, "Bridge", before=None, morning=6),
    Reason(ReasonCode.CALM, "Bridge", sessions=3),
    Reason(ReasonCode.PAIN_SPREAD, "Bridge", now_site=THIGH, before_site=BUTTOCK),
]


@pytest.mark.parametrize("reason", EVERY_REASON, ids=[r.code.value for r in EVERY_REASON])
def test_every_reason_reads_back_from_its_stored_form(reason: Reason) -> None:
    assert decode(encode(reason)) == reason


def test_the_sentence_names_the_values_and_another_name_can_be_said() -> None:
    spread = EVERY_REASON[-1]
    assert render(spread).startswith("Bridge is stopped for today")
    assert "now: thigh, left; last time: buttock" in render(spread)
    assert render(EVERY_REASON[3]).startswith("Your back was 6/10 the next morning (not rated")
    assert render(EVERY_REASON[1], "Puente") == (
        "Puente: pain reached 7/10 (6 or more: change the exercise)."
    )


def test_the_rules_keep_the_code_of_the_sentence_they_say() -> None:
    """What the person reads when a change is made is what the code says again later."""
    hurt = ExerciseOutcome(1, 7, True, None, None, None, False)
    made = review("bridge", "Bridge", [hurt], Dose(30, 2), pain_limit=5)
    assert isinstance(made, Proposal)
    assert made.why is not None
    assert made.why.code is ReasonCode.PAIN_ABOVE_LIMIT
    assert made.reason == render(made.why)
    stop, said = after_pain("bridge", "Bridge", BUTTOCK, THIGH, 1)
    assert stop is not None
    assert stop.why is not None
    assert stop.why.code is ReasonCode.PAIN_SPREAD
    assert stop.reason == said == render(stop.why)


@pytest.mark.parametrize(
    "stored",
    [
        "Bridge: pain reached 7/10 (6 or more: change the exercise).",  # an older sentence
        "",
        None,
        "[1, 2]",
        '{"code": "a_reason_of_a_newer_version", "exercise": "Bridge"}',
        '{"code": "pain_change", "exercise": "Bridge"}',  # its rating is missing
        '{"code": "pain_change", "exercise": "Bridge", "rating": "seven"}',
        '{"code": "pain_change", "exercise": 3, "rating": 7}',
        '{"code": "pain_spread", "exercise": "Bridge", "now_site": ["moon", null],'
        ' "before_site": ["buttock", null]}',
    ],
)
def test_anything_else_is_no_code(stored: str | None) -> None:
    assert decode(stored) is None
