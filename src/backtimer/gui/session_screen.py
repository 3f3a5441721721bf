"""What the main window shows of a session: each engine event turned into the step
list's rows, the words beside the figure, the figure, the countdown and the time left, the
pause controls and, at the end, the summary. Every length shown is the engine's plan's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from backtimer.core.i18n import _
from backtimer.core.routine import Routine
from backtimer.core.session.timeline import Phase, PhaseKind
from backtimer.gui.inhibit import ScreenInhibitor
from backtimer.gui.stage.step_list import RowState
from backtimer.gui.window_layout import WindowParts

if TYPE_CHECKING:
    from backtimer.core.session import events as ev
    from backtimer.gui.session import Session

#: After this long paused, the screen may sleep again.
RELEASE_SCREEN_AFTER_PAUSE_MS = 5 * 60 * 1000
#: What a screen reader says for the start button as it reads: (name, description).
START = _("▶ Start")
RESUME = _("▶ Resume")
PAUSE = _("❚❚ Pause")
START_BUTTON_WORDS = {
    START: (
        _("Start"),
        _("Start the session: 10 seconds to get down, then it runs by itself. Key: Space."),
    ),
    RESUME: (_("Resume"), _("Go on from where the session was paused. Key: Space.")),
    PAUSE: (_("Pause"), _("Pause the session; press again to go on. Key: Space.")),
}
STALLED = _(
    "Paused: the computer was away for {seconds} s (lid closed or busy). Press Space to go on."
)
TIME_LEFT = _("{left} left of {total}")


def _format_minutes(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class SessionScreen(QObject):
    """Shows on ``parts`` the session it follows, and keeps the screen awake while that
    session runs (and for a while when it is paused). It reads the session; commands are
    the window's to give."""

    #: the session is over: its summary is about to show (the goals may have moved)
    session_finished = Signal()

    def __init__(self, parts: WindowParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts = parts
        self._session: Session | None = None
        self.inhibitor = ScreenInhibitor(self)
        self._pause_release = QTimer(self)
        self._pause_release.setSingleShot(True)
        self._pause_release.setInterval(RELEASE_SCREEN_AFTER_PAUSE_MS)
        self._pause_release.timeout.connect(self.inhibitor.release)

    def follow(self, session: Session) -> None:
        """Show ``session`` from now on (a new one, about to start) instead of any other."""
        if self._session is not None:
            self._session.happened.disconnect(self._on_event)
            self._session.tick.disconnect(self.refresh_time)
        self._session = session
        session.happened.connect(self._on_event)
        session.tick.connect(self.refresh_time)
        self._parts.step_model.reset_states()
        self._parts.step_model.set_plan(session.step_rows())
        self._parts.pages.setCurrentIndex(0)

    @property
    def pain_shown(self) -> bool:
        """The four choices after pain — stop are on screen."""
        return self._parts.pain.is_current()  # never builds the panel to say no

    def show_pain(self) -> None:
        """Time has just frozen for pain: show it frozen at once, then the four choices
        (the panel is built here if the first paint's turn has not built it yet)."""
        parts = self._parts
        self.refresh_time()
        parts.countdown.repaint()
        parts.pain_panel.reset()
        parts.small_controls.setEnabled(False)  # only the panel's four choices go on from here
        parts.pages.setCurrentWidget(parts.pain_page)
        parts.pain_panel.setFocus()

    def hide_pain(self) -> None:
        """A choice was made: back to the stage and its controls."""
        self._parts.pages.setCurrentIndex(0)
        self._parts.small_controls.setEnabled(True)

    def _set_start_button(self, text: str) -> None:
        button = self._parts.start_button
        button.setText(text)
        name, description = START_BUTTON_WORDS[text]
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)

    def shutdown(self) -> None:
        """The window is closing: let the screen sleep, stop the timer."""
        self.inhibitor.release()
        self._pause_release.stop()

    def _on_event(self, event: object) -> None:
        from backtimer.core.session import events as ev  # read in with the first session

        session = self._session
        if session is None:
            return
        if isinstance(event, ev.PhaseStarted | ev.PlanChanged | ev.SessionFinished):
            # The plan, or the phase under way, may have changed: the rows follow it.
            self._parts.step_model.set_plan(session.step_rows())
        if isinstance(event, ev.PhaseStarted):
            self._show_phase(event)
        elif isinstance(event, ev.PhaseEnded) and event.phase.kind is PhaseKind.HOLD:
            self._mark_hold_ended(event, session)
        elif isinstance(event, ev.Paused | ev.Resumed):
            self._update_pause_controls()
        elif isinstance(event, ev.StallDetected):
            self._parts.banner.show_message(STALLED.format(seconds=round(event.gap)))
        elif isinstance(event, ev.PlanChanged):
            self._parts.gentle_badge.setVisible(event.gentle)
        elif isinstance(event, ev.SessionFinished):
            self._show_summary()
        self.refresh_time()

    def _mark_hold_ended(self, event: ev.PhaseEnded, session: Session) -> None:
        """A cut-short hold marks its row for good; the row is done after its last hold."""
        index = event.phase.exercise_index
        if index is None:
            return
        if not event.completed:
            self._parts.step_model.set_exercise_state(index, RowState.CUT_SHORT)
            return
        later = session.phases[event.index + 1 :]
        more_holds = any(p.kind is PhaseKind.HOLD and p.exercise_index == index for p in later)
        if not more_holds and self._parts.step_model.state_of(index) is not RowState.CUT_SHORT:
            self._parts.step_model.set_exercise_state(index, RowState.DONE)

    def _show_phase(self, event: ev.PhaseStarted) -> None:
        session = self._session
        assert session is not None
        phase = event.phase
        phases = session.phases
        following = phases[event.index + 1] if event.index + 1 < len(phases) else None
        self._parts.step_panel.set_phase(phase, following, phase.step)
        row = self._parts.step_model.row_for_phase(phase)
        if row is not None:
            self._parts.step_model.set_current(self._parts.step_model.key_for_row(row))
        poses = [s.pose for s in phase.steps if s.pose]
        images = [s.image for s in phase.steps if s.image]
        if phase.kind is PhaseKind.PREPARE or phase.kind in (PhaseKind.WARMUP, PhaseKind.COOLDOWN):
            if images:
                self._parts.figure.set_image(images[0])
            else:
                self._parts.figure.set_steps(poses, phase.side)
        elif phase.steps:
            step = phase.steps[min(phase.step, len(phase.steps) - 1)]
            if step.image:
                self._parts.figure.set_image(step.image)
            elif step.pose:
                self._parts.figure.set_pose(step.pose, phase.side, animate=True)
        if phase.kind is not PhaseKind.LEAD_IN and self._parts.safety.isVisible():
            self._parts.safety.dismiss()
        self._parts.gentle_badge.setVisible(session.gentle)
        self._update_pause_controls()

    def _update_pause_controls(self) -> None:
        session = self._session
        if session is None or not session.active:
            self._set_start_button(START)
            self.inhibitor.release()
            return
        if session.paused:
            self._set_start_button(RESUME)
            self._pause_release.start()
        else:
            self._set_start_button(PAUSE)
            self._pause_release.stop()
            self.inhibitor.hold()

    def refresh_time(self) -> None:
        session = self._session
        if session is None:
            return
        phase = session.current
        self._parts.countdown.set_state(
            session.remaining(), phase.seconds, phase.kind, frozen=session.paused or session.in_pain
        )
        self._parts.time_label.setText(
            TIME_LEFT.format(
                left=_format_minutes(session.session_remaining()),
                total=_format_minutes(session.planned_total()),
            )
        )
        self._parts.step_panel.set_prepare_progress(session.phase_elapsed(), phase)

    def show_idle(self, routine: Routine, phases: tuple[Phase, ...]) -> None:
        """Ready to start ``phases``, a plan of ``routine``."""
        self._parts.pages.setCurrentIndex(0)
        first = next((p for p in phases if p.kind is not PhaseKind.LEAD_IN), phases[0])
        self._parts.step_panel.set_idle(routine, first)
        poses = [s.pose for s in first.steps if s.pose]
        if poses:
            self._parts.figure.set_pose(poses[-1], first.side, animate=False)
        self._parts.countdown.set_state(
            phases[0].seconds, phases[0].seconds, PhaseKind.LEAD_IN, frozen=True
        )
        self._set_start_button(START)

    def _show_summary(self) -> None:
        self.session_finished.emit()
        session = self._session
        assert session is not None
        self._parts.summary.set_summary(session.record)
        self._parts.pages.setCurrentWidget(self._parts.summary_page)
        self._pause_release.stop()
        self._update_pause_controls()  # the session is over: lets the screen sleep again
        self._parts.step_model.set_current(-1)
