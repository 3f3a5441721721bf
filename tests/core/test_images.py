"""Pictures are judged by their header bytes: kind and size, never decoding pixels."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from backtimer.core.routine_file.images import ImageError, ImageInfo, inspect_image


def png(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk (enough for the header check; no pixel data)."""
    ihdr = struct.pack(">II", width, height) + bytes([8, 6, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\0\0\0\0"


def jpeg(width: int, height: int, exif_bytes: int = 100) -> bytes:
    """SOI, an APP1 segment to skip over, then a baseline SOF0 frame header."""
    app1 = b"\xff\xe1" + struct.pack(">H", exif_bytes + 2) + b"E" * exif_bytes
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app1 + sof + b"\xff\xda\x00\x02"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_png_size_is_read_from_ihdr(tmp_path: Path) -> None:
    """A PNG's width and height come from its IHDR chunk."""
    assert inspect_image(write(tmp_path, "a.png", png(640, 480))) == ImageInfo("png", 640, 480)


def test_jpeg_size_is_found_after_other_segments(tmp_path: Path) -> None:
    """A JPEG's size comes from its frame header, after skipping earlier segments."""
    info = inspect_image(write(tmp_path, "a.jpg", jpeg(800, 600, exif_bytes=30_000)))
    assert info == ImageInfo("jpeg", 800, 600)


def test_kind_is_judged_by_contents_not_name(tmp_path: Path) -> None:
    """A PNG named .jpg is a PNG; a text file named .png is refused."""
    assert inspect_image(write(tmp_path, "a.jpg", png(10, 10))).kind == "png"
    with pytest.raises(ImageError, match="not a PNG, JPEG or SVG"):
        inspect_image(write(tmp_path, "b.png", b"hello, I am text"))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (png(16_385, 10), "at most 16384 pixels a side"),
        (png(12_000, 12_000), "144 megapixels"),
        (jpeg(10, 20_000), "at most 16384 pixels a side"),
        (png(0, 10), "empty size"),
        (b"\x89PNG\r\n\x1a\n", "no IHDR"),
        (b"\xff\xd8\xff\xe0\x00", "no frame header"),
    ],
    ids=["png side", "png megapixels", "jpeg side", "png empty", "png cut", "jpeg cut"],
)
def test_oversized_or_damaged_headers_are_refused(tmp_path: Path, data: bytes, words: str) -> None:
    """Headers promising too many pixels, or cut short, are refused."""
    with pytest.raises(ImageError, match=words):
        inspect_image(write(tmp_path, "x.img", data))


@pytest.mark.parametrize(
    ("root", "size"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">', (200, 100)),
        ("<svg width='2in' height='1in'>", (192, 96)),
        ('<svg viewBox="0 0 300 150">', (300, 150)),
        ('<svg width="100%" height="100%" viewBox="0,0,30,15">', (30, 15)),
        ("<svg>", (None, None)),
    ],
)
def test_svg_size_comes_from_root_attributes(
    tmp_path: Path, root: str, size: tuple[float | None, float | None]
) -> None:
    """An SVG's size is its root's width/height, else its viewBox, else unknown."""
    text = '<?xml version="1.0"?>\n<!-- a figure -->\n' + root + "<rect/></svg>"
    info = inspect_image(write(tmp_path, "a.svg", text.encode()))
    assert (info.kind, info.width, info.height) == ("svg", *size)


def test_huge_svg_and_entities_are_refused(tmp_path: Path) -> None:
    """An SVG claiming 20000 px, or declaring XML entities, is refused."""
    with pytest.raises(ImageError, match="16384"):
        inspect_image(write(tmp_path, "a.svg", b'<svg width="20000" height="10"></svg>'))
    laughs = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    with pytest.raises(ImageError, match="entities"):
        inspect_image(write(tmp_path, "b.svg", laughs))


def test_svg_root_must_start_in_the_first_64_kib(tmp_path: Path) -> None:
    """An SVG whose root tag lies beyond 64 KiB of padding is not recognised."""
    data = b"<!--" + b"x" * 70_000 + b"--><svg width='10' height='10'></svg>"
    with pytest.raises(ImageError):
        inspect_image(write(tmp_path, "a.svg", data))
