"""Voice stop's settings, swept offline: ``python bench/voice_sweep.py [--only NAME ...]``.

Each setting is decoded from files faster than real time through the listener's own
:class:`Spotter`, over three sets:

  - *quiet*: every positive utterance of bench/voice_stop.py (10 voices x 4 speeds x 3
    rooms, five phrasings), each decoded alone from 1 s before it;
  - *room*: one long stream of continuous pink room noise (as the live bench plays it,
    about 15 dB under the speech) with a "stop" every 6 s, clean or with echo, 10 voices
    x 4 speeds: the live-over-noise case, minutes of noise in one decoder;
  - *talk*: 10 minutes of other speech (README and DESIGN read aloud) for false stops.

Prints, per setting: detected in quiet and in room, false stops in talk, and CPU seconds
per second of audio (the listener's share of a core).
"""

from __future__ import annotations

import argparse
import array
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import voice_helpers as vh  # noqa: E402
import voice_stop as vs  # noqa: E402
from backtimer.gui.listen import sphinx_spotter as ss  # noqa: E402

BYTES = vs.BYTES
GAP = 6.0  #: seconds from one "stop" to the next in the room stream
CHUNK = 960  #: 30 ms, as the microphone delivers about


def room_stream(folder: Path) -> tuple[bytes, list[tuple[float, float]]]:
    """Continuous room noise with a "stop" every GAP s; (stream, [(start, end)] of each)."""
    items = []
    for vi, voice in enumerate(vs.VOICES):
        for si, speed in enumerate(vs.SPEEDS):
            room = ("clean", "reverb")[(vi + si) % 2]
            phrase = ("stop", "stop!", "stop, stop")[(vi * 4 + si) % 3]
            path = folder / vh.file_name("sweep", voice, speed, room, phrase)
            items.append(vh.say(phrase, path, voice=voice, rate=speed, room=room))
    seconds = 5.0 + GAP * len(items)
    noise = array.array("h", vh.pcm(vh.room_noise(folder / "room-noise.wav", 600)))
    mix = array.array("h", noise[: int(seconds * 16000)])
    spans = []
    for n, path in enumerate(items):
        at = int((5.0 + GAP * n) * 16000)
        speech = array.array("h", vh.pcm(path))
        for i, s in enumerate(speech):
            mix[at + i] = max(-32768, min(32767, mix[at + i] + s))
        spans.append((at / 16000, at / 16000 + len(speech) / 16000))
    return mix.tobytes(), spans


def run(make: Callable[[], Any], stream: bytes) -> list[float]:
    spotter = make()
    hits: list[float] = []
    for i in range(0, len(stream), CHUNK):
        hits += [spotter.seconds for _ in spotter.feed(stream[i : i + CHUNK])]
    return hits


def measure(name: str, make: Callable[[], Any], sets: dict[str, Any]) -> str:
    t0, audio = time.process_time(), 0.0
    quiet = sets["quiet"]
    heard = 0
    for path in quiet:
        data = vh.pcm(path)
        audio += len(data) / BYTES
        heard += bool(run(make, data))
    stream, spans = sets["room"]
    audio += len(stream) / BYTES
    hits = run(make, stream)
    found = sum(any(a <= h <= b + 1.5 for h in hits) for a, b in spans)
    stray = sum(not any(a <= h <= b + 1.5 for a, b in spans) for h in hits)
    talk = sets["talk"]
    audio += len(talk) / BYTES
    false = len(run(make, talk))
    cpu = time.process_time() - t0
    return (
        f"{name:<28} quiet {heard}/{len(quiet)} = {heard / max(1, len(quiet)):.1%} | "
        f"room {found}/{len(spans)} = {found / max(1, len(spans)):.1%} (+{stray} stray) | "
        f"talk false {false} in {len(talk) / BYTES / 60:.0f} min | "
        f"CPU {cpu / max(audio, 1e-9):.1%} of a core"
    )


def spotter(
    threshold: float = 1e-20,
    cmn: str | None = ss.CMN_INIT,
    reset_below: float = ss.RESET_BELOW,
    **config: Any,
) -> Callable[[], Any]:
    def make() -> Any:
        d = decoder(["stop"], threshold, **config)
        return ss.Spotter(d, ss.make_vad(), cmn, reset_below)

    return make


def decoder(words: list[str], threshold: float, **config: Any) -> Any:
    """The listener's keyword spotter, with pocketsphinx options ``config`` on top."""
    return ss.make_decoder(words, threshold, **config)


class GatedVad:
    """WebRTC's detector, and a frame only counts as speech when it is also GATE_DB above
    the room's noise floor (tracked: falls at once, rises FLOOR_RISE_DB a second)."""

    def __init__(self, gate_db: float = 6.0, rise_db: float = 1.0) -> None:
        self._vad = ss.make_vad()
        self.frame_bytes = self._vad.frame_bytes
        self._gate = 10 ** (gate_db / 10)
        self._rise = 10 ** (rise_db * ss.FRAME_SECONDS / 10)
        self._floor = 0.0

    def is_speech(self, frame: bytes) -> bool:
        samples = array.array("h", frame)
        energy = sum(x * x for x in samples) / len(samples) + 1.0
        if self._floor == 0.0 or energy < self._floor:
            self._floor = energy
        else:
            self._floor *= self._rise
        return energy > self._floor * self._gate and bool(self._vad.is_speech(frame))


def gated(
    threshold: float = 1e-20, gate_db: float = 6.0, cmn: str | None = ss.CMN_INIT
) -> Callable[[], Any]:
    def make() -> Any:
        return ss.Spotter(decoder(["stop"], threshold), GatedVad(gate_db), cmn)

    return make


def model(
    threshold: float | None = None, in_a_row: int | None = None, phase: int = 0
) -> Callable[[], Any]:
    """The trained model (gui/listen/stop_model.py), at its shipped rule or another;
    ``phase``: which chunks it embeds (the live listener starts on either)."""

    def make() -> Any:
        from backtimer.gui.listen import stop_model as sm

        spotter = sm.make_model_spotter()
        if threshold is not None:
            spotter.threshold = threshold
        if in_a_row is not None:
            spotter.in_a_row = in_a_row
        spotter.phase = phase
        return spotter

    return make


SETTINGS: dict[str, Callable[[], Any]] = {
    "model (as shipped: 0.97 x2)": model(),
    "model as shipped, phase 1": model(phase=1),
    "model 0.9 x2": model(0.9, 2),
    "model 0.9 x2, phase 1": model(0.9, 2, 1),
    "model 0.99 x2": model(0.99, 2),
    "model 0.99 x2, phase 1": model(0.99, 2, 1),
    "no reset 1e-20": spotter(1e-20, None),
    "no reset 1e-30": spotter(1e-30, None),
    "no reset remove_noise 1e-20": spotter(1e-20, None, remove_noise=True),
    "no reset gated6 1e-20": gated(1e-20, 6.0, None),
    "reset always 1e-20": spotter(1e-20, reset_below=1.0),
    "reset always 1e-30": spotter(1e-30, reset_below=1.0),
    "reset <50% speech 1e-20": spotter(1e-20),
    "reset <50% speech 1e-17": spotter(1e-17),
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--skip", dest="sets", nargs="*", default=None)
    parser.add_argument("--talk-seconds", type=float, default=600.0)
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "backtimer-voice-bench"
    )
    args = parser.parse_args()
    vs.NEGATIVE_SECONDS = args.talk_seconds
    sets = {
        "quiet": [p for room in vs.ROOMS for _, p in vs.positives(args.folder, room)],
        "room": room_stream(args.folder),
        "talk": vs.negatives(args.folder),
    }
    print(
        f"quiet: {len(sets['quiet'])} utterances; room: {len(sets['room'][1])} stops over "
        f"{len(sets['room'][0]) / BYTES:.0f} s of noise; talk: {len(sets['talk']) / BYTES:.0f} s",
        flush=True,
    )
    skip = set(args.sets or ())
    for key in skip:
        sets[key] = [] if key == "quiet" else (b"", []) if key == "room" else b""
    for name, make in SETTINGS.items():
        if args.only and not any(o in name for o in args.only):
            continue
        print(measure(name, make, sets), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
