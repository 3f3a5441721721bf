"""Random line edits of a file for property tests: lines deleted, duplicated or swapped."""

from __future__ import annotations

from hypothesis import strategies as st


def edited_lines(data: st.DataObject, original: list[str]) -> list[str]:
    """A copy of ``original`` after one to four random line edits drawn from ``data``."""
    lines = list(original)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        j = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
    return lines
