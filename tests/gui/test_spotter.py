"""The listener's spotters on real speech (espeak-ng's voice): the trained model that hears
"stop" and pocketsphinx's keyword spotting (its fallback, and the other words). A "stop!"
said on its own is heard; while the program itself sounds, nothing is — not even a
"stop" — and once our sound (and its tail) is over, a "stop" is heard again."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from backtimer.gui.listen.listener import THRESHOLD
from backtimer.gui.listen.own_sound import TAIL
from backtimer.gui.listen.sphinx_spotter import Spotter, make_decoder, make_vad
from backtimer.gui.listen.stop_model import ModelSpotter, make_model_spotter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import voice_helpers as vh  # noqa: E402

CHUNK = 960  #: 30 ms of 16 kHz Int16, as the microphone delivers about
BYTES = 32_000  #: a second


def _missing(module: str) -> str | None:
    try:
        __import__(module)
    except ImportError:
        return f"{module} is not installed (pip install 'backtimer[voice]')"
    return None


@pytest.fixture(params=["model", "pocketsphinx"])
def spotter_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def stop_pcm(tmp_path: Path, spotter_kind: str) -> bytes:
    """ "stop!" with half a second of silence before and after it."""
    problem = _missing("pyopen_wakeword" if spotter_kind == "model" else "pocketsphinx")
    if problem is None and not (shutil.which("espeak-ng") and shutil.which("sox")):
        problem = "no espeak-ng/sox"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs voice stop's parts: {problem}")
        pytest.skip(problem)
    return vh.pcm(vh.say("stop!", tmp_path / "stop.wav", lead=0.5, tail=1.2))


def _spotter(kind: str) -> Spotter | ModelSpotter:
    if kind == "model":
        return make_model_spotter()
    return Spotter(make_decoder(["stop"], THRESHOLD), make_vad())


def _heard(
    kind: str, pcm: bytes, *own: tuple[float, float], spotter: Spotter | ModelSpotter | None = None
) -> list[str]:
    """Keywords heard in ``pcm``; each ``own`` (at, seconds): the program tells the listener
    at ``at`` s that it sounds for ``seconds`` s (0: it fell silent)."""
    spotter = spotter or _spotter(kind)
    words: list[str] = []
    for i in range(0, len(pcm), CHUNK):
        for at, seconds in own:
            if spotter.seconds <= at < spotter.seconds + CHUNK / BYTES:
                spotter.own_sound(seconds)
        words += spotter.feed(pcm[i : i + CHUNK])
    return words


def test_a_lone_stop_is_heard(stop_pcm: bytes, spotter_kind: str) -> None:
    assert _heard(spotter_kind, stop_pcm) == ["stop"]


def test_nothing_counts_while_the_program_sounds(stop_pcm: bytes, spotter_kind: str) -> None:
    """The program's sound covers the word: it is not taken, whatever it was."""
    seconds = len(stop_pcm) / BYTES
    assert _heard(spotter_kind, stop_pcm, (0.0, seconds)) == []


def test_a_stop_after_our_sound_and_its_tail_is_heard(stop_pcm: bytes, spotter_kind: str) -> None:
    """Our sound ended more than TAIL before the word: the person is heard."""
    lead = 3.0
    silence = bytes(int(lead * BYTES) // 2 * 2)
    own = (0.0, lead - TAIL - 0.3)
    assert _heard(spotter_kind, silence + stop_pcm, own) == ["stop"]


def test_a_stop_after_our_sound_was_cut_short_is_heard(stop_pcm: bytes, spotter_kind: str) -> None:
    """We meant to speak for 20 s but fell silent after 1 s (the person pressed a key, a
    cue was cut): a "stop" 2.5 s later is heard, not lost to the 20 s we had announced."""
    silence = bytes(int(3.0 * BYTES) // 2 * 2)
    assert _heard(spotter_kind, silence + stop_pcm, (0.0, 20.0), (1.0, 0.0)) == ["stop"]


def test_the_model_does_no_work_while_we_speak(stop_pcm: bytes) -> None:
    """While the program speaks it is deaf anyway: the model skips the speech embedding
    (most of its CPU) for all but the last moments of our sound, so a session full of
    cues costs less, and still hears the "stop" that follows."""
    speaking, after = 6.0, bytes(int(1.5 * BYTES) // 2 * 2)
    ours = bytes(int(speaking * BYTES) // 2 * 2)
    quiet = make_model_spotter()
    _heard("model", ours, spotter=quiet)
    talking = make_model_spotter()
    _heard("model", ours, (0.0, speaking), spotter=talking)
    assert quiet.embedded >= 30
    assert talking.embedded == 0
    assert _heard("model", after + stop_pcm, spotter=talking) == ["stop"]


def test_talk_with_stop_like_words_is_not_taken_by_the_model(tmp_path: Path) -> None:
    """A person talking near the laptop, with words that sound like "stop" inside the
    sentence ("desktop", "top", "shop"), is not a command. (pocketsphinx, the fallback,
    does take some talk for "stop": README, "Voice stop".)"""
    problem = _missing("pyopen_wakeword")
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs voice stop's parts: {problem}")
        pytest.skip(problem)
    text = (
        "I left the laptop on the desktop by the shop. On top of that, the tabletop "
        "was covered in stock from the workshop."
    )
    talk = vh.pcm(vh.say(text, tmp_path / "talk.wav", voice="en-gb", room="noise"))
    assert _heard("model", talk) == []


def test_a_damaged_model_file_falls_back_to_pocketsphinx(tmp_path: Path, monkeypatch) -> None:
    """A model file that cannot be read leaves voice stop working, with pocketsphinx."""
    for module in ("pyopen_wakeword", "pocketsphinx"):
        if _missing(module):
            pytest.skip(_missing(module) or "")
    from backtimer.gui.listen import listener_process, stop_model

    damaged = tmp_path / "stop-head.npz"
    damaged.write_bytes(b"PK\x03\x04 not really a zip file")
    monkeypatch.setattr(stop_model, "head_path", lambda: damaged)
    spotter = listener_process.make_spotter(["stop"], THRESHOLD)
    assert isinstance(spotter, Spotter)
