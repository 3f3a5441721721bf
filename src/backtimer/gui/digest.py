"""Hex digests for file and socket names, through Qt rather than ``hashlib``.

``hashlib`` loads OpenSSL's libcrypto: 11 ms and about 3.5 MB resident for every
window, only to name the voice's cached sounds and the single-instance socket. Qt's
own SHA code gives the same digests (so existing names do not change) at no cost.
"""

from __future__ import annotations

from PySide6.QtCore import QCryptographicHash

SHA1 = QCryptographicHash.Algorithm.Sha1
SHA256 = QCryptographicHash.Algorithm.Sha256


def hex_digest(data: bytes, algorithm: QCryptographicHash.Algorithm) -> str:
    """The lower-case hex digest of ``data``, as ``hashlib``'s ``hexdigest()`` gives it."""
    return bytes(QCryptographicHash.hash(data, algorithm).toHex().data()).decode("ascii")
