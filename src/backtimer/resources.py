"""The one place that knows where the shipped resources live.

In a wheel, ``resources/`` is packaged as ``backtimer/resources``; in a source checkout or
an editable install it is the ``resources/`` folder at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_root() -> Path:
    """The folder holding ``routines/``, ``poses/``, ``sounds/`` and the schema."""
    packaged = _PACKAGE_DIR / "resources"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent.parent / "resources"  # src/backtimer -> repo root
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"BackTimer's resources are missing (looked in {packaged} and {checkout})"
    )


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("routines", "gentle-back.yaml")``."""
    return resource_root().joinpath(*parts)


def builtin_routine_path() -> Path:
    return resource_path("routines", "gentle-back.yaml")
