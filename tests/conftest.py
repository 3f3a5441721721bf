"""Shared test set-up: Qt offscreen, data and settings in a throwaway home."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core.i18n import use_language

from .disks import FailingDisk, SmallDisk, private_mounts, unmount

# Tests read and assert English: chosen before any test module imports the program (its
# module-level texts are translated at import), and for the programs tests start.
os.environ["LANGUAGE"] = "en"
use_language("en")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As in the program (gui/gui_thread_gc.py): a collection started by a worker thread's
# allocation could destroy a Qt object off the GUI thread and crash the run. Tests
# collect between tests instead, on this thread.
gc.disable()


@pytest.fixture(autouse=True)
def _collect_on_this_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A real 1 MiB file system at ``tmp_path / "history"`` (where the window tests keep
    their history), ready to be filled."""
    private_mounts()
    disk = SmallDisk(tmp_path / "history", size=1 << 20)
    disk.mount()
    yield disk
    unmount(disk.path)


@pytest.fixture
def failing_disk(tmp_path: Path) -> Iterator[FailingDisk]:
    """A real 8 MiB ext4 disk at ``tmp_path / "history"``, ready to fail read-only."""
    private_mounts()
    disk = FailingDisk(tmp_path / "history", tmp_path / "disk.img", size=8 << 20)
    disk.create()
    yield disk
    unmount(disk.path)
