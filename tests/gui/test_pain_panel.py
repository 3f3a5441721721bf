"""The pain panel: four choices by click or key, an optional 0-10 rating and a note."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from backtimer.core.session.record import PainChoice
from backtimer.gui.stage.pain_panel import ADVICE, PainPanel

# The offscreen platform warns when a shown window's size hints change; nothing is wrong.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def panel(qtbot) -> PainPanel:
    p = PainPanel()
    qtbot.addWidget(p)
    p.resize(1000, 600)
    return p


def test_panel_says_stopped_and_gives_the_advice(panel: PainPanel) -> None:
    """The heading is "Stopped." and the medical advice is on screen."""
    assert panel.heading.text() == "Stopped."
    assert panel.advice.text() == ADVICE
    assert "consult your medical provider" in ADVICE


@pytest.mark.parametrize(
    ("key", "choice"),
    [
        (Qt.Key.Key_E, PainChoice.END),
        (Qt.Key.Key_G, PainChoice.GENTLER),
        (Qt.Key.Key_S, PainChoice.SKIP),
        (Qt.Key.Key_R, PainChoice.RESUME),
    ],
)
def test_keys_choose(qtbot, panel: PainPanel, key: Qt.Key, choice: PainChoice) -> None:
    """E, G, S and R each make their choice, with no rating and no note by default."""
    with qtbot.waitSignal(panel.choice_made) as blocker:
        qtbot.keyClick(panel, key)
    assert blocker.args == [choice, None, ""]


@pytest.mark.parametrize("choice", list(PainChoice))
def test_buttons_choose(qtbot, panel: PainPanel, choice: PainChoice) -> None:
    """Each big button makes its choice."""
    with qtbot.waitSignal(panel.choice_made) as blocker:
        qtbot.mouseClick(panel.buttons[choice], Qt.MouseButton.LeftButton)
    assert blocker.args[0] is choice


def test_buttons_show_their_keys(panel: PainPanel) -> None:
    """Every button's label names its key."""
    labels = {c: b.text() for c, b in panel.buttons.items()}
    assert "[E]" in labels[PainChoice.END]
    assert "End session" in labels[PainChoice.END]
    assert "[G]" in labels[PainChoice.GENTLER]
    assert "[S]" in labels[PainChoice.SKIP]
    assert "[R]" in labels[PainChoice.RESUME]


def test_rating_and_note_travel_with_the_choice(qtbot, panel: PainPanel) -> None:
    """A chosen rating of 6 and a typed note arrive with the choice."""
    qtbot.mouseClick(panel.rating_buttons[6], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.note, "  sharp, behind the knee ")
    with qtbot.waitSignal(panel.choice_made) as blocker:
        qtbot.mouseClick(panel.buttons[PainChoice.GENTLER], Qt.MouseButton.LeftButton)
    assert blocker.args == [PainChoice.GENTLER, 6, "sharp, behind the knee"]


def test_rating_is_single_and_can_be_taken_back(qtbot, panel: PainPanel) -> None:
    """Only one rating is lit; clicking it again clears it; none is chosen at first."""
    assert panel.rating() is None
    assert not any(b.isChecked() for b in panel.rating_buttons)
    qtbot.mouseClick(panel.rating_buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.rating_buttons[0], Qt.MouseButton.LeftButton)
    assert panel.rating() == 0
    assert [b.isChecked() for b in panel.rating_buttons].count(True) == 1
    qtbot.mouseClick(panel.rating_buttons[0], Qt.MouseButton.LeftButton)
    assert panel.rating() is None


def test_typing_a_note_does_not_choose(qtbot, panel: PainPanel) -> None:
    """Letters typed into the note (even e, g, s, r) are text, not choices."""
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.assertNotEmitted(panel.choice_made):
        qtbot.keyClicks(panel.note, "gres")
    assert panel.note.text() == "gres"


def test_space_does_not_choose(qtbot, panel: PainPanel) -> None:
    """Space on the shown panel makes no choice (buttons never take focus by click)."""
    panel.show()
    qtbot.waitExposed(panel)
    for button in panel.buttons.values():
        qtbot.mousePress(button, Qt.MouseButton.LeftButton)  # pressed, not released
        assert not button.hasFocus()
        qtbot.mouseRelease(
            button,
            Qt.MouseButton.LeftButton,
            pos=button.rect().topLeft() - button.rect().bottomRight(),
        )
    with qtbot.assertNotEmitted(panel.choice_made):
        qtbot.keyClick(panel.focusWidget() or panel, Qt.Key.Key_Space)


def test_reset_clears_rating_note_and_context(qtbot, panel: PainPanel) -> None:
    """After reset the next pain — stop starts blank."""
    qtbot.mouseClick(panel.rating_buttons[8], Qt.MouseButton.LeftButton)
    panel.note.setText("x")
    panel.set_context("Hamstring stretch")
    panel.reset()
    assert (panel.rating(), panel.note.text(), panel.context.text()) == (None, "", "")
    assert not any(b.isChecked() for b in panel.rating_buttons)


def test_anchors_and_eleven_ratings(panel: PainPanel) -> None:
    """The scale runs 0 to 10 with "no pain" and "worst pain" anchors."""
    assert [b.text() for b in panel.rating_buttons] == [str(n) for n in range(11)]
    assert "no pain" in panel.no_pain.text()
    assert "worst pain" in panel.worst.text()


def test_note_is_plain_text(qtbot, panel: PainPanel) -> None:
    """A note with markup comes back exactly as typed."""
    panel.note.setText("<b>x</b>")
    with qtbot.waitSignal(panel.choice_made) as blocker:
        panel.choose(PainChoice.RESUME)
    assert blocker.args[2] == "<b>x</b>"


def test_a_rating_above_the_routines_limit_says_what_the_plan_says(qtbot, panel: PainPanel) -> None:
    """Under "stop if pain is above 3/10", a 5 says so and advises ending or skipping; a 3,
    or no limit at all, keeps the usual advice."""
    panel.set_pain_limit(3)
    qtbot.mouseClick(panel.rating_buttons[5], Qt.MouseButton.LeftButton)
    assert "above 3/10" in panel.advice.text()
    qtbot.mouseClick(panel.rating_buttons[3], Qt.MouseButton.LeftButton)
    assert panel.advice.text() == ADVICE
    panel.set_pain_limit(None)
    qtbot.mouseClick(panel.rating_buttons[9], Qt.MouseButton.LeftButton)
    assert panel.advice.text() == ADVICE


def test_the_window_gives_the_panel_its_routines_limit(qtbot, window) -> None:
    """The built-in routine prescribes a limit of 3: the window's pain panel knows it."""
    panel = window.parts.pain_panel
    qtbot.mouseClick(panel.rating_buttons[4], Qt.MouseButton.LeftButton)
    assert "above 3/10" in panel.advice.text()
