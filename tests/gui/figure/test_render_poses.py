"""``backtimer render-poses DIR``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from backtimer.core.library.loader import load_library
from backtimer.core.poses.library import builtin_poses
from backtimer.core.routine import Sides
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.figure.render_poses import run_render_poses

POSES = sorted(builtin_poses())


def test_render_poses_writes_every_pose(qapp: object, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`backtimer render-poses DIR` writes a PNG per pose, the routine's steps and every
    library exercise's steps, once per side for exercises done on both sides."""
    assert run_render_poses([str(tmp_path), "--size", "64"]) == 0
    written = {p.stem for p in tmp_path.glob("*.png")}
    assert set(POSES) <= written
    routine = load_builtin()
    items = [*routine.warmup, *routine.exercises, *routine.cooldown]
    steps = sum(len(i.steps) * (2 if getattr(i, "sides", None) is Sides.BOTH else 1) for i in items)
    assert len(list((tmp_path / "routine").glob("*.png"))) == steps
    library = {p.stem for p in (tmp_path / "library").glob("*.png")}
    for entry in load_library().exercises:
        sides = ("-right", "-left") if entry.exercise.sides is Sides.BOTH else ("",)
        for n in range(1, len(entry.exercise.steps) + 1):
            assert {f"{entry.id}-{n}{side}" for side in sides} <= library
    assert not QImage(str(tmp_path / "psoas-lean.png")).isNull()
    assert "wrote" in capsys.readouterr().out
