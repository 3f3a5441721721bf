"""The traffic light, the smallest change that matters, and the 24-hour rule."""

from __future__ import annotations

import pytest

from backtimer.core.care.traffic import Zone, meaningful, settled, zone


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        (0, Zone.GO),
        (3, Zone.GO),
        (4, Zone.SETTLE),
        (5, Zone.SETTLE),
        (6, Zone.CHANGE),
        (10, Zone.CHANGE),
        (-1, Zone.GO),
        (11, Zone.CHANGE),
    ],
)
def test_zone_of_rating(rating: int, expected: Zone) -> None:
    """0–3 go, 4–5 acceptable if it settles, 6 or more change the exercise."""
    assert zone(rating) is expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (2, 4, 1),  # up by exactly 2: matters
        (2, 3, 0),  # up by 1: within the noise
        (5, 3, -1),  # down by 2: better
        (5, 4, 0),
        (None, 8, 0),  # nothing to compare with
        (3, None, 0),
    ],
)
def test_meaningful_change_is_two_points(
    before: int | None, after: int | None, expected: int
) -> None:
    """A change of 2 points on the 0–10 scale is the smallest that counts."""
    assert meaningful(before, after) == expected


@pytest.mark.parametrize(
    ("before", "morning", "expected"),
    [
        (2, None, None),  # not asked: unknown
        (5, 3, True),  # green zone is settled whatever it was
        (None, 3, True),
        (None, 4, False),  # no baseline: only 0–3 counts
        (4, 5, True),  # back within a point of before
        (2, 4, False),  # 2 points worse than before the session
        (6, 6, False),  # red zone in the morning is never settled
    ],
)
def test_settled_by_next_morning(
    before: int | None, morning: int | None, expected: bool | None
) -> None:
    """The 24-hour rule: settled means back within 2 points of before, or 0–3."""
    assert settled(before, morning) is expected
