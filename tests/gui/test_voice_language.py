"""The voice speaks the language in use: espeak-ng's own voice for German and Spanish,
the chosen English voice when that language's voice is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from backtimer.gui.sound.pcm import wav_seconds
from backtimer.gui.sound.voice import SpeechRenderer, espeak_command
from backtimer.gui.sound.voice_language import voice_for_language

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")


@needs_espeak
@pytest.mark.parametrize(("code", "voice"), [("de", "de"), ("es", "es"), ("en", "en-us")])
def test_each_language_gets_its_own_voice(code: str, voice: str) -> None:
    assert ESPEAK is not None
    assert voice_for_language(ESPEAK, "en-us", code) == voice


@needs_espeak
def test_a_voice_already_in_the_language_is_kept() -> None:
    assert ESPEAK is not None
    assert voice_for_language(ESPEAK, "es-419", "es") == "es-419"


def test_without_the_languages_voice_the_english_one_speaks(tmp_path: Path) -> None:
    # A synthesizer that lists no voices at all (here: one that cannot even start).
    assert voice_for_language(str(tmp_path / "no-espeak"), "en-gb", "de") == "en-gb"


@needs_espeak
def test_german_is_rendered_with_the_german_voice(qtbot, tmp_path: Path) -> None:
    assert ESPEAK is not None
    voice = voice_for_language(ESPEAK, "en-us", "de")
    renderer = SpeechRenderer(espeak_command(ESPEAK, voice, 150), tmp_path)
    try:
        with qtbot.waitSignal(renderer.rendered, timeout=20000) as blocker:
            renderer.request("Halten. Noch zehn Sekunden.")
        text, path, seconds = blocker.args
        assert text == "Halten. Noch zehn Sekunden."
        assert seconds == pytest.approx(wav_seconds(Path(path)))
        assert seconds > 0.5
    finally:
        renderer.shutdown()
