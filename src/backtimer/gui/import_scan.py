"""Keep PySide6 from caching the source of every module imported after it.

PySide6 replaces ``__import__`` and, for each newly imported module, asks whether its
source mentions "PySide6" (to decide which modules its ``__feature__`` switches apply
to). It asks through ``inspect.getsource``, which reads the whole file into
``linecache`` and keeps it: about 300 modules, stdlib included, 7.5 MB of Python
strings held for the life of the window, and the files tokenised on the way. BackTimer
uses no ``__feature__``, but the answer is kept exactly: the same question is answered
by reading the file's bytes once, with nothing cached.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

import shiboken6  # noqa: F401  (installs the import hook whose check is replaced here)

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def mentions_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file names PySide6 (False without a ``.py`` source)."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Put the cache-free check in place; False (and nothing changed) if this PySide6
    has no such check, as a later release may not."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _CHECK, None)):
        return False
    setattr(feature, _CHECK, mentions_pyside)
    # The modules imported before this one were already read in; let them go.
    linecache.clearcache()
    return True
