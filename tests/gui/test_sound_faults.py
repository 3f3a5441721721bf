"""Faults in the sound path, each with the real part: a PulseAudio server killed and
started again, a synthesizer that crashes. The session goes on; sound comes back."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core.history.store import HistoryStore
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.main_window import SOUND_BACK, MainWindow
from backtimer.gui.sound.beeps import EffectPlayer, beep_files
from backtimer.gui.sound.choice import make_players
from backtimer.gui.sound.director import CueDirector
from backtimer.gui.sound.output import SOUND_LOST, SoundOutput, State
from backtimer.gui.sound.settings import SoundSettings

from .helpers import FakeClock, run_for, run_until

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import cues as bench  # noqa: E402  (bench/cues.py: the recorder shared with the benchmark)
from private_pulse import PulseServer  # noqa: E402  (shared with bench/sound_restart.py)

pytestmark = pytest.mark.sound
LOST_WITHIN = 10_000  #: ms; the player notices in about 1.6 s (bench/sound_restart.py)
BACK_WITHIN = 10_000  #: ms; generous: bench/sound_restart.py measures the real figure


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> Iterator[PulseServer]:
    """A private sound server every client of this test uses (``PULSE_SERVER``)."""
    problem = PulseServer.problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs pulseaudio: {problem}")
        pytest.skip(problem)
    pulse = PulseServer(tmp_path)
    monkeypatch.setenv("PULSE_SERVER", pulse.address)
    pulse.start()
    qtbot.waitUntil(pulse.answers, timeout=10_000)
    yield pulse
    pulse.kill()


def _heard(qtbot, play) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``play()`` is heard on the server's sink within a second."""
    rec = bench.Recorder()
    rec.start()
    try:
        qtbot.waitUntil(lambda: rec.has_data, timeout=10_000)
        asked = time.monotonic()
        play()
        qtbot.waitUntil(lambda: any(o >= asked for o in rec.onsets()), timeout=1000)
        return True
    except AssertionError:  # waitUntil's timeout
        return False
    finally:
        rec.stop()


def test_beeps_come_back_by_themselves_after_the_server_restarts(qtbot, server) -> None:
    """Server killed: the player says sound was lost; server back: it is ready again,
    with no new player made, and a beep is heard."""
    player = EffectPlayer(beep_files())
    output = player.output
    try:
        qtbot.waitUntil(lambda: output.state is State.READY, timeout=10_000)
        assert _heard(qtbot, lambda: player.play("count"))

        server.kill()
        player.play("count")  # an idle stream cannot tell; a sound not taken can
        qtbot.waitUntil(lambda: output.state is State.LOST, timeout=LOST_WITHIN)
        assert output.problem == SOUND_LOST
        assert player.problem == SOUND_LOST
        assert not player.play("count"), "nothing claims to sound while the server is gone"

        server.start()
        qtbot.waitUntil(server.answers, timeout=10_000)
        qtbot.waitUntil(lambda: output.state is State.READY, timeout=BACK_WITHIN)
        assert output.problem is None
        assert player.problem is None
        assert _heard(qtbot, lambda: player.play("count"))
    finally:
        player.shutdown()


def test_a_session_goes_on_through_a_server_restart_and_says_so(
    qtbot, server, tmp_path: Path
) -> None:
    """Mid-session the server dies and comes back: the window says sound was lost, the
    holds go on and are saved, then it says sound is back."""
    clock = FakeClock()
    window = MainWindow(load_builtin(), data_folder=tmp_path / "history", clock=clock)
    qtbot.addWidget(window)
    window.show()
    output = window.cues.output
    assert output is not None
    try:
        qtbot.waitUntil(lambda: output.state is State.READY, timeout=10_000)
        window.start_session()
        run_until(window, clock, PhaseKind.HOLD)

        server.kill()
        session = window.session
        assert session is not None
        first = session.current
        run_for(window, clock, first.seconds + 0.5)  # its 3-2-1 beeps find no server
        assert session.current is not first, "the session went on without sound"
        qtbot.waitUntil(lambda: SOUND_LOST in window.parts.banner.text(), timeout=LOST_WITHIN)

        server.start()
        qtbot.waitUntil(server.answers, timeout=10_000)
        qtbot.waitUntil(lambda: window.parts.banner.text() == SOUND_BACK, timeout=BACK_WITHIN)
        assert window.cues.problems == []
    finally:
        window.close()
    result = HistoryStore.open(tmp_path / "history")
    assert result.store is not None
    holds = result.store.holds()
    result.store.close()
    assert [h.hold.held for h in holds] == [pytest.approx(first.seconds)]


def test_a_crashing_synthesizer_leaves_beeps_and_says_why(qtbot, server, tmp_path) -> None:
    """espeak-ng dying on a signal: the voice says nothing, the reason is given, beeps play."""
    crash = ("sh", "-c", "kill -SEGV $$", "sh", "{out}")
    settings = SoundSettings(volume=1.0)
    players = make_players(settings, render_command=crash, speech_folder=tmp_path)
    director = CueDirector(load_builtin(), settings, players=players)
    try:
        with qtbot.waitSignal(director.problems_changed, timeout=10_000):
            players.voice.prepare(["Lie on your back."])
        assert any("crashed" in p for p in director.problems), director.problems
        assert players.output is not None
        qtbot.waitUntil(lambda: players.output.state is State.READY, timeout=10_000)
        assert _heard(qtbot, lambda: players.beeps.play("count"))
    finally:
        director.shutdown()


def test_a_sound_the_player_cannot_read_is_dropped_not_taken_for_a_hang(
    qtbot, server, tmp_path: Path
) -> None:
    """An 8-bit WAV (its header reads, its samples cannot be played): the player says
    so, the sound is no longer offered, and the player stays ready for the others."""
    import wave

    bad = tmp_path / "bad.wav"
    with wave.open(str(bad), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes(800))
    player = EffectPlayer({**beep_files(), "bad": bad})
    output = player.output
    try:
        qtbot.waitUntil(lambda: output.state is State.READY, timeout=10_000)
        qtbot.waitUntil(lambda: not player.is_ready("bad"), timeout=5000)
        assert not player.play("bad")
        assert output.state is State.READY
        assert _heard(qtbot, lambda: player.play("count"))
    finally:
        player.shutdown()


def test_a_player_left_to_start_later_starts_for_the_first_sound(qtbot, server) -> None:
    """A player told to wait for the window's first paint is started by the first
    sound asked for before that."""
    output = SoundOutput(start=False)
    player = EffectPlayer(beep_files(), output=output)
    try:
        assert player.play("count")  # kept, and it starts the player
        qtbot.waitUntil(lambda: output.state is State.READY, timeout=10_000)
    finally:
        player.shutdown()
        output.shutdown()


def test_a_shown_window_starts_its_player(qtbot, server, tmp_path: Path) -> None:
    """Once the window has painted, its player starts without waiting for a sound."""
    window = MainWindow(load_builtin(), data_folder=tmp_path / "history")
    qtbot.addWidget(window)
    window.show()
    output = window.cues.output
    assert output is not None
    try:
        qtbot.waitUntil(lambda: output.state is State.READY, timeout=10_000)
        assert window.cues.problems == []
    finally:
        window.close()
