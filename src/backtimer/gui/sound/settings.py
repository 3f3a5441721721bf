"""The person's sound preferences, remembered in QSettings under ``sound/``."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from backtimer.core.session.phrases import Announcements


DEFAULT_VOICE = "en-us"  #: espeak-ng's "English (America)": clear at a distance
RATE_RANGE = (80, 260)  #: espeak-ng words per minute
DEFAULT_RATE = 150  #: a little slower than espeak's 175: instructions, not news
#: Words voice stop may hear besides "stop" ("" for none): short, unlike anything the
#: program says, and in the recogniser's dictionary.
SECOND_WORDS = ("", "ouch", "pain")


@dataclass(frozen=True)
class SoundSettings:
    """What sounds and how. ``volume`` is 0..1 for beeps and voice alike."""

    beeps: bool = True
    voice: bool = True
    volume: float = 0.8
    voice_name: str = DEFAULT_VOICE  #: an espeak-ng voice, as ``espeak-ng --voices=en`` lists
    rate: int = DEFAULT_RATE
    halfway: bool = False  #: say "halfway" in each hold
    ten_left: bool = True  #: say "ten seconds left" in holds longer than that
    listen: bool = False  #: voice stop: hear "stop" through the microphone during a session
    listen_word: str = ""  #: a second word voice stop hears, one of SECOND_WORDS

    @property
    def stop_words(self) -> tuple[str, ...]:
        """What voice stop listens for: "stop", and the second word if one is chosen."""
        return ("stop", self.listen_word) if self.listen_word else ("stop",)

    @property
    def announcements(self) -> Announcements:
        from backtimer.core.session.phrases import Announcements  # with the first session

        return Announcements(halfway=self.halfway, ten_left=self.ten_left)

    def clamped(self) -> SoundSettings:
        """The same settings with volume and rate brought into range."""
        return replace(
            self,
            volume=min(1.0, max(0.0, float(self.volume))),
            rate=int(min(RATE_RANGE[1], max(RATE_RANGE[0], int(self.rate)))),
            voice_name=self.voice_name.strip() or DEFAULT_VOICE,
            listen_word=self.listen_word if self.listen_word in SECOND_WORDS else "",
        )

    @classmethod
    def load(cls, settings: QSettings | None = None) -> SoundSettings:
        """Read from QSettings; a missing or garbled value falls back to its default."""
        store = settings if settings is not None else QSettings()
        values: dict[str, object] = {}
        for f in fields(cls):
            default: object = f.default
            raw = store.value(f"sound/{f.name}", default)
            try:
                if isinstance(default, bool):
                    value: object = raw if isinstance(raw, bool) else str(raw).lower() == "true"
                else:
                    value = type(default)(raw)  # type: ignore[call-arg]
            except (TypeError, ValueError):
                value = default
            values[f.name] = value
        return cls(**values).clamped()  # type: ignore[arg-type]

    def save(self, settings: QSettings | None = None) -> None:
        store = settings if settings is not None else QSettings()
        for f in fields(self):
            store.setValue(f"sound/{f.name}", getattr(self, f.name))
        store.sync()
