"""What the main window shows of a session: each engine event turned into the step
list's rows, the words beside the figure, the figure, the countdown and the time left, the
pause controls and, at the end, the summary. Every length shown is the engine's plan's."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from backtimer.core import events as ev
from backtimer.core.timeline import Phase, PhaseKind
from backtimer.gui.inhibit import ScreenInhibitor
from backtimer.gui.step_list import RowState
from backtimer.gui.window_layout import WindowLayout

if TYPE_CHECKING:
    from backtimer.gui.session import Session


def _format_minutes(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class SessionScreen(WindowLayout):
    """Mixed into the main window (after its layout), which provides the session, the
    screen inhibitor and the slots named here."""

    _session: Session | None
    _pause_release: QTimer
    inhibitor: ScreenInhibitor
    _safety_seen: Callable[[], None]
    _refresh_goals: Callable[[], None]

    def _on_event(self, event: object) -> None:
        session = self._session
        if session is None:
            return
        if isinstance(event, ev.PhaseStarted | ev.PlanChanged | ev.SessionFinished):
            # The plan, or the phase under way, may have changed: the rows follow it.
            self.step_model.set_plan(session.step_rows())
        if isinstance(event, ev.PhaseStarted):
            self._show_phase(event)
        elif isinstance(event, ev.PhaseEnded) and event.phase.kind is PhaseKind.HOLD:
            self._mark_hold_ended(event, session)
        elif isinstance(event, ev.Paused | ev.Resumed):
            self._update_pause_controls()
        elif isinstance(event, ev.StallDetected):
            self.banner.show_message(
                f"Paused: the computer was away for {round(event.gap)} s "
                "(lid closed or busy). Press Space to go on."
            )
        elif isinstance(event, ev.PlanChanged):
            self.gentle_badge.setVisible(event.gentle)
        elif isinstance(event, ev.SessionFinished):
            self._show_summary()
        self._refresh_time()

    def _mark_hold_ended(self, event: ev.PhaseEnded, session: Session) -> None:
        """A cut-short hold marks its row for good; the row is done after its last hold."""
        index = event.phase.exercise_index
        if index is None:
            return
        if not event.completed:
            self.step_model.set_exercise_state(index, RowState.CUT_SHORT)
            return
        later = session.phases[event.index + 1 :]
        more_holds = any(p.kind is PhaseKind.HOLD and p.exercise_index == index for p in later)
        if not more_holds and self.step_model.state_of(index) is not RowState.CUT_SHORT:
            self.step_model.set_exercise_state(index, RowState.DONE)

    def _show_phase(self, event: ev.PhaseStarted) -> None:
        session = self._session
        assert session is not None
        phase = event.phase
        phases = session.phases
        following = phases[event.index + 1] if event.index + 1 < len(phases) else None
        self.step_panel.set_phase(phase, following, phase.step)
        row = self.step_model.row_for_phase(phase)
        if row is not None:
            self.step_model.set_current(self.step_model.key_for_row(row))
        poses = [s.pose for s in phase.steps if s.pose]
        images = [s.image for s in phase.steps if s.image]
        if phase.kind is PhaseKind.PREPARE or phase.kind in (PhaseKind.WARMUP, PhaseKind.COOLDOWN):
            if images:
                self.figure.set_image(images[0])
            else:
                self.figure.set_steps(poses, phase.side)
        elif phase.steps:
            step = phase.steps[min(phase.step, len(phase.steps) - 1)]
            if step.image:
                self.figure.set_image(step.image)
            elif step.pose:
                self.figure.set_pose(step.pose, phase.side, animate=True)
        if phase.kind is not PhaseKind.LEAD_IN and self.safety.isVisible():
            self.safety.hide()
            self._safety_seen()
        self.gentle_badge.setVisible(session.gentle)
        self._update_pause_controls()

    def _update_pause_controls(self) -> None:
        session = self._session
        if session is None or not session.active:
            self.start_button.setText("▶ Start")
            self.inhibitor.release()
            return
        if session.paused:
            self.start_button.setText("▶ Resume")
            self._pause_release.start()
        else:
            self.start_button.setText("❚❚ Pause")
            self._pause_release.stop()
            self.inhibitor.hold()

    def _refresh_time(self) -> None:
        session = self._session
        if session is None:
            return
        phase = session.current
        self.countdown.set_state(
            session.remaining(), phase.seconds, phase.kind, frozen=session.paused or session.in_pain
        )
        self.time_label.setText(
            f"{_format_minutes(session.session_remaining())} left of "
            f"{_format_minutes(session.planned_total())}"
        )
        self.step_panel.set_prepare_progress(session.phase_elapsed(), phase)

    def _show_idle(self, phases: tuple[Phase, ...]) -> None:
        """Ready to start ``phases`` (the plan the idle window shows)."""
        self.pages.setCurrentIndex(0)
        first = next((p for p in phases if p.kind is not PhaseKind.LEAD_IN), phases[0])
        self.step_panel.set_idle(self._routine, first)
        poses = [s.pose for s in first.steps if s.pose]
        if poses:
            self.figure.set_pose(poses[-1], first.side, animate=False)
        self.countdown.set_state(
            phases[0].seconds, phases[0].seconds, PhaseKind.LEAD_IN, frozen=True
        )
        self.start_button.setText("▶ Start")

    def _show_summary(self) -> None:
        self._refresh_goals()
        session = self._session
        assert session is not None
        self.summary.set_summary(session.record)
        self.pages.setCurrentWidget(self.summary_page)
        self._pause_release.stop()
        self._update_pause_controls()  # the session is over: lets the screen sleep again
        self.step_model.set_current(-1)
