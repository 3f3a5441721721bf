"""``backtimer render-poses DIR``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from backtimer.core.poses.library import builtin_poses
from backtimer.gui.figure.render_poses import run_render_poses

POSES = sorted(builtin_poses())


def test_render_poses_writes_every_pose(qapp: object, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`backtimer render-poses DIR` writes a PNG per pose and the routine's steps."""
    assert run_render_poses([str(tmp_path), "--size", "64"]) == 0
    written = {p.stem for p in tmp_path.glob("*.png")}
    assert set(POSES) <= written
    assert len(list((tmp_path / "routine").glob("*.png"))) > len(POSES)
    assert not QImage(str(tmp_path / "psoas-lean.png")).isNull()
    assert "wrote" in capsys.readouterr().out
