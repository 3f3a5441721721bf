"""No module that translates with ``_`` also binds ``_`` (``for _ in …``, ``a, _ = …``):
inside that scope ``_("…")`` would call the throwaway value, or fail, and at module level
every later text of the module would stop being translated."""

from __future__ import annotations

import ast
from pathlib import Path

import backtimer

SOURCE = Path(backtimer.__file__).resolve().parent


def _translating(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "backtimer.core.i18n"
        and any(alias.name == "_" for alias in node.names)
        for node in ast.walk(tree)
    )


def test_no_translating_module_rebinds_the_underscore() -> None:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not _translating(tree):
            continue
        for node in ast.walk(tree):
            stored = (
                isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
            )
            if stored or (isinstance(node, ast.arg) and node.arg == "_"):
                found.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert found == [], "rename these throwaway names (e.g. _unused): " + ", ".join(found)
