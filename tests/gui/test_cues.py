"""The cue director degrades without sound or voice and never lets a stuck voice block."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer

from backtimer.core.routine import Exercise, Routine, Side, Sides, Step
from backtimer.core.session.events import (
    Cue,
    CueDue,
    PainStopped,
    Paused,
    PhaseEnded,
    PhaseStarted,
    Resumed,
    SessionFinished,
)
from backtimer.core.session.record import Outcome, PainRecord, PauseReason
from backtimer.core.session.timeline import PhaseKind, build_phases
from backtimer.gui.sound.choice import Players, make_players
from backtimer.gui.sound.director import CueDirector
from backtimer.gui.sound.output import NO_MULTIMEDIA
from backtimer.gui.sound.settings import SoundSettings
from backtimer.gui.sound.silent import SilentPlayer
from backtimer.gui.sound.voice import NO_ESPEAK, VoicePlayer

#: Qt's own warning where no sound server runs: the very case these tests cover.
pytestmark = pytest.mark.qt_log_ignore(r"PulseAudioService: pa_context_connect\(\) failed")


def _routine() -> Routine:
    ex = Exercise(
        id="ham", name="Hamstring stretch", muscle_group="hamstrings",
        steps=(Step("Place your {side} foot on the chair."),),
        hold=10, gentle_hold=10, reps=1, rest=5, prepare=5, sides=Sides.BOTH,
    )  # fmt: skip
    return Routine(id="r", name="R", exercises=(ex,))


def test_without_multimedia_every_event_is_accepted_and_the_reason_given(qtbot) -> None:
    """With QtMultimedia unavailable a whole session's events play silently, and it says why."""
    routine = _routine()
    settings = SoundSettings()
    director = CueDirector(
        routine, settings, players=make_players(settings, multimedia_available=False)
    )
    assert director.problems == [NO_MULTIMEDIA]
    assert "libpulse0" in director.problems[0]
    phases = build_phases(routine)
    with qtbot.waitSignal(director.speech_ready, timeout=1000):
        director.prepare_session(phases)
    for i, phase in enumerate(phases):
        director.on_event(PhaseStarted(i, phase, float(i)))
        for cue in Cue:
            director.on_event(CueDue(cue, i, phase, float(i)))
        director.on_event(PhaseEnded(i, phase, float(i) + 0.5, completed=True))
        assert director.speech_seconds(phase) == 0.0, "nothing is said, so prepare need not wait"
    pain = PainRecord(3.0, "hold", "ham", "hamstrings", Side.RIGHT, 1.0)
    for event in (Paused(1.0, PauseReason.USER), Resumed(2.0, 1.0), PainStopped(pain)):
        director.on_event(event)
    director.on_event(SessionFinished(Outcome.COMPLETED, 9.0))
    director.set_muted(True)
    director.silence()
    director.shutdown()


def test_without_espeak_the_voice_is_silent_and_names_the_package(qtbot) -> None:
    """No espeak-ng: a message says to install it; beeps are unaffected by that."""
    players = make_players(SoundSettings(), espeak_path=None)
    assert NO_ESPEAK in players.problems
    assert "sudo apt-get install espeak-ng" in NO_ESPEAK
    assert isinstance(players.voice, SilentPlayer)
    players.shutdown()


def test_sound_switched_off_is_silent_without_complaint(qtbot) -> None:
    """Beeps and voice turned off in the settings: silent players, no problem reported."""
    players = make_players(SoundSettings(beeps=False, voice=False))
    assert isinstance(players.beeps, SilentPlayer)
    assert isinstance(players.voice, SilentPlayer)
    assert not any("espeak" in p for p in players.problems)


def _sleepers(tag: str) -> list[int]:
    """Processes whose command line is ``sleep <tag>``."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if argv[:2] == [b"sleep", tag.encode()]:
                out.append(int(entry.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the stuck process")
def test_stuck_voice_never_blocks_pain_stop_or_the_window(qtbot, tmp_path: Path) -> None:
    """A synthesizer that never answers: silence() returns, the loop runs, shutdown kills it."""
    tag = f"1000.{os.getpid()}"
    players = Players(SilentPlayer(), VoicePlayer(("sleep", tag), tmp_path))
    routine = _routine()
    director = CueDirector(routine, SoundSettings(), players=players)
    phases = build_phases(routine)
    director.prepare_session(phases)
    prepare = next(p for p in phases if p.kind is PhaseKind.PREPARE)
    qtbot.waitUntil(lambda: len(_sleepers(tag)) == 1)
    director.on_event(CueDue(Cue.PREPARE_START, 1, prepare, 0.0))
    assert director.speech_seconds(prepare) is None, "length unknown while rendering"
    director.on_event(PainStopped(PainRecord(0.5, "prepare", "ham", "hamstrings", Side.RIGHT, 0.5)))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=2000)
    timer.stop()
    director.shutdown()
    qtbot.waitUntil(lambda: not _sleepers(tag), timeout=2000)


def test_settings_are_remembered(qtbot, tmp_path: Path) -> None:
    """Sound settings saved to QSettings come back the same; out-of-range values are clamped."""
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    chosen = SoundSettings(beeps=False, voice=True, volume=0.4, voice_name="en-gb", rate=130,
                           halfway=True, ten_left=False)  # fmt: skip
    chosen.save(store)
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert SoundSettings.load(again) == chosen
    again.setValue("sound/volume", "7")
    again.setValue("sound/rate", "lots")
    loaded = SoundSettings.load(again)
    assert loaded.volume == 1.0
    assert loaded.rate == SoundSettings().rate
