"""``python -m backtimer``."""

from __future__ import annotations

from backtimer.cli import main

raise SystemExit(main())
