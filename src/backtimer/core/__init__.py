"""Pure-Python heart of BackTimer: no Qt import anywhere below this package.

An import-linter contract in pyproject.toml keeps it so, and the core tests pass with
PySide6 absent.
"""
