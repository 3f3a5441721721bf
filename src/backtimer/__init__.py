"""BackTimer: a hands-free hold timer for back-pain stretching."""

from __future__ import annotations

__version__ = "0.1.0"
