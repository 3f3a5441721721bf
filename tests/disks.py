"""Real storage faults for tests: a small disk that fills up, a disk that turns read-only.

Nothing here is a stand-in: the history sits on a real file system that the kernel
really fills or really turns read-only, under an open SQLite connection.

Mounting needs root (CI runs as root). The disks are mounted in a mount namespace
private to the test process (see ``private_mounts``): nobody else on the machine sees
them, each test unmounts its own, and a killed test run leaves nothing mounted (its
namespace goes with it, and a loop device mounted with ``-o loop`` detaches itself).

Changing permission bits or bind-mounting a folder read-only does not stop writes through
files SQLite already has open, and ``mount -o remount,ro`` is refused while they are open;
what does make an open history read-only is what happens to a real failing disk: ext4,
mounted ``errors=remount-ro``, meeting an error.

Where this cannot work (not root, no loop devices) the tests skip, except with
``CI=true``: CI is root on this machine and a skip there would hide a broken test.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import pytest

_CLONE_NEWNS = 0x00020000
_MS_REC = 0x4000
_MS_PRIVATE = 0x40000


def unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it where the mechanism is expected to work (CI)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: expected to work here)")
    pytest.skip(reason)


def _run(*command: str, ok: tuple[int, ...] = (0,)) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode in ok, f"{' '.join(command)}: {done.stdout}{done.stderr}"
    return done.stdout


def _set_up(*command: str) -> None:
    """Run a command the test needs to start; if this machine cannot, the test cannot run."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        unavailable(f"{' '.join(command)}: {done.stderr.strip() or done.returncode}")


_private = False


def private_mounts() -> None:
    """Move this thread (the test's, which also runs the window and writes the history)
    into a mount namespace of its own, once per test run, with nothing propagating back:
    threads it starts later share it, nobody else on the machine sees what is mounted
    in it, and it disappears with the test process. It is never left: threads Qt starts
    share it, and a thread cannot change namespace while others share its file-system
    state."""
    global _private
    if _private:
        return
    if os.geteuid() != 0:
        unavailable("mounting a test disk needs root")
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNS) != 0:
        unavailable(f"unshare(CLONE_NEWNS): {os.strerror(ctypes.get_errno())}")
    _private = True
    if libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None) != 0:
        raise OSError(ctypes.get_errno(), "cannot make the test's mounts private")


def unmount(path: Path) -> None:
    """Unmount at once; files still open there keep working until they are closed."""
    _run("umount", "--lazy", str(path))


class SmallDisk:
    """A tmpfs of ``size`` bytes at ``path``: ``fill()`` writes a file until the kernel
    says ENOSPC, ``free()`` deletes it again."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.size = size
        self._filler = path / "filler"

    def mount(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        options = f"size={self.size},mode=0700"
        _set_up("mount", "-t", "tmpfs", "-o", options, "tmpfs", str(self.path))

    def fill(self) -> None:
        fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        block = b"\0" * 4096
        try:
            while True:
                os.write(fd, block)
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
        finally:
            os.close(fd)
        assert os.statvfs(self.path).f_bavail == 0

    def free(self) -> None:
        self._filler.unlink()


class FailingDisk:
    """An ext4 image loop-mounted at ``path`` with ``errors=remount-ro``: ``fail()``
    reports a file-system error, as a dying disk does, and the kernel at once refuses
    every write to it. ``check()`` is what the person does afterwards: unmount, fsck,
    mount again."""

    def __init__(self, path: Path, image: Path, size: int) -> None:
        self.path = path
        self.image = image
        self.size = size

    def create(self) -> None:
        for tool in ("mkfs.ext4", "e2fsck"):
            if shutil.which(tool) is None:
                unavailable(f"{tool} is not installed")
        with self.image.open("wb") as f:
            f.truncate(self.size)
        _set_up("mkfs.ext4", "-q", "-F", str(self.image))
        self.path.mkdir(parents=True, exist_ok=True)
        _set_up(*self._mount)
        self.path.chmod(0o700)

    @property
    def _mount(self) -> tuple[str, ...]:
        return ("mount", "-o", "loop,errors=remount-ro", str(self.image), str(self.path))

    def fail(self) -> None:
        device = Path(_run("findmnt", "-n", "-o", "SOURCE", str(self.path)).strip()).name
        trigger = Path("/sys/fs/ext4") / device / "trigger_fs_error"
        if not trigger.exists():
            unavailable(f"this kernel has no {trigger}")
        trigger.write_text("BackTimer test: the disk failed\n")
        with pytest.raises(OSError, match="Read-only file system") as refused:
            (self.path / "probe").touch()
        assert refused.value.errno == errno.EROFS

    def check(self) -> None:
        _run("umount", str(self.path))
        _run("e2fsck", "-p", str(self.image), ok=(0, 1))  # 1: errors were corrected
        _run(*self._mount)
