"""Cues heard on a real PulseAudio server: recorded from the sink's monitor with parec."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core.routine import Exercise, Routine, Side, Sides, Step
from backtimer.core.session.events import Cue, CueDue, PainStopped
from backtimer.core.session.record import PainRecord
from backtimer.core.session.timeline import PhaseKind, exercise_phases
from backtimer.gui.sound.choice import make_players
from backtimer.gui.sound.director import CueDirector
from backtimer.gui.sound.settings import SoundSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import cues as bench  # noqa: E402  (bench/cues.py: the recorder shared with the benchmark)

pytestmark = pytest.mark.sound
TOLERANCE = 0.15  #: seconds: generous; bench/cues.py measures the real figures


@pytest.fixture
def pulse() -> None:
    """A running PulseAudio server, else skip (fail when CI=true)."""
    problem = bench.pulse_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs a sound server: {problem}")
        pytest.skip(problem)


@pytest.fixture
def recorder(pulse: None, qtbot) -> Iterator[bench.Recorder]:
    rec = bench.Recorder()
    rec.start()
    qtbot.waitUntil(lambda: rec.has_data, timeout=10_000)
    yield rec
    rec.stop()


def _routine() -> Routine:
    ex = Exercise(
        id="reach",
        name="Reach stretch",
        muscle_group="upper_back",
        steps=(Step("Lift your {side} arm."),),
        hold=6,
        gentle_hold=5,
        reps=1,
        rest=3,
        prepare=4,
        sides=Sides.BOTH,
    )
    return Routine(id="t", name="Test", exercises=(ex,))


@pytest.fixture
def director(pulse: None, qtbot, tmp_path: Path) -> Iterator[CueDirector]:
    settings = SoundSettings(volume=1.0)
    routine = _routine()
    d = CueDirector(routine, settings, players=make_players(settings, speech_folder=tmp_path))
    assert d.problems == []
    with qtbot.waitSignal(d.speech_ready, timeout=10_000):
        d.prepare_session(exercise_phases(routine, 0))
    qtbot.waitUntil(lambda: all(d.speech_seconds(p) is not None for p in _phases()))
    _wait_ready(qtbot, d)
    yield d
    d.shutdown()


def _wait_ready(qtbot, director: CueDirector) -> None:
    """Until the player process is up: on a loaded machine its start (Python and Qt,
    about 0.2 s of CPU) can take longer than a test's first cue is due, and a cue asked
    for while it starts sounds late by design (test_first_beep_of_a_new_player... covers
    that case)."""
    from backtimer.gui.sound.output import State

    qtbot.waitUntil(
        lambda: director.output is not None and director.output.state is State.READY,
        timeout=10_000,
    )


def _phases():
    return exercise_phases(_routine(), 0)


def _run(qtbot, steps) -> None:
    runner = bench.make_script_runner()(steps)
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        runner.start()


def _cue(director: CueDirector, cue: Cue, kind: PhaseKind, side: Side | None = Side.RIGHT):
    phase = next(p for p in _phases() if p.kind is kind and p.side in (side, None))
    return lambda at: director.on_event(CueDue(cue, 0, phase, at))


def test_beeps_sound_in_order_at_their_moments(qtbot, recorder, director) -> None:
    """Each beep of a hold (start, 3-2-1, release) starts when it is due, nothing between."""
    plan = [
        (0.5, _cue(director, Cue.HOLD_START, PhaseKind.HOLD)),
        (3.0, _cue(director, Cue.COUNT_3, PhaseKind.HOLD)),
        (4.0, _cue(director, Cue.COUNT_2, PhaseKind.HOLD)),
        (5.0, _cue(director, Cue.COUNT_1, PhaseKind.HOLD)),
        (6.0, _cue(director, Cue.RELEASE, PhaseKind.HOLD)),
        (8.5, lambda at: None),
    ]
    due: list[float] = []
    steps = [(t, lambda at, f=f: (due.append(at), f(at))) for t, f in plan[:-1]] + plan[-1:]
    _run(qtbot, steps)
    onsets = recorder.onsets()
    heard = [bench.nearest(onsets, t) for t in due]
    offset = sorted(h - t for h, t in zip(heard, due, strict=True))[len(due) // 2]
    late = [round(h - t - offset, 3) for h, t in zip(heard, due, strict=True)]
    assert all(abs(x) <= TOLERANCE for x in late), (late, offset)
    assert heard == sorted(heard)
    assert 0 <= offset < 0.3, "the sound reaches the sink within 300 ms of being due"
    # "Hold." follows the hold beep; "Release." follows the release beep.
    assert recorder.sounding(due[0], due[1] - 0.1) > 0.5
    assert recorder.sounding(due[4] + offset + 0.6, due[4] + offset + 2.0) > 0.2


def test_prepare_reads_the_exercise_before_the_hold(qtbot, recorder, director) -> None:
    """Prepare says the name, side and steps after its beep, and they end before the hold."""
    prepare = next(p for p in _phases() if p.kind is PhaseKind.PREPARE)
    said = director.speech_seconds(prepare)
    assert said is not None
    assert said > 1.5, "name, side and step take seconds to say"
    marks: list[float] = []
    _run(
        qtbot,
        [
            (
                0.3,
                lambda at: (
                    marks.append(at),
                    _cue(director, Cue.PREPARE_START, PhaseKind.PREPARE)(at),
                ),
            ),
            (0.3 + said + 0.6, lambda at: marks.append(at)),
        ],
    )
    start, end = marks
    assert recorder.sounding(start, start + said) > said * 0.5, "words fill the prepare phase"
    last = recorder.last_sound_before(end + 0.5)
    assert last is not None
    assert last <= start + said + 0.3, "the words are over when speech_seconds says"


def _two_exercises() -> Routine:
    second = Exercise(
        id="twist", name="Piriformis stretch", muscle_group="piriformis",
        steps=(Step("Lie on your back."),), hold=6, gentle_hold=5, reps=1, rest=3,
        prepare=4, sides=Sides.NONE,
    )  # fmt: skip
    return Routine(id="t2", name="Test", exercises=(_routine().exercises[0], second))


def test_a_rest_names_what_comes_next_and_ends_after_the_name(
    qtbot, recorder, pulse, tmp_path
) -> None:
    """A hold ends into a rest: "Release." and "Rest. Next: Piriformis stretch." are said
    after the release beep, and are over when speech_seconds (what the rest is fitted
    to) says, so the beep that ends the rest never cuts the name off."""
    from backtimer.core.session.timeline import build_phases

    settings = SoundSettings(volume=1.0)
    routine = _two_exercises()
    d = CueDirector(routine, settings, players=make_players(settings, speech_folder=tmp_path))
    phases = build_phases(routine)
    with qtbot.waitSignal(d.speech_ready, timeout=10_000):
        d.prepare_session(phases)
    i = next(i for i, p in enumerate(phases) if p.kind is PhaseKind.REST)
    hold, rest, after = phases[i - 1], phases[i], phases[i + 1]
    assert after.title == "Piriformis stretch"
    qtbot.waitUntil(lambda: d.speech_seconds(rest, after) is not None)
    _wait_ready(qtbot, d)
    said = d.speech_seconds(rest, after)
    assert said is not None
    assert said > 3.0, "release, rest and a name take seconds to say"
    marks: list[float] = []

    def hold_ends(at: float) -> None:
        marks.append(at)
        d.on_event(CueDue(Cue.RELEASE, i - 1, hold, at, rest))
        d.on_event(CueDue(Cue.REST_START, i, rest, at, after))

    try:
        _run(qtbot, [(0.3, hold_ends), (0.3 + said + 0.8, lambda at: marks.append(at))])
    finally:
        d.shutdown()
    start, end = marks
    assert recorder.sounding(start, start + said) > said * 0.5, "words fill the time"
    last = recorder.last_sound_before(end + 0.5)
    assert last is not None
    assert start + said - 0.8 <= last <= start + said + 0.3, "over when speech_seconds says"


def test_pain_stop_silences_voice_and_beeps(qtbot, recorder, director) -> None:
    """After silence() (pain — stop) in mid-sentence, the sink goes quiet and stays quiet."""
    marks: list[float] = []

    def pain(at: float) -> None:
        marks.append(at)
        director.on_event(
            PainStopped(PainRecord(at, "prepare", "reach", "upper_back", Side.RIGHT, 1.0))
        )

    _run(
        qtbot,
        [
            (0.3, _cue(director, Cue.PREPARE_START, PhaseKind.PREPARE)),
            (1.5, pain),
            (3.5, lambda at: None),
        ],
    )
    assert recorder.sounding(0, marks[0]) > 0.5, "the voice was speaking"
    assert recorder.sounding(marks[0] + TOLERANCE + 0.2, marks[0] + 2.0) == 0.0


def test_first_beep_of_a_new_player_is_heard_at_once(recorder, qtbot) -> None:
    """A cue asked for while the player process starts sounds as soon as it is ready, and
    a cue once it is ready sounds at once."""
    import time

    from backtimer.gui.sound.beeps import EffectPlayer, beep_files
    from backtimer.gui.sound.output import START_GRACE, State

    player = EffectPlayer(beep_files())
    asked = time.monotonic()
    assert player.play("get_ready")
    with qtbot.waitSignal(player.output.state_changed, timeout=5000):
        pass
    ready = time.monotonic()
    assert player.output.state is State.READY
    qtbot.waitUntil(lambda: bool(recorder.onsets()), timeout=5000)
    assert ready - asked < START_GRACE
    assert recorder.onsets()[0] - ready < TOLERANCE
    marked = len(recorder.onsets())
    qtbot.waitUntil(lambda: recorder.sounding(time.monotonic() - 0.3, time.monotonic()) == 0)
    again = time.monotonic()
    assert player.play("count")
    qtbot.waitUntil(lambda: len(recorder.onsets()) > marked, timeout=5000)
    assert recorder.onsets()[-1] - again < TOLERANCE
    player.shutdown()


def test_many_players_and_stops_leave_the_event_loop_quiet(recorder, qtbot) -> None:
    """Dozens of sounds started, replaced and cut short, on players made and shut down,
    never leave Qt polling a closed socket (which once spun the GUI thread at 100 % CPU;
    qt_log_level_fail turns such a warning into a failure)."""
    from backtimer.gui.sound.beeps import EffectPlayer, beep_files

    for _ in range(5):
        player = EffectPlayer(beep_files())
        for name in ("count", "hold", "release", "get_ready"):
            assert player.play(name)
        player.stop()
        player.shutdown()
    heard = len(recorder.data)
    qtbot.waitUntil(lambda: len(recorder.data) > heard + 32000 // 2, timeout=5000)  # 0.5 s on
