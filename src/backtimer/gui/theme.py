"""Colours and type for a screen read from a mat two or three metres away.

One place decides what "hold", "rest", "pain", each side and the pose figure look like,
so every widget agrees. Colours follow the window's palette: light, dark, or high
contrast (text against ground at 20:1 or more: then the high-contrast set, black ground or
white, with saturated accents). ``distance=True`` gives the high-contrast black set used
full screen. The looks BackTimer can put on the whole application (``gui/looks.py``,
following the system's colour scheme and contrast preference) are the palettes at the end.
Fonts are large bold sans, sized in pixels from the space a widget has, never in points
from a fixed guess.
"""

from __future__ import annotations

import enum
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
    focus: QColor  #: the ring around whatever has keyboard focus


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is darker than its text (a dark theme)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (none) to 21 (black on white)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


#: Text against ground at least this: the palette asks for high contrast (pure black and
#: white is 21:1; Fusion's ordinary light palette, black on #efefef, 18:1).
HIGH_CONTRAST_RATIO = 20.0


def is_high_contrast(palette: QPalette) -> bool:
    """True for a high-contrast palette (ours, or the system's): text on ground ≥ 20:1."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return contrast_ratio(window, text) >= HIGH_CONTRAST_RATIO


def colours(palette: QPalette, *, distance: bool = False) -> Colours:
    """The colour set for ``palette``; ``distance`` gives the high-contrast black set, as
    does a high-contrast dark palette (a light one gets the high-contrast white set)."""
    if is_high_contrast(palette) and not distance and not is_dark(palette):
        return _high_contrast_light()
    if distance or is_high_contrast(palette):
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
            focus=QColor("#ffff00"),
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
        focus=QColor("#ffd54f") if dark else QColor("#0b57d0"),
        # The figure is painted on the window colour with no text beside it, so its set
        # follows that ground's own lightness, not its contrast with the text: drawn on a
        # palette that sets only its window colour, the figure still reads.
        **_figure_colours(ground_dark=palette.color(QPalette.ColorRole.Window).lightness() < 128),
    )


def _high_contrast_light() -> Colours:
    """Black on white with deep saturated accents (a system's light high-contrast theme)."""
    return Colours(
        background=QColor("#ffffff"),
        text=QColor("#000000"),
        muted=QColor("#303030"),
        track=QColor("#c8c8c8"),
        hold=QColor("#00537a"),
        rest=QColor("#005a1e"),
        frozen=QColor("#505050"),
        pain=QColor("#b00000"),
        on_pain=QColor("#ffffff"),
        right=QColor("#9a3f00"),
        left=QColor("#2a1fa8"),
        on_side=QColor("#ffffff"),
        gentle=QColor("#5c4800"),
        done=QColor("#005a1e"),
        cut_short=QColor("#8a3c00"),
        focus=QColor("#0000c8"),
        **_figure_colours(ground_dark=False),
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


# ----- looks for the whole application (gui/looks.py puts them on) ------------------------


class Look(enum.Enum):
    """A look BackTimer can put on the whole application."""

    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"  #: white on black, yellow focus and selection


#: Window, text, base (fields), alternate base, button, highlight and disabled text, and
#: the bevel shades Fusion draws frames with, per look. High contrast draws every frame
#: white, so each control's edge reads from the floor.
_PALETTES: dict[Look, dict[str, str]] = {
    Look.LIGHT: {
        "window": "#efefef", "text": "#000000", "base": "#ffffff", "alternate": "#f5f5f5",
        "button": "#e8e8e8", "highlight": "#0b57d0", "on_highlight": "#ffffff",
        "disabled": "#767676", "placeholder": "#5f5f5f", "link": "#0b57d0",
        "light": "#ffffff", "midlight": "#f3f3f3", "mid": "#b8b8b8", "dark": "#9f9f9f",
        "shadow": "#767676",
    },
    Look.DARK: {
        "window": "#1e2226", "text": "#f0f0f0", "base": "#15181b", "alternate": "#262b30",
        "button": "#2b3036", "highlight": "#4fc3d9", "on_highlight": "#000000",
        "disabled": "#8a9096", "placeholder": "#a0a6ac", "link": "#8ab4f8",
        "light": "#454c54", "midlight": "#383e45", "mid": "#262b30", "dark": "#101214",
        "shadow": "#000000",
    },
    Look.HIGH_CONTRAST: {
        "window": "#000000", "text": "#ffffff", "base": "#000000", "alternate": "#1a1a1a",
        "button": "#000000", "highlight": "#ffff00", "on_highlight": "#000000",
        "disabled": "#b0b0b0", "placeholder": "#d0d0d0", "link": "#80d0ff",
        "light": "#ffffff", "midlight": "#ffffff", "mid": "#ffffff", "dark": "#ffffff",
        "shadow": "#ffffff",
    },
}  # fmt: skip


def look_palette(look: Look) -> QPalette:
    """The application palette of ``look``."""
    c = {k: QColor(v) for k, v in _PALETTES[look].items()}
    role = QPalette.ColorRole
    palette = QPalette()
    for r, key in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "base"),
        (role.AlternateBase, "alternate"),
        (role.ToolTipBase, "base"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "placeholder"),
        (role.Text, "text"),
        (role.Button, "button"),
        (role.ButtonText, "text"),
        (role.BrightText, "text"),
        (role.Highlight, "highlight"),
        (role.HighlightedText, "on_highlight"),
        (role.Link, "link"),
        (role.LinkVisited, "link"),
        (role.Light, "light"),
        (role.Midlight, "midlight"),
        (role.Mid, "mid"),
        (role.Dark, "dark"),
        (role.Shadow, "shadow"),
    ):
        palette.setColor(r, c[key])
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, r, c["disabled"])
    return palette
