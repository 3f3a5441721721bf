"""The pain panel's page in the window, built when first needed: the window builds it on
the event loop's turn after its first paint (the first screen never shows it, and
building it and reading in its modules cost about a sixth of start-up), and at once,
inside the same event, whenever something needs it sooner — above all pain — stop
pressed before then, which has already frozen the session when it asks for the panel.

Its signals are the panel's, passed on, so the window can wire them before the panel
exists."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QWidget

if TYPE_CHECKING:
    from backtimer.gui.stage.pain_panel import PainPanel

#: Where the page sits among the window's pages: after the stage, before the summary.
PAGE_INDEX = 1


class PainPage(QObject):
    """The pain panel on ``pages``, in the scroll area ``wrap`` makes, made on first use."""

    #: the panel's ``choice_made``: (PainChoice, rating 0–10 or None, note)
    choice_made = Signal(object, object, str)
    #: the panel's ``red_flags_requested``
    red_flags_requested = Signal()

    def __init__(
        self,
        pages: QStackedWidget,
        wrap: Callable[[QWidget], QScrollArea],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pages, self._wrap = pages, wrap
        self._panel: PainPanel | None = None
        self._area: QScrollArea | None = None
        self._pain_limit: int | None = None

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> PainPanel:
        """The panel, built now if it was not yet."""
        self.build()
        assert self._panel is not None
        return self._panel

    @property
    def area(self) -> QScrollArea:
        """The scroll area the page is (what ``pages`` shows), built now if it was not yet."""
        self.build()
        assert self._area is not None
        return self._area

    def is_current(self) -> bool:
        """The page is what ``pages`` shows (never, before it is built)."""
        return self._area is not None and self._pages.currentWidget() is self._area

    def set_pain_limit(self, limit: int | None) -> None:
        """The routine's "stop if pain is above ``limit``/10", kept for a panel not built."""
        self._pain_limit = limit
        if self._panel is not None:
            self._panel.set_pain_limit(limit)

    def build(self) -> None:
        """Make the panel and its page, once; later calls do nothing."""
        if self._panel is not None:
            return
        from backtimer.gui.stage.pain_panel import PainPanel

        panel = PainPanel()
        panel.set_pain_limit(self._pain_limit)
        panel.choice_made.connect(self.choice_made)
        panel.red_flags_requested.connect(self.red_flags_requested)
        area = self._wrap(panel)
        self._pages.insertWidget(min(PAGE_INDEX, self._pages.count()), area)
        self._panel, self._area = panel, area
