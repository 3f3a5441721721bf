"""Beeps through QtMultimedia, on one output stream opened at start (see audio_out.py).

Opening a stream costs about 16 ms; it is opened once, when the player is made, so no
3-2-1 beep ever pays for it.
"""

from __future__ import annotations

import logging
import wave
from collections.abc import Iterable, Mapping
from pathlib import Path

from backtimer.gui.cues import CuePlayer

log = logging.getLogger(__name__)

NO_MULTIMEDIA = (
    "No sound: Qt's sound library could not load. "
    "Install libpulse0 (sudo apt-get install libpulse0)."
)
NO_OUTPUT = (
    "No sound: no audio output was found. Is a sound server running? "
    "(sudo apt-get install pulseaudio)"
)


def multimedia_problem() -> str | None:
    """Why QtMultimedia cannot play here, in plain words; None when it can.

    Importing QtMultimedia fails on Linux without libpulse0; with no sound server it
    imports but lists no output, and every effect would fail with a warning.
    """
    from PySide6.QtCore import QLoggingCategory

    # Loading QtMultimedia looks for PipeWire first and warns when it is absent, although
    # PulseAudio (or PipeWire's Pulse server) plays fine: noise for the person, not a problem.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        log.info("QtMultimedia unavailable: %s", exc)
        return NO_MULTIMEDIA
    if not QMediaDevices.audioOutputs():
        return NO_OUTPUT
    return None


def wav_seconds(path: Path) -> float:
    """The length of a WAV file from its header."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


class EffectPlayer(CuePlayer):
    """Plays named WAV files on one audio stream that stays open; items are the names.

    Contract: ``play`` starts the sound within one feed tick (10 ms) of the call once
    ``is_ready``; a new ``play`` replaces the sound playing; ``stop`` drops everything
    queued at once; nothing here waits on I/O longer than reading a small WAV file.
    ``open_now`` opens the stream at construction, so the first cue is not the one that
    pays for opening it.
    """

    def __init__(self, files: Mapping[str, Path] | None = None, *, open_now: bool = True) -> None:
        super().__init__()
        from backtimer.gui.audio_out import AudioOut

        self._out = AudioOut()
        self._pcm: dict[str, bytes] = {}
        self._seconds: dict[str, float] = {}
        if not self._out.available:
            self.report_problem(NO_OUTPUT)
        elif open_now:
            self._out.open()
        for name, path in (files or {}).items():
            self.add(name, path)

    def add(self, name: str, path: Path, seconds: float | None = None) -> None:
        """Load ``path`` as item ``name``; it is ready when this returns (or reported)."""
        from backtimer.gui.audio_out import BYTES_PER_SECOND, read_pcm

        try:
            pcm = read_pcm(path)
        except (OSError, EOFError, wave.Error) as exc:
            self.report_problem(f"A sound file could not be read: {path} ({exc}).")
            self.item_failed(name)
            return
        self._pcm[name] = pcm
        self._seconds[name] = seconds if seconds is not None else len(pcm) / BYTES_PER_SECOND
        self.item_ready(name)

    def prepare(self, items: Iterable[str]) -> None:
        pass  # everything is loaded at construction

    def is_ready(self, item: str) -> bool:
        return item in self._pcm and self._out.available

    def seconds(self, item: str) -> float | None:
        return self._seconds.get(item)

    def play(self, item: str) -> bool:
        pcm = self._pcm.get(item)
        return pcm is not None and self._out.play(pcm)

    def stop(self) -> None:
        self._out.stop()

    def set_volume(self, volume: float) -> None:
        self._out.set_volume(volume)

    def discard(self, item: str) -> None:
        self._pcm.pop(item, None)
        self._seconds.pop(item, None)

    def shutdown(self) -> None:
        self._out.shutdown()
        self._pcm.clear()
        self._seconds.clear()


def beep_files(folder: Path | None = None) -> dict[str, Path]:
    """The shipped beeps by name (``resources/sounds/*.wav``)."""
    from backtimer.resources import resource_path

    root = folder if folder is not None else resource_path("sounds")
    return {p.stem: p for p in sorted(root.glob("*.wav"))}
