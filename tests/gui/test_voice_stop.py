"""Voice stop on a real PulseAudio server: espeak-ng's "stop", played into the null sink
whose monitor is the microphone, reaches the real listener process and stops the
session through the same path as Esc; the program's own phrases do not; a missing
recogniser or microphone leaves a message and the keys."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.cue_schedule import START_CUES
from backtimer.core.session.events import CueDue
from backtimer.core.session.timeline import PhaseKind
from backtimer.gui.listen.listener import NO_MICROPHONE, NO_RECOGNISER, State
from backtimer.gui.main_window import MainWindow

from .helpers import FakeClock, run_for, run_until
from .test_pain_latency import assert_stopped_now

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import voice_helpers as vh  # noqa: E402

pytestmark = [pytest.mark.sound, pytest.mark.slow]
LISTEN_TIMEOUT = 20_000  #: ms to load the recogniser and open the microphone on a busy machine


@pytest.fixture
def microphone() -> None:
    """The null sink's monitor as the default microphone, else skip (fail when CI=true)."""
    problem = vh.microphone_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs voice stop's parts: {problem}")
        pytest.skip(problem)


@pytest.fixture
def make_listening(qtbot, tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., MainWindow]]:
    made: list[MainWindow] = []

    def make(*, silent: bool = True) -> MainWindow:
        w = MainWindow(
            load_builtin(),
            data_folder=tmp_path / "history",
            silent=silent,
            listen=True,
            clock=clock,
        )
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def _start_listening(qtbot, window: MainWindow) -> None:
    window.start_session()
    listener = window.voice_stop.listener
    qtbot.waitUntil(lambda: listener.state is State.LISTENING, timeout=LISTEN_TIMEOUT)
    assert window.parts.listening_mark.isVisible()
    assert "stop" in window.parts.listening_mark.text()


def test_saying_stop_freezes_a_hold_like_the_pain_button(
    qtbot, microphone, make_listening, clock, tmp_path
) -> None:
    """ "Stop" said into the microphone during a hold freezes it and opens the pain panel."""
    window = make_listening()
    _start_listening(qtbot, window)
    run_until(window, clock, PhaseKind.HOLD)
    run_for(window, clock, 2)
    left = window.session.remaining()
    _say_stop(qtbot, window, vh.say("stop!", tmp_path / "stop.wav"))
    assert_stopped_now(window, clock)
    assert window.session.remaining() == pytest.approx(left)
    assert len(window.session.record.pains) == 1
    window.close()
    assert window.voice_stop.listener.state is State.OFF, "closing closes the microphone"
    assert not window.parts.listening_mark.isVisible()


def test_own_phrases_do_not_stop_a_session(
    qtbot, microphone, make_listening, clock, tmp_path
) -> None:
    """Every start phrase of the built-in routine, said by the window's own voice into the
    microphone, leaves the session running; a person's "stop" afterwards still stops it."""
    window = make_listening(silent=False)
    assert window.cues.output is not None, "this test needs the real voice"
    _start_listening(qtbot, window)
    run_until(window, clock, PhaseKind.HOLD)
    said: list[tuple[str, float]] = []
    recorder = _Recorder(said)  # kept: PySide holds a bound method weakly
    window.cues.own_sound.connect(recorder.add)
    session = window.session
    spoken = [p for p in session.phases if p.kind in (PhaseKind.PREPARE, PhaseKind.WARMUP)]
    for index, phase in enumerate(spoken[:6]):
        before = len(said)
        # ``at`` apart, so each is its own group (the director merges cues due together)
        window.cues.on_event(CueDue(START_CUES[phase.kind], index, phase, clock() + 10 * index))
        qtbot.waitUntil(lambda n=before: any(t for t, _ in said[n:]), timeout=15_000)
        end = time.monotonic() + said[-1][1] + 0.8
        qtbot.waitUntil(lambda e=end: time.monotonic() > e, timeout=60_000)
        assert not session.in_pain, f"stopped by its own words: {said[-1][0]!r}"
    assert any(text for text, _ in said)
    _say_stop(qtbot, window, vh.say("stop!", tmp_path / "person-stop.wav", voice="en-gb"))


@pytest.mark.parametrize(
    ("alone", "blocked"), [("pyopen_wakeword", "pocketsphinx"), ("pocketsphinx", "pyopen_wakeword")]
)
def test_each_recogniser_alone_hears_stop(
    qtbot, microphone, make_listening, clock, tmp_path, alone: str, blocked: str
) -> None:
    """With only the trained model (no pocketsphinx), or only pocketsphinx (no model, as on
    macOS), "stop" still freezes the hold."""
    try:
        __import__(alone)
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs voice stop's parts: {alone} is not installed")
        pytest.skip(f"{alone} is not installed (pip install 'backtimer[voice]')")
    window = make_listening()
    window.voice_stop.listener._command = _listener_without(blocked)
    _start_listening(qtbot, window)
    run_until(window, clock, PhaseKind.HOLD)
    _say_stop(qtbot, window, vh.say("stop!", tmp_path / "stop.wav", voice="en-us", rate=180))
    assert_stopped_now(window, clock)
    assert len(window.session.record.pains) == 1


def _listener_without(*modules: str) -> tuple[str, ...]:
    """The listener process's command with ``modules`` made unimportable in it."""
    blocked = "; ".join(f"sys.modules[{m!r}] = None" for m in modules)
    return (
        sys.executable,
        "-c",
        f"import sys; {blocked}; "
        "from backtimer.gui.listen.listener_process import main; sys.exit(main())",
    )


def _say_stop(qtbot, window: MainWindow, path: Path, tries: int = 3) -> None:
    """Say "stop" until the pain panel is up, as a person would say it again
    (pocketsphinx, the fallback, misses about one "stop" in five: README, Measured)."""
    for _ in range(tries):
        vh.play(path).wait(timeout=10)
        try:
            qtbot.waitUntil(lambda: window.pain_panel_shown, timeout=3_000)
            return
        except qtbot.TimeoutError:
            continue
    raise AssertionError(f'"stop" said {tries} times and not heard')


class _Recorder:
    """Collects (text, seconds) of the cues' own sounds (a plain list is no QObject)."""

    def __init__(self, out: list[tuple[str, float]]) -> None:
        self._out = out

    def add(self, text: str, seconds: float) -> None:
        if seconds > 0:
            self._out.append((text, seconds))


def test_without_the_recogniser_a_message_says_what_to_install(
    qtbot, make_listening, clock
) -> None:
    """Neither recogniser (the model nor pocketsphinx): the banner says what to install,
    no mark shows, Esc still stops."""
    window = make_listening()
    window.voice_stop.listener._command = _listener_without("pocketsphinx", "pyopen_wakeword")
    window.start_session()
    listener = window.voice_stop.listener
    qtbot.waitUntil(lambda: listener.state is State.UNAVAILABLE, timeout=LISTEN_TIMEOUT)
    assert listener.problem == NO_RECOGNISER
    assert "pip install" in window.parts.banner.text()
    assert not window.parts.listening_mark.isVisible()
    run_until(window, clock, PhaseKind.HOLD)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Escape)
    assert_stopped_now(window, clock)


def test_without_a_microphone_a_message_says_so(qtbot, make_listening, clock, monkeypatch) -> None:
    """No sound server to give a microphone: the banner says so, and P still stops."""
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/pulse/native")
    window = make_listening()
    window.start_session()
    listener = window.voice_stop.listener
    qtbot.waitUntil(lambda: listener.state is State.UNAVAILABLE, timeout=LISTEN_TIMEOUT)
    assert listener.problem == NO_MICROPHONE
    assert "microphone" in window.parts.banner.text()
    run_for(window, clock, 2)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_P)
    assert_stopped_now(window, clock)
