"""Make voice stop's model: ``python bench/voice_train.py [--jobs 2] [--out PATH]``.

Writes ``resources/voice/stop-head.npz``: a small network (768 → 32 → 32 → 1) that reads
8 of openWakeWord's speech embeddings, one every second 80 ms chunk (1.28 s, see
src/backtimer/gui/listen/stop_model.py), and says whether a "stop" has just ended. Each
clip is read at both phases (odd and even chunks), as the listener may start on either.
Everything is made here, offline and seeded, so the same command makes the same network
(to float rounding):

- *Speech*: espeak-ng, English accents with voice variants the benchmarks never use
  (bench/voice_stop.py speaks with the plain voices and +f2, +f3, +m3; here +m1, +klatt,
  "grandma" and 33 others), 110-250 words a minute, sometimes a room's echo (sox reverb),
  then white, pink or brown noise at 3-30 dB under the speech, all of it 0-30 dB under
  full level (a person near the microphone, or across the room).
- *Positives*: 1,200 phrases that end in "stop" ("stop!", "no, stop", "wait, stop", ...);
  the windows ending 0-0.4 s after the word are "stop", those before it are not.
- *Negatives*: 500 clips of licence texts (/usr/share/common-licenses) and the program's
  own phrases, 600 of the standard library's docstrings, 500 of those with a word that
  sounds like "stop" put in ("desktop", "top", "shop", "step", ...). None of it is the
  README or DESIGN text the benchmark's talk is made of.
- *Held out*: 300 positives and 150 docstring clips of other seeds, read at both phases,
  choose the threshold and how many windows in a row must reach it (printed at the end:
  the rule that hears about 97 % with the fewest false stops); the benchmark sets are
  never seen.

Then run bench/voice_sweep.py for the figures. CPU: about 40 minutes of one core to make
the clips (cached in --cache), a few minutes to train on them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import pickle
import random
import re
import subprocess
import sys
import tempfile
import wave
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from backtimer.gui.listen import stop_model as sm  # noqa: E402
from backtimer.gui.listen.listener import says_keyword  # noqa: E402

ACCENTS = (
    "en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-us-nyc",
    "en-gb-x-gbclan", "en-gb-x-gbcwmd",
)  # fmt: skip
VARIANTS = (
    "m1", "m2", "m4", "m5", "m6", "m7", "f1", "f4", "f5", "klatt", "klatt2", "klatt3",
    "croak", "Alex", "Andy", "annie", "adam", "belinda", "benjamin", "caleb", "david",
    "edward", "grandma", "grandpa", "john", "linda", "max", "paul", "Storm", "Michael",
    "aunty", "boris", "ed", "iven", "norbert", "steph",
)  # fmt: skip
POSITIVE = (
    "stop", "stop.", "stop!", "no, stop", "ouch, stop", "okay stop", "hey, stop",
    "stop stop", "wait, stop", "ah, stop", "oh stop", "stop it stop",
)  # fmt: skip
SOUNDS_LIKE = (
    "desktop", "laptop", "tabletop", "rooftop", "treetop", "hilltop", "tiptop", "backdrop",
    "raindrop", "workshop", "flat top", "on top", "a stock", "the shop", "its top",
    "last step", "first step", "top", "shop", "stock", "spot", "step", "stuff", "stoop",
    "strop", "drop", "pop", "stomp", "stab", "start", "store", "stay", "tap", "stand",
    "shot", "hop", "cop", "post", "pots", "opt", "slot", "stock up", "stuck", "stamp",
    "Scott",
)  # fmt: skip
#: (kind, clips, seed): what is made, how much, from which seed
TRAIN = (
    ("positive", 600, 11), ("positive", 600, 12),
    ("licences", 250, 21), ("licences", 250, 22),
    ("docstrings", 300, 31), ("docstrings", 300, 32),
    ("sounds_like", 250, 51), ("sounds_like", 250, 52),
)  # fmt: skip
HELD_OUT = (("positive", 300, 61), ("docstrings", 150, 62))
STOP_FROM, STOP_TO = 0.0, 0.4  #: window ends after the word's end that count as "stop"
WINDOW = 8  #: embeddings the network reads
STRIDE = 2  #: chunks from one of them to the next
HIDDEN = 32
EPOCHS = 15
RATE = 16_000


def speak(text: str, voice: str, rate: int, reverb: list[int] | None) -> np.ndarray:
    with tempfile.TemporaryDirectory() as folder:
        raw, out = Path(folder, "raw.wav"), Path(folder, "out.wav")
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(raw)],
            input=text.encode(), check=True, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        echo = ["reverb", *map(str, reverb)] if reverb else []
        subprocess.run(
            ["sox", "-V1", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(out),
             *echo, "norm", "-3"],
            check=True,
        )  # fmt: skip
        with wave.open(str(out)) as w:
            return np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float32)


def noise(n: int, kind: str, rng: random.Random) -> np.ndarray:
    white = np.random.default_rng(rng.randrange(1 << 30)).standard_normal(n)
    if kind == "white":
        return white
    freq = np.fft.rfftfreq(n, 1 / RATE)
    freq[0] = 1.0
    shaped = np.fft.irfft(np.fft.rfft(white) / freq ** {"pink": 0.5, "brown": 1.0}[kind], n)
    return shaped / (shaped.std() + 1e-9)


def in_room(speech: np.ndarray, lead: float, tail: float, rng: random.Random) -> np.ndarray:
    pad = [np.zeros(int(s * RATE), np.float32) for s in (lead, tail)]
    out = np.concatenate([pad[0], speech, pad[1]])
    kind = rng.choice(["none", "pink", "pink", "white", "brown"])
    if kind != "none":
        loud = speech[np.abs(speech) > 300]
        rms = float(np.sqrt(np.mean(loud**2))) if len(loud) else 3000.0
        out = out + noise(len(out), kind, rng) * rms / 10 ** (rng.uniform(3, 30) / 20)
    gain = 10 ** (rng.uniform(-30, 0) / 20)  # a person near the microphone, or 3 m off
    return np.clip(out * gain, -32768, 32767).astype(np.int16)


def embed(samples: np.ndarray, features: sm.Features | None = None) -> np.ndarray:
    features = features or sm.Features()
    data = samples.tobytes()
    out: list[np.ndarray] = []
    for i in range(0, len(data) - len(data) % (sm.CHUNK * 2), sm.CHUNK * 2):
        out += [e for _, e in features.feed(data[i : i + sm.CHUNK * 2]) if e is not None]
    return np.array(out, np.float32).reshape(-1, sm.FEATURES)


def word_span(speech: np.ndarray) -> tuple[float, float]:
    peaks = np.abs(speech[: len(speech) // 160 * 160]).reshape(-1, 160).max(axis=1)
    loud = np.nonzero(peaks > peaks.max() * 0.03)[0]
    return loud[0] / 100, (loud[-1] + 1) / 100


def own_phrases() -> list[str]:
    from backtimer.core.routine_file.loader import load_builtin
    from backtimer.core.session.phrases import Announcements, session_utterances
    from backtimer.core.session.plan import plan_session

    phases = plan_session(load_builtin())
    return session_utterances(phases, Announcements(halfway=True, ten_left=True))


def docstrings() -> str:
    import importlib
    import inspect

    found: list[str] = []
    for name in sorted(sys.stdlib_module_names):
        if name.startswith("_") or name in ("antigravity", "this", "idlelib", "tkinter",
                                            "turtle", "turtledemo"):  # fmt: skip
            continue
        try:
            module = importlib.import_module(name)
        except BaseException:  # noqa: BLE001 - a module this system cannot import
            continue
        for thing in [module, *[v for v in vars(module).values() if callable(v)][:40]]:
            doc = inspect.getdoc(thing)
            if doc:
                found.append(doc)
    return " ".join(found)


def sentences(kind: str) -> list[str]:
    if kind == "licences":
        folder = Path("/usr/share/common-licenses")
        files = [p for p in sorted(folder.iterdir()) if p.is_file()]
        text = " ".join(p.read_text(errors="ignore") for p in files)
        extra = own_phrases()
    else:
        text, extra = docstrings(), []
    text = re.sub(r"[`#*|>\[\]()_=/\\<>-]+", " ", text)
    split = (" ".join(s.split()) for s in re.split(r"(?<=[.!?;:])\s+|\n\s*\n", text))
    found = [s for s in split if 3 <= len(s.split()) <= 40] + extra
    return [s for s in found if not says_keyword(s, ["stop"])]


def make(job: tuple[str, int, int]) -> list[tuple[np.ndarray, float, float]]:
    """Embeddings of ``clips`` clips of ``kind``, with the "stop"'s span (or -1, -1)."""
    kind, clips, seed = job
    rng = random.Random(seed)
    pool = [] if kind == "positive" else sentences(kind)
    rng.shuffle(pool)
    out = []
    for i in range(clips):
        voice = f"{rng.choice(ACCENTS)}+{rng.choice(VARIANTS)}"
        rate = rng.randint(110, 250)
        reverb = [rng.randint(10, 60), rng.randint(20, 80), rng.randint(10, 60)]
        echo = reverb if rng.random() < 0.4 else None
        if kind == "positive":
            speech = speak(rng.choice(POSITIVE), voice, rate, echo)
            lead = rng.uniform(0.5, 1.6)
            start, end = word_span(speech)
            clip = in_room(speech, lead, 1.2, rng)
            span = (lead + start, lead + end)
        else:
            if kind == "sounds_like":
                words = pool[(i * 3) % len(pool)].split()
                for _ in range(rng.randint(1, 2)):
                    words.insert(rng.randint(0, len(words)), rng.choice(SOUNDS_LIKE))
                text = " ".join(words)
            elif rng.random() < 0.25:
                text = " ".join(rng.sample(SOUNDS_LIKE, rng.randint(1, 4)))
            else:
                text = " ".join(pool[(i * 3) % len(pool) :][: rng.randint(1, 3)])
            speech = speak(text, voice, rate, echo)
            clip = in_room(speech, rng.uniform(0.3, 1.5), rng.uniform(0.5, 1.5), rng)
            span = (-1.0, -1.0)
        out.append((embed(clip), *span))
    return out


def windows(embeddings: np.ndarray, phase: int) -> tuple[np.ndarray, np.ndarray]:
    """Every window the listener reads when it embeds chunks ``phase``, ``phase`` + STRIDE,
    ...: flattened, and when each ends (s)."""
    kept = np.arange(phase, len(embeddings), STRIDE)
    ends = np.arange(WINDOW - 1, len(kept))
    if not len(ends):
        return np.zeros((0, WINDOW * sm.FEATURES), np.float32), ends / 1.0
    picked = embeddings[kept]
    stacked = np.stack([picked[i - WINDOW + 1 : i + 1].ravel() for i in ends])
    return stacked, (kept[ends] + 1) * sm.CHUNK / RATE


def examples(made: list[tuple[np.ndarray, float, float]]) -> tuple[np.ndarray, np.ndarray]:
    stops, others = [], []
    for embeddings, start, end in made:
        for phase in range(STRIDE):
            x, ends = windows(embeddings, phase)
            if start < 0:
                others.append(x)
                continue
            stops.append(x[(ends >= end + STOP_FROM) & (ends <= end + STOP_TO)])
            others.append(x[ends < start + 0.15])  # before the word is heard
    return np.concatenate(stops), np.concatenate(others)


def train(stops: np.ndarray, others: np.ndarray, seed: int = 0) -> dict[str, np.ndarray]:
    """Adam on weighted cross-entropy (the two classes weigh the same in all)."""
    rng = np.random.default_rng(seed)
    x_all = np.concatenate([stops, others]).astype(np.float32)
    y_all = np.concatenate([np.ones(len(stops)), np.zeros(len(others))]).astype(np.float32)
    weight = np.where(y_all == 1, len(others) / len(stops), 1.0).astype(np.float32)
    mu, sd = x_all.mean(axis=0), x_all.std(axis=0) + 1e-3
    x_all = (x_all - mu) / sd
    sizes = (x_all.shape[1], HIDDEN, HIDDEN, 1)
    params: dict[str, Any] = {}
    for i in range(3):
        scale = np.sqrt((2 if i < 2 else 1) / sizes[i])
        params[f"W{i + 1}"] = (rng.standard_normal(sizes[i : i + 2]) * scale).astype(np.float32)
        params[f"b{i + 1}"] = np.zeros(sizes[i + 1], np.float32)
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(v) for k, v in params.items()}
    step, batch, rate = 0, 256, 1e-3
    for epoch in range(EPOCHS):
        order, total = rng.permutation(len(x_all)), 0.0
        for s in range(0, len(order), batch):
            i = order[s : s + batch]
            x, y, w = x_all[i], y_all[i], weight[i]
            h1 = np.maximum(0, x @ params["W1"] + params["b1"])
            h2 = np.maximum(0, h1 @ params["W2"] + params["b2"])
            p = 1 / (1 + np.exp(-np.clip((h2 @ params["W3"] + params["b3"])[:, 0], -30, 30)))
            total += float(np.sum(w * -(y * np.log(p + 1e-7) + (1 - y) * np.log(1 - p + 1e-7))))
            dz = (w * (p - y) / len(i))[:, None]
            grads = {"W3": h2.T @ dz, "b3": dz.sum(axis=0)}
            d2 = (dz @ params["W3"].T) * (h2 > 0)
            grads["W2"], grads["b2"] = h1.T @ d2, d2.sum(axis=0)
            d1 = (d2 @ params["W2"].T) * (h1 > 0)
            grads["W1"], grads["b1"] = x.T @ d1, d1.sum(axis=0)
            step += 1
            for k in params:
                g = grads[k] + (1e-4 * params[k] if k.startswith("W") else 0)
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g**2
                rms = np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8
                params[k] -= rate * (m[k] / (1 - 0.9**step)) / rms
        print(f"  epoch {epoch + 1}/{EPOCHS}: loss {total / len(x_all):.4f}", flush=True)
    params["mu"], params["sd"] = mu.astype(np.float32), sd.astype(np.float32)
    params["stride"] = np.array(STRIDE)
    return params


def scores(head: sm.Head, embeddings: np.ndarray, phase: int) -> list[tuple[float, float]]:
    x, ends = windows(embeddings, phase)
    return [(head.score(w), float(e)) for w, e in zip(x, ends, strict=True)]


def detections(scored: list[tuple[float, float]], threshold: float, in_a_row: int) -> int:
    """How many stops the ModelSpotter's rule finds in a clip's scored windows."""
    found, run, quiet = 0, 0, -1.0
    for score, end in scored:
        run = run + 1 if score >= threshold else 0
        if run >= in_a_row and end >= quiet:
            found, quiet, run = found + 1, end + sm.REFRACTORY, 0
    return found


def choose(path: Path, held: dict[str, list[Any]]) -> None:
    head = sm.Head(path)
    scored = [
        ([scores(head, e, phase) for e, _, _ in held["positive"]],
         [scores(head, e, phase) for e, _, _ in held["docstrings"]])
        for phase in range(STRIDE)
    ]  # fmt: skip
    print("held out (threshold, windows in a row: stops heard, false stops; at each phase):")
    for threshold in (0.5, 0.9, 0.97, 0.99, 0.995):
        for in_a_row in (1, 2, 3):
            found = []
            for stops, talk in scored:
                heard = sum(detections(s, threshold, in_a_row) > 0 for s in stops)
                false = sum(detections(s, threshold, in_a_row) for s in talk)
                found.append(f"{heard}/{len(held['positive'])}, {false} false")
            print(f"  {threshold:g} x{in_a_row}: " + " | ".join(found))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "voice" / "stop-head.npz")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "backtimer-voice-train"
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    jobs = [j for j in TRAIN + HELD_OUT if not (args.cache / f"{j[0]}-{j[2]}.pkl").exists()]
    with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
        for job, made in zip(jobs, pool.imap(make, jobs), strict=True):
            (args.cache / f"{job[0]}-{job[2]}.pkl").write_bytes(pickle.dumps(made))
            print(f"made {job[1]} {job[0]} clips (seed {job[2]})", flush=True)

    def load(job: tuple[str, int, int]) -> list[Any]:
        made: list[Any] = pickle.loads((args.cache / f"{job[0]}-{job[2]}.pkl").read_bytes())
        return made

    made = [clip for job in TRAIN for clip in load(job)]
    stops, others = examples(made)
    print(f"training on {len(stops)} 'stop' windows and {len(others)} others", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **train(stops, others))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    choose(args.out, {job[0]: load(job) for job in HELD_OUT})
    return 0


if __name__ == "__main__":
    sys.exit(main())
