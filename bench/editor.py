"""How long the editor takes to check and show one change: ``python bench/editor.py``.

Every keystroke in the routine editor writes the draft as YAML, loads it with the real
checker and shows the result. This times, over the repeats, side by side in one run:
the check alone (``check_draft``) for the built-in routine and for one of 100 exercises
(the format's maximum), and the whole change in the real editor window (offscreen):
an edit pushed on the undo stack, checked, kept on disk as a draft and shown. Prints
medians and maxima in milliseconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from backtimer.core.routine_file.draft import RoutineDraft, routine_draft
from backtimer.core.routine_file.draft_check import check_draft
from backtimer.core.routine_file.loader import load_builtin
from backtimer.resources import builtin_routine_path


def big_draft(draft: RoutineDraft) -> RoutineDraft:
    """The built-in routine's exercises repeated to 100 (each with its own id)."""
    exercises = tuple(
        dataclasses.replace(e, id=f"{e.id}-{i}") for i in range(25) for e in draft.exercises
    )
    return dataclasses.replace(draft, exercises=exercises)


def timed(action: Callable[[int], object], repeats: int) -> tuple[float, float]:
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=200)
    repeats = parser.parse_args().repeats
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from backtimer.gui.editor.window import EditorWindow

    app = QApplication([])
    folder = builtin_routine_path().parent
    small = routine_draft(load_builtin(), folder)
    big = big_draft(small)
    rows: list[tuple[str, tuple[float, float]]] = [
        (
            "check, built-in routine (4 exercises)",
            timed(lambda i: check_draft(small, folder), repeats),
        ),
        ("check, 100 exercises", timed(lambda i: check_draft(big, folder), repeats // 4)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for label, draft, count in (
            ("built-in", small, repeats),
            ("100 exercises", big, repeats // 4),
        ):
            editor = EditorWindow(draft, Path(tmp) / label, Path(tmp))
            editor.show()
            app.processEvents()

            def change(i: int, editor: EditorWindow = editor) -> None:
                editor.edit(dataclasses.replace(editor.draft, name=f"Name {i}"), "bench", "")
                app.processEvents()

            rows.append((f"one change in the window, {label}", timed(change, count)))
            editor.undo_stack.setClean()
            editor.close()
    print(f"{'':44} {'median':>9} {'max':>9}")
    for label, (median, worst) in rows:
        print(f"{label:44} {median:8.2f}ms {worst:8.2f}ms")


if __name__ == "__main__":
    main()
