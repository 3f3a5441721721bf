"""Voice stop, measured: ``python bench/voice_stop.py [--offline-only | --live-only]``.

Needs PulseAudio (the null sink's monitor becomes the microphone, see voice_helpers.py),
espeak-ng, sox and pocketsphinx. Speech stands in for a person: espeak-ng voices at
120-220 words a minute, said "stop" in five ways, clean, with pink noise about 15 dB
under it, and with a small room's echo and that noise.

Offline (decoded from files faster than real time, through the listener's own Spotter,
the code the listener process runs on what the microphone gives):
  - detection rate of "stop" for each keyword threshold tried;
  - false stops over 10 minutes of speech without the keyword (README and DESIGN text);
  - false stops while the program's own phrases for the built-in routine play, at three
    voices and rates and three frame alignments, with the listener told of each (as the
    cue director tells it) and without.
Live (the real window, listener process and PulseAudio, real time):
  - latency from the end of a spoken "stop" (found in a recording of the sink) to the
    frozen countdown, over 20+ tries;
  - detection rate over a sample of voices, speeds and rooms;
  - false stops while the window's own cue director says every phrase of the built-in
    routine into the microphone;
  - CPU of the listener process while listening.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import voice_helpers as vh  # noqa: E402
from backtimer.core.routine_file.loader import load_builtin  # noqa: E402
from backtimer.core.session.phrases import Announcements, session_utterances  # noqa: E402
from backtimer.core.session.plan import plan_session  # noqa: E402
from backtimer.gui.listen.listener import THRESHOLD, says_keyword  # noqa: E402
from backtimer.gui.listen.listener_process import make_spotter  # noqa: E402
from backtimer.gui.listen.sphinx_spotter import Spotter, make_decoder, make_vad  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VOICES = (
    "en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029",
    "en-us-nyc", "en-us+f3", "en-gb+f2", "en-us+m3", "en-gb-x-gbclan",
)  # fmt: skip
SPEEDS = (120, 150, 180, 220)
PHRASES = ("stop", "stop!", "ow, stop", "please stop", "stop, stop")
ROOMS = ("clean", "noise", "room")
NORMAL: tuple[float | None, ...] = (None, 1e-20, 1e-30)  #: None: what the listener runs
ALIGNMENTS = (0, 160, 320)  #: samples of silence put before a stream: 0, 10 and 20 ms
BYTES = 32_000  #: a second of 16 kHz Int16
NEGATIVE_SECONDS = 600.0


def spot(
    stream: bytes, normal: float | None, own: Iterable[tuple[float, float]] = ()
) -> list[float]:
    """Seconds into ``stream`` at which the Spotter confirmed a keyword; ``own``: (start,
    seconds) of the program's own sounds, told as the director tells them. ``normal``
    None: what the listener runs (the trained model where it can run)."""
    spotter = (
        make_spotter(["stop"], THRESHOLD)
        if normal is None
        else Spotter(make_decoder(["stop"], normal), make_vad())
    )
    told = sorted(own)
    hits: list[float] = []
    chunk = 960  # 30 ms, as the microphone delivers about
    for i in range(0, len(stream), chunk):
        now = i / BYTES
        while told and told[0][0] <= now:
            _, seconds = told.pop(0)
            spotter.own_sound(seconds)
        hits += [spotter.seconds for _ in spotter.feed(stream[i : i + chunk])]
    return hits


def positives(folder: Path, room: str) -> list[tuple[str, Path]]:
    out = []
    for vi, voice in enumerate(VOICES):
        for si, speed in enumerate(SPEEDS):
            phrase = PHRASES[(vi + si) % len(PHRASES)]
            path = folder / vh.file_name("pos", voice, speed, phrase, room)
            out.append(
                (
                    phrase,
                    vh.say(phrase, path, voice=voice, rate=speed, room=room, lead=1.0, tail=1.0),
                )
            )
    return out


def negative_sentences() -> list[str]:
    text = (ROOT / "README.md").read_text() + Path(ROOT.parent / "shared" / "DESIGN.md").read_text()
    text = re.sub(r"[`#*|>\[\]()_=/\\-]+", " ", text)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text)]
    return [s for s in sentences if len(s.split()) >= 4 and not says_keyword(s, ["stop"])]


def negatives(folder: Path) -> bytes:
    sentences, stream, n = negative_sentences(), bytearray(), 0
    while len(stream) / BYTES < NEGATIVE_SECONDS and n * 5 < len(sentences) * 3:
        text = " ".join(sentences[(n * 5) % len(sentences) :][:5])
        voice, speed, room = VOICES[n % len(VOICES)], SPEEDS[n % 4], ROOMS[n % 3]
        path = folder / vh.file_name("neg", n, voice, speed, room)
        stream += vh.pcm(vh.say(text, path, voice=voice, rate=speed, room=room))
        n += 1
    return bytes(stream[: int(NEGATIVE_SECONDS * BYTES)])


def own_texts() -> list[str]:
    """Every phrase the program may say for the built-in routine, the optional ones too."""
    phases = plan_session(load_builtin())
    return session_utterances(phases, Announcements(halfway=True, ten_left=True))


def own_stream(folder: Path, voice: str, rate: int) -> tuple[bytes, list[tuple[float, float]]]:
    stream, told = bytearray(), []
    for i, text in enumerate(own_texts()):
        path = vh.say(
            text,
            folder / vh.file_name("own", voice, rate, i),
            voice=voice,
            rate=rate,
            lead=0.0,
            tail=0.0,
        )
        told.append((len(stream) / BYTES, vh.wav_seconds(path)))
        stream += vh.pcm(path) + bytes(int(0.8 * BYTES) // 2 * 2)  # the gap between cues
    return bytes(stream), told


def offline(folder: Path) -> None:
    print("== offline (decoded from files, faster than real time, through Spotter)")
    rooms = {room: positives(folder, room) for room in ROOMS}
    neg = negatives(folder)
    count = sum(len(v) for v in rooms.values())
    seconds = len(neg) / BYTES
    print(f"  {count} 'stop' utterances (each decoded alone); {seconds:.0f} s of other speech")
    for normal in NORMAL:
        t = time.process_time()
        line = []
        total = found = 0
        by_phrase: Counter[str] = Counter()
        for room, items in rooms.items():
            heard = [bool(spot(vh.pcm(path), normal)) for _, path in items]
            line.append(f"{room} {sum(heard)}/{len(heard)}")
            total, found = total + len(heard), found + sum(heard)
            by_phrase.update(p for (p, _), h in zip(items, heard, strict=True) if not h)
        false = len(spot(neg, normal))
        cpu = time.process_time() - t
        name = "the listener" if normal is None else f"threshold {normal:g}"
        print(
            f"  {name}: detected {found}/{total} = {found / total:.1%} "
            f"({', '.join(line)}); missed by phrase {dict(by_phrase)}; "
            f"false stops in 10 min of speech: {false} [{cpu:.0f} s CPU]",
            flush=True,
        )
    own_sets = [
        own_stream(folder, v, r) for v, r in (("en-us", 150), ("en-gb", 120), ("en-us", 220))
    ]
    seconds = sum(len(s) for s, _ in own_sets) / BYTES
    print(
        f"  own phrases: {len(own_texts())} texts x 3 voices/rates x 3 alignments, {seconds:.0f} s"
    )
    false = unguarded = 0
    for stream, told in own_sets:
        for shift in ALIGNMENTS:  # where the capture's 30 ms frames fall varies live
            moved = bytes(2 * shift) + stream
            own = [(start + shift / 16000, length) for start, length in told]
            false += len(spot(moved, None, own))
            unguarded += len(spot(moved, None))
    print(
        f"  the listener: false stops on own phrases {false} (with no own-voice rule: {unguarded})",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offline-only", action="store_true")
    parser.add_argument("--live-only", action="store_true")
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "backtimer-voice-bench"
    )
    args = parser.parse_args()
    problem = vh.microphone_problem()
    if problem:
        print(f"cannot measure voice stop here: {problem}")
        return 1
    if not args.live_only:
        offline(args.folder)
    if not args.offline_only:
        import voice_live

        voice_live.live(args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
