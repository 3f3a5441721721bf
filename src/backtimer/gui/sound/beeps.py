"""Beeps: named WAV files played on the ``beeps`` channel of the player process.

The player process is started when the player is made, so no 3-2-1 beep pays for it.
"""

from __future__ import annotations

import logging
import wave
from collections.abc import Iterable, Mapping
from pathlib import Path

from backtimer.core.i18n import _
from backtimer.gui.sound.output import SoundOutput, State
from backtimer.gui.sound.pcm import wav_seconds
from backtimer.gui.sound.player import CuePlayer
from backtimer.resources import resource_path

log = logging.getLogger(__name__)

UNREADABLE = _("A sound file could not be read: {path} ({error}).")


class EffectPlayer(CuePlayer):
    """Plays named WAV files on one channel of a :class:`SoundOutput`; items are names.

    Contract: once ``is_ready``, ``play`` starts the sound within a few ms; a new
    ``play`` replaces the sound playing; ``stop`` drops everything queued at once; only
    a WAV header is read here. Lengths come from the header, so they are known even
    while sound is lost. ``output`` is shared (and shut down by its owner) when given;
    otherwise this player starts and owns one.
    """

    def __init__(
        self,
        files: Mapping[str, Path] | None = None,
        *,
        output: SoundOutput | None = None,
        channel: str = "beeps",
    ) -> None:
        super().__init__()
        self._owns_output = output is None
        self._out = output if output is not None else SoundOutput()
        self._channel = channel
        self._seconds: dict[str, float] = {}
        self._out.state_changed.connect(self._output_changed)
        for name, path in (files or {}).items():
            self.add(name, path)

    @property
    def output(self) -> SoundOutput:
        return self._out

    def add(self, name: str, path: Path, seconds: float | None = None) -> None:
        """Make ``path`` playable as item ``name`` (reported when it cannot be read)."""
        try:
            length = seconds if seconds is not None else wav_seconds(path)
        except (OSError, EOFError, wave.Error) as exc:
            self.report_problem(UNREADABLE.format(path=path, error=exc))
            self.item_failed(name)
            return
        self._seconds[name] = length
        self._out.load(self._sound_id(name), path)
        self.item_ready(name)

    def prepare(self, items: Iterable[str]) -> None:
        pass  # everything is loaded at construction

    def is_ready(self, item: str) -> bool:
        return item in self._seconds and self._out.is_loaded(self._sound_id(item))

    def seconds(self, item: str) -> float | None:
        return self._seconds.get(item)

    def play(self, item: str) -> bool:
        return item in self._seconds and self._out.play(self._channel, self._sound_id(item))

    def stop(self) -> None:
        self._out.stop(self._channel)

    def set_volume(self, volume: float) -> None:
        self._out.set_volume(self._channel, volume)

    def shutdown(self) -> None:
        if self._owns_output:
            self._out.shutdown()
        for name in self._seconds:
            self._out.forget(self._sound_id(name))
        self._seconds.clear()

    def _sound_id(self, name: str) -> str:
        return f"{self._channel}:{name}"

    def _output_changed(self) -> None:
        if self._out.problem != self.problem:
            self.report_problem(self._out.problem)
        if self._out.state is State.READY:
            for name in list(self._seconds):
                self.item_ready(name)


def beep_files(folder: Path | None = None) -> dict[str, Path]:
    """The shipped beeps by name (``resources/sounds/*.wav``)."""
    root = folder if folder is not None else resource_path("sounds")
    return {p.stem: p for p in sorted(root.glob("*.wav"))}
