"""The current-step panel: phase, side, instruction as plain text, rep, next, caution."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from backtimer.core.routine import Side, Step
from backtimer.core.routine_file.loader import load_builtin
from backtimer.core.session.timeline import Phase, PhaseKind, build_phases
from backtimer.gui.stage.current_step import CurrentStepPanel


def _phases() -> list[Phase]:
    return build_phases(load_builtin())


def _first(kind: PhaseKind, side: Side | None = None) -> int:
    return next(i for i, p in enumerate(_phases()) if p.kind is kind and p.side is side)


def _panel(qtbot) -> CurrentStepPanel:
    panel = CurrentStepPanel(load_builtin())
    qtbot.addWidget(panel)
    panel.resize(700, 320)
    return panel


def test_hold_shows_phase_side_and_side_specific_text(qtbot) -> None:
    """A right-side hold says Hold, RIGHT SIDE, and "right" in the instruction."""
    panel, phases = _panel(qtbot), _phases()
    i = _first(PhaseKind.HOLD, Side.RIGHT)
    panel.set_phase(phases[i], phases[i + 1], phases[i].step)
    assert panel.phase_label.text() == "Hold"
    assert "RIGHT SIDE" in panel.side_text()
    assert "right" in panel.instruction_text()
    assert "{side}" not in panel.instruction_text()
    assert panel.next_label.text() == "Next: switch to the left side"


def test_left_side_badge_differs_from_right(qtbot) -> None:
    """LEFT and RIGHT badges have different words and colours."""
    panel, phases = _panel(qtbot), _phases()
    right = _first(PhaseKind.HOLD, Side.RIGHT)
    left = _first(PhaseKind.HOLD, Side.LEFT)
    panel.set_phase(phases[right], None, phases[right].step)
    right_style = panel.side_badge.styleSheet()
    panel.set_phase(phases[left], None, phases[left].step)
    assert "LEFT SIDE" in panel.side_text()
    assert panel.side_badge.styleSheet() != right_style


def test_one_sided_exercise_and_rest_show_no_side(qtbot) -> None:
    """No side badge for a one-sided exercise or a rest."""
    panel, phases = _panel(qtbot), _phases()
    for i in (_first(PhaseKind.HOLD, None), _first(PhaseKind.REST)):
        panel.set_phase(phases[i], None, phases[i].step)
        assert panel.side_text() == ""


def test_reps_and_caution_are_shown(qtbot) -> None:
    """A two-rep exercise says "Rep 1 of 2" and its caution line."""
    panel, phases = _panel(qtbot), _phases()
    i = _first(PhaseKind.HOLD, None)
    panel.set_phase(phases[i], phases[i + 1], phases[i].step)
    assert panel.rep_label.text() == "Rep 1 of 2"
    assert "breath" in panel.caution_label.text()


def test_gentle_badge_follows_the_phase(qtbot) -> None:
    """A gentle phase shows the GENTLE badge; a normal one does not."""
    panel, phases = _panel(qtbot), _phases()
    i = _first(PhaseKind.HOLD, Side.RIGHT)
    panel.set_phase(dataclasses.replace(phases[i], gentle=True), None, phases[i].step)
    assert panel.gentle_badge.isVisibleTo(panel)
    panel.set_phase(phases[i], None, phases[i].step)
    assert not panel.gentle_badge.isVisibleTo(panel)


def test_routine_text_is_never_markup(qtbot) -> None:
    """Text like "<b>x</b>" from a routine is shown literally, in plain-text labels."""
    panel = _panel(qtbot)
    phase = Phase(PhaseKind.PREPARE, 10, "<i>Name</i>", steps=(Step("<b>x</b>"),))
    panel.set_phase(phase, None, 0)
    assert panel.instruction_text() == "<b>x</b>"
    assert panel.name_label.text() == "<i>Name</i>"
    for label in (panel.instruction, panel.name_label, panel.caution_label, panel.next_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_prepare_progress_steps_through_instructions(qtbot) -> None:
    """During "get into position" the instruction moves on step by step as time passes."""
    panel, phases = _panel(qtbot), _phases()
    i = _first(PhaseKind.PREPARE, Side.RIGHT)
    phase = phases[i]
    panel.set_phase(phase, None, 0)
    first = panel.instruction_text()
    panel.set_prepare_progress(phase.seconds * 0.99, phase)
    assert panel.instruction_text() != first
    assert panel.step_count_label.text() == f"step {len(phase.steps)} of {len(phase.steps)}"


# The offscreen platform warns when a shown window's size hints change; nothing is wrong.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_instruction_font_grows_with_the_panel(qtbot) -> None:
    """A taller panel gets larger instruction type."""
    panel, phases = _panel(qtbot), _phases()
    i = _first(PhaseKind.HOLD, Side.RIGHT)
    panel.set_phase(phases[i], None, phases[i].step)
    panel.show()
    panel.resize(700, 220)
    small = panel.instruction.font().pixelSize()
    panel.resize(1000, 500)
    assert panel.instruction.font().pixelSize() > small


def test_distance_mode_keeps_only_phase_and_side(qtbot) -> None:
    """In distance mode the instruction and next line are hidden; phase and side stay."""
    panel, phases = _panel(qtbot), _phases()
    i = _first(PhaseKind.HOLD, Side.LEFT)
    panel.set_phase(phases[i], phases[i + 1], phases[i].step)
    panel.set_distance_mode(True)
    assert not panel.instruction.isVisibleTo(panel)
    assert not panel.next_label.isVisibleTo(panel)
    assert panel.phase_label.isVisibleTo(panel)
    assert "LEFT SIDE" in panel.side_text()


def test_idle_shows_how_to_start(qtbot) -> None:
    """Before a session the panel says how to begin and what comes first."""
    panel, phases = _panel(qtbot), _phases()
    panel.set_idle(load_builtin(), phases[1])
    assert "Start" in panel.instruction_text()
    assert panel.next_label.text().startswith("First:")


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("width", [540, 700, 1000])
@pytest.mark.parametrize("kind", [PhaseKind.PREPARE, PhaseKind.SWITCH])
def test_the_top_row_with_a_side_and_reps_is_never_cut_off(qtbot, width: int, kind) -> None:
    """ "Get into position" (or "Switch sides"), the side badge and "Rep 1 of 2" all show
    whole, side by side, at the widths the panel has in 1024-1280 px windows (the side
    badge was clipped to "HT SID")."""
    routine = load_builtin()
    exercise = dataclasses.replace(routine.exercises[1], reps=2)
    phases = build_phases(dataclasses.replace(routine, exercises=(exercise,)))
    phase = next(p for p in phases if p.kind is kind and p.side is not None)
    panel = CurrentStepPanel(routine)
    qtbot.addWidget(panel)
    panel.resize(width, 300)
    panel.show()
    panel.set_phase(phase, None, 0)
    qtbot.waitUntil(lambda: panel.side_badge.width() > 1)
    assert panel.rep_label.text()
    labels = (panel.phase_label, panel.side_badge, panel.rep_label, panel.name_label)
    for label in labels[:3]:
        assert label.width() >= label.sizeHint().width(), label.text()
    boxes = [label.geometry() for label in labels]
    assert all(a.right() <= panel.width() for a in boxes)
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
