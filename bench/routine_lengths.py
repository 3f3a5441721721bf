"""How long each built-in routine runs: ``python bench/routine_lengths.py``.

For every routine in ``resources/routines/`` prints the length the planner gives before a
session starts (what the window shows as "about N min"), and the length with the voice on:
each spoken phase's words rendered by espeak-ng with the default voice and speed, plus its
beep, fed to the same planner exactly as a running session feeds it (a phase grows to fit
its words). Needs espeak-ng for the second column.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from backtimer.core.routine import Routine
from backtimer.core.routine_file.loader import builtin_pose_names, load_routine
from backtimer.core.session.cue_schedule import START_CUES
from backtimer.core.session.phrases import utterance
from backtimer.core.session.plan import plan_session
from backtimer.core.session.retime import SPOKEN_KINDS, SpeechKey, speech_key
from backtimer.gui.sound.director import BEEP_GAP, BEEPS
from backtimer.gui.sound.pcm import wav_seconds
from backtimer.gui.sound.settings import DEFAULT_RATE, DEFAULT_VOICE
from backtimer.gui.sound.voice import espeak_command
from backtimer.resources import resource_path


def _said(espeak: str, text: str, folder: Path, cache: dict[str, float]) -> float:
    if text not in cache:
        out = folder / f"{len(cache)}.wav"
        argv = [
            out.as_posix() if c == "{out}" else c
            for c in espeak_command(espeak, DEFAULT_VOICE, DEFAULT_RATE)
        ]
        subprocess.run(argv, input=text.encode(), check=True, capture_output=True, timeout=30)
        cache[text] = wav_seconds(out)
    return cache[text]


def spoken_seconds(routine: Routine, espeak: str, folder: Path) -> dict[SpeechKey, float]:
    """What the sound director would tell the engine: beep, gap and words per phase."""
    cache: dict[str, float] = {}
    out: dict[SpeechKey, float] = {}
    for phase in plan_session(routine):
        if phase.kind not in SPOKEN_KINDS:
            continue
        cue = START_CUES[phase.kind]
        beep = wav_seconds(resource_path("sounds", f"{BEEPS[cue]}.wav")) if cue in BEEPS else 0.0
        text = utterance(cue, phase)
        words = _said(espeak, text, folder, cache) if text else 0.0
        out[speech_key(phase)] = beep + (BEEP_GAP if beep and words else 0.0) + words
    return out


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{round(seconds % 60):02d}"


def main() -> None:
    espeak = shutil.which("espeak-ng")
    voice = f"espeak-ng {DEFAULT_VOICE}, {DEFAULT_RATE} wpm"
    print(f"{'routine':22} {'planned':>8} {'with voice':>11}   ({voice})")
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(resource_path("routines").glob("*.yaml")):
            routine = load_routine(path, known_poses=builtin_pose_names()).routine
            if routine is None:
                print(f"{path.stem:22} does not load")
                continue
            planned = sum(p.seconds for p in plan_session(routine))
            voiced = "-"
            if espeak:
                spoken = spoken_seconds(routine, espeak, Path(tmp))
                total = sum(p.seconds for p in plan_session(routine, spoken=spoken))
                voiced = _clock(total)
            print(f"{path.stem:22} {_clock(planned):>8} {voiced:>11}")


if __name__ == "__main__":
    main()
