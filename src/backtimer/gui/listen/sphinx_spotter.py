"""Hearing keywords with pocketsphinx: "stop" where the trained model cannot run, and the
second word the person may choose ("ouch", "pain").

Pure but for pocketsphinx: 16 kHz mono Int16 in, words out; the clock is the audio's own.
"""

from __future__ import annotations

import tempfile
from collections import deque
from pathlib import Path
from typing import Any

from backtimer.gui.listen.own_sound import OwnSound
from backtimer.gui.listen.resample import RATE

REFRACTORY = 1.0  #: seconds after a detection in which the same utterance is not heard again
FRAME_SECONDS = 0.03  #: the voice activity detector's frame; the spotters get the same
PAUSE = 0.15  #: seconds without speech that make a pause around a keyword
LOOK_BEFORE = 1.0  #: the pause before a keyword ends at most this long before it ("ow, stop")
LOOK_AFTER = 0.6  #: the pause after starts at most this long after the recogniser's word end
#: (which it often puts early: it reports "stop" while the "p" still sounds)
UTTERANCE_GAP = 0.4  #: seconds without speech that end an utterance for the spotter
VAD_MARGIN = 0.05  #: seconds the word's edges may be off from the activity detector's
#: The cepstral mean a new utterance starts from after a stretch of mostly no speech
#: (pocketsphinx's own initial value). Its running mean otherwise settles on the room's
#: noise over minutes and the spotter goes deaf in it: over continuous room noise it heard
#: 12 of 40 "stop"s, with the reset 29 (bench/voice_sweep.py, bench/voice_verify.py).
CMN_INIT = "40,3,-1"
RESET_LOOK = 2.0  #: seconds looked back at, before a new utterance, for how much was speech
#: reset only when less than this share of RESET_LOOK was speech: resetting inside talk
#: too, at every short pause, let 45 false stops through in 10 minutes of talk, not 29
#: (threshold 1e-20; 35 below a share of 0.5)
RESET_BELOW = 0.3


def make_decoder(words: list[str], threshold: float, **config: Any) -> Any:
    """A pocketsphinx keyword spotter for ``words`` at ``threshold``, with pocketsphinx
    options ``config`` on top (benchmarks try some); raises ImportError when pocketsphinx
    is missing, ValueError for a word its dictionary lacks."""
    from pocketsphinx import Decoder

    decoder = Decoder(loglevel="FATAL", **config)
    for word in words:
        if decoder.lookup_word(word) is None:
            raise ValueError(f"{word!r} is not in the recogniser's dictionary")
    # Keyword lists come only from a file; it holds the words, nothing heard.
    with tempfile.TemporaryDirectory(prefix="backtimer-kws-") as folder:
        path = Path(folder, "keywords.txt")
        path.write_text("".join(f"{w} /{threshold:g}/\n" for w in words), encoding="utf-8")
        decoder.add_kws("keywords", str(path))
    decoder.activate_search("keywords")
    decoder.start_utt()
    return decoder


def make_vad() -> Any:
    """pocketsphinx's voice activity detector (WebRTC's), 30 ms frames at 16 kHz."""
    from pocketsphinx import Vad

    # STRICT: the loose modes call the first frames of digital silence speech, and hang on
    return Vad(Vad.STRICT, RATE, FRAME_SECONDS)


class Spotter:
    """Keyword spotting with two rules on top of pocketsphinx, so that talk is no command.

    - *A word on its own*: a keyword counts only with a pause (:data:`PAUSE`) shortly
      before and shortly after it, as told by a voice activity detector. Someone in pain
      says "Stop!"; a "stop"-like sound inside a sentence (ours, or someone talking in
      the room) is not that.
    - *Our own voice*: while the program sounds (and :data:`TAIL` after) nothing counts.

    After a stretch of mostly no speech a new utterance starts from :data:`CMN_INIT`, so
    minutes of room noise do not leave the spotter deaf.

    Pure: give it 16 kHz mono Int16 samples, it answers; the clock is the audio's own.
    """

    def __init__(
        self, normal: Any, vad: Any, cmn: str | None = CMN_INIT, reset_below: float = RESET_BELOW
    ) -> None:
        self._normal = normal
        self._cmn, self._reset_below = cmn, reset_below  #: cmn None: never reset
        self._vad = vad
        self._frame = int(vad.frame_bytes)
        self._rest = b""
        self._t = 0.0  #: seconds of audio heard so far
        self._utt_start = 0.0
        self._speech: deque[tuple[float, bool]] = deque(maxlen=int(4 / FRAME_SECONDS))
        self._own = OwnSound()
        self._pending: list[tuple[str, float, float]] = []  #: word, from, to
        self._quiet_until = 0.0
        self._heard_speech, self._silent_frames = False, 0

    @property
    def seconds(self) -> float:
        return self._t

    def own_sound(self, seconds: float, at: float | None = None) -> None:
        """The program sounds from now for ``seconds`` (0: it fell silent). ``at``: now on
        the audio's clock, when the device has captured more than we have decoded yet (a
        busy machine): the window must cover the sound where it will be in the audio."""
        self._own.sounds(self._t if at is None else max(self._t, at), seconds)

    def feed(self, pcm: bytes) -> list[str]:
        """Keywords confirmed by the end of ``pcm``."""
        data = self._rest + pcm
        usable = len(data) - len(data) % self._frame
        self._rest = data[usable:]
        found: list[str] = []
        for i in range(0, usable, self._frame):
            frame = data[i : i + self._frame]
            speech = bool(self._vad.is_speech(frame))
            self._speech.append((self._t, speech))
            self._normal.process_raw(frame, False, False)
            self._hypothesis()
            self._segment(speech)
            self._t += FRAME_SECONDS
            found += self._confirm()
        return found

    def _segment(self, speech: bool) -> None:
        """A new utterance after each pause: in one long utterance the spotter finds a
        third of the keywords it finds in fresh ones (bench/voice_stop.py, live)."""
        if speech:
            self._heard_speech, self._silent_frames = True, 0
            return
        self._silent_frames += 1
        if self._heard_speech and self._silent_frames * FRAME_SECONDS >= UTTERANCE_GAP:
            self._heard_speech = False
            self._restart()

    def _hypothesis(self) -> None:
        decoder = self._normal
        if decoder.hyp() is None:
            return
        base = self._utt_start
        for seg in decoder.seg():
            word = str(seg.word).split("(")[0].strip()
            if word and not word.startswith(("<", "[")):
                start, end = base + seg.start_frame / 100, base + (seg.end_frame + 1) / 100
                self._pending.append((word, start, end))
        self._restart()

    def _restart(self) -> None:
        """A fresh utterance; from the initial cepstral mean after mostly no speech."""
        self._normal.end_utt()
        if self._cmn is not None and self._speech_share() < self._reset_below:
            self._normal.set_cmn(self._cmn)
        self._normal.start_utt()
        self._utt_start = self._t + FRAME_SECONDS

    def _confirm(self) -> list[str]:
        found: list[str] = []
        keep: list[tuple[str, float, float]] = []
        for word, start, end in self._pending:
            if start < self._quiet_until or self._ours(start, end):
                continue
            verdict = self._alone(start, end)
            if verdict is None:
                keep.append((word, start, end))  # the pause after is still to come
            elif verdict and self._accepted(start, end):
                found.append(word)
                self._quiet_until = end + REFRACTORY
        self._pending = [p for p in keep if p[1] >= self._quiet_until]
        return found

    def _speech_share(self) -> float:
        """The share of the last RESET_LOOK seconds the activity detector called speech."""
        recent = [speech for t, speech in self._speech if t >= self._t - RESET_LOOK]
        return sum(recent) / len(recent) if recent else 0.0

    def _accepted(self, start: float, end: float) -> bool:
        """A second opinion's place, on a keyword on its own at [start, end] (seconds).
        bench/voice_verify.py collects candidates here; the second opinions it measured
        (a phone decoder, word-length limits, a phone-loop grammar, pocketsphinx's full
        en-us language model or a loop of its most frequent words on the word and its
        context, the share of speech before it) lost more "stop"s than they removed false
        stops, or were far too slow, so there is none."""
        return True

    def _alone(self, start: float, end: float) -> bool | None:
        """A pause (PAUSE seconds without speech) shortly before ``start`` and shortly after
        ``end``; None while the time after has not been heard yet."""
        if self._pause_in(start - LOOK_BEFORE, start + VAD_MARGIN) is None:
            return False
        if self._pause_in(end - VAD_MARGIN, end + LOOK_AFTER) is not None:
            return True
        return None if self._t < end + LOOK_AFTER + PAUSE else False

    def _pause_in(self, earliest: float, latest: float) -> float | None:
        """When the first PAUSE without speech that starts in [earliest, latest] starts."""
        need = round(PAUSE / FRAME_SECONDS)
        run_start, run = 0.0, 0
        for t, speech in self._speech:
            if t < earliest:
                continue
            if speech:
                run = 0
                if t > latest:
                    return None
                continue
            if run == 0:
                run_start = t
                if t > latest:
                    return None
            run += 1
            if run >= need:
                return run_start
        return None

    def _ours(self, start: float, end: float) -> bool:
        """Whether [start, end] overlaps the program's own sound (or its tail)."""
        return self._own.covers(start, end)
