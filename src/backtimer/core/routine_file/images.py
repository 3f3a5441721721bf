"""What kind of picture a file is and how big it says it is, read from its header alone.

A routine may illustrate a step with a picture beside it. Before the window ever hands
that file to an image decoder, the loader asks here: is it really a PNG, JPEG or SVG (by
its first bytes, not its name), and does its header promise a size we are willing to
decode? Nothing here decodes pixel data or runs an XML parser, so a hostile file costs at
most a few header reads.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from backtimer.core.i18n import _

MAX_SIDE = 16_384  #: pixels, either way
MAX_PIXELS = 100_000_000  #: width × height
SVG_HEAD_BYTES = 64 * 1024  #: an SVG's root element must start within this much

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SOI = b"\xff\xd8\xff"
#: JPEG start-of-frame markers (SOF0–SOF15 except DHT C4, JPG C8, DAC CC): they hold the size.
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
#: Markers that stand alone, without a length field.
_JPEG_STANDALONE = frozenset(range(0xD0, 0xD8)) | {0x01, 0xD8}
_JPEG_MAX_SEGMENTS = 1000  #: give up walking a JPEG that never reaches its frame header

#: Pixels per unit for SVG lengths (CSS: 96 px to the inch).
_SVG_UNITS: dict[str, float] = {
    "": 1.0,
    "px": 1.0,
    "in": 96.0,
    "cm": 96.0 / 2.54,
    "mm": 96.0 / 25.4,
    "pt": 96.0 / 72.0,
    "pc": 16.0,
    "em": 16.0,
    "ex": 8.0,
}
_SVG_ROOT = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_SVG_PROLOGUE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<svg\b",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = re.compile(rb"""([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# What a person reads about a picture (problem messages and hints).
NOT_A_PICTURE = _("the picture is not a PNG, JPEG or SVG file (judged by its contents)")
NOT_A_PICTURE_HINT = _("save the picture as PNG, JPEG or SVG; renaming the file is not enough")
EMPTY_SIZE = _("the {kind} header gives an empty size")
SAVE_AGAIN = _("save the picture again")
TOO_WIDE = _("the picture is {width}×{height} pixels; at most {limit} pixels a side are allowed")
TOO_MANY_PIXELS = _("the picture has {megapixels} megapixels; at most {limit} are allowed")
SCALE_DOWN = _("scale the picture down; about 1000 pixels a side is plenty")
PNG_DAMAGED = _("the PNG file is damaged (no IHDR header)")
JPEG_NO_HEIGHT = _("the JPEG header does not give the picture's height")
JPEG_NO_HEIGHT_HINT = _("save the picture again with an ordinary JPEG encoder")
JPEG_DAMAGED = _("the JPEG file is damaged (no frame header with its size)")
SVG_ENTITIES = _("the SVG file declares XML entities, which are not accepted")
SVG_ENTITIES_HINT = _("save the drawing again as plain SVG (no <!ENTITY> declarations)")
SVG_NO_ROOT = _("the SVG file's <svg> tag does not end within its first {size} KiB")
SVG_NO_ROOT_HINT = _("save the drawing again as plain SVG")

_LENGTH = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-z%]*)\s*\Z", re.I)


class ImageError(Exception):
    """The file is not an acceptable picture; ``message`` and ``hint`` are for a person."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class ImageInfo:
    """A picture's kind (``png``, ``jpeg`` or ``svg``) and the size its header gives.

    ``width`` and ``height`` are pixels; for an SVG without absolute sizes they are None
    (a vector picture is drawn at whatever size the window gives it).
    """

    kind: str
    width: float | None
    height: float | None


def inspect_image(path: Path) -> ImageInfo:
    """Sniff ``path`` and check its size against the limits.

    Raises ImageError (never anything else for a bad file; OSError only for an unreadable
    one) if the file is not a PNG, JPEG or SVG, its header is damaged, or it is too big.
    """
    with path.open("rb") as f:
        head = f.read(SVG_HEAD_BYTES)
        if head.startswith(_PNG_SIGNATURE):
            info = _png_size(head)
        elif head.startswith(_JPEG_SOI):
            info = _jpeg_size(f)
        elif _SVG_PROLOGUE.match(head):
            info = _svg_size(head)
        else:
            raise ImageError(NOT_A_PICTURE, NOT_A_PICTURE_HINT)
    _check_limits(info)
    return info


def _check_limits(info: ImageInfo) -> None:
    if info.width is None or info.height is None:
        return
    if not (info.width > 0 and info.height > 0):
        raise ImageError(EMPTY_SIZE.format(kind=info.kind.upper()), SAVE_AGAIN)
    if info.width > MAX_SIDE or info.height > MAX_SIDE:
        message = TOO_WIDE.format(
            width=f"{info.width:g}", height=f"{info.height:g}", limit=MAX_SIDE
        )
        raise ImageError(message, SCALE_DOWN)
    if info.width * info.height > MAX_PIXELS:
        message = TOO_MANY_PIXELS.format(
            megapixels=f"{info.width * info.height / 1e6:.0f}", limit=MAX_PIXELS // 1_000_000
        )
        raise ImageError(message, SCALE_DOWN)


def _png_size(head: bytes) -> ImageInfo:
    # The first chunk must be IHDR: length (13), type, width, height (big-endian).
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise ImageError(PNG_DAMAGED, SAVE_AGAIN)
    width, height = struct.unpack(">II", head[16:24])
    return ImageInfo("png", width, height)


def _jpeg_size(f: BinaryIO) -> ImageInfo:
    """Walk the marker segments up to the first start-of-frame, which holds the size."""
    f.seek(2)
    for _segment in range(_JPEG_MAX_SEGMENTS):
        byte = f.read(1)
        if byte != b"\xff":
            break
        marker = f.read(1)
        while marker == b"\xff":  # fill bytes
            marker = f.read(1)
        if not marker:
            break
        code = marker[0]
        if code in _JPEG_STANDALONE:
            continue
        length_bytes = f.read(2)
        if len(length_bytes) < 2:
            break
        (length,) = struct.unpack(">H", length_bytes)
        if length < 2:
            break
        if code in _JPEG_SOF:
            frame = f.read(5)
            if len(frame) < 5:
                break
            height, width = struct.unpack(">HH", frame[1:5])
            if height == 0:
                raise ImageError(JPEG_NO_HEIGHT, JPEG_NO_HEIGHT_HINT)
            return ImageInfo("jpeg", width, height)
        if code == 0xDA:  # start of scan: pixel data follows, no frame header came first
            break
        f.seek(length - 2, 1)
    raise ImageError(JPEG_DAMAGED, SAVE_AGAIN)


def _svg_size(head: bytes) -> ImageInfo:
    if re.search(rb"<!ENTITY", head, re.IGNORECASE):
        raise ImageError(SVG_ENTITIES, SVG_ENTITIES_HINT)
    root = _SVG_ROOT.search(head)
    if root is None:
        raise ImageError(SVG_NO_ROOT.format(size=SVG_HEAD_BYTES // 1024), SVG_NO_ROOT_HINT)
    attributes = {
        m.group(1).decode("ascii", "replace").lower(): (m.group(2) or m.group(3) or b"").decode(
            "utf-8", "replace"
        )
        for m in _ATTRIBUTE.finditer(root.group(1))
    }
    width = _svg_length(attributes.get("width"))
    height = _svg_length(attributes.get("height"))
    if width is None or height is None:
        box = _svg_viewbox(attributes.get("viewbox"))
        if box is not None:
            width = box[0] if width is None else width
            height = box[1] if height is None else height
    if width is None or height is None:
        return ImageInfo("svg", None, None)
    return ImageInfo("svg", width, height)


def _svg_length(value: str | None) -> float | None:
    """An absolute length in pixels; None when absent, relative (%) or unreadable."""
    if value is None:
        return None
    m = _LENGTH.match(value)
    if m is None or m.group(2).lower() not in _SVG_UNITS:
        return None
    return float(m.group(1)) * _SVG_UNITS[m.group(2).lower()]


def _svg_viewbox(value: str | None) -> tuple[float, float] | None:
    if value is None:
        return None
    parts = value.replace(",", " ").split()
    if len(parts) != 4:
        return None
    try:
        width, height = float(parts[2]), float(parts[3])
    except ValueError:
        return None
    return (width, height)
