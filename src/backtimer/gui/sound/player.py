"""The cue player interface: what every way of making sound promises the director."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable


class CuePlayer(ABC):
    """One way of making sound; items are beep names or texts to say.

    Contract: no method waits on I/O or another process, so all may run on the GUI
    thread; ``stop()`` silences whatever this player sounds within a few ms; ``problem``
    is None while the player works, else a plain-language reason naming the fix.
    """

    def __init__(self) -> None:
        self.problem: str | None = None
        self.on_ready: Callable[[str], None] | None = None  #: an item became ready
        self.on_failed: Callable[[str], None] | None = None  #: an item will never be ready
        self.on_problem: Callable[[str | None], None] | None = None  #: ``problem`` changed

    @abstractmethod
    def prepare(self, items: Iterable[str]) -> None:
        """Start loading/rendering ``items`` in the background."""

    @abstractmethod
    def is_ready(self, item: str) -> bool:
        """``play(item)`` would sound at once."""

    def is_pending(self, item: str) -> bool:
        """Being prepared: ready later. Players that prepare nothing say False."""
        return False

    @abstractmethod
    def seconds(self, item: str) -> float | None:
        """How long ``item`` sounds; None while unknown."""

    @abstractmethod
    def play(self, item: str) -> bool:
        """Start sounding ``item``; False (and silence) when it is not ready."""

    @abstractmethod
    def stop(self) -> None:
        """Silence everything this player is sounding."""

    @abstractmethod
    def set_volume(self, volume: float) -> None:
        """0..1, linear."""

    def shutdown(self) -> None:  # noqa: B027  (optional: most players hold nothing)
        """Release devices, threads and files; the player is silent afterwards."""

    def item_ready(self, item: str) -> None:
        if self.on_ready is not None:
            self.on_ready(item)

    def item_failed(self, item: str) -> None:
        if self.on_failed is not None:
            self.on_failed(item)

    def report_problem(self, message: str | None) -> None:
        """``message`` says why this player cannot sound; None says it works again."""
        self.problem = message
        if self.on_problem is not None:
            self.on_problem(message)
