"""Values read from BackTimer's own shipped files (the built-in routine, the poses), kept
on disk between runs: a later start neither parses their YAML nor checks the routine
again, so it loads neither PyYAML nor the routine checker (about 35 ms).

Contract:

* :func:`kept` gives back a value equal to the one :func:`keep` was given for the same
  kind, name and file contents, made by the same code in the same language: each entry
  holds the file's bytes and the code's key (the size and change time of every module of
  ``backtimer.core``, the language's catalogs, the Python version) and is used only when
  both are the same again. Anything else is a miss (None).
* Only BackTimer's own values come back: the unpickler refuses every global but the
  dataclasses and enums of ``backtimer.core`` and a few plain types (paths, times), so a
  file put in the folder cannot run code.
* Never raises and never fails the caller: a folder that cannot be read or written is
  simply not used. Without :func:`use_folder` (tests, the command line) nothing is kept.

Pure Python, no Qt, and nothing else of the core at import time (the pose model, which
needs nothing of the rest of the core, may use it: pyproject.toml's contract names this
one exception); the window says where (Qt's generic cache location +
``backtimer/parsed``, beside the thumbnails) and in which language.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import logging
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)

_PLAIN = {
    ("pathlib", "PosixPath"),
    ("pathlib", "PurePosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "PureWindowsPath"),
    ("datetime", "time"),
    ("datetime", "date"),
    ("datetime", "timedelta"),
}

_folder: Path | None = None
_language = ""
_catalogs: tuple[Path, ...] = ()


def use_folder(folder: Path | None, *, language: str = "", catalogs: tuple[Path, ...] = ()) -> None:
    """Keep values in ``folder`` from now on (None: keep nothing), for ``language`` whose
    translations are read from ``catalogs`` (the built-in routine's names are shown
    translated)."""
    global _folder, _language, _catalogs
    _folder, _language, _catalogs = folder, language, catalogs
    _code_key.cache_clear()


def read_through(kind: str, name: str, path: Path, parse: Callable[[], T], of: type[T]) -> T:
    """The ``of`` kept for ``kind``/``name`` when ``path`` holds the same bytes as when it
    was kept; else ``parse()``'s (whose errors pass), kept for the next run."""
    try:
        source = path.read_bytes()
    except OSError:
        source = b""
    found = kept(kind, name, source) if source else None
    if isinstance(found, of):
        return found
    value = parse()
    if source:
        keep(kind, name, source, value)
    return value


def kept(kind: str, name: str, source: bytes) -> object | None:
    """The value kept for ``kind``/``name`` read from ``source``, or None."""
    path = _file(kind, name)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        key, stored, value = _load(data)
    except Exception as error:  # noqa: BLE001 - an unreadable entry is a miss, never a failure
        log.info("parsed %s %s not used: %s", kind, name, error)
        return None
    return value if key == _code_key() and stored == source else None


def keep(kind: str, name: str, source: bytes, value: object) -> None:
    """Keep ``value``, read from ``source``, for the next run (quietly not, if refused)."""
    path = _file(kind, name)
    if path is None:
        return
    import pickle

    try:
        data = pickle.dumps((_code_key(), source, value), protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f".{path.name}.{os.getpid()}")
        part.write_bytes(data)
        os.replace(part, path)  # whole or not at all: another window may read it now
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
        log.info("parsed %s %s not kept: %s", kind, name, error)


def _file(kind: str, name: str) -> Path | None:
    if _folder is None:
        return None
    return _folder / f"{kind}-{name}-{_language}.pickle"


@cache
def _code_key() -> str:
    """What the kept values depend on besides their files: the core's code, the
    catalogs of the language in use, and the Python that pickled them."""
    parts = [sys.version, _language]
    for folder, _dirs, names in sorted(os.walk(Path(__file__).parent)):
        for name in sorted(names):
            if name.endswith(".py"):
                parts.append(_stamp(os.path.join(folder, name)))
    parts += [_stamp(str(path)) for path in sorted(_catalogs)]
    return "\n".join(parts)


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:gone"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def _load(data: bytes) -> tuple[str, bytes, object]:
    """An entry's key, file bytes and value, by an unpickler that builds only the core's
    values (see the module contract)."""
    import pickle

    class Restricted(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            return _allowed(module, name)

    loaded = Restricted(io.BytesIO(data)).load()
    if not (isinstance(loaded, tuple) and len(loaded) == 3):
        raise ValueError("not a kept value")
    key, source, value = loaded
    return str(key), bytes(source), value


def _allowed(module: str, name: str) -> object:
    if (module, name) in _PLAIN:
        return getattr(sys.modules.get(module) or __import__(module), name)
    if module.startswith("backtimer.core.") and "." not in name:
        found = getattr(sys.modules.get(module) or _import(module), name, None)
        if isinstance(found, type) and (
            dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)
        ):
            return found
    raise ValueError(f"{module}.{name} is not a kept value's type")


def _import(module: str) -> object:
    import importlib

    return importlib.import_module(module)
