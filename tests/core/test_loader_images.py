"""Step pictures: only real, reasonably sized pictures inside the routine's own folder."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from backtimer.core.routine_file.loader import load_routine

ROUTINE = """\
format: 1
id: pics
name: Pictures
exercises:
  - id: one
    name: One
    muscle_group: neck
    steps:
      - text: Look left.
        image: {image}
"""


def png(width: int, height: int) -> bytes:
    """Just a PNG signature and IHDR chunk: all the loader reads."""
    ihdr = struct.pack(">II", width, height) + bytes([8, 6, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\0\0\0\0"


def check(folder: Path, image: str) -> tuple[int, int, str] | Path:
    """Load a routine in ``folder`` whose step shows ``image``; its one problem or the path."""
    path = folder / "routine.yaml"
    path.write_text(ROUTINE.format(image=image), encoding="utf-8")
    result = load_routine(path, known_poses=())
    if result.routine is not None:
        image_path = result.routine.exercises[0].steps[0].image
        assert image_path is not None
        return image_path
    assert len(result.problems) == 1, [p.render() for p in result.problems]
    problem = result.problems[0]
    assert problem.hint
    return (problem.line, problem.column, problem.message)


def test_picture_beside_the_routine_loads_as_absolute_path(tmp_path: Path) -> None:
    """A PNG in a subfolder loads; the step holds its resolved absolute path."""
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(png(100, 100))
    assert check(tmp_path, "pics/a.png") == (tmp_path / "pics" / "a.png").resolve()


@pytest.mark.parametrize(
    ("image", "words"),
    [
        ("/etc/passwd", "absolute"),
        ("~/a.png", "absolute"),
        ("../a.png", "'..'"),
        ("pics/../../a.png", "'..'"),
        ("https://example.com/a.png", "URL"),
        ("file:a.png", "URL"),
        ("C:/a.png", "URL or a drive"),
        ('"pics\\\\a.png"', "backslash"),
        ("missing.png", "does not exist"),
    ],
)
def test_unsafe_or_missing_paths_are_refused(tmp_path: Path, image: str, words: str) -> None:
    """Absolute paths, '..', URLs, backslashes and missing files are refused at the value."""
    line, column, message = check(tmp_path, image)  # type: ignore[misc]
    assert (line, column) == (10, 16)
    assert words in message


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    """A link inside the folder that points outside it is refused."""
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(10, 10))
    folder = tmp_path / "routine"
    folder.mkdir()
    os.symlink(outside, folder / "link.png")
    line, column, message = check(folder, "link.png")  # type: ignore[misc]
    assert (line, column) == (10, 16)
    assert "outside the routine's folder" in message


def test_fake_or_huge_pictures_are_refused(tmp_path: Path) -> None:
    """A text file named .png and a PNG claiming 20000 px are refused at the value."""
    (tmp_path / "fake.png").write_text("not a picture")
    assert "not a PNG, JPEG or SVG" in check(tmp_path, "fake.png")[2]  # type: ignore[index]
    (tmp_path / "huge.png").write_bytes(png(20_000, 10))
    assert "16384 pixels" in check(tmp_path, "huge.png")[2]  # type: ignore[index]


def test_pose_and_image_together_are_refused(tmp_path: Path) -> None:
    """A step with both a pose and an existing picture is refused at the second key."""
    (tmp_path / "a.png").write_bytes(png(10, 10))
    text = ROUTINE.format(image="a.png") + "        pose: stand\n"
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    problems = load_routine(path, known_poses=()).problems
    assert [(p.line, p.column) for p in problems] == [(11, 15)]
    assert "either a pose or an image" in problems[0].message
