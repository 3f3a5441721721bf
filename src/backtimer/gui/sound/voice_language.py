"""Which espeak-ng voice speaks the language in use.

The voice chosen in the sound settings is an English one (the settings list English
voices); when BackTimer speaks German or Spanish, the voice of that language speaks
instead ("de", "es"), else the phrases would be read with English sounds. When espeak-ng
has no voice for the language, the chosen English voice speaks, with no error.
"""

from __future__ import annotations

import functools
import logging

from backtimer.core.i18n import SOURCE_LANGUAGE, language
from backtimer.gui.sound.voice import espeak_voices

log = logging.getLogger(__name__)


def voice_for_language(espeak: str, chosen: str, code: str | None = None) -> str:
    """The voice to give espeak-ng: ``chosen`` when it already speaks the language in
    use (``code``, by default :func:`~backtimer.core.i18n.language`), else that
    language's own voice, else ``chosen``."""
    wanted = code if code is not None else language()
    if wanted == SOURCE_LANGUAGE or _language_of(chosen) == wanted:
        return chosen
    offered = _voices(espeak, wanted)
    if not offered:
        log.info("espeak-ng has no %s voice; %s speaks", wanted, chosen)
        return chosen
    return wanted if wanted in offered else offered[0]


def _language_of(voice: str) -> str:
    return voice.split("-")[0].split("_")[0].lower()


@functools.lru_cache(maxsize=8)
def _voices(espeak: str, code: str) -> tuple[str, ...]:
    """The voice names espeak-ng lists for ``code`` (runs it once, about 10 ms)."""
    return tuple(
        name for name, _description in espeak_voices(espeak, code) if _language_of(name) == code
    )
