"""The main window's parts: every widget and menu, built into the window once and
exposed as attributes, and distance mode: the same widgets laid out for reading across
the room. The parts connect nothing; the window wires their signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.core.routine import Routine
from backtimer.gui.banner import Banner
from backtimer.gui.figure.widget import FigureWidget
from backtimer.gui.listen.mark import ListeningMark
from backtimer.gui.stage.countdown import CountdownWidget
from backtimer.gui.stage.current_step import CurrentStepPanel
from backtimer.gui.stage.help_overlay import HelpOverlay
from backtimer.gui.stage.pain_page import PainPage
from backtimer.gui.stage.step_list import StepListModel
from backtimer.gui.stage.step_list_view import StepListView
from backtimer.gui.stage.summary_panel import SummaryPanel
from backtimer.gui.theme import pain_button_style

if TYPE_CHECKING:  # built after the first paint, or at once when needed (stage/pain_page)
    from backtimer.gui.stage.pain_panel import PainPanel

SK = QKeySequence.StandardKey
#: Each menu entry's shortcuts: the platform's standard key where Qt has one, then ours
#: (used where the platform's list is empty, as Quit's is without a desktop's theme).
MENU_KEYS: dict[str, tuple[QKeySequence.StandardKey | None, str]] = {
    "open": (SK.Open, "Ctrl+O"),
    "new": (SK.New, "Ctrl+N"),
    "edit": (None, "Ctrl+E"),
    "duplicate": (None, "Ctrl+Shift+D"),
    "builtin": (None, "Ctrl+Shift+O"),
    "quit": (SK.Quit, "Ctrl+Q"),
    "distance": (SK.FullScreen, "F11"),
    "history": (None, "Ctrl+H"),
    "goals": (None, "Ctrl+G"),
    "plan": (None, "Ctrl+L"),
    "sound": (SK.Preferences, "Ctrl+,"),
    "keys": (SK.HelpContents, "F1"),
    "about": (None, "Ctrl+Shift+F1"),
    "changes": (None, "Ctrl+Shift+C"),  # Care ▸ Changes to your exercises
    "redFlags": (None, "Ctrl+Shift+S"),  # Care ▸ Safety questions
}


def menu_shortcuts(name: str) -> list[QKeySequence]:
    """The shortcuts of menu entry ``name``: the standard key's, or ours."""
    standard, ours = MENU_KEYS[name]
    keys = QKeySequence.keyBindings(standard) if standard is not None else []
    return keys or [QKeySequence(ours)]


def menu_action(host: QWidget, text: str, name: str) -> QAction:
    """Menu entry ``name`` of ``host``: its object name "<name>Action" and its shortcuts
    from ``MENU_KEYS`` (for menus other parts add, as the care menu)."""
    action = QAction(text, host)
    action.setObjectName(f"{name}Action")
    action.setShortcuts(menu_shortcuts(name))
    action.setAutoRepeat(False)  # a held key is one press, as the session keys are
    return action


_action = menu_action


#: What a screen reader says for the main controls: (name, description).
BACK_WORDS = (
    _("Back"),
    _("Go back a phase; in a hold more than 2 seconds in, start it again. Keys: Left, Page Up."),
)
NEXT_WORDS = (_("Next"), _("Move on to the next phase now. Keys: Right, Page Down."))
PAIN_WORDS = (
    _("Pain — stop"),
    _(
        "Freezes the countdown and silences every sound at once, then asks what to do. "
        "Keys: Escape, P, B."
    ),
)
FIGURE_WORDS = (
    _("Position"),
    _("A figure in the position to take; the words beside it say the same."),
)
STEP_LIST_DESCRIPTION = _(
    "The routine's stretches in order, the one under way marked; choose one to go to it."
)


def _scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area, so its height never sets the window's minimum."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class WindowParts:
    """The widgets and menus of ``host``, showing ``routine`` until told otherwise: made
    here, laid out in ``host``'s central widget and menu bar, and reached as attributes
    (``countdown``, ``pain_button``, ``open_action``, ...)."""

    def __init__(self, host: QMainWindow, routine: Routine) -> None:
        self._distance = False
        self._normal_palette: QPalette | None = None  #: to go back to after distance mode
        self._build(host, routine)
        self._build_menus(host)

    def _build(self, host: QMainWindow, routine: Routine) -> None:
        self.banner = Banner()
        self.safety = Banner(kind="safety")
        self.routine_label = QLabel()
        self.routine_label.setTextFormat(Qt.TextFormat.PlainText)
        self.time_label = QLabel()
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gentle_badge = QLabel("GENTLE")
        self.gentle_badge.setObjectName("gentleBadge")
        self.gentle_badge.setVisible(False)
        for label in (self.routine_label, self.time_label, self.gentle_badge):
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            label.setFont(font)
        self.goals_label = QLabel()
        self.goals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.goals_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.routine_label, 1)
        top.addWidget(self.gentle_badge)
        self.listening_mark = ListeningMark()  # stays in distance mode: the mic is open
        top.addWidget(self.listening_mark)
        top.addWidget(self.time_label)

        self.step_model = StepListModel(routine, ())  # rows: set_routine
        self.step_list = StepListView(self.step_model)
        self.figure = FigureWidget()
        self.figure.setAccessibleName(FIGURE_WORDS[0])
        self.figure.setAccessibleDescription(FIGURE_WORDS[1])
        self.step_list.setAccessibleDescription(STEP_LIST_DESCRIPTION)
        self.figure.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.step_panel = CurrentStepPanel()
        self.countdown = CountdownWidget()
        self.countdown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.summary = SummaryPanel()
        self.help = HelpOverlay(host)
        self.help.hide()

        stage = QWidget()
        stage_layout = QHBoxLayout(stage)
        stage_layout.setContentsMargins(0, 0, 0, 0)
        middle = QVBoxLayout()
        middle.addWidget(self.figure, 3)
        middle.addWidget(self.step_panel, 2)
        stage_layout.addLayout(middle, 5)
        stage_layout.addWidget(self.countdown, 4)
        self._stage_layout = stage_layout
        self.pages = QStackedWidget()
        self.pages.addWidget(stage)
        # The summary and the pain panel sit in scroll areas so their height never becomes
        # the window's minimum: the whole window must fit a 1024x600 netbook with the
        # safety note showing.
        self.summary_page = _scrolling(self.summary)
        self.pages.addWidget(self.summary_page)
        #: the pain panel's page, inserted between the stage and the summary when built
        self.pain = PainPage(self.pages, _scrolling, parent=host)

        body = QHBoxLayout()
        body.addWidget(self.step_list, 5)
        body.addWidget(self.pages, 17)

        self.back_button = QPushButton(_("◀ Back"))
        self.start_button = QPushButton(_("▶ Start"))
        self.next_button = QPushButton(_("Next ▶"))
        self.pain_button = QPushButton(_("PAIN — STOP\nEsc · P · B"))
        self.pain_button.setObjectName("painButton")
        self.pain_button.setStyleSheet(pain_button_style())
        self.pain_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.pain_button.setMinimumHeight(110)
        for button in (self.back_button, self.start_button, self.next_button, self.pain_button):
            # Keys are handled by the window: a focused button would swallow Space.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * (2.0 if button is self.pain_button else 1.4))
            font.setBold(True)
            button.setFont(font)
        for button in (self.back_button, self.start_button, self.next_button):
            button.setMinimumHeight(64)
        for button, (name, description) in (
            (self.back_button, BACK_WORDS),
            (self.next_button, NEXT_WORDS),
            (self.pain_button, PAIN_WORDS),
        ):
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
        controls = QHBoxLayout()
        self.small_controls = QWidget()
        small = QHBoxLayout(self.small_controls)
        small.setContentsMargins(0, 0, 0, 0)
        small.addWidget(self.back_button)
        small.addWidget(self.start_button)
        small.addWidget(self.next_button)
        controls.addWidget(self.small_controls, 2)
        controls.addWidget(self.pain_button, 3)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setSpacing(6)
        outer.addWidget(self.safety)
        outer.addWidget(self.banner)
        outer.addLayout(top)
        outer.addWidget(self.goals_label)
        outer.addLayout(body, 1)
        outer.addLayout(controls)
        host.setCentralWidget(central)
        self._central = central

    def _build_menus(self, host: QMainWindow) -> None:
        """Every entry has a shortcut, the platform's standard one where Qt knows one
        (``MENU_KEYS``); those that are also a session key (F11, F1) mean the same."""
        self.menu_bar = host.menuBar()
        routine_menu = self.menu_bar.addMenu(_("&Routine"))
        self.open_action = _action(host, _("&Open routine…"), "open")
        routine_menu.addAction(self.open_action)
        self.new_routine_action = _action(host, _("&New routine…"), "new")
        self.edit_routine_action = _action(host, _("&Edit this routine…"), "edit")
        self.duplicate_routine_action = _action(host, _("&Duplicate this routine…"), "duplicate")
        for action in (
            self.new_routine_action,
            self.edit_routine_action,
            self.duplicate_routine_action,
        ):
            routine_menu.addAction(action)
        self.builtin_action = _action(host, _("&Built-in routine"), "builtin")
        routine_menu.addAction(self.builtin_action)
        self.recent_menu = routine_menu.addMenu(_("&Recent routines"))
        routine_menu.addSeparator()
        self.quit_action = _action(host, _("&Quit"), "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        routine_menu.addAction(self.quit_action)
        view = self.menu_bar.addMenu(_("&View"))
        self.view_menu = view
        self.distance_action = _action(host, _("&Distance mode"), "distance")
        self.history_action = _action(host, _("&History…"), "history")
        self.goals_action = _action(host, _("&Goals…"), "goals")
        self.plan_action = _action(host, _("&Plan…"), "plan")
        self.sound_action = _action(host, _("&Sound and voice…"), "sound")
        self.sound_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        for action in (
            self.distance_action,
            self.history_action,
            self.goals_action,
            self.plan_action,
            self.sound_action,
        ):
            view.addAction(action)
        help_menu = self.menu_bar.addMenu(_("&Help"))
        self.keys_action = _action(host, _("&Keys"), "keys")
        self.about_action = _action(host, _("&About BackTimer"), "about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.keys_action)
        help_menu.addAction(self.about_action)
        # Also the window's own: a hidden menu bar (distance mode) keeps its shortcuts.
        host.addActions([*routine_menu.actions(), *view.actions(), *help_menu.actions()])

    @property
    def pain_panel(self) -> PainPanel:
        """The pain panel, built now if it was not yet (``pain.built`` says)."""
        return self.pain.panel

    @property
    def pain_page(self) -> QScrollArea:
        """The pain panel's scroll area among ``pages``, built now if it was not yet."""
        return self.pain.area

    # ----- distance mode -------------------------------------------------------------
    @property
    def distance_mode(self) -> bool:
        return self._distance

    def set_distance_mode(self, on: bool) -> None:
        """Nothing but picture, side, phase, countdown and pain button, light on black
        (going full screen is the window's part)."""
        self._distance = on
        for widget in (self.step_list, self.small_controls, self.routine_label, self.menu_bar):
            widget.setVisible(not on)
        self._show_goals()
        self.step_panel.set_distance_mode(on)
        self.countdown.set_distance_mode(on)
        # From across the room the numbers matter most: the countdown gets the larger half.
        self._stage_layout.setStretch(0, 4 if on else 5)
        self._stage_layout.setStretch(1, 5 if on else 4)
        self.pain_button.setStyleSheet(pain_button_style(distance=on))
        self._central.setAutoFillBackground(on)
        palette = self._central.palette()
        if on:
            self._normal_palette = QPalette(palette)
            palette.setColor(QPalette.ColorRole.Window, QColor("black"))
            palette.setColor(QPalette.ColorRole.WindowText, QColor("white"))
            self._central.setPalette(palette)
        elif self._normal_palette is not None:
            self._central.setPalette(self._normal_palette)

    def fit_pain_label(self, window_height: int) -> None:
        """In distance mode the pain button's words grow with the screen, to be read
        from across the room as well as the countdown."""
        font = self.pain_button.font()
        if self._distance:
            font.setPixelSize(max(18, min(64, window_height // 22)))
        else:
            font.setPixelSize(max(16, min(32, window_height // 32)))
        self.pain_button.setFont(font)

    def set_goals_text(self, text: str) -> None:
        """The goals line under the routine's name; hidden when empty or in distance mode."""
        self.goals_label.setText(text)
        self._show_goals()

    def _show_goals(self) -> None:
        self.goals_label.setVisible(bool(self.goals_label.text()) and not self._distance)
