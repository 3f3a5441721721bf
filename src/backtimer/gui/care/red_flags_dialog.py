"""The red-flag screen: four yes/no questions, then a calm message. A window of its own,
never modal: the rest of the app goes on working while it is open, and closing it
without answering is allowed (nothing is logged then)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.care.red_flags import ALL_CLEAR, INTRO, QUESTIONS, TITLE, URGENT, RedFlag
from backtimer.core.i18n import _
from backtimer.gui import theme

YES = _("Yes")
NO = _("No")
DONE = _("Done")
CLOSE = _("Close")
UNANSWERED = _("Please answer every question (yes or no).")
ANSWER_NAME = _("{answer}: {question}")
ANSWER_DESCRIPTIONS = {
    YES: _("Answers yes: you have this sign now."),
    NO: _("Answers no: you do not have this sign now."),
}
DONE_DESCRIPTION = _("Keeps your answers and says what they mean; answer every question first.")


class RedFlagsDialog(QDialog):
    """Ask the four questions; ``answered`` carries {RedFlag: bool} once all are given."""

    #: every question was answered: dict[RedFlag, bool]
    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        grid = QGridLayout()
        grid.setVerticalSpacing(12)
        self.groups: dict[RedFlag, QButtonGroup] = {}
        self.yes_buttons: dict[RedFlag, QPushButton] = {}
        self.no_buttons: dict[RedFlag, QPushButton] = {}
        for row, (flag, question) in enumerate(QUESTIONS.items()):
            label = QLabel(question)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            group = QButtonGroup(self)
            group.setExclusive(True)
            yes, no = QPushButton(YES), QPushButton(NO)
            for n, b in enumerate((yes, no)):
                b.setCheckable(True)
                # Never answered by a stray Enter or Space: only a click or Tab then Space.
                b.setAutoDefault(False)
                b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                b.setAccessibleName(ANSWER_NAME.format(answer=b.text(), question=question))
                b.setAccessibleDescription(ANSWER_DESCRIPTIONS[b.text()])
                group.addButton(b, n)
            grid.addWidget(label, row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
            self.groups[flag], self.yes_buttons[flag], self.no_buttons[flag] = group, yes, no
        grid.setColumnStretch(0, 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.hide()
        self.done_button = QPushButton(DONE)
        self.done_button.setDefault(True)
        self.done_button.setAccessibleDescription(DONE_DESCRIPTION)
        self.done_button.clicked.connect(self.finish)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)  # the explanation, then the questions
        layout.addLayout(grid)
        layout.addWidget(self.result_label)
        # The room the dialog has to spare goes here, not into the labels (which would
        # centre the explanation in a tall empty band above the questions).
        layout.addStretch(1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setFont(theme.sans(18, bold=False))
        self.resize(760, 520)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)  # not a Yes button

    def answers(self) -> dict[RedFlag, bool] | None:
        """The answers, or None while a question has none."""
        result = {}
        for flag, group in self.groups.items():
            if group.checkedId() < 0:
                return None
            result[flag] = group.checkedId() == 0
        return result

    def answer(self, flag: RedFlag, yes: bool) -> None:
        """Answer one question (as a click on Yes or No does)."""
        (self.yes_buttons if yes else self.no_buttons)[flag].setChecked(True)

    def finish(self) -> None:
        """Done: say what the answers mean and report them; or ask for the missing ones."""
        if self.done_button.text() == CLOSE:
            self.close()
            return
        answers = self.answers()
        if answers is None:
            self._say(UNANSWERED, urgent=False)
            return
        urgent = any(answers.values())
        self._say(URGENT if urgent else ALL_CLEAR, urgent=urgent)
        self.done_button.setText(CLOSE)
        for group in self.groups.values():
            for b in group.buttons():
                b.setEnabled(False)
        self.answered.emit(answers)

    def _say(self, text: str, *, urgent: bool) -> None:
        c = theme.colours(self.palette())
        colour = theme.css_colour(c.pain if urgent else c.text)
        self.result_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.result_label.setText(text)
        self.result_label.show()

    def message(self) -> str:
        return self.result_label.text() if self.result_label.isVisible() else ""
