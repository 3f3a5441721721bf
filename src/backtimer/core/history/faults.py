"""What went wrong when the history could not be used, as a value and a sentence.

``fault_of`` sorts a storage error into a ``StoreFault``; ``explain`` says it to the person.
SQLite reports a disk that has turned read-only (ext4 after an error, a USB stick that
locked itself) only as a generic I/O error, so for I/O errors the folder is probed by
creating and removing an empty file: the kernel's answer (EROFS, ENOSPC) tells what the
error was. The probe runs only after a write has already failed, never for a read.
"""

from __future__ import annotations

import enum
import errno
import os
import sqlite3
import tempfile
from pathlib import Path

from backtimer.core.i18n import _

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14

# What the person reads; {path} is the history file, {error} SQLite's own words.
FULL_MESSAGE = _(
    "The disk holding {path} is full, so this could not be saved. Everything saved before "
    "is kept; free some space there."
)
READ_ONLY_MESSAGE = _(
    "{path} cannot be written (read-only), so this could not be saved. Earlier history is kept."
)
DISK_ERROR_MESSAGE = _("Could not write to {path} (disk error). Earlier history is kept.")
OTHER_MESSAGE = _("The history file {path} could not be used: {error}.")
OS_ERROR_MESSAGE = _("Could not use {path}: {error}.")


class StoreFault(enum.Enum):
    FULL = "full"  #: no room left on the disk that holds the history
    READ_ONLY = "read_only"  #: the file, its folder or its whole disk cannot be written
    DISK_ERROR = "disk_error"  #: the disk reported an error writing or reading
    OTHER = "other"


class StoreError(Exception):
    """A write or read failed; ``str(error)`` is a message for the person and ``fault``
    what kind of failure it was."""

    def __init__(self, message: str, fault: StoreFault = StoreFault.OTHER) -> None:
        super().__init__(message)
        self.fault = fault


_MESSAGES = {
    StoreFault.FULL: FULL_MESSAGE,
    StoreFault.READ_ONLY: READ_ONLY_MESSAGE,
    StoreFault.DISK_ERROR: DISK_ERROR_MESSAGE,
    StoreFault.OTHER: OTHER_MESSAGE,
}
_OS_FAULTS = {
    errno.ENOSPC: StoreFault.FULL,
    errno.EDQUOT: StoreFault.FULL,
    errno.EROFS: StoreFault.READ_ONLY,
    errno.EACCES: StoreFault.READ_ONLY,
    errno.EPERM: StoreFault.READ_ONLY,
    errno.EIO: StoreFault.DISK_ERROR,
}


def _code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def _probe(folder: Path) -> StoreFault | None:
    """What creating a file in ``folder`` runs into, or None if it can be written."""
    try:
        fd, name = tempfile.mkstemp(prefix=".backtimer-probe-", dir=folder)
    except OSError as error:
        return _OS_FAULTS.get(error.errno or 0)
    os.close(fd)
    os.unlink(name)
    return None


def fault_of(error: sqlite3.Error | OSError, path: Path, *, probe: bool = False) -> StoreFault:
    """The kind of failure ``error`` (raised using the file ``path``) is. ``probe`` lets a
    generic I/O error be told apart by trying to create a file next to ``path``; only
    after a failed write, so reading the history never writes anything."""
    if isinstance(error, OSError):
        return _OS_FAULTS.get(error.errno or 0, StoreFault.OTHER)
    code = _code(error)
    text = str(error).lower()
    if code == _SQLITE_FULL or "full" in text:
        return StoreFault.FULL
    if code == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return StoreFault.READ_ONLY
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return (_probe(path.parent) if probe else None) or StoreFault.DISK_ERROR
    return StoreFault.OTHER


def explain(error: sqlite3.Error | OSError, path: Path) -> str:
    """A sentence for the person about a storage error on ``path``."""
    if isinstance(error, OSError):
        return OS_ERROR_MESSAGE.format(path=path, error=error.strerror or error)
    return message_for(fault_of(error, path), error, path)


def message_for(fault: StoreFault, error: object, path: Path) -> str:
    return _MESSAGES[fault].format(path=path, error=error)


def store_error(error: sqlite3.Error, path: Path) -> StoreError:
    """The ``StoreError`` to raise for ``error`` from a write to ``path``."""
    fault = fault_of(error, path, probe=True)
    return StoreError(message_for(fault, error, path), fault)
