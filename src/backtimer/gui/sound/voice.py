"""The voice: speech rendered ahead to WAV files by espeak-ng, played like the beeps.

Why this design (measured on PySide6 6.12, Debian 12, PulseAudio): ``espeak-ng -w``
renders seconds of speech in 10-20 ms, and a rendered file plays on the ``voice`` channel
of the player process (gui/sound/), which stops within a few ms and whose length is
known from the WAV header before it is due. QTextToSpeech, by contrast, blocks its creator's thread
for 1.4-2 s and its ``stop()`` has hung the GUI thread when speech-dispatcher could not
reach the sound server.

Rendering runs in a separate *process* started from a worker *thread*: a synthesizer that
hangs or crashes can neither freeze the window nor take it down, and is killed at
shutdown. Nothing on the GUI thread waits for it.
"""

from __future__ import annotations

import logging
import shutil
import signal
import subprocess
import tempfile
import threading
import wave
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from backtimer.core.i18n import _
from backtimer.core.platform import current
from backtimer.gui.digest import SHA1, hex_digest
from backtimer.gui.sound.beeps import EffectPlayer
from backtimer.gui.sound.output import SoundOutput
from backtimer.gui.sound.pcm import wav_seconds

log = logging.getLogger(__name__)

RENDER_TIMEOUT = 20.0  #: seconds before a stuck synthesizer is killed
NO_ESPEAK = _("No voice: install espeak-ng (sudo apt-get install espeak-ng).")
CRASHED = _("{program} crashed ({signal}); the session goes on with beeps and the screen.")
TIMED_OUT = _("{program} did not answer within {seconds} s")
FAILED = _("{program} failed: {detail}")
COULD_NOT_SPEAK = _("The voice could not speak: {message}")


def espeak_command(espeak: str, voice: str, rate: int) -> tuple[str, ...]:
    """espeak-ng reading text from stdin (never argv: a step may start with "-") into {out}."""
    return (espeak, "-v", voice, "-s", str(rate), "-w", "{out}")


def espeak_voices(espeak: str | None = None, language: str = "en") -> list[tuple[str, str]]:
    """``(voice, description)`` pairs espeak-ng offers for ``language``, for the settings.

    Runs espeak-ng (about 10 ms): call it when the settings dialog opens, not at start-up.
    """
    exe = espeak or current().voice_program()
    if not exe:
        return []
    try:
        out = subprocess.run(
            [exe, f"--voices={language}"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
            creationflags=current().child_process_flags(),
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    voices: list[tuple[str, str]] = []
    for line in out.splitlines()[1:]:
        cols = line.split()
        # MBROLA voices need extra data; "!v/" files are variants (e.g. "Storm"), not voices
        if len(cols) >= 5 and not cols[4].startswith(("mb/", "!v/")):
            voices.append((cols[1], cols[3].replace("_", " ")))
    return list(dict.fromkeys(voices))


class SpeechRenderer(QObject):
    """Turns texts into WAV files in ``folder`` with ``command``, one at a time, off the GUI thread.

    ``command`` is argv with ``{out}`` standing for the WAV path; the text goes to its
    stdin. Results arrive as signals on the GUI thread. ``shutdown()`` returns at once:
    it kills any running synthesizer rather than waiting for it.
    """

    rendered = Signal(str, str, float)  #: text, WAV path, seconds
    failed = Signal(str, str)  #: text, plain-language reason

    def __init__(self, command: Sequence[str], folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._command = tuple(command)
        self._folder = folder
        self._lock = threading.Lock()
        self._closed = False
        self._running: set[subprocess.Popen[bytes]] = set()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech")
        self._key = "\0".join(c for c in self._command if c != "{out}")

    def path_for(self, text: str) -> Path:
        digest = hex_digest(f"{self._key}\0{text}".encode(), SHA1)[:20]
        return self._folder / f"{digest}.wav"

    def request(self, text: str) -> None:
        """Render ``text`` (or find it already rendered); answers with ``rendered``/``failed``."""
        with self._lock:
            if not self._closed:
                self._pool.submit(self._render, text)

    def _render(self, text: str) -> None:
        out = self.path_for(text)
        try:
            if not out.exists():
                self._run(text, out)
            seconds = wav_seconds(out)
        except (OSError, EOFError, wave.Error, subprocess.SubprocessError, RuntimeError) as exc:
            self._answer(self.failed, text, str(exc))
            return
        self._answer(self.rendered, text, str(out), seconds)

    def _run(self, text: str, out: Path) -> None:
        partial = out.with_suffix(".part.wav")
        argv = [partial.as_posix() if c == "{out}" else c for c in self._command]
        with self._lock:
            if self._closed:
                raise RuntimeError("shut down")
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                creationflags=current().child_process_flags(),
            )
            self._running.add(proc)
        try:
            _out, err = proc.communicate(text.encode(), timeout=RENDER_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            message = TIMED_OUT.format(program=argv[0], seconds=f"{RENDER_TIMEOUT:.0f}")
            raise RuntimeError(message) from None
        finally:
            with self._lock:
                self._running.discard(proc)
        if proc.returncode < 0:
            name = signal.Signals(-proc.returncode).name
            raise RuntimeError(CRASHED.format(program=Path(argv[0]).name, signal=name))
        if proc.returncode != 0 or not partial.exists():
            detail = err.decode(errors="replace").strip().splitlines()
            last = detail[-1] if detail else proc.returncode
            message = FAILED.format(program=argv[0], detail=last)
            raise RuntimeError(message)
        partial.replace(out)  # atomic: a half-written file is never taken for a rendering

    def _answer(self, signal: SignalInstance, *args: object) -> None:
        with self._lock:
            if not self._closed:
                signal.emit(*args)

    def shutdown(self) -> None:
        """Stop at once: pending texts are dropped, a running synthesizer is killed."""
        with self._lock:
            self._closed = True
            running = list(self._running)
        for proc in running:
            proc.kill()
        self._pool.shutdown(wait=False, cancel_futures=True)


class VoicePlayer(EffectPlayer):
    """Says texts: renders them ahead with a :class:`SpeechRenderer`, plays the WAVs.

    A text is ready once rendered and loaded; ``play`` of a text not ready yet returns
    False (the cue queue decides whether to wait). Owns the temporary folder of WAVs.
    """

    def __init__(
        self,
        command: Sequence[str],
        folder: Path | None = None,
        *,
        output: SoundOutput | None = None,
    ) -> None:
        super().__init__(output=output, channel="voice")
        self._own_folder = folder is None
        self._folder = (
            Path(tempfile.mkdtemp(prefix="backtimer-speech-")) if folder is None else folder
        )
        self._requested: set[str] = set()
        self._renderer = SpeechRenderer(command, self._folder)
        self._renderer.rendered.connect(self._rendered)
        self._renderer.failed.connect(self._failed)

    def prepare(self, items: Iterable[str]) -> None:
        for text in items:
            if text and text not in self._requested:
                self._requested.add(text)
                self._renderer.request(text)

    def is_pending(self, item: str) -> bool:
        """Asked for and neither ready nor failed: worth waiting for."""
        return item in self._requested and not self.is_ready(item)

    def _rendered(self, text: str, path: str, seconds: float) -> None:
        if text in self._requested:
            self.add(text, Path(path), seconds)

    def _failed(self, text: str, message: str) -> None:
        self._requested.discard(text)
        log.warning("speech for %r failed: %s", text, message)
        self.report_problem(COULD_NOT_SPEAK.format(message=message))
        self.item_failed(text)

    def shutdown(self) -> None:
        self._renderer.shutdown()
        super().shutdown()
        if self._own_folder:
            shutil.rmtree(self._folder, ignore_errors=True)
