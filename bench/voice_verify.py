"""Second opinions on voice stop's candidates, swept offline: ``python bench/voice_verify.py``.

Every candidate the Spotter would confirm (a "stop" on its own by its rules) in the sets
of bench/voice_sweep.py is kept, none accepted, with CONTEXT_BEFORE / CONTEXT_AFTER s of
audio around the word, the spotter's cepstral mean at that moment and the activity
detector's last seconds. Each verifier is then replayed over the same candidates with
the listener's refractory second, so what it would detect (utterance by utterance, stop
by stop in the room stream) and let through in talk is what the listener would do with
it, and its CPU time a candidate is measured on exactly the candidates it would see.
"""

from __future__ import annotations

import argparse
import math
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import voice_helpers as vh  # noqa: E402
import voice_stop as vs  # noqa: E402
import voice_sweep as sw  # noqa: E402
from backtimer.gui.listen import sphinx_spotter as ss  # noqa: E402

MARGIN = 0.3  #: seconds around a candidate word the phone decoder and length limits hear
CONTEXT_BEFORE, CONTEXT_AFTER = 1.2, 0.8  #: seconds of audio kept around each candidate
RATE = 16_000


@dataclass(frozen=True)
class Candidate:
    start: float  #: the word, seconds into its stream
    end: float
    at: float  #: when the Spotter confirmed it (the room stream's stops are matched on it)
    audio: bytes  #: from start - CONTEXT_BEFORE to end + CONTEXT_AFTER
    audio_start: float
    cmn: str  #: the spotter's cepstral mean then
    speech: tuple[tuple[float, bool], ...]  #: the activity detector's last seconds

    def clip(self, before: float, after: float) -> bytes:
        lo = max(0, int((self.start - before - self.audio_start) * RATE))
        hi = int((self.end + after - self.audio_start) * RATE)
        return self.audio[lo * 2 : hi * 2]


Found = dict[str, Any]  #: quiet: [[Candidate] a file]; room: ([Candidate], spans); talk


class Collecting(ss.Spotter):
    """The listener's Spotter, keeping each candidate it would confirm and accepting none
    (acceptance changes nothing but the refractory time, which :func:`replay` applies)."""

    def __init__(self, threshold: float, stream: bytes) -> None:
        super().__init__(sw.decoder(["stop"], threshold), ss.make_vad())
        self.stream = stream
        self.found: list[Candidate] = []

    def _accepted(self, start: float, end: float) -> bool:
        lo = max(0, int((start - CONTEXT_BEFORE) * RATE))
        audio = self.stream[lo * 2 : int((end + CONTEXT_AFTER) * RATE) * 2]
        cmn = str(self._normal.get_cmn(False))
        self.found.append(
            Candidate(start, end, self.seconds, audio, lo / RATE, cmn, tuple(self._speech))
        )
        return False


def collect(threshold: float, stream: bytes) -> list[Candidate]:
    spotter = Collecting(threshold, stream)
    for i in range(0, len(stream), sw.CHUNK):
        spotter.feed(stream[i : i + sw.CHUNK])
    return spotter.found


def cached(folder: Path, threshold: float) -> Found:
    path = folder / f"candidates-v2-{threshold:g}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())  # noqa: S301 - our own cache
    quiet = [p for room in vs.ROOMS for _, p in vs.positives(folder, room)]
    stream, spans = sw.room_stream(folder)
    found: Found = {
        "quiet": [collect(threshold, vh.pcm(p)) for p in quiet],
        "room": (collect(threshold, stream), spans),
        "talk": collect(threshold, vs.negatives(folder)),
    }
    path.write_bytes(pickle.dumps(found))
    return found


Verifier = Callable[[Candidate], bool]


def replay(candidates: list[Candidate], verifier: Verifier) -> tuple[list[Candidate], list[float]]:
    """The candidates the listener would accept with ``verifier``; CPU seconds of each call."""
    quiet_until, kept, cpu = 0.0, [], []
    for c in candidates:
        if c.start < quiet_until:
            continue
        t0 = time.process_time()
        ok = verifier(c)
        cpu.append(time.process_time() - t0)
        if ok:
            kept.append(c)
            quiet_until = c.end + ss.REFRACTORY
    return kept, cpu


def judge(name: str, verifier: Verifier, found: Found) -> str:
    cpu: list[float] = []
    heard = 0
    for file in found["quiet"]:
        kept, spent = replay(file, verifier)
        heard, cpu = heard + bool(kept), cpu + spent
    candidates, spans = found["room"]
    kept, spent = replay(candidates, verifier)
    cpu += spent
    hit = sum(any(a <= c.at <= b + 1.5 for c in kept) for a, b in spans)
    stray = sum(not any(a <= c.at <= b + 1.5 for a, b in spans) for c in kept)
    talk, spent = replay(found["talk"], verifier)
    cpu += spent
    ms = [s * 1000 for s in cpu] or [0.0]
    return (
        f"{name:<34} quiet {heard}/{len(found['quiet'])} | room {hit}/{len(spans)} (+{stray}) "
        f"| talk false {len(talk)} | CPU a candidate median {statistics.median(ms):.0f} ms, "
        f"max {max(ms):.0f} ms ({len(cpu)} calls)"
    )


class AllPhone:
    """The word's phones (pocketsphinx's phone decoder) must hold a stop's vowel (AA or
    AO) after an S, T or D: "stop" as the phones hear it."""

    def __init__(self) -> None:
        from pocketsphinx import Decoder, get_model_path

        self._d = Decoder(
            loglevel="FATAL", allphone=get_model_path("en-us/en-us-phone.lm.bin"), lm=None
        )

    def __call__(self, c: Candidate) -> bool:
        self._d.start_utt()
        self._d.process_raw(c.clip(MARGIN, MARGIN), False, True)
        self._d.end_utt()
        ph = [str(s.word) for s in self._d.seg()]
        pairs = zip(ph, ph[1:], strict=False)
        return any(a in ("S", "T", "D") and b in ("AA", "AO") for a, b in pairs)


class Words:
    """A large-vocabulary decode of the word with ``before`` / ``after`` s around it, from
    the spotter's cepstral mean then: it must hold "stop" itself ("top", "shop", "stock",
    "stopped" lose to themselves). ``config``: pocketsphinx options (by default the en-us
    language model and dictionary in the wheel)."""

    def __init__(self, before: float, after: float, **config: Any) -> None:
        from pocketsphinx import Decoder

        self._d = Decoder(loglevel="FATAL", **config)
        self._before, self._after = before, after

    def __call__(self, c: Candidate) -> bool:
        self._d.set_cmn(c.cmn)
        self._d.start_utt()
        self._d.process_raw(c.clip(self._before, self._after), False, False)
        self._d.end_utt()
        return any(str(s.word).split("(")[0] == "stop" for s in self._d.seg())


def word_loop(folder: Path, size: int) -> Path:
    """A unigram model, all words equally likely, over the ``size`` words the en-us model
    finds most frequent, and "stop": a loop of words without the model's grammar."""
    from pocketsphinx import NGramModel, get_model_path

    path = folder / f"word-loop-{size}.arpa"
    if path.exists():
        return path
    model = NGramModel.readfile(get_model_path("en-us/en-us.lm.bin"))
    with open(get_model_path("en-us/cmudict-en-us.dict"), encoding="utf-8") as f:
        entries = {ln.split()[0] for ln in f if ln.strip() and "(" not in ln.split()[0]}
    words = sorted(entries, key=lambda w: model.prob([w]), reverse=True)[:size]
    words += [] if "stop" in words else ["stop"]
    p = -math.log10(len(words) + 1)
    lines = [f"{p:.4f} </s>", "-99 <s>", *(f"{p:.4f} {w}" for w in words)]
    path.write_text(
        f"\\data\\\nngram 1={len(lines)}\n\n\\1-grams:\n" + "\n".join(lines) + "\n\n\\end\\\n",
        encoding="utf-8",
    )
    return path


class SpeechBefore:
    """No more than ``share`` of [start - ``look``, start - ``gap``] was speech: a "stop"
    after a moment's quiet (an "ow" just before it is within ``gap``), not inside talk."""

    def __init__(self, look: float, gap: float, share: float) -> None:
        self._look, self._gap, self._share = look, gap, share

    def __call__(self, c: Candidate) -> bool:
        frames = [s for t, s in c.speech if c.start - self._look <= t < c.start - self._gap]
        return not frames or sum(frames) / len(frames) < self._share


def verifiers(folder: Path) -> dict[str, Callable[[], Verifier]]:
    fast = {"fwdflat": False, "bestpath": False}

    def within(c: Candidate) -> bool:
        return 0.2 <= c.end - c.start <= 0.8

    return {
        "none": lambda: lambda c: True,
        "allphone S/T/D + AA/AO": AllPhone,
        "duration 0.2-0.8 s": lambda: within,
        "speech before [-2,-0.6] < 35 %": lambda: SpeechBefore(2.0, 0.6, 0.35),
        "speech before [-2.5,-0.6] < 50 %": lambda: SpeechBefore(2.5, 0.6, 0.5),
        "full LM, word -0.6..+0.3 s": lambda: Words(0.6, 0.3),
        "full LM, word -1.0..+0.6 s": lambda: Words(1.0, 0.6),
        "full LM -1.0..+0.6, fast": lambda: Words(1.0, 0.6, **fast),
        "full LM -1.0..+0.6, narrow beams": lambda: Words(
            1.0, 0.6, beam=1e-30, wbeam=1e-20, pbeam=1e-30, **fast
        ),
        "word loop 1000, -1.0..+0.6": lambda: Words(
            1.0, 0.6, lm=str(word_loop(folder, 1000)), **fast
        ),
        "word loop 3000, -1.0..+0.6": lambda: Words(
            1.0, 0.6, lm=str(word_loop(folder, 3000)), **fast
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, nargs="*", default=[1e-20, 1e-25, 1e-30])
    parser.add_argument("--only", nargs="*", default=None, help="verifiers whose name has this")
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "backtimer-voice-bench"
    )
    args = parser.parse_args()
    for threshold in args.threshold:
        found = cached(args.folder, threshold)
        print(f"threshold {threshold:g}: candidates the Spotter would confirm", flush=True)
        for name, make in verifiers(args.folder).items():
            if args.only and not any(o in name for o in args.only):
                continue
            print(judge(name, make(), found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
