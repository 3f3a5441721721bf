"""The store under damage, a read-only folder, a full disk and a disk turning read-only:
a clear message, nothing lost. The disks are real (see ``tests/disks.py``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import backtimer
from backtimer.core.history.faults import StoreError, StoreFault
from backtimer.core.history.opening import DB_NAME
from backtimer.core.history.store import HistoryStore
from backtimer.core.session.record import Outcome

from ...disks import FailingDisk, SmallDisk
from ..store_helpers import T0, hold, open_store


def saved_history(folder: Path, holds: int = 3) -> None:
    result = HistoryStore.open(folder)
    assert result.store is not None
    sid = result.store.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    for n in range(holds):
        result.store.add_hold(sid, hold(T0 + 40 * n))
    result.store.finish_session(sid, Outcome.COMPLETED, T0 + 200)
    result.store.close()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(
            lambda data: b"this is not a database, just garbage\x00\xff" * 100, id="garbage"
        ),
        pytest.param(lambda data: data[: len(data) // 3], id="truncated"),
        pytest.param(lambda data: data[:4096] + os.urandom(len(data) - 4096), id="scrambled"),
    ],
)
def test_damaged_file_is_moved_aside_and_named(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    """A damaged history is kept under a new name that the message gives; a fresh one opens."""
    saved_history(tmp_path, holds=200)
    path = tmp_path / DB_NAME
    original = damage(path.read_bytes())
    path.write_bytes(original)

    result = HistoryStore.open(tmp_path)

    assert result.store is not None
    assert result.message is not None
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(DB_NAME + ".damaged-")]
    assert [p.name for p in kept if not p.name.endswith(("-wal", "-shm"))] == [kept[0].name]
    assert str(kept[0]) in result.message
    assert kept[0].read_bytes() == original
    assert result.store.sessions() == []
    assert result.store.integrity_ok()


def test_full_disk_raises_store_error_and_keeps_what_was_saved(small_disk: SmallDisk) -> None:
    """On a really full disk a hold fails with a StoreError saying so; once there is room
    again the same store saves again, and everything saved before is still there."""
    store = open_store(small_disk.path)
    sid = store.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    store.add_hold(sid, hold(T0))
    small_disk.fill()

    with pytest.raises(StoreError, match="full") as caught:
        store.add_hold(sid, hold(T0 + 40))
    assert caught.value.fault is StoreFault.FULL
    assert "kept" in str(caught.value)
    small_disk.free()
    store.add_hold(sid, hold(T0 + 80))
    store.close()

    again = open_store(small_disk.path)
    assert [h.hold.started_at for h in again.holds(sid)] == [T0, T0 + 80]
    assert again.integrity_ok()


def test_disk_turning_read_only_raises_store_error_and_keeps_what_was_saved(
    failing_disk: FailingDisk,
) -> None:
    """When the disk turns read-only under an open history, a write fails with a StoreError
    saying read-only; after the disk is checked, everything saved before is there."""
    store = open_store(failing_disk.path)
    sid = store.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    store.add_hold(sid, hold(T0))
    failing_disk.fail()

    with pytest.raises(StoreError, match="read-only") as caught:
        store.add_hold(sid, hold(T0 + 40))
    assert caught.value.fault is StoreFault.READ_ONLY
    assert [h.hold.started_at for h in store.holds(sid)] == [T0]  # reading still works
    store.close()
    failing_disk.check()

    again = open_store(failing_disk.path)
    assert [h.hold.started_at for h in again.holds(sid)] == [T0]
    assert again.integrity_ok()


def test_size_limit_raises_store_error_full_and_keeps_what_was_saved(tmp_path: Path) -> None:
    """SQLite's own size limit (SQLITE_FULL without a full disk, so it runs without root)
    gives the same StoreError as a full disk; earlier holds stay saved."""
    store = open_store(tmp_path)
    sid = store.begin_session("gentle-back", "Gentle back", T0, gentle=False)
    store.add_hold(sid, hold(T0))
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count={pages}")

    def fill_the_file() -> None:
        for n in range(1, 2000):
            store.add_hold(sid, hold(T0 + n, exercise="x" * 500))

    with pytest.raises(StoreError, match="full") as caught:
        fill_the_file()
    assert caught.value.fault is StoreFault.FULL
    saved = len(store.holds(sid))
    store.close()

    again = HistoryStore.open(tmp_path)
    assert again.store is not None
    assert again.message is None
    assert len(again.store.holds(sid)) == saved >= 1
    assert again.store.integrity_ok()


@pytest.fixture
def ro_tmp() -> Iterator[Path]:
    """A folder the test may make read-only; made writable again to be removed."""
    folder = Path(tempfile.mkdtemp(prefix="backtimer-ro-"))
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    shutil.rmtree(folder)


_PROBE = """
import sys
from pathlib import Path
from backtimer.core.history.faults import StoreError
from backtimer.core.history.store import HistoryStore
result = HistoryStore.open(Path(sys.argv[1]))
print("MESSAGE", result.message)
if result.store is not None:
    print("HOLDS", len(result.store.holds()))
    try:
        result.store.begin_session("r", "R", 0.0, gentle=False)
        print("WROTE")
    except StoreError as error:
        print("ERROR", error)
"""


def run_in_read_only_folder(folder: Path) -> str:
    """Run the probe where ``folder`` is read-only. Root ignores permission bits, so as
    root the folder is bind-mounted read-only in a private mount namespace instead."""
    env = {**os.environ, "PYTHONPATH": str(Path(backtimer.__file__).parents[1])}
    probe = [sys.executable, "-c", _PROBE, str(folder)]
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("running as root without unshare: cannot make a read-only folder")
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        probe = ["unshare", "--mount", "sh", "-c", script, "sh", str(folder), *probe]
    else:
        folder.chmod(0o500)
    done = subprocess.run(probe, capture_output=True, text=True, env=env, timeout=60, check=False)
    if os.geteuid() == 0 and "mount" in done.stderr:
        pytest.skip(f"cannot mount read-only here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_read_only_folder_shows_history_and_says_so(ro_tmp: Path) -> None:
    """In a read-only data folder the history is still read, and the message says why
    new sessions cannot be saved; a write gives StoreError, not a crash."""
    data = ro_tmp / "data"
    saved_history(data, holds=4)
    out = run_in_read_only_folder(data)
    assert f"MESSAGE The data folder {data} is read-only" in out
    assert "HOLDS 4" in out
    assert "ERROR" in out
    assert "WROTE" not in out


def test_read_only_folder_without_history_gives_a_message(ro_tmp: Path) -> None:
    """A read-only, empty data folder: no store, and a message suggesting --data-dir."""
    data = ro_tmp / "data"
    data.mkdir()
    out = run_in_read_only_folder(data)
    assert "read-only" in out
    assert "--data-dir" in out
    assert "HOLDS" not in out
