"""Shared test set-up: Qt offscreen, data and settings in a throwaway home."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
