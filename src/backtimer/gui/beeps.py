"""Beeps through QtMultimedia: one QSoundEffect per sound, loaded and warmed up at start.

The first ``play()`` of a QSoundEffect costs about 16 ms (it opens its audio stream);
each effect is therefore played once, muted, as soon as it has loaded, so a 3-2-1 beep
is never the first.
"""

from __future__ import annotations

import logging
import time
import wave
from collections.abc import Iterable, Mapping
from pathlib import Path

from backtimer.gui.cues import CuePlayer

log = logging.getLogger(__name__)

#: A beep asked for while its file still loads sounds once loaded, if within this many
#: seconds (only at launch, when a hands-free start's first cue can beat the loading).
LATE_LOAD_LIMIT = 1.0

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
    """Plays named WAV files with QSoundEffect; items are the names.

    Contract: ``play`` starts the sound within a few ms of the call once ``is_ready``;
    ``stop`` silences within a few ms; nothing here waits on I/O (QSoundEffect loads
    files on its own thread).
    """

    def __init__(self, files: Mapping[str, Path] | None = None, *, warm_up: bool = True) -> None:
        super().__init__()
        from PySide6.QtMultimedia import QSoundEffect

        self._effect_class = QSoundEffect
        self._effects: dict[str, QSoundEffect] = {}
        self._seconds: dict[str, float] = {}
        self._warm_up = warm_up
        self._warm_queue: list[str] = []
        self._warming: str | None = None
        self._play_after_warm_up = False
        self._play_when_loaded: tuple[str, float] | None = None  #: (name, give up at)
        self._volume = 1.0
        for name, path in (files or {}).items():
            self.add(name, path)

    def add(self, name: str, path: Path, seconds: float | None = None) -> None:
        """Load ``path`` as item ``name`` (asynchronously); ``is_ready`` says when done."""
        from PySide6.QtCore import QUrl

        try:
            self._seconds[name] = seconds if seconds is not None else wav_seconds(path)
        except (OSError, EOFError, wave.Error) as exc:
            self.report_problem(f"A sound file could not be read: {path} ({exc}).")
            return
        effect = self._effect_class()
        effect.setVolume(self._volume)
        effect.statusChanged.connect(lambda n=name: self._status_changed(n))
        effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effects[name] = effect
        self._status_changed(name)

    def _status_changed(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is None:
            return
        status = effect.status()
        if status == self._effect_class.Status.Ready:
            wanted = self._play_when_loaded
            if wanted is not None and wanted[0] == name:
                # Asked for while loading (a cue right at launch): play it now if still timely.
                self._play_when_loaded = None
                if time.monotonic() <= wanted[1]:
                    effect.play()
                    self.item_ready(name)
                    return
            if self._warm_up:
                self._warm_queue.append(name)
                self._warm_next()
            self.item_ready(name)
        elif status == self._effect_class.Status.Error:
            self.report_problem(f"A sound could not be played: {effect.source().toLocalFile()}.")

    def _warm_next(self) -> None:
        """Play the loaded effects once each, muted, one after another.

        Opening several audio streams at once and stopping one of them while it opens
        (as the first cue did) left Qt's PulseAudio sink polling a closed descriptor:
        the GUI thread spun at 100 % printing "QSocketNotifier: Invalid socket". One
        stream at a time, each played to its end, never meets that.
        """
        if self._warming is not None or not self._warm_queue:
            return
        name = self._warm_queue.pop(0)
        effect = self._effects.get(name)
        if effect is None:
            self._warm_next()
            return
        self._warming = name
        effect.setMuted(True)
        effect.playingChanged.connect(self._warm_done)
        effect.play()

    def _warm_done(self) -> None:
        name = self._warming
        effect = self._effects.get(name) if name is not None else None
        if effect is not None and effect.isPlaying():
            return
        if effect is not None:
            effect.playingChanged.disconnect(self._warm_done)
            effect.setMuted(False)
        self._warming = None
        if effect is not None and self._play_after_warm_up:
            self._play_after_warm_up = False
            effect.play()
        self._warm_next()

    def is_pending(self, item: str) -> bool:
        effect = self._effects.get(item)
        return effect is not None and effect.status() in (
            self._effect_class.Status.Null,
            self._effect_class.Status.Loading,
        )

    def is_warming(self, item: str) -> bool:
        return item == self._warming or item in self._warm_queue

    def prepare(self, items: Iterable[str]) -> None:
        pass  # everything is loaded at construction

    def is_ready(self, item: str) -> bool:
        effect = self._effects.get(item)
        return effect is not None and effect.status() == self._effect_class.Status.Ready

    def seconds(self, item: str) -> float | None:
        return self._seconds.get(item)

    def play(self, item: str) -> bool:
        if self.is_pending(item):
            self._play_when_loaded = (item, time.monotonic() + LATE_LOAD_LIMIT)
            return True
        if not self.is_ready(item):
            return False
        effect = self._effects[item]
        if item in self._warm_queue:
            self._warm_queue.remove(item)  # its first play is now; no warm-up needed
        if item == self._warming:
            # Cutting a warm-up open is what spun; it ends within its own length (< 0.5 s),
            # and the beep sounds then.
            self._play_after_warm_up = True
            return True
        if effect.isPlaying():
            effect.stop()  # the same beep again: start it afresh
        effect.setMuted(False)
        effect.play()
        return True

    def stop(self) -> None:
        self._play_after_warm_up = False
        self._play_when_loaded = None
        for name, effect in self._effects.items():
            if effect.isPlaying() and name != self._warming:  # a warm-up is silent anyway
                effect.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        for effect in self._effects.values():
            effect.setVolume(volume)

    def discard(self, item: str) -> None:
        effect = self._effects.pop(item, None)
        self._seconds.pop(item, None)
        if effect is not None:
            effect.stop()
            effect.deleteLater()

    def shutdown(self) -> None:
        for name in list(self._effects):
            self.discard(name)


def beep_files(folder: Path | None = None) -> dict[str, Path]:
    """The shipped beeps by name (``resources/sounds/*.wav``)."""
    from backtimer.resources import resource_path

    root = folder if folder is not None else resource_path("sounds")
    return {p.stem: p for p in sorted(root.glob("*.wav"))}
