"""The stop for spreading pain is said aloud: heard on a real PulseAudio server."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core.care.body import BodyRegion, BodySide, PainSite
from backtimer.core.care.stops import after_pain
from backtimer.core.routine import Routine
from backtimer.gui.sound.choice import make_players
from backtimer.gui.sound.director import CueDirector
from backtimer.gui.sound.output import State
from backtimer.gui.sound.settings import SoundSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import cues as bench  # noqa: E402  (bench/cues.py: the recorder shared with the benchmark)

pytestmark = pytest.mark.sound


@pytest.fixture
def recorder(qtbot) -> Iterator[bench.Recorder]:
    problem = bench.pulse_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs a sound server: {problem}")
        pytest.skip(problem)
    rec = bench.Recorder()
    rec.start()
    qtbot.waitUntil(lambda: rec.has_data, timeout=10_000)
    yield rec
    rec.stop()


@pytest.fixture
def director(qtbot, recorder: bench.Recorder, tmp_path: Path) -> Iterator[CueDirector]:
    """A director whose player is running, as in a window long before any pain stop."""
    settings = SoundSettings(volume=1.0)
    players = make_players(settings, speech_folder=tmp_path)
    d = CueDirector(Routine("t", "T", ()), settings, players=players)
    assert d.problems == []
    output = d.output
    assert output is not None
    qtbot.waitUntil(lambda: output.state is State.READY, timeout=10_000)
    yield d
    d.shutdown()


def _reason() -> str:
    stop, words = after_pain(
        "ham",
        "Hamstring stretch",
        PainSite(BodyRegion.THIGH, BodySide.LEFT),
        PainSite(BodyRegion.BELOW_KNEE, BodySide.LEFT),
        1,
    )
    assert stop is not None
    return words


def test_the_stop_reason_is_heard(qtbot, recorder: bench.Recorder, director: CueDirector) -> None:
    """Words no phase planned (rendered on demand) are said within seconds, for seconds."""
    asked = time.monotonic()
    director.say(_reason())
    qtbot.waitUntil(lambda: recorder.sounding(asked, time.monotonic()) > 2.0, timeout=15_000)


def test_nothing_is_said_while_muted(
    qtbot, recorder: bench.Recorder, director: CueDirector
) -> None:
    director.set_muted(True)
    asked = time.monotonic()
    director.say(_reason())
    qtbot.wait(3000)  # a fixed window in which nothing may be heard
    assert recorder.sounding(asked, time.monotonic()) == 0.0
