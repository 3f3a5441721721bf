"""Choosing the players: the best sound this machine and these settings allow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from backtimer.core.platform import current
from backtimer.gui.sound.beeps import EffectPlayer, beep_files
from backtimer.gui.sound.output import NO_MULTIMEDIA, SoundOutput
from backtimer.gui.sound.player import CuePlayer
from backtimer.gui.sound.settings import SoundSettings
from backtimer.gui.sound.silent import SilentPlayer
from backtimer.gui.sound.voice import NO_ESPEAK, VoicePlayer, espeak_command
from backtimer.gui.sound.voice_language import voice_for_language


@dataclass
class Players:
    """The beep and voice players chosen for this machine and these settings, and the
    player process they share (None when both are silent)."""

    beeps: CuePlayer
    voice: CuePlayer
    problems: list[str] = field(default_factory=list)
    output: SoundOutput | None = None

    def shutdown(self) -> None:
        """Silence both players and end the player process; safe to call twice."""
        self.beeps.shutdown()
        self.voice.shutdown()
        if self.output is not None:
            self.output.shutdown()


_FIND = "find on PATH"


def make_players(
    settings: SoundSettings,
    *,
    multimedia_available: bool | None = None,
    espeak_path: str | None = _FIND,
    render_command: Sequence[str] | None = None,
    speech_folder: Path | None = None,
    start_output: bool = True,
) -> Players:
    """The best players this machine allows; never raises, never blocks for long.

    ``multimedia_available=False`` acts as if QtMultimedia could not load (``--silent``;
    tests); otherwise the player process finds out, and a problem arrives through the
    players' ``on_problem``. ``espeak_path=None`` acts as if espeak-ng were absent; by
    default it is looked up where the system keeps it (PATH, and its installer's
    folders on Windows and macOS). ``render_command`` replaces the espeak-ng command
    (argv with ``{out}``; the text arrives on stdin) — another synthesizer, or a test's.
    ``start_output=False`` leaves the player process to ``SoundOutput.start`` (or the
    first sound).
    """
    problems: list[str] = []
    sound = multimedia_available is not False
    if not sound:
        problems.append(NO_MULTIMEDIA)
    command = render_command
    if settings.voice and command is None:
        exe = current().voice_program() if espeak_path == _FIND else espeak_path
        if exe:
            voice_name = voice_for_language(exe, settings.voice_name)  # the language's own
            command = espeak_command(exe, voice_name, settings.rate)
    wanted = sound and (settings.beeps or command is not None)
    output = SoundOutput(start=start_output) if wanted else None

    beeps: CuePlayer = SilentPlayer()
    if settings.beeps and output is not None:
        beeps = EffectPlayer(beep_files(), output=output)
    voice: CuePlayer = SilentPlayer()
    if settings.voice and command is None:  # said even when sound is missing too
        voice = SilentPlayer(NO_ESPEAK)
        problems.append(NO_ESPEAK)
    elif settings.voice and command is not None and output is not None:
        voice = VoicePlayer(command, speech_folder, output=output)
    beeps.set_volume(settings.volume)
    voice.set_volume(settings.volume)
    return Players(beeps, voice, problems, output)
