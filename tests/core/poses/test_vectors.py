"""The rotation helpers the skeleton is built with."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backtimer.core.poses.vectors import IDENTITY, Mat, apply, chain, mul, rx, ry, rz


@pytest.mark.parametrize("rot", [rx, ry, rz])
def test_rotations_about_one_axis_add_up(rot: Callable[[float], Mat]) -> None:
    """Turning by 30 then by 45 degrees about one axis is turning by 75."""
    got, want = mul(rot(30), rot(45)), rot(75)
    for row_got, row_want in zip(got, want, strict=True):
        assert row_got == pytest.approx(row_want, abs=1e-12)


def test_products_apply_right_to_left() -> None:
    """``chain(a, b)`` applied to a vector is ``b`` first, then ``a``."""
    v = (1.0, 2.0, 3.0)
    assert apply(chain(rz(90), rx(90)), v) == pytest.approx(apply(rz(90), apply(rx(90), v)))
    assert chain() == IDENTITY
