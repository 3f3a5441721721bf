"""Colours and type for a screen read from a mat two or three metres away.

One place decides what "hold", "rest", "pain", each side and the pose figure look like,
so every widget agrees. Colours follow the system's light or dark palette;
``distance=True`` gives the high-contrast set used full screen (pure black ground,
saturated accents, white text).
Fonts are large bold sans, sized in pixels from the space a widget has, never in points
from a fixed guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette

from backtimer.core.routine import Side
from backtimer.core.session.timeline import PhaseKind

#: Families tried in order; the first installed one wins (DejaVu Sans is the Linux fallback).
SANS_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", "Arial"]


@dataclass(frozen=True)
class Colours:
    """Every colour a widget needs; pick with :func:`colours`."""

    background: QColor
    text: QColor
    muted: QColor  #: secondary text: anchors, hints, "paused"
    track: QColor  #: the unlit part of the countdown ring
    hold: QColor  #: calm blue-teal: a hold is running
    rest: QColor  #: calm green: rest, switch sides, get ready, warm-up, cool-down
    frozen: QColor  #: grey: the countdown is paused or stopped for pain
    pain: QColor  #: the one red on screen
    on_pain: QColor  #: text on red
    right: QColor  #: badge for the right side (orange)
    left: QColor  #: badge for the left side (blue-violet); the pair reads for colour-blind eyes
    on_side: QColor  #: text on a side badge
    gentle: QColor  #: the gentle-mode badge
    done: QColor
    cut_short: QColor
    figure: QColor  #: the pose figure's body (gui/figure)
    muscle: QColor  #: the muscles a pose stretches: the figure's one warm colour
    arrow: QColor  #: the figure's motion arrows
    prop: QColor  #: the chair
    mat: QColor
    floor: QColor  #: the floor line, the figure's shadow and the wall


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is darker than its text (a dark theme)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def colours(palette: QPalette, *, distance: bool = False) -> Colours:
    """The colour set for ``palette``; ``distance`` gives the high-contrast black set."""
    if distance:
        return Colours(
            background=QColor("#000000"),
            text=QColor("#ffffff"),
            muted=QColor("#d0d0d0"),
            track=QColor("#333333"),
            hold=QColor("#33d6ff"),
            rest=QColor("#5cff7a"),
            frozen=QColor("#b0b0b0"),
            pain=QColor("#ff1f1f"),
            on_pain=QColor("#ffffff"),
            right=QColor("#ff9f1a"),
            left=QColor("#8c8cff"),
            on_side=QColor("#000000"),
            gentle=QColor("#ffd54f"),
            done=QColor("#5cff7a"),
            cut_short=QColor("#ffb74d"),
            **_figure_colours(ground_dark=True),
        )
    dark = is_dark(palette)
    return Colours(
        background=palette.color(QPalette.ColorRole.Window),
        text=palette.color(QPalette.ColorRole.WindowText),
        muted=QColor("#b8b8b8") if dark else QColor("#5a5a5a"),
        track=QColor("#3a3f44") if dark else QColor("#dde3e8"),
        hold=QColor("#4fc3d9") if dark else QColor("#0f7c99"),
        rest=QColor("#7fcf8a") if dark else QColor("#2e7d46"),
        frozen=QColor("#9e9e9e") if dark else QColor("#7a7a7a"),
        pain=QColor("#e53935") if dark else QColor("#c62828"),
        on_pain=QColor("#ffffff"),
        right=QColor("#f08c00") if dark else QColor("#c25e00"),
        left=QColor("#8f8cff") if dark else QColor("#4b3fc4"),
        on_side=QColor("#000000") if dark else QColor("#ffffff"),
        gentle=QColor("#c9a227") if dark else QColor("#8a6d00"),
        done=QColor("#7fcf8a") if dark else QColor("#2e7d46"),
        cut_short=QColor("#ffb74d") if dark else QColor("#b35c00"),
        # The figure is painted on the window colour with no text beside it, so its set
        # follows that ground's own lightness, not its contrast with the text: drawn on a
        # palette that sets only its window colour, the figure still reads.
        **_figure_colours(ground_dark=palette.color(QPalette.ColorRole.Window).lightness() < 128),
    )


def _figure_colours(*, ground_dark: bool) -> dict[str, QColor]:
    """The figure's fields of :class:`Colours`, for a dark or a light ground."""
    if ground_dark:
        return {
            "figure": QColor("#a9bfd4"),
            "muscle": QColor("#ff7b3d"),
            "arrow": QColor("#f2f2f2"),
            "prop": QColor("#8a7a66"),
            "mat": QColor("#3f6f62"),
            "floor": QColor("#5a5f66"),
        }
    return {
        "figure": QColor("#4a6683"),
        "muscle": QColor("#e2492a"),
        "arrow": QColor("#202428"),
        "prop": QColor("#a98c67"),
        "mat": QColor("#9fcbb9"),
        "floor": QColor("#b8bcc2"),
    }


def phase_colour(kind: PhaseKind, c: Colours, *, frozen: bool = False) -> QColor:
    """Hold is blue-teal, everything else calm green; frozen beats both."""
    if frozen:
        return c.frozen
    return c.hold if kind is PhaseKind.HOLD else c.rest


def side_colour(side: Side, c: Colours) -> QColor:
    return c.right if side is Side.RIGHT else c.left


def sans(pixel_size: int, *, bold: bool = True) -> QFont:
    """A large sans font of ``pixel_size`` pixels (pixels, so it scales with the widget)."""
    font = QFont()
    font.setFamilies(SANS_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, int(pixel_size)))
    font.setBold(bold)
    return font


def scaled_pixels(height: int, fraction: float, *, lo: int, hi: int) -> int:
    """``fraction`` of ``height`` in pixels, kept between ``lo`` and ``hi``."""
    return max(lo, min(hi, round(height * fraction)))


def fit_pixel_size(
    text: str, width: int, height: int, *, lo: int, hi: int, bold: bool = True, wrap: bool = True
) -> int:
    """The largest pixel size in ``lo..hi`` at which ``text`` fits ``width`` × ``height``.

    Word-wrapped when ``wrap``; returns ``lo`` when even that does not fit (the caller's
    layout then clips, which beats an unreadably small font).
    """
    if width <= 0 or height <= 0 or not text:
        return hi if text == "" else lo
    flags = int(Qt.TextFlag.TextWordWrap) if wrap else 0
    best = lo
    low, high = lo, hi
    while low <= high:
        mid = (low + high) // 2
        rect = QFontMetrics(sans(mid, bold=bold)).boundingRect(
            QRect(0, 0, width, 100000), flags, text
        )
        if rect.width() <= width and rect.height() <= height:
            best, low = mid, mid + 1
        else:
            high = mid - 1
    return best


def css_colour(colour: QColor) -> str:
    """``#rrggbb`` for style sheets."""
    return colour.name(QColor.NameFormat.HexRgb)


def pain_button_style(*, distance: bool = False) -> str:
    """Style sheet for the PAIN — STOP button: the one red thing, white bold text."""
    c = colours(QPalette(), distance=distance)
    pressed = c.pain.darker(130)
    return (
        f"QPushButton {{ background: {css_colour(c.pain)}; color: {css_colour(c.on_pain)};"
        f" border: 3px solid {css_colour(c.pain.darker(140))}; border-radius: 14px;"
        " font-weight: bold; padding: 8px 16px; }"
        f" QPushButton:pressed {{ background: {css_colour(pressed)}; }}"
        " QPushButton:disabled { background: #9e9e9e; color: #ffffff; border-color: #757575; }"
    )
