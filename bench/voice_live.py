"""The live half of bench/voice_stop.py: the real window, listener process and PulseAudio."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import cues as bench_cues
import voice_helpers as vh

LATENCY_TRIES = 22
LIVE_VOICES = ("en-us", "en-gb", "en-gb-scotland", "en-us+f3", "en-029", "en-gb-x-rp")
LIVE_SPEEDS = (120, 150, 180, 220)


def _wait(app: object, done: Callable[[], bool], seconds: float) -> bool:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if done():
            return True
        time.sleep(0.005)
    return done()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _window(silent: bool, folder: Path):  # noqa: ANN202 - a MainWindow, imported late
    from backtimer.core.routine_file.loader import load_builtin
    from backtimer.gui.main_window import MainWindow

    window = MainWindow(load_builtin(), data_folder=folder, silent=silent, listen=True)
    window.show()
    return window


def _resume(window) -> None:  # noqa: ANN001
    from backtimer.core.session.record import PainChoice

    window.parts.pain_panel.choice_made.emit(PainChoice.RESUME, None, "")


def live(folder: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from backtimer.core.session.events import PainStopped
    from backtimer.gui.listen.listener import State

    print("== live (real window, listener process, PulseAudio; real time)")
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("BackTimerBench")
    data = Path(tempfile.mkdtemp(prefix="backtimer-voice-live-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(data))
    QSettings().setValue("safety_note_seen", True)
    window = _window(True, data / "history")
    window.start_session()
    listener = window.voice_stop.listener
    started = time.monotonic()
    if not _wait(app, lambda: listener.state is State.LISTENING, 30):
        print(f"  the listener did not start: {listener.problem}")
        return
    print(f"  microphone open and recogniser loaded in {time.monotonic() - started:.2f} s")
    pid = listener._process.processId()  # noqa: SLF001 - the bench reads the child's CPU
    stops: list[float] = []

    def on_event(event: object) -> None:
        if isinstance(event, PainStopped):
            stops.append(time.monotonic())

    window.session.happened.connect(on_event)
    recorder = bench_cues.Recorder()
    recorder.start()
    _wait(app, lambda: recorder.has_data, 10)
    cpu0, wall0 = _cpu_seconds(pid), time.monotonic()

    latencies: list[float] = []
    missed = 0
    for n in range(LATENCY_TRIES):
        voice = LIVE_VOICES[n % 3]
        path = vh.say("stop!", folder / vh.file_name("live", voice), voice=voice)
        before = len(stops)
        player = vh.play(path)
        heard = _wait(app, lambda b=before: len(stops) > b, vh.wav_seconds(path) + 3)
        player.wait(timeout=5)
        if heard:
            end = recorder.last_sound_before(stops[-1])
            if end is not None:
                latencies.append(stops[-1] - end)
            _resume(window)
        else:
            missed += 1
        _wait(app, lambda: False, 1.3)  # past the listener's refractory second
    if latencies:
        print(f"  latency, end of 'stop' to frozen countdown, {len(latencies)} tries "
              f"({missed} not heard): median {statistics.median(latencies) * 1000:.0f} ms, "
              f"max {max(latencies) * 1000:.0f} ms")  # fmt: skip

    heard_count = total = stray = 0
    # The room: pink noise about 15 dB under the speech all along, words with and without echo
    counted = len(stops)
    noise = vh.play(vh.room_noise(folder / "room-noise.wav", 600))
    _wait(app, lambda: False, 3)  # the spotter settles on the room
    for vi, voice in enumerate(LIVE_VOICES):
        for si, speed in enumerate(LIVE_SPEEDS):
            room = ("clean", "reverb")[(vi + si) % 2]
            phrase = ("stop", "stop!", "stop, stop")[(vi * 4 + si) % 3]
            path = vh.say(phrase, folder / vh.file_name("livedet", voice, speed, room, phrase),
                          voice=voice, rate=speed, room=room)  # fmt: skip
            stray += len(stops) - counted  # stopped in the noise alone, between words
            if window.session.in_pain:
                _resume(window)  # a stray stop must not hide the next word
            before = len(stops)
            player = vh.play(path)
            heard = _wait(app, lambda b=before: len(stops) > b, vh.wav_seconds(path) + 3)
            player.wait(timeout=5)
            total += 1
            heard_count += heard
            if heard:
                _resume(window)
            _wait(app, lambda: False, 1.3)
            counted = len(stops)
    noise.kill()
    wall, cpu = time.monotonic() - wall0, _cpu_seconds(pid) - cpu0
    print(f"  detection live: {heard_count}/{total} = {heard_count / total:.0%} "
          f"({len(LIVE_VOICES)} voices x speeds 120-220, room noise, half with echo); "
          f"{stray} stray stops in the noise between words")  # fmt: skip
    print(f"  listener CPU while listening (speech playing most of the time): "
          f"{cpu / wall:.1%} of a core over {wall:.0f} s")  # fmt: skip
    recorder.stop()
    window.close()
    _own_phrases_live(app, data)


def _own_phrases_live(app: object, data: Path) -> None:
    from backtimer.core.session.cue_schedule import START_CUES
    from backtimer.core.session.events import CueDue, PainStopped
    from backtimer.core.session.timeline import PhaseKind
    from backtimer.gui.listen.listener import State

    window = _window(False, data / "history2")
    window.start_session()
    listener = window.voice_stop.listener
    if not _wait(app, lambda: listener.state is State.LISTENING, 30):
        print(f"  the listener did not start: {listener.problem}")
        return
    if not _wait(app, lambda: not window.cues._awaited, 30):  # noqa: SLF001
        print("  the voice did not render")
    stops: list[object] = []

    def on_event(event: object) -> None:
        if isinstance(event, PainStopped):
            stops.append(event)

    window.session.happened.connect(on_event)
    said: list[float] = []

    def on_sound(text: str, seconds: float) -> None:
        if text:
            said.append(seconds)

    window.cues.own_sound.connect(on_sound)
    cues = window.cues
    session = window.session
    pid = listener._process.processId()  # noqa: SLF001 - the bench reads the child's CPU
    cpu0, started = _cpu_seconds(pid), time.monotonic()
    count = 0
    for index, phase in enumerate(session.phases):
        if phase.kind is PhaseKind.LEAD_IN:
            continue
        inner = (
            ("HOLD_START", "HALFWAY", "TEN_LEFT", "RELEASE") if phase.kind is PhaseKind.HOLD else ()
        )
        from backtimer.core.session.events import Cue

        for cue in (START_CUES[phase.kind], *(Cue[name] for name in inner)):
            before = len(said)
            cues.on_event(CueDue(cue, index, phase, 1e6 + 10 * count))
            count += 1
            if _wait(app, lambda b=before: len(said) > b, 3):
                _wait(app, lambda: False, said[-1] + 0.7)
    seconds, cpu = time.monotonic() - started, _cpu_seconds(pid) - cpu0
    print(f"  own phrases live: {len(said)} utterances of the built-in routine said into the "
          f"microphone over {seconds:.0f} s: {len(stops)} false stops; listener CPU "
          f"{cpu / seconds:.1%} of a core")  # fmt: skip
    window.close()
