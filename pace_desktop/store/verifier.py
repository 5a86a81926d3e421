"""A key-check file beside each store, so a damaged first page is not called a wrong passphrase.

SQLCipher reports damage to page 1 exactly as it reports a wrong key. The check file holds
only a random salt and a key check value (HMAC of a fixed label under a PBKDF2 key): nothing
the store's own header does not already give an attacker, and no case data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from pathlib import Path

ITERATIONS = 256_000  # the same work as SQLCipher 4's own derivation: no cheaper to attack
_LABEL = b"pace-desktop key check v1"


def verifier_path(store: Path) -> Path:
    return store.with_name(store.name + ".keycheck")


def _check_value(passphrase: str, salt: bytes, iterations: int) -> bytes:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, iterations, 32)
    return hmac.new(key, _LABEL, hashlib.sha256).digest()


def write_verifier(store: Path, passphrase: str) -> None:
    salt = os.urandom(16)
    body = {
        "format": "pace-key-check",
        "version": 1,
        "iterations": ITERATIONS,
        "salt": base64.b64encode(salt).decode(),
        "check": base64.b64encode(_check_value(passphrase, salt, ITERATIONS)).decode(),
    }
    path = verifier_path(store)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(body, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def verify(store: Path, passphrase: str) -> bool | None:
    """True or False when the check file can tell; None when there is none or it is unreadable."""
    try:
        body = json.loads(verifier_path(store).read_text(encoding="utf-8"))
        salt = base64.b64decode(body["salt"])
        expected = base64.b64decode(body["check"])
        iterations = int(body["iterations"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return hmac.compare_digest(_check_value(passphrase, salt, iterations), expected)
