"""The listener's keyword spotter on real speech (espeak-ng's voice, pocketsphinx): a
"stop!" said on its own is heard; while the program itself sounds, nothing is — not even
a "stop" — and once our sound (and its tail) is over, a "stop" is heard again."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from backtimer.gui.listen.listener import THRESHOLD
from backtimer.gui.listen.listener_process import TAIL, Spotter, make_decoder, make_vad

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import voice_helpers as vh  # noqa: E402

CHUNK = 960  #: 30 ms of 16 kHz Int16, as the microphone delivers about
BYTES = 32_000  #: a second


@pytest.fixture
def stop_pcm(tmp_path: Path) -> bytes:
    """ "stop!" with half a second of silence before and after it."""
    try:
        import pocketsphinx  # noqa: F401
    except ImportError:
        problem = "pocketsphinx is not installed (pip install 'backtimer[voice]')"
    else:
        problem = None if shutil.which("espeak-ng") and shutil.which("sox") else "no espeak-ng/sox"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs voice stop's parts: {problem}")
        pytest.skip(problem)
    return vh.pcm(vh.say("stop!", tmp_path / "stop.wav", lead=0.5, tail=1.2))


def _heard(pcm: bytes, own: tuple[float, float] | None = None) -> list[str]:
    """Keywords heard in ``pcm``; ``own``: the program sounds from ``own[0]`` s for ``own[1]`` s."""
    spotter = Spotter(make_decoder(["stop"], THRESHOLD), make_vad())
    words: list[str] = []
    for i in range(0, len(pcm), CHUNK):
        if own is not None and spotter.seconds <= own[0] < spotter.seconds + CHUNK / BYTES:
            spotter.own_sound(own[1])
        words += spotter.feed(pcm[i : i + CHUNK])
    return words


def test_a_lone_stop_is_heard(stop_pcm: bytes) -> None:
    assert _heard(stop_pcm) == ["stop"]


def test_nothing_counts_while_the_program_sounds(stop_pcm: bytes) -> None:
    """The program's sound covers the word: it is not taken, whatever it was."""
    seconds = len(stop_pcm) / BYTES
    assert _heard(stop_pcm, own=(0.0, seconds)) == []


def test_a_stop_after_our_sound_and_its_tail_is_heard(stop_pcm: bytes) -> None:
    """Our sound ended more than TAIL before the word: the person is heard."""
    lead = 3.0
    silence = bytes(int(lead * BYTES) // 2 * 2)
    own = (0.0, lead - TAIL - 0.3)
    assert _heard(silence + stop_pcm, own=own) == ["stop"]
