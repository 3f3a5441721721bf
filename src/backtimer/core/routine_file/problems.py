"""A problem found in a user's file, as a value that a terminal and a dialog both render."""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.core.i18n import _

#: The hint's line under the located message (the "FILE:LINE:COLUMN: message" line keeps
#: its form in every language: editors and tools read it).
HINT_LINE = _("hint: {hint}")


@dataclass(frozen=True, order=True)
class Problem:
    """One located complaint about a file.

    ``line`` and ``column`` are 1-based, as editors and compilers show them; 0 means the
    problem concerns the whole file (it could not be read, say).
    """

    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def render(self) -> str:
        """``FILE:LINE:COLUMN: message`` and, if there is one, the hint on its own line."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        text = f"{where}: {self.message}"
        if self.hint:
            text += "\n    " + HINT_LINE.format(hint=self.hint)
        return text
