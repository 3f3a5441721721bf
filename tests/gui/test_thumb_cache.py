"""Thumbnails of built-in poses are drawn once and then read back from the cache folder:
the same pixels, never those of another pose file, look or drawing code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QPixmap

from backtimer.core.poses.library import load_pose, pose_names
from backtimer.gui.figure import thumb_cache, thumbnails

SIZE = 64


@pytest.fixture(autouse=True)
def _fresh(tmp_path: Path) -> Iterator[None]:
    """Each test draws afresh into its own cache folder (conftest points it there)."""
    thumbnails._cached_pixmap.cache_clear()
    yield
    thumbnails._cached_pixmap.cache_clear()


def _stored_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "backtimer" / "thumbnails").glob("*/*.png"))


def _palette(window: str) -> QPalette:
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    return palette


def test_a_thumbnail_is_drawn_once_and_read_back_the_same(tmp_path: Path) -> None:
    """The first window draws a pose's thumbnail and keeps it; the next reads the same
    picture back without reading the pose."""
    name = pose_names()[0]
    drawn = thumbnails.pose_pixmap(name, SIZE)
    assert len(_stored_files(tmp_path)) == 1
    thumbnails._cached_pixmap.cache_clear()  # as in the next run
    load_pose.cache_clear()
    again = thumbnails.pose_pixmap(name, SIZE)
    assert load_pose.cache_info().currsize == 0  # not read, not drawn
    assert again.toImage() == drawn.toImage()
    assert not again.isNull()


def test_another_pose_file_or_look_is_never_taken_from_the_store() -> None:
    """What was stored for one pose file and palette is not given for another."""
    pix = QPixmap(SIZE, SIZE)
    pix.fill(QColor("red"))
    light, dark = _palette("#ffffff"), _palette("#000000")
    thumb_cache.store(b"pose: a", SIZE, None, 1.0, light, pix)
    assert thumb_cache.stored(b"pose: a", SIZE, None, 1.0, light) is not None
    assert thumb_cache.stored(b"pose: b", SIZE, None, 1.0, light) is None
    assert thumb_cache.stored(b"pose: a", SIZE, None, 1.0, dark) is None
    assert thumb_cache.stored(b"pose: a", SIZE * 2, None, 1.0, light) is None
    assert thumb_cache.stored(b"pose: a", SIZE, None, 2.0, light) is None


def test_thumbnails_of_older_drawing_code_are_cleared_away(tmp_path: Path) -> None:
    """Storing the first thumbnail of new drawing code removes the older code's folder."""
    old = tmp_path / "cache" / "backtimer" / "thumbnails" / "0123456789abcdef01234567"
    old.mkdir(parents=True)
    (old / "stale.png").write_bytes(b"not this")
    thumbnails.pose_pixmap(pose_names()[0], SIZE)
    assert not old.exists()
    assert len(_stored_files(tmp_path)) == 1


def test_a_cache_that_cannot_be_written_still_gives_thumbnails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cache folder's place taken by a file, thumbnails are drawn as before."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    pix = thumbnails.pose_pixmap(pose_names()[0], SIZE)
    assert not pix.isNull()
    assert blocked.read_text(encoding="utf-8") == "a file, not a folder"
