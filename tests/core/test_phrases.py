"""What the voice says for each cue."""

from __future__ import annotations

from backtimer.core.routine import Exercise, Routine, Side, Sides, Step
from backtimer.core.session.cue_schedule import START_CUES
from backtimer.core.session.events import Cue
from backtimer.core.session.phrases import Announcements, cue_phrases, session_utterances
from backtimer.core.session.timeline import PhaseKind, build_phases, exercise_phases


def _routine() -> Routine:
    ex = Exercise(
        id="ham", name="Hamstring stretch", muscle_group="hamstrings",
        steps=(Step("Place your {side} foot on the chair"), Step("Lean forward.")),
        hold=25, gentle_hold=15, reps=1, rest=10, prepare=8, sides=Sides.BOTH,
    )  # fmt: skip
    return Routine(id="r", name="R", exercises=(ex,))


def _phase(kind: PhaseKind, side: Side | None = Side.RIGHT):
    return next(p for p in exercise_phases(_routine(), 0) if p.kind is kind and p.side is side)


def test_prepare_says_name_side_and_each_step_for_that_side() -> None:
    """Prepare reads the exercise name, "Right side.", then every step with its side filled in."""
    assert cue_phrases(Cue.PREPARE_START, _phase(PhaseKind.PREPARE)) == (
        "Hamstring stretch.",
        "Right side.",
        "Place your right foot on the chair.",
        "Lean forward.",
    )


def test_switch_names_the_side_to_switch_to() -> None:
    """Switching says which side comes next."""
    switch = _phase(PhaseKind.SWITCH, Side.LEFT)
    assert cue_phrases(Cue.SWITCH_SIDES, switch) == ("Switch to the left side.",)


def test_fixed_words_for_hold_rest_release_and_done() -> None:
    """Hold, rest, release and done have short fixed words; 3-2-1 are beeps only."""
    hold = _phase(PhaseKind.HOLD)
    assert cue_phrases(Cue.HOLD_START, hold) == ("Hold.",)
    assert cue_phrases(Cue.RELEASE, hold) == ("Release.",)
    assert cue_phrases(Cue.REST_START, hold) == ("Rest.",)
    assert cue_phrases(Cue.SESSION_DONE, hold) == ("Well done.",)
    assert cue_phrases(Cue.COUNT_3, hold) == ()


def test_optional_announcements_follow_the_settings() -> None:
    """ "Ten seconds left" and "Halfway" are said only when switched on."""
    hold = _phase(PhaseKind.HOLD)
    assert cue_phrases(Cue.TEN_LEFT, hold, Announcements(ten_left=True)) == ("Ten seconds left.",)
    assert cue_phrases(Cue.TEN_LEFT, hold, Announcements(ten_left=False)) == ()
    assert cue_phrases(Cue.HALFWAY, hold, Announcements(halfway=True)) == ("Halfway.",)
    assert cue_phrases(Cue.HALFWAY, hold, Announcements(halfway=False)) == ()


def test_session_utterances_cover_every_phase_start_once() -> None:
    """Rendering ahead asks for every phase's opening words, each distinct text once."""
    phases = build_phases(_routine())
    texts = session_utterances(phases)
    assert len(texts) == len(set(texts))
    assert texts[0] == "Get ready."
    assert (
        "Hamstring stretch. Right side. Place your right foot on the chair. Lean forward." in texts
    )
    assert "Switch to the left side." in texts
    assert "Well done." in texts
    assert set(START_CUES) == set(PhaseKind)
