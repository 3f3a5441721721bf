"""The silent player: a real player that makes no sound (sound off, or unavailable)."""

from __future__ import annotations

from collections.abc import Iterable

from backtimer.gui.sound.player import CuePlayer


class SilentPlayer(CuePlayer):
    """Accepts everything and sounds nothing; every item is ready and lasts no time.

    ``problem`` carries why the real player is missing (None when sound was switched
    off on purpose), so the window can say it.
    """

    def __init__(self, problem: str | None = None) -> None:
        super().__init__()
        self.problem = problem

    def prepare(self, items: Iterable[str]) -> None:
        pass

    def is_ready(self, item: str) -> bool:
        return True

    def seconds(self, item: str) -> float | None:
        return 0.0

    def play(self, item: str) -> bool:
        return False

    def stop(self) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass
