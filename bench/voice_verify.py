"""Second opinions on voice stop's candidates, swept offline: ``python bench/voice_verify.py``.

Every candidate the Spotter confirms (a "stop" on its own by its rules) in the sets of
bench/voice_sweep.py is saved with VERIFY_MARGIN around it; each verifier then judges
the same segments, so a verifier's cost in detection and its gain in false stops are
measured on exactly the candidates it would see live.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import voice_helpers as vh  # noqa: E402
import voice_stop as vs  # noqa: E402
import voice_sweep as sw  # noqa: E402
from backtimer.gui.listen import listener_process as lp  # noqa: E402

MARGIN = 0.3  #: seconds around a candidate word a second opinion hears


class Collecting(lp.Spotter):
    """The listener's Spotter, keeping each candidate it confirms (with MARGIN around it)."""

    def __init__(self, threshold: float, reset_below: float, stream: bytes) -> None:
        super().__init__(sw.decoder(["stop"], threshold), lp.make_vad(), reset_below=reset_below)
        self.stream = stream
        self.segments: list[bytes] = []

    def _accepted(self, start: float, end: float) -> bool:
        lo = max(0, int((start - MARGIN) * 16000)) * 2
        self.segments.append(self.stream[lo : int((end + MARGIN) * 16000) * 2])
        return True


def candidates(
    threshold: float, sets: dict[str, Any], reset_below: float = lp.RESET_BELOW
) -> dict[str, list[tuple[bytes, bool]]]:
    """Per set: (segment, whether it is a real "stop") for each confirmed candidate."""
    out: dict[str, list[tuple[bytes, bool]]] = {"quiet": [], "room": [], "talk": []}

    def collect(stream: bytes) -> tuple[list[float], list[bytes]]:
        spotter = Collecting(threshold, reset_below, stream)
        hits: list[float] = []
        for i in range(0, len(stream), sw.CHUNK):
            hits += [spotter.seconds for _ in spotter.feed(stream[i : i + sw.CHUNK])]
        return hits, spotter.segments

    for path in sets["quiet"]:
        _, segs = collect(vh.pcm(path))
        out["quiet"] += [(s, True) for s in segs[:1]]
    stream, spans = sets["room"]
    hits, segs = collect(stream)
    for h, s in zip(hits, segs, strict=True):
        out["room"].append((s, any(a <= h <= b + 1.5 for a, b in spans)))
    _, segs = collect(sets["talk"])
    out["talk"] += [(s, False) for s in segs]
    return out


def sets_of(folder: Path) -> dict[str, Any]:
    return {
        "quiet": [p for room in vs.ROOMS for _, p in vs.positives(folder, room)],
        "room": sw.room_stream(folder),
        "talk": vs.negatives(folder),
    }


def cached(
    folder: Path, threshold: float, reset_below: float = lp.RESET_BELOW
) -> dict[str, list[tuple[bytes, bool]]]:
    import pickle

    tag = "" if reset_below == 1.0 else f"-reset{reset_below:g}"
    path = folder / f"candidates-{threshold:g}{tag}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())  # noqa: S301 - our own cache
    found = candidates(threshold, sets_of(folder), reset_below)
    path.write_bytes(pickle.dumps(found))
    return found


# Tried and dropped: "stop" against a loop of all phones in one JSGF grammar took 6-9 s
# of CPU per 1.2 s candidate on this machine (and the loop won on clear "stop"s).


class AllPhone:
    """The segment's phones (pocketsphinx's phone decoder) must hold a stop's vowel
    (AA or AO) after an S, T or D: "stop" as the phones hear it."""

    def __init__(self) -> None:
        from pocketsphinx import Decoder, get_model_path

        self._d = Decoder(
            loglevel="FATAL", allphone=get_model_path("en-us/en-us-phone.lm.bin"), lm=None
        )

    def phones(self, segment: bytes) -> list[str]:
        self._d.start_utt()
        self._d.process_raw(segment, False, True)
        self._d.end_utt()
        return [str(s.word) for s in self._d.seg()]

    def __call__(self, segment: bytes) -> bool:
        ph = self.phones(segment)
        pairs = zip(ph, ph[1:], strict=False)
        return any(a in ("S", "T", "D") and b in ("AA", "AO") for a, b in pairs)


def durations(found: dict[str, list[tuple[bytes, bool]]]) -> None:
    for key, items in found.items():
        for truth in (True, False):
            ds = sorted(round(len(s) / 32000 - 2 * MARGIN, 2) for s, t in items if t is truth)
            if ds:
                print(f"  {key} {'stop' if truth else 'false'} ({len(ds)}): {ds}")


def judge(name: str, verifier: Callable[[bytes], bool], found: dict[str, Any]) -> str:
    t0 = time.process_time()
    parts, n = [], 0
    for key, items in found.items():
        kept_true = sum(verifier(s) for s, t in items if t)
        kept_false = sum(verifier(s) for s, t in items if not t)
        n += len(items)
        true_all = sum(t for _, t in items)
        wrong = len(items) - true_all
        parts.append(f"{key} stop {kept_true}/{true_all} false {kept_false}/{wrong}")
    cpu = (time.process_time() - t0) / max(1, n)
    return f"{name:<24} {' | '.join(parts)} [{cpu * 1000:.0f} ms CPU a candidate]"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, nargs="*", default=[1e-20, 1e-30])
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "backtimer-voice-bench"
    )
    args = parser.parse_args()
    for threshold in args.threshold:
        found = cached(args.folder, threshold)
        print(f"threshold {threshold:g}: candidates the Spotter confirms")
        durations(found)
        print(judge("none", lambda s: True, found), flush=True)
        print(judge("allphone S/T/D + AA/AO", AllPhone(), found), flush=True)
        for lo, hi in ((0.2, 0.8), (0.25, 0.7), (0.3, 0.6)):
            name = f"duration {lo}-{hi} s"

            def within(s: bytes, lo: float = lo, hi: float = hi) -> bool:
                return lo <= len(s) / 32000 - 2 * MARGIN <= hi

            print(judge(name, within, found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
