"""What the voice says for each cue."""

from __future__ import annotations

from backtimer.core.routine import Exercise, Movement, Routine, Side, Sides, Step
from backtimer.core.session.cue_schedule import START_CUES
from backtimer.core.session.events import Cue
from backtimer.core.session.phrases import (
    Announcements,
    cue_phrases,
    session_utterances,
    utterance,
)
from backtimer.core.session.timeline import Phase, PhaseKind, build_phases, exercise_phases


def _routine() -> Routine:
    ex = Exercise(
        id="ham", name="Hamstring stretch", muscle_group="hamstrings",
        steps=(Step("Place your {side} foot on the chair"), Step("Lean forward.")),
        hold=25, gentle_hold=15, reps=1, rest=10, prepare=8, sides=Sides.BOTH,
    )  # fmt: skip
    return Routine(id="r", name="R", exercises=(ex,))


def _two_reps(sides: Sides = Sides.BOTH) -> Routine:
    """Two reps of a stretch, then a second exercise (so a rest leads to it)."""
    ex = Exercise(
        id="ham", name="Hamstring stretch", muscle_group="hamstrings",
        steps=(Step("Lean forward."),), hold=25, gentle_hold=15, reps=2, rest=10,
        prepare=8, sides=sides,
    )  # fmt: skip
    nxt = Exercise(
        id="pir", name="Piriformis stretch.", muscle_group="piriformis",
        steps=(Step("Lie down."),), hold=25, gentle_hold=15, reps=1, rest=10, prepare=8,
        sides=Sides.BOTH,
    )  # fmt: skip
    warm = Movement(id="march", name="Marching on the spot", duration=60,
                    steps=(Step("March gently."),))  # fmt: skip
    return Routine(id="r", name="R", warmup=(warm,), exercises=(ex, nxt), cooldown=(warm,))


def _said(phases: list[Phase], kind: PhaseKind, cue: Cue) -> list[str]:
    """What ``cue`` says in each phase of ``kind``, each with the phase after it."""
    return [
        utterance(cue, p, Announcements(), phases[i + 1] if i + 1 < len(phases) else None)
        for i, p in enumerate(phases)
        if p.kind is kind
    ]


def test_a_rest_says_what_comes_next() -> None:
    """Between reps a rest names the next rep (and the last one as the last) and its
    side; after the last rep it names the next exercise."""
    phases = build_phases(_two_reps())
    assert _said(phases, PhaseKind.REST, Cue.REST_START) == [
        "Rest. Next: the last rep, right side.",
        "Rest. Next: Piriformis stretch.",
    ]
    three = Exercise(
        id="sq", name="Squeeze", muscle_group="gluteus", steps=(Step("Squeeze."),),
        hold=20, gentle_hold=10, reps=3, rest=5, prepare=5, sides=Sides.NONE,
    )  # fmt: skip
    one_sided = build_phases(Routine(id="s", name="S", exercises=(three,)))
    assert _said(one_sided, PhaseKind.REST, Cue.REST_START) == [
        "Rest. Next: rep 2 of 3.",
        "Rest. Next: the last rep.",
    ]


def test_the_last_rep_says_so_at_its_first_hold() -> None:
    """“Last rep” is said when the last rep's first hold begins, not at its second side
    nor in earlier reps; an exercise of one rep never says it."""
    phases = build_phases(_two_reps())
    assert _said(phases, PhaseKind.HOLD, Cue.HOLD_START) == [
        "Hold.",  # rep 1, right
        "Hold.",  # rep 1, left
        "Last rep. Hold.",  # rep 2, right
        "Hold.",  # rep 2, left
        "Hold.",  # the one-rep exercise, right
        "Hold.",  # and left
    ]
    one_sided = build_phases(_two_reps(Sides.NONE))
    said = _said(one_sided, PhaseKind.HOLD, Cue.HOLD_START)
    assert said[:2] == ["Hold.", "Last rep. Hold."]


def test_timed_movements_say_halfway_and_ten_left() -> None:
    """Warm-up and cool-down movements say "Halfway." whatever the hold setting, and
    "Ten seconds left." as holds do."""
    march = next(p for p in build_phases(_two_reps()) if p.kind is PhaseKind.WARMUP)
    assert cue_phrases(Cue.HALFWAY, march, Announcements(halfway=False)) == ("Halfway.",)
    assert cue_phrases(Cue.TEN_LEFT, march) == ("Ten seconds left.",)
    assert cue_phrases(Cue.TEN_LEFT, march, Announcements(ten_left=False)) == ()
    texts = session_utterances(build_phases(_two_reps()), Announcements(ten_left=False))
    assert "Halfway." in texts
    assert "Ten seconds left." not in texts


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


def test_switch_names_the_side_to_switch_to_and_the_last_one_says_so() -> None:
    """Switching says which side comes next; in the last rep, that it is the last side."""
    phases = exercise_phases(_two_reps(), 0)
    switches = [p for p in phases if p.kind is PhaseKind.SWITCH]
    assert [cue_phrases(Cue.SWITCH_SIDES, p) for p in switches] == [
        ("Switch to the left side.",),
        ("Switch to the left side. Last side.",),
    ]
    one_rep = _phase(PhaseKind.SWITCH, Side.LEFT)
    assert cue_phrases(Cue.SWITCH_SIDES, one_rep) == ("Switch to the left side. Last side.",)


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
    assert "Switch to the left side. Last side." in texts
    assert "Well done." in texts
    assert set(START_CUES) == set(PhaseKind)
