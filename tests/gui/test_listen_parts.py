"""Voice stop's pure parts: our own words that are keywords, and the microphone's samples
brought to 16 kHz mono; and the window process never loading QtMultimedia."""

from __future__ import annotations

import array
import math
import os
import subprocess
import sys

import pytest

from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.phrases import Announcements, session_utterances
from backtimer.core.session.plan import plan_session
from backtimer.gui.listen.listener import says_keyword
from backtimer.gui.listen.resample import Resampler, to_mono_int16
from backtimer.gui.sound.settings import SECOND_WORDS


def test_own_words_with_a_keyword_are_recognised_as_such() -> None:
    """ "Stop if it hurts" and "non-stop" say the keyword; "step" and "top" do not."""
    assert says_keyword("Stop if you feel pain.", ["stop"])
    assert says_keyword("a non-stop flow", ["stop"])
    assert says_keyword("Ouch!", ["stop", "ouch"])
    assert not says_keyword("Step back to the top.", ["stop"])


def test_the_builtin_routine_never_says_a_stop_word() -> None:
    """Nothing the program says for its own routine contains a word voice stop hears."""
    phases = plan_session(load_builtin())
    words = ["stop", *filter(None, SECOND_WORDS)]
    said = session_utterances(phases, Announcements(halfway=True, ten_left=True))
    assert said
    assert [t for t in said if says_keyword(t, words)] == []


def test_stereo_48k_becomes_16k_mono_of_the_same_tone() -> None:
    """A 440 Hz stereo tone at 48 kHz comes out as 16 kHz mono, same length and pitch."""
    rate, seconds = 48_000, 0.5
    frames = array.array("h")
    for i in range(int(rate * seconds)):
        v = int(10_000 * math.sin(2 * math.pi * 440 * i / rate))
        frames.extend((v, v))
    resampler = Resampler(rate)
    data = frames.tobytes()
    out = b"".join(
        resampler.feed(to_mono_int16(data[i : i + 4000], 2, floats=False))
        for i in range(0, len(data), 4000)
    )
    mono = array.array("h", out)
    assert abs(len(mono) - 8000) <= 2
    crossings = sum(1 for a, b in zip(mono, mono[1:], strict=False) if a < 0 <= b)
    assert crossings == pytest.approx(440 * seconds, abs=2)


def test_16k_mono_int16_passes_through_unchanged() -> None:
    """What PulseAudio gives the listener (16 kHz mono Int16) reaches the spotter sample
    for sample, the loudest ones included, odd trailing bytes left out."""
    samples = array.array("h", [0, 1, -1, 32767, -32768, 12345, -4321])
    data = samples.tobytes() + b"\x01"
    out = Resampler(16_000).feed(to_mono_int16(data, 1, floats=False))
    assert array.array("h", out) == samples


WINDOW_SCRIPT = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from backtimer.core.routine_file.loader import load_builtin
from backtimer.gui.main_window import MainWindow
from backtimer.gui.listen.listener import State
w = MainWindow(load_builtin(), data_folder=Path(sys.argv[1]), silent=True, listen=True)
w.show()
w.start_session()
end = time.monotonic() + 20
while w.voice_stop.listener.state is State.STARTING and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
print(w.voice_stop.listener.state.value)
print("PySide6.QtMultimedia" in sys.modules)
w.close()
"""


def test_the_window_process_never_loads_qtmultimedia(tmp_path) -> None:
    """With voice stop on and a session running, QtMultimedia stays out of the window's
    process: the microphone is opened in the listener process only."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    state, loaded = done.stdout.split()[-2:]
    assert state != "starting"
    assert loaded == "False"
