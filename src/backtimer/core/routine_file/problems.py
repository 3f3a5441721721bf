"""A problem found in a user's file, as a value that a terminal and a dialog both render."""

from __future__ import annotations

from dataclasses import dataclass


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
            text += f"\n    hint: {self.hint}"
        return text
