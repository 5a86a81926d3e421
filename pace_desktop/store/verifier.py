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

from pace_desktop.safe_files import write_bytes

ITERATIONS = 256_000  # the same work as SQLCipher 4's own derivation: no cheaper to attack
_LABEL = b"pace-desktop key check v1"


def verifier_path(store: Path) -> Path:
    return store.with_name(store.name + ".keycheck")


def pending_path(store: Path) -> Path:
    """The new passphrase's key-check while a rekey is under way: until the rekey is known to
    have happened, either passphrase may be the one that opens the store, and both are known."""
    return store.with_name(store.name + ".keycheck-new")


def sidecars(store: Path) -> tuple[Path, ...]:
    """The files that belong to a store and live beside it."""
    return tuple(store.with_name(store.name + s) for s in ("-wal", "-shm", "-journal")) + (
        verifier_path(store), pending_path(store), store.with_name(store.name + ".witness"),
        store.with_name(store.name + ".recovery"))


def _check_value(passphrase: str, salt: bytes, iterations: int) -> bytes:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, iterations, 32)
    return hmac.new(key, _LABEL, hashlib.sha256).digest()


def write_verifier(store: Path, passphrase: str, pending: bool = False) -> str:
    """Write the key-check (or the pending one of a rekey); returns the file's random id,
    which the rekey's audit entry records so an interrupted rekey can be told apart."""
    salt = os.urandom(16)
    nonce = base64.b16encode(os.urandom(8)).decode().lower()
    body = {
        "id": nonce,
        "format": "pace-key-check",
        "version": 1,
        "iterations": ITERATIONS,
        "salt": base64.b64encode(salt).decode(),
        "check": base64.b64encode(_check_value(passphrase, salt, ITERATIONS)).decode(),
    }
    path = pending_path(store) if pending else verifier_path(store)
    write_bytes(path, json.dumps(body).encode("utf-8"))
    return nonce


def _verify_one(path: Path, passphrase: str) -> bool | None:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        salt = base64.b64decode(body["salt"])
        expected = base64.b64decode(body["check"])
        iterations = int(body["iterations"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return hmac.compare_digest(_check_value(passphrase, salt, iterations), expected)


def verify(store: Path, passphrase: str) -> bool | None:
    """True or False when a check file can tell; None when there is none or none is readable.

    The pending file of an interrupted rekey counts too: a kill part-way through a rekey leaves
    the store opening with one of the two passphrases, and neither may be called "damaged"."""
    results = [_verify_one(p, passphrase) for p in (verifier_path(store), pending_path(store))]
    if True in results:
        return True
    return False if False in results else None


def promote(store: Path) -> None:
    """The rekey is done: the pending key-check becomes the key-check."""
    os.replace(pending_path(store), verifier_path(store))


def settle(store: Path, passphrase: str) -> str | None:
    """After `passphrase` has opened the store: keep only the key-check that matches it.

    Returns the pending file's id when an interrupted rekey turned out to have finished (the
    pending check file matched and was moved into place), so the caller can make sure the
    audit log records it."""
    pending = pending_path(store)
    if not pending.exists():
        return None
    if _verify_one(pending, passphrase):
        try:
            nonce = str(json.loads(pending.read_text(encoding="utf-8")).get("id", ""))
        except (OSError, ValueError, AttributeError):
            nonce = ""
        os.replace(pending, verifier_path(store))
        return nonce
    pending.unlink(missing_ok=True)
    return None
