"""The window shows the engine's plan, and the history holds the engine's pauses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from backtimer.core.loader import load_builtin
from backtimer.core.record import PainChoice
from backtimer.core.retime import SPOKEN_MARGIN
from backtimer.core.store import HistoryStore
from backtimer.core.timeline import PhaseKind
from backtimer.gui.cues import CueDirector, Players
from backtimer.gui.main_window import MainWindow
from backtimer.gui.session import Session
from backtimer.gui.silent import SilentPlayer
from backtimer.gui.sound_settings import SoundSettings

from .helpers import FakeClock, run_for, run_until


def test_a_pain_stop_is_in_the_history_as_the_engine_recorded_it(
    window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    """Pain 4 s into a hold and 40 s to choose Resume: the history holds one pause, for
    pain, from when it was pressed — the engine's own record of it."""
    window.start_session()
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 4)
    window.pain_stop()
    run_for(window, clock, 40)
    window.pain_panel.choice_made.emit(PainChoice.RESUME, None, "")
    session = window.session
    assert session is not None
    (pause,) = session.record.pauses
    store = HistoryStore.open(tmp_path / "history").store
    assert store is not None
    stored = [p.pause for p in store.pauses()]
    store.close()
    assert stored == [pause]
    assert (pause.seconds, pause.reason.value) == (40, "pain")


class _Voice(SilentPlayer):
    """A voice whose every utterance is rendered and lasts ``seconds``."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.said = seconds

    def seconds(self, item: str) -> float | None:
        return self.said


def test_speech_lengths_reach_the_engine_as_numbers(qtbot, clock: FakeClock) -> None:
    """Once the words are ready, prepare phases last as long as their words and a breath;
    the engine keeps those numbers (the voice changing later changes no phase)."""
    voice = _Voice(30.0)
    parent = QObject()
    cues = CueDirector(
        load_builtin(), SoundSettings(), parent, players=Players(SilentPlayer(), voice)
    )
    session = Session(load_builtin(), clock=clock, store=None, cues=cues, parent=parent)
    prepares = [p for p in session.phases if p.kind is PhaseKind.PREPARE]
    assert prepares
    assert all(p.seconds == 30.0 + SPOKEN_MARGIN for p in prepares)
    voice.said = 60.0
    session.adjust_hold(5)  # the plan is re-timed: with the numbers it was given
    assert all(
        p.seconds == 30.0 + SPOKEN_MARGIN for p in session.phases if p.kind is PhaseKind.PREPARE
    )
    session.shutdown()
    cues.shutdown()
