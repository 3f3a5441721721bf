"""The step list: every part of the routine, its picture, length, sides and how it went.

Rows are the warm-up (one row), each exercise, and the cool-down (one row), so the
person sees the whole session and where they are in it even while warming up. Rows are
addressed by a *key*: an exercise's index in ``routine.exercises``, or ``"warmup"`` /
``"cooldown"``. What a row says of the plan (lengths, reps, gentle) is given as
:class:`~backtimer.core.session.step_rows.StepRow` values made from the engine's plan
(``set_plan``); how each part went (current, done, cut short) the main window sets from
the engine's events. The model works out nothing itself. ``step_list_view`` paints the
rows and reports clicks.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPixmap

from backtimer.core.i18n import _, ngettext
from backtimer.core.routine import Routine, Sides
from backtimer.core.session.step_rows import RowKey, StepRow, row_key
from backtimer.core.session.timeline import Phase
from backtimer.gui import theme
from backtimer.gui.stage.durations import duration_text

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

THUMBNAIL_SIZE = 64  #: logical pixels of the picture in each row


class RowState(enum.Enum):
    UPCOMING = "upcoming"
    CURRENT = "current"
    DONE = "done"
    CUT_SHORT = "cut_short"
    GENTLE = "gentle"  #: the badge of a row the plan runs gentle (a flag, not a state)


#: What the badge on a row says.
STATE_BADGES: dict[RowState, str] = {
    RowState.UPCOMING: "",
    RowState.CURRENT: _("▶ now"),
    RowState.DONE: _("✓ done"),
    RowState.CUT_SHORT: _("cut short"),
    RowState.GENTLE: _("gentle"),
}
#: A row's lengths: one hold (or the whole warm-up), on both sides, and its reps.
DETAIL_BOTH_SIDES = _("{time} × 2 sides")
#: The row's tooltip and what a screen reader reads of it.
TOOLTIP = _("{name}: {detail}")
ACCESSIBLE_TEXT = _("{name}, {detail}")
ACCESSIBLE_TEXT_BADGE = _("{name}, {detail}, {badge}")


def _detail_reps(reps: int, both_sides: bool) -> str:
    if both_sides:
        return ngettext("{time} × 2 sides × {n} rep", "{time} × 2 sides × {n} reps", reps)
    return ngettext("{time} × {n} rep", "{time} × {n} reps", reps)


class Roles(enum.IntEnum):
    NameRole = Qt.ItemDataRole.UserRole + 1
    HoldRole = enum.auto()  #: seconds per hold, as planned; the warm-up's or cool-down's length
    SidesRole = enum.auto()  #: "both" or "none"
    RepsRole = enum.auto()
    StateRole = enum.auto()  #: the RowState's value (a str for views): "current", "done", ...
    GentleRole = enum.auto()  #: bool
    PoseRole = enum.auto()  #: the pose of the held step ("" if none)
    ThumbnailRole = enum.auto()  #: QPixmap, THUMBNAIL_SIZE square
    DetailRole = enum.auto()  #: "25 s × 2 sides"
    KindRole = enum.auto()  #: "exercise", "warmup" or "cooldown"
    ExerciseIndexRole = enum.auto()  #: index in routine.exercises, -1 for warm-up/cool-down


def placeholder_pixmap(name: str, size: int, colour: QColor, dpr: float = 1.0) -> QPixmap:
    """A rounded square with the name's first letter, for rows without a figure."""
    pm = QPixmap(round(size * dpr), round(size * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    fill.setAlpha(60)
    p.setBrush(fill)
    p.setPen(colour)
    p.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size * 0.18, size * 0.18)
    p.setFont(theme.sans(round(size * 0.5)))
    p.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, (name[:1] or "?").upper())
    p.end()
    return pm


def _figure_pixmap(pose: str, size: int, dpr: float) -> QPixmap | None:
    """The figure renderer's picture of ``pose``, or None when it is missing or fails."""
    if not pose:
        return None
    try:
        from backtimer.gui.figure.thumbnails import pose_pixmap  # written alongside; optional here
    except ImportError:
        return None
    try:
        from backtimer.core.poses.library import pose_names

        if pose not in pose_names():  # unknown here: the placeholder, not an exception
            return None
        pm = pose_pixmap(pose, size, device_pixel_ratio=dpr)
    except Exception:  # a bad pose must cost a thumbnail, never the window
        log.warning("no thumbnail for pose %r", pose, exc_info=True)
        return None
    return pm if isinstance(pm, QPixmap) and not pm.isNull() else None


class StepListModel(QAbstractListModel):
    """``routine`` as ``rows`` (``step_rows`` of a plan of it): warm-up, each exercise,
    cool-down (the sections only if present)."""

    def __init__(self, routine: Routine, rows: Sequence[StepRow], parent: Any = None) -> None:
        super().__init__(parent)
        self._routine = routine
        self._rows = list(rows)
        self._states = [RowState.UPCOMING] * len(self._rows)
        self._current: int | None = None
        self._thumbs: dict[tuple[int, int, float], QPixmap] = {}

    def set_routine(self, routine: Routine, rows: Sequence[StepRow]) -> None:
        """Show another routine (or the same one planned afresh): every row new, upcoming."""
        self.beginResetModel()
        self._routine = routine
        self._rows = list(rows)
        self._states = [RowState.UPCOMING] * len(self._rows)
        self._current = None
        self._thumbs.clear()
        self.endResetModel()

    def set_plan(self, rows: Sequence[StepRow]) -> None:
        """The plan changed (or moved on): ``rows`` are ``step_rows`` of it, one for each
        row shown, in order. Rows that now read differently are repainted."""
        rows = list(rows)
        if [r.key for r in rows] != [r.key for r in self._rows]:
            raise ValueError("set_plan needs a row for each row shown, in order")
        for n, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[n] = new
                self._changed(n)

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        # NameRole -> b"name", ExerciseIndexRole -> b"exerciseIndex" (QML-style names).
        names = {int(r): QByteArray((r.name[0].lower() + r.name[1:-4]).encode()) for r in Roles}
        names[int(Qt.ItemDataRole.DisplayRole)] = QByteArray(b"display")
        names[int(Qt.ItemDataRole.DecorationRole)] = QByteArray(b"decoration")
        names[int(Qt.ItemDataRole.ToolTipRole)] = QByteArray(b"toolTip")
        return names

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        r = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Roles.NameRole):
            return row.name
        if role in (Qt.ItemDataRole.DecorationRole, Roles.ThumbnailRole):
            return self.thumbnail(r, THUMBNAIL_SIZE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return TOOLTIP.format(name=row.name, detail=self.detail_text(r))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            badge = STATE_BADGES[self.state(r)]
            template = ACCESSIBLE_TEXT_BADGE if badge else ACCESSIBLE_TEXT
            return template.format(name=row.name, detail=self.detail_text(r), badge=badge)
        if role == Roles.HoldRole:
            return self.hold_seconds(r)
        if role == Roles.SidesRole:
            return row.sides.value
        if role == Roles.RepsRole:
            return row.reps
        if role == Roles.StateRole:
            return self.state(r).value
        if role == Roles.GentleRole:
            return row.gentle
        if role == Roles.PoseRole:
            return row.pose
        if role == Roles.DetailRole:
            return self.detail_text(r)
        if role == Roles.KindRole:
            return "exercise" if isinstance(row.key, int) else row.key
        if role == Roles.ExerciseIndexRole:
            return row.key if isinstance(row.key, int) else -1
        return None

    # -- reading -------------------------------------------------------------------------
    def routine(self) -> Routine:
        return self._routine

    def row_for(self, key: RowKey) -> int | None:
        """The row showing ``key`` (exercise index, "warmup" or "cooldown"), if any."""
        for n, row in enumerate(self._rows):
            if row.key == key and type(row.key) is type(key):
                return n
        return None

    def key_for_row(self, row: int) -> RowKey:
        return self._rows[row].key

    def row_for_phase(self, phase: Phase) -> int | None:
        """The row a phase belongs to (None for the lead-in and the end)."""
        key = row_key(phase)
        return None if key is None else self.row_for(key)

    def state_of(self, key: RowKey) -> RowState | None:
        """The stored state of ``key``'s row (done, cut short, ...), ignoring CURRENT."""
        row = self.row_for(key)
        return None if row is None else self._states[row]

    def state(self, row: int) -> RowState:
        """CURRENT for the current row, else its own state (upcoming, done, cut short)."""
        return RowState.CURRENT if row == self._current else self._states[row]

    def current_row(self) -> int | None:
        return self._current

    def hold_seconds(self, row: int) -> float:
        """What one hold of this row lasts in the plan (the warm-up's or cool-down's length)."""
        return self._rows[row].seconds

    def detail_text(self, row: int) -> str:
        """ "25 s × 2 sides", "20 s × 2 reps", "2 min 20 s" for a warm-up."""
        r = self._rows[row]
        time = duration_text(self.hold_seconds(row))
        both = r.sides is Sides.BOTH
        if r.reps > 1:
            return _detail_reps(r.reps, both).format(time=time, n=r.reps)
        return DETAIL_BOTH_SIDES.format(time=time) if both else time

    def thumbnail(self, row: int, size: int, dpr: float = 1.0) -> QPixmap:
        """The row's figure at ``size`` logical pixels, or a lettered placeholder."""
        key = (row, size, dpr)
        if key not in self._thumbs:
            r = self._rows[row]
            pm = _figure_pixmap(r.pose, size, dpr)
            if pm is None:
                pm = placeholder_pixmap(r.name, size, QColor("#607d8b"), dpr)
            self._thumbs[key] = pm
        return self._thumbs[key]

    # -- changing ------------------------------------------------------------------------
    def set_exercise_state(self, key: RowKey, state: RowState) -> None:
        """Mark a row done / cut short / upcoming; CURRENT moves the current marker here.
        Gentle is the plan's to say (``set_plan``)."""
        if state is RowState.GENTLE:
            raise ValueError("a row is gentle when the plan runs it gentle: use set_plan")
        row = self.row_for(key)
        if row is None:
            return
        if state is RowState.CURRENT:
            self.set_current(key)
            return
        if self._states[row] is not state:
            self._states[row] = state
            self._changed(row)

    def set_current(self, key: RowKey | None) -> None:
        """Make ``key``'s row the current one (None or -1: no row is current)."""
        row = None if key is None or key == -1 else self.row_for(key)
        if row == self._current:
            return
        old, self._current = self._current, row
        for r in (old, row):
            if r is not None:
                self._changed(r)

    def reset_states(self) -> None:
        """Everything upcoming, nothing current: a new session (its plan comes by set_plan)."""
        self._states = [RowState.UPCOMING] * len(self._rows)
        self._current = None
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _changed(self, row: int) -> None:
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)
