"""Where it hurts: peripheralisation stops the exercise, centralisation is a good sign."""

from __future__ import annotations

import pytest

from backtimer.core.care.body import BodyRegion as R
from backtimer.core.care.body import BodySide as S
from backtimer.core.care.body import PainSite, Spread, spread
from backtimer.core.care.changes import ChangeKind
from backtimer.core.care.stops import after_pain


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (PainSite(R.LOWER_BACK), PainSite(R.BUTTOCK, S.LEFT), Spread.PERIPHERALISED),
        (PainSite(R.BUTTOCK, S.LEFT), PainSite(R.BELOW_KNEE, S.LEFT), Spread.PERIPHERALISED),
        (PainSite(R.THIGH, S.LEFT), PainSite(R.THIGH, S.BOTH), Spread.PERIPHERALISED),
        (PainSite(R.BELOW_KNEE, S.RIGHT), PainSite(R.THIGH, S.RIGHT), Spread.CENTRALISED),
        (PainSite(R.BUTTOCK, S.RIGHT), PainSite(R.LOWER_BACK), Spread.CENTRALISED),
        (PainSite(R.THIGH, S.RIGHT), PainSite(R.THIGH, S.LEFT), Spread.SAME),
        (None, PainSite(R.THIGH, S.RIGHT), Spread.UNKNOWN),
        (PainSite(R.THIGH, S.RIGHT), None, Spread.UNKNOWN),
    ],
)
def test_spread_between_two_events(
    before: PainSite | None, now: PainSite | None, expected: Spread
) -> None:
    """Further from the spine, or into both legs, is spreading; nearer is centralising."""
    assert spread(before, now) is expected


def test_spreading_pain_stops_the_exercise_for_today_with_a_reason() -> None:
    """The stop names the exercise and both places, and is made at once."""
    stop, words = after_pain(
        "hamstring",
        "Hamstring stretch",
        PainSite(R.THIGH, S.LEFT),
        PainSite(R.BELOW_KNEE, S.LEFT),
        7,
    )
    assert stop is not None
    assert (stop.kind, stop.automatic, stop.source_session) == (ChangeKind.STOP_FOR_TODAY, True, 7)
    assert "Hamstring stretch is stopped for today" in words
    assert "below the knee, left" in words
    assert "thigh, left" in words
    assert stop.reason == words


def test_centralising_pain_is_a_good_sign_and_changes_nothing() -> None:
    stop, words = after_pain(
        "hamstring", "Hamstring stretch", PainSite(R.THIGH, S.LEFT), PainSite(R.BUTTOCK, S.LEFT), 7
    )
    assert stop is None
    assert "good sign" in words


@pytest.mark.parametrize(
    ("region", "side", "expected"),
    [
        ("thigh", "left", PainSite(R.THIGH, S.LEFT)),
        ("lower_back", None, PainSite(R.LOWER_BACK)),
        (None, "left", None),  # a row from before the body map
        ("elbow", "left", None),  # a value this version does not know
    ],
)
def test_site_from_stored_values(
    region: str | None, side: str | None, expected: PainSite | None
) -> None:
    assert PainSite.from_values(region, side) == expected
