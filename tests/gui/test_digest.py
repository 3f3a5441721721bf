"""Qt's digests name files exactly as hashlib did, so earlier caches and sockets still match."""

from __future__ import annotations

import hashlib

import pytest

from backtimer.gui.digest import SHA1, SHA256, hex_digest


@pytest.mark.parametrize("data", [b"", b"espeak-ng\0-v\0en\0Hold the stretch.", "Ü\0ñ".encode()])
def test_digests_match_hashlib(data: bytes) -> None:
    assert hex_digest(data, SHA1) == hashlib.sha1(data).hexdigest()
    assert hex_digest(data, SHA256) == hashlib.sha256(data).hexdigest()
