"""Garbage collection stays on the GUI thread: a worker thread that allocates never starts
a collection (one could destroy a Qt object there and crash the program), and the
collector's timer does the collecting instead."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from backtimer.gui.gui_thread_gc import GuiThreadCollector, collect_due


def _churn() -> None:
    """What a worker thread does: allocate, making and dropping cycles of its own."""
    for _ in range(50_000):
        box: list[object] = []
        box.append(box)


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The thread each garbage collection starts on, as they happen."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.get_ident())

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


def test_a_worker_that_allocates_starts_no_collection_the_gui_thread_does(
    qtbot, collections: list[int]
) -> None:
    """Past every threshold on a worker thread, nothing is collected there; the
    collector's timer collects soon after, on the GUI thread."""
    collector = GuiThreadCollector()
    try:
        worker = threading.Thread(target=_churn)
        worker.start()
        worker.join()
        assert collections == []
        qtbot.waitUntil(lambda: bool(collections), timeout=5000)
        assert set(collections) == {threading.get_ident()}
    finally:
        collector.stop()


def test_with_automatic_collection_a_worker_would_collect(collections: list[int]) -> None:
    """The hazard the collector removes: Python's own trigger collects on the worker."""
    gc.enable()
    try:
        worker = threading.Thread(target=_churn)
        worker.start()
        worker.join()
    finally:
        gc.disable()
    assert worker.ident in collections


def test_a_collection_is_made_only_when_a_threshold_is_passed() -> None:
    """Below every threshold nothing is collected; past gen-0's, gen 0 is."""
    gc.collect()
    assert collect_due((10_000, 10, 10)) is None
    for _ in range(200):
        box: list[object] = []
        box.append(box)
    assert collect_due((100, 10, 10)) == 0
