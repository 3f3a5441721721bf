"""The main window's widgets, their layout and its menus, built once at construction, and
distance mode: the same widgets laid out for reading across the room."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.record import PainChoice
from backtimer.core.routine import Routine
from backtimer.gui.banner import Banner
from backtimer.gui.countdown import CountdownWidget
from backtimer.gui.current_step import CurrentStepPanel
from backtimer.gui.figure.widget import FigureWidget
from backtimer.gui.help_overlay import HelpOverlay
from backtimer.gui.keys import Action
from backtimer.gui.pain_panel import PainPanel
from backtimer.gui.slots import connect_call
from backtimer.gui.step_list import StepListModel
from backtimer.gui.step_list_view import StepListView
from backtimer.gui.summary_panel import SummaryPanel
from backtimer.gui.theme import pain_button_style


def _scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area, so its height never sets the window's minimum."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


if TYPE_CHECKING:  # a mixin of the main window: type-check it as one
    from PySide6.QtWidgets import QMainWindow as _Base
else:
    _Base = object


class WindowLayout(_Base):
    """Mixed into the main window: ``_build`` makes every widget as an attribute and lays
    them out; ``_build_menus`` adds the menus; ``set_distance_mode`` lays them out for
    distance. The slots they connect to are the window's."""

    # What the window provides (its state and the slots connected here).
    _routine: Routine
    _distance: bool
    _normal_palette: QPalette | None  #: the palette to go back to after distance mode
    trigger: Callable[[Action], None]
    pain_stop: Callable[[], None]
    show_history: Callable[[], None]
    show_goals: Callable[[], None]
    open_sound_settings: Callable[[], None]
    open_routine_dialog: Callable[[], None]
    _open_builtin: Callable[[], None]
    _refresh_recent: Callable[[], None]
    _on_start_clicked: Callable[[], None]
    _on_exercise_selected: Callable[[int], None]
    _on_section_selected: Callable[[str], None]
    _on_pain_choice: Callable[[PainChoice, object, str], None]

    def _build(self) -> None:
        self.banner = Banner(self)
        self.safety = Banner(self, kind="safety")
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
        top.addWidget(self.time_label)

        self.step_model = StepListModel(self._routine, ())  # rows: set_routine
        self.step_list = StepListView(self.step_model)
        self.step_list.exercise_selected.connect(self._on_exercise_selected)
        self.step_list.section_selected.connect(self._on_section_selected)
        self.figure = FigureWidget()
        self.figure.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.step_panel = CurrentStepPanel()
        self.countdown = CountdownWidget()
        self.countdown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.pain_panel = PainPanel()
        self.pain_panel.choice_made.connect(self._on_pain_choice)
        self.summary = SummaryPanel()
        self.summary.history_requested.connect(self.show_history)
        self.help = HelpOverlay(self)
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
        # In a scroll area so its height never becomes the window's minimum: the whole
        # window must fit a 1024x600 netbook with the safety note showing.
        self.pain_page = _scrolling(self.pain_panel)
        self.summary_page = _scrolling(self.summary)
        self.pages.addWidget(self.pain_page)
        self.pages.addWidget(self.summary_page)

        body = QHBoxLayout()
        body.addWidget(self.step_list, 5)
        body.addWidget(self.pages, 17)

        self.back_button = QPushButton("◀ Back")
        self.start_button = QPushButton("▶ Start")
        self.next_button = QPushButton("Next ▶")
        self.pain_button = QPushButton("PAIN — STOP\nEsc · P · B")
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
        connect_call(self.back_button.clicked, self.trigger, Action.BACK)
        connect_call(self.next_button.clicked, self.trigger, Action.NEXT)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.pain_button.clicked.connect(self.pain_stop)
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
        self.setCentralWidget(central)
        self._central = central

    def _build_menus(self) -> None:
        bar = self.menuBar()
        routine_menu = bar.addMenu("&Routine")
        open_action = QAction("&Open routine…", self)
        open_action.triggered.connect(self.open_routine_dialog)
        routine_menu.addAction(open_action)
        builtin = QAction("&Built-in routine", self)
        builtin.triggered.connect(self._open_builtin)
        routine_menu.addAction(builtin)
        self.recent_menu = routine_menu.addMenu("&Recent routines")
        self._refresh_recent()
        view = bar.addMenu("&View")
        distance = QAction("&Distance mode (F11)", self)
        connect_call(distance.triggered, self.trigger, Action.DISTANCE)
        view.addAction(distance)
        history = QAction("&History…", self)
        history.triggered.connect(self.show_history)
        view.addAction(history)
        goals = QAction("&Goals…", self)
        goals.triggered.connect(self.show_goals)
        view.addAction(goals)
        sound = QAction("&Sound and voice…", self)
        sound.triggered.connect(self.open_sound_settings)
        view.addAction(sound)
        keys = QAction("&Keys (?)", self)
        connect_call(keys.triggered, self.trigger, Action.HELP)
        view.addAction(keys)

    # ----- distance mode -------------------------------------------------------------
    def set_distance_mode(self, on: bool) -> None:
        """Full screen with nothing but picture, side, phase, countdown and pain button."""
        self._distance = on
        for widget in (self.step_list, self.small_controls, self.routine_label, self.menuBar()):
            widget.setVisible(not on)
        self.goals_label.setVisible(bool(self.goals_label.text()) and not on)
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
        if on:
            screen = self.screen()
            if screen is not None:
                # Without a window manager (a bare X server, a kiosk) the full-screen
                # request is ignored: cover the screen ourselves as well.
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.showNormal()
        self._fit_pain_label()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pain_label()

    def _fit_pain_label(self) -> None:
        """In distance mode the pain button's words grow with the screen, to be read
        from across the room as well as the countdown."""
        font = self.pain_button.font()
        if self._distance:
            font.setPixelSize(max(18, min(64, self.height() // 22)))
        else:
            font.setPixelSize(max(16, min(32, self.height() // 32)))
        self.pain_button.setFont(font)

    @property
    def distance_mode(self) -> bool:
        return self._distance
