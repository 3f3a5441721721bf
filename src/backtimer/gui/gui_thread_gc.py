"""Python's cyclic garbage collection, on the GUI thread only.

CPython runs a collection on whichever thread happens to allocate when a generation's
count passes its threshold. BackTimer has worker threads (the voice renderer starts
espeak-ng from one, the settings dialog lists voices from another); a collection there
that frees a cycle holding a Qt object destroys that object off the GUI thread, and Qt
may crash (seen: a segfault in the voice worker's ``subprocess.Popen`` during a test).

So automatic collection is switched off and ``GuiThreadCollector`` does the same work
from a timer on the GUI thread, generation by generation with Python's own thresholds:
what a collection costs stays what it was, only the thread changes. Reference counting,
which frees almost everything, is unaffected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the counts are looked at: often enough that garbage never piles up (the
#: gen-0 threshold is 700 allocations), rarely enough to cost nothing while a hold counts.
CHECK_MS = 1000


def collect_due(thresholds: tuple[int, int, int] | None = None) -> int | None:
    """Collect the oldest generation whose count has passed its threshold, as CPython's
    own trigger would; the generation collected, or None when none was due."""
    t0, t1, t2 = thresholds or gc.get_threshold()
    c0, c1, c2 = gc.get_count()
    if c0 <= t0 and c1 <= t1 and c2 <= t2:
        return None
    generation = 2 if c2 > t2 else 1 if c1 > t1 else 0
    gc.collect(generation)
    return generation


class GuiThreadCollector(QObject):
    """Switches automatic collection off for the life of ``parent`` (the application)
    and collects from the GUI thread every ``CHECK_MS``; ``stop()`` puts automatic
    collection back as it was."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start()

    def collect(self) -> int | None:
        return collect_due(self._thresholds)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
