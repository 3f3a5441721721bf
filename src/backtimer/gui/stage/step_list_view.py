"""The step list on screen: a delegate that paints each row of a
:class:`~backtimer.gui.stage.step_list.StepListModel`, and the view the person clicks to jump to
a stretch."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.gui import theme
from backtimer.gui.stage.step_list import (
    STATE_BADGES,
    THUMBNAIL_SIZE,
    Roles,
    RowState,
    StepListModel,
)

_Index = QModelIndex | QPersistentModelIndex
ACCESSIBLE_NAME = _("Exercises")


class StepDelegate(QStyledItemDelegate):
    """Paints a row: thumbnail, name in bold, "25 s × 2 sides", and the state in words.

    Three short lines beside the picture, so the list still reads at ~230 px wide; the
    current row is tinted with the hold colour and marked with a bar on the left.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumb = THUMBNAIL_SIZE

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(200, self.thumb + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = index.model()
        if not isinstance(model, StepListModel):
            super().paint(painter, option, index)
            return
        c = theme.colours(option.palette)
        row = index.row()
        state = model.state(row)
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state is RowState.CURRENT:
            tint = QColor(c.hold)
            tint.setAlpha(45)
            painter.fillRect(rect, tint)
            painter.fillRect(QRect(rect.left(), rect.top(), 6, rect.height()), c.hold)
        elif self._under_pointer(index):
            hover = QColor(c.text)
            hover.setAlpha(18)
            painter.fillRect(rect, hover)
        pad = 8
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(
            rect.left() + pad + 4, rect.top() + pad, model.thumbnail(row, self.thumb, dpr)
        )
        x = rect.left() + pad + 4 + self.thumb + 10
        width = max(10, rect.right() - x - pad)
        lines = self._status_words(state, bool(index.data(Roles.GentleRole)), c)
        dim = state in (RowState.DONE, RowState.CUT_SHORT)
        top = rect.top() + pad
        for n, (text, font, colour) in enumerate(
            [
                (str(index.data(Roles.NameRole)), theme.sans(18), c.muted if dim else c.text),
                (str(index.data(Roles.DetailRole)), theme.sans(15, bold=False), c.muted),
            ]
        ):
            painter.setFont(font)
            painter.setPen(colour)
            fm = painter.fontMetrics()
            elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(x, top, width, fm.height()), Qt.AlignmentFlag.AlignLeft, elided)
            top += fm.height() + (2 if n == 0 else 1)
        painter.setFont(theme.sans(14))
        fm = painter.fontMetrics()
        for text, colour in lines:
            painter.setPen(colour)
            painter.drawText(QRect(x, top, width, fm.height()), Qt.AlignmentFlag.AlignLeft, text)
            x += fm.horizontalAdvance(text + "  ")
        painter.restore()

    def _under_pointer(self, index: _Index) -> bool:
        """The row the mouse is over. Asked of the view, not of ``option.state``: reading
        that state makes PySide6 build QStyle's Python class with its twelve enum types
        (about 6 ms before the first paint) for this one flag."""
        view = self.parent()
        if not isinstance(view, QAbstractItemView) or not view.underMouse():
            return False
        # In the viewport's coordinates without asking for the viewport: a widget Qt made
        # itself has no Python class yet, and finding one costs PySide6 what QStyle would.
        at = view.mapFromGlobal(QCursor.pos()) - view.contentsRect().topLeft()
        return view.indexAt(at) == index

    @staticmethod
    def _status_words(state: RowState, gentle: bool, c: theme.Colours) -> list[tuple[str, QColor]]:
        words: list[tuple[str, QColor]] = []
        colour = {
            RowState.CURRENT: c.hold,
            RowState.DONE: c.done,
            RowState.CUT_SHORT: c.cut_short,
        }.get(state, c.muted)
        if STATE_BADGES[state]:
            words.append((STATE_BADGES[state], colour))
        if gentle:
            words.append((STATE_BADGES[RowState.GENTLE], c.gentle))
        return words


class StepListView(QListView):
    """The list the person can click to jump to a stretch.

    It takes no keyboard focus: arrow and page keys belong to the window (next/back, and
    what presenter clickers send), not to moving a selection.
    """

    #: An exercise row was clicked or activated; the argument indexes routine.exercises.
    exercise_selected = Signal(int)
    #: The warm-up or cool-down row was clicked: "warmup" or "cooldown".
    section_selected = Signal(str)

    def __init__(self, model: StepListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setItemDelegate(StepDelegate(self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setUniformItemSizes(True)
        self.setAccessibleName(ACCESSIBLE_NAME)
        self.clicked.connect(self._chosen)
        self.activated.connect(self._chosen)
        model.dataChanged.connect(self._follow_current)

    def _chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        key = self._model.key_for_row(index.row())
        if isinstance(key, int):
            self.exercise_selected.emit(key)
        else:
            self.section_selected.emit(key)

    def _follow_current(self) -> None:
        row = self._model.current_row()
        if row is not None:
            self.scrollTo(self._model.index(row), QAbstractItemView.ScrollHint.EnsureVisible)
