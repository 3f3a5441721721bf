"""Voice stop on a real sound server: a microphone that hears the null sink, and speech
made with espeak-ng (optionally in a noisy, echoing room made with sox), played into it.

Shared by bench/voice_stop.py and tests/gui/test_voice_stop.py. Qt does not list a sink's
monitor as an input, so the monitor is remapped to an ordinary source, ``ci_mic``: what
the program (or espeak-ng, standing in for a person) plays into the sink, the listener
hears, with PulseAudio's real latency on both sides.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import wave
from pathlib import Path

MIC = "ci_mic"


def _pactl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10)


def microphone_problem() -> str | None:
    """Why voice stop cannot be tried here (None when it can), after making sure the
    sink's monitor is the default microphone."""
    for tool in ("pactl", "paplay", "espeak-ng", "sox"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    if importlib.util.find_spec("pocketsphinx") is None:
        return "pocketsphinx is not installed (pip install -e '.[voice]')"
    info = _pactl("info")
    if info.returncode != 0:
        return "no PulseAudio server is running"
    sink = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in info.stdout.splitlines()
            if ln.startswith("Default Sink:")
        ),
        "",
    )
    if not sink:
        return "PulseAudio has no default sink"
    if MIC not in _pactl("list", "short", "sources").stdout.split():
        done = _pactl(
            "load-module", "module-remap-source", f"master={sink}.monitor",
            f"source_name={MIC}", "source_properties=device.description=Null-sink-microphone",
        )  # fmt: skip
        if done.returncode != 0:
            return f"could not make a microphone of {sink}.monitor: {done.stderr.strip()}"
    _pactl("set-default-source", MIC)
    return None


def say(
    text: str,
    path: Path,
    *,
    voice: str = "en-us",
    rate: int = 150,
    room: str = "clean",
    lead: float = 0.3,
    tail: float = 0.5,
) -> Path:
    """``text`` spoken into a 16 kHz mono WAV at ``path`` (made once). ``room``: "clean";
    "noise" (pink noise about 15 dB under the speech); "room" (a small room's echo, then
    that noise); "reverb" (the echo alone, to say over :func:`room_noise`)."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    raw, speech, noise = (path.with_suffix(f".{n}.wav") for n in ("raw", "speech", "noise"))
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(raw)], input=text.encode(), check=True
    )
    echo = {"room": ["reverb", "20", "50", "30"], "reverb": ["reverb", "20", "50", "30"]}
    effects = ["pad", str(lead), str(tail), *echo.get(room, []), "norm", "-3"]
    subprocess.run(
        ["sox", "-V1", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(speech), *effects],
        check=True,
    )
    if room in ("clean", "reverb"):
        speech.replace(path)
    else:
        seconds = wav_seconds(speech)
        subprocess.run(
            ["sox", "-V1", "-n", "-r", "16000", "-c", "1", "-b", "16", str(noise), "synth",
             f"{seconds}", "pinknoise", "vol", "-18dB"],
            check=True,
        )  # fmt: skip
        subprocess.run(["sox", "-V1", "-m", str(speech), str(noise), str(path)], check=True)
    for f in (raw, speech, noise):
        f.unlink(missing_ok=True)
    return path


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def pcm(path: Path) -> bytes:
    with wave.open(str(path)) as w:
        return w.readframes(w.getnframes())


def play(path: Path) -> subprocess.Popen[bytes]:
    """Start playing ``path`` into the default sink (returns at once)."""
    return subprocess.Popen(["paplay", str(path)], stderr=subprocess.DEVNULL)


def file_name(*parts: object) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", "_".join(str(p) for p in parts)).strip("_") + ".wav"


def room_noise(path: Path, seconds: float) -> Path:
    """Pink noise at the level :func:`say` mixes in, to play all along (a room is never
    digitally silent, and noise that starts with each word is no room)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["sox", "-V1", "-n", "-r", "16000", "-c", "1", "-b", "16", str(path), "synth",
             f"{seconds}", "pinknoise", "vol", "-18dB"],
            check=True,
        )  # fmt: skip
    return path
