"""Where it hurts: a figure seen from behind with four regions a side — lower back,
buttock, thigh, below the knee — chosen by click or by keys.

Keys (while the pain panel has focus): 1–4 choose the region from the spine down,
Left and Right the side, Up or B both sides, 0 or Delete clears. A click picks the region
and the side under the pointer; a second click on the other side of the same region
makes it both sides. Seen from behind, the person's left is on the left of the picture.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backtimer.core.care.body import BodyRegion, BodySide, PainSite
from backtimer.core.i18n import _
from backtimer.gui import theme

TITLE = _("Where does it hurt?")
KEYS_HINT = _("1–4, ← → side, ↑ both")
SEEN_FROM_BEHIND = _("seen from behind")
LEFT_MARK = _("L")
RIGHT_MARK = _("R")
ACCESSIBLE = _("Where it hurts: {site}")
NOTHING_CHOSEN = _("not chosen")
DESCRIPTION = _(
    "A body seen from behind, where it hurts marked: click a place, or press 1 lower back, "
    "2 buttock, 3 thigh, 4 below the knee; Left or Right for the side, Up or B for both; "
    "0 to clear."
)

# Key codes as ints: QKeyEvent.key() gives an int, whatever the binding's enum type.
_REGION_KEYS = {
    Qt.Key.Key_1.value: BodyRegion.LOWER_BACK,
    Qt.Key.Key_2.value: BodyRegion.BUTTOCK,
    Qt.Key.Key_3.value: BodyRegion.THIGH,
    Qt.Key.Key_4.value: BodyRegion.BELOW_KNEE,
}
_SIDE_KEYS = {
    Qt.Key.Key_Left.value: BodySide.LEFT,
    Qt.Key.Key_Right.value: BodySide.RIGHT,
    Qt.Key.Key_Up.value: BodySide.BOTH,
    Qt.Key.Key_B.value: BodySide.BOTH,
}
_CLEAR_KEYS = (Qt.Key.Key_0.value, Qt.Key.Key_Delete.value, Qt.Key.Key_Backspace.value)

#: Each region's box on a unit figure (x from 0 to 1 across, y from 0 to 1 down), for the
#: person's left half; the right half is its mirror image.
_BOXES = {
    BodyRegion.LOWER_BACK: QRectF(0.30, 0.05, 0.20, 0.22),
    BodyRegion.BUTTOCK: QRectF(0.28, 0.27, 0.22, 0.16),
    BodyRegion.THIGH: QRectF(0.30, 0.43, 0.18, 0.25),
    BodyRegion.BELOW_KNEE: QRectF(0.32, 0.68, 0.15, 0.30),
}


_KEY_OF = {BodyRegion.LOWER_BACK: "1", BodyRegion.BUTTOCK: "2", BodyRegion.THIGH: "3",
           BodyRegion.BELOW_KNEE: "4"}  # fmt: skip


def _mirror(box: QRectF) -> QRectF:
    return QRectF(1.0 - box.right(), box.top(), box.width(), box.height())


class BodyMap(QWidget):
    """Shows and chooses a ``PainSite``; ``site()`` is None until something is chosen."""

    #: the choice changed: the new PainSite or None
    site_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._site: PainSite | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys come through the pain panel
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(110, 120)  # it grows with the panel; small on a netbook
        self.setAccessibleDescription(DESCRIPTION)
        self._update_name()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(170, 140)  # preferred small: the panel gives it what is left over

    # -- the model ---------------------------------------------------------------------
    def site(self) -> PainSite | None:
        return self._site

    def set_site(self, site: PainSite | None) -> None:
        if site == self._site:
            return
        self._site = site
        self._update_name()
        self.update()
        self.site_changed.emit(site)

    def reset(self) -> None:
        self.set_site(None)

    def _update_name(self) -> None:
        words = NOTHING_CHOSEN if self._site is None else self._site.describe()
        self.setAccessibleName(ACCESSIBLE.format(site=words))

    # -- keys and clicks -----------------------------------------------------------------
    def handle_key(self, key: int) -> bool:
        """Act on a key the pain panel passed on; True if it was one of the map's."""
        key = int(key)
        if key in _REGION_KEYS:
            side = self._site.side if self._site is not None else None
            self.set_site(PainSite(_REGION_KEYS[key], side))
            return True
        if key in _SIDE_KEYS:
            region = self._site.region if self._site is not None else BodyRegion.LOWER_BACK
            self.set_site(PainSite(region, _SIDE_KEYS[key]))
            return True
        if key in _CLEAR_KEYS:
            self.reset()
            return True
        return False

    def _figure_rect(self) -> QRectF:
        top = 34.0  # room for the title
        h = max(10.0, self.height() - top - 22)
        w = min(self.width() - 8.0, h * 0.62)
        return QRectF((self.width() - w) / 2, top, w, h)

    def hit(self, pos: QPointF) -> PainSite | None:
        """The region and side under ``pos`` (widget coordinates), or None."""
        fig = self._figure_rect()
        if fig.width() <= 0 or fig.height() <= 0:
            return None
        x = (pos.x() - fig.left()) / fig.width()
        y = (pos.y() - fig.top()) / fig.height()
        for region, box in _BOXES.items():
            if box.contains(x, y):
                return PainSite(region, BodySide.LEFT)
            if _mirror(box).contains(x, y):
                return PainSite(region, BodySide.RIGHT)
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self.hit(event.position())
        if hit is None:
            super().mousePressEvent(event)
            return
        now = self._site
        if (
            now is not None
            and now.region is hit.region
            and now.side not in (None, BodySide.BOTH, hit.side)
        ):
            hit = PainSite(hit.region, BodySide.BOTH)  # the other side too
        self.set_site(hit)
        event.accept()

    def centre_of(self, region: BodyRegion, side: BodySide) -> QPointF:
        """Where a click picks ``region`` on ``side`` (LEFT or RIGHT): for tests and docs."""
        fig = self._figure_rect()
        box = _BOXES[region] if side is BodySide.LEFT else _mirror(_BOXES[region])
        c = box.center()
        return QPointF(fig.left() + c.x() * fig.width(), fig.top() + c.y() * fig.height())

    # -- look ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        c = theme.colours(self.palette())
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        p.setFont(theme.sans(theme.fit_pixel_size(TITLE, w, 20, lo=9, hi=16, wrap=False)))
        p.setPen(c.text)
        p.drawText(QRectF(0, 0, w, 20), Qt.AlignmentFlag.AlignHCenter, TITLE)
        hint_px = theme.fit_pixel_size(KEYS_HINT, w, 16, lo=8, hi=12, bold=False, wrap=False)
        p.setFont(theme.sans(hint_px, bold=False))
        p.setPen(c.muted)
        p.drawText(QRectF(0, 18, w, 16), Qt.AlignmentFlag.AlignHCenter, KEYS_HINT)
        fig = self._figure_rect()
        chosen = self._chosen_boxes()
        for region, box in _BOXES.items():
            for side, unit in ((BodySide.LEFT, box), (BodySide.RIGHT, _mirror(box))):
                rect = QRectF(
                    fig.left() + unit.left() * fig.width(),
                    fig.top() + unit.top() * fig.height(),
                    unit.width() * fig.width(),
                    unit.height() * fig.height(),
                )
                path = QPainterPath()
                path.addRoundedRect(rect, rect.width() * 0.3, rect.width() * 0.3)
                fill = c.pain if (region, side) in chosen else QColor(c.figure)
                if (region, side) not in chosen:
                    fill.setAlphaF(0.35)
                p.fillPath(path, fill)
                p.setPen(QPen(c.muted, 1.5))
                p.drawPath(path)
                # The region's key, so the keys explain themselves.
                p.setFont(theme.sans(max(9, round(rect.width() * 0.45))))
                p.setPen(c.on_pain if (region, side) in chosen else c.text)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, _KEY_OF[region])
        p.setFont(theme.sans(14))
        p.setPen(c.text)
        mid = fig.top() + fig.height() * 0.16
        p.drawText(QPointF(fig.left() - 2, mid), LEFT_MARK)
        p.drawText(QPointF(fig.right() - 10, mid), RIGHT_MARK)
        p.setFont(theme.sans(11, bold=False))
        p.setPen(c.muted)
        p.drawText(
            QRectF(0, self.height() - 18, self.width(), 18),
            Qt.AlignmentFlag.AlignHCenter,
            SEEN_FROM_BEHIND,
        )
        p.end()

    def _chosen_boxes(self) -> set[tuple[BodyRegion, BodySide]]:
        site = self._site
        if site is None:
            return set()
        if site.side is None or site.side is BodySide.BOTH:
            return {(site.region, BodySide.LEFT), (site.region, BodySide.RIGHT)}
        return {(site.region, site.side)}
