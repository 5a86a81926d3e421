"""The authority's recovery key: a lost passphrase must not lose a child's record.

The authority makes a key pair once, offline (`recovery-keygen`). A store set up with the
authority's public key keeps its raw SQLCipher key sealed to it (RSA-OAEP-SHA256, through the
`cryptography` library) in `<store>.recovery` beside the store; `recover --key PRIVATE` opens
the store with the unsealed raw key and sets a new passphrase. The store itself stays a
standard SQLCipher 4 file: the raw key is SQLCipher's own PBKDF2-HMAC-SHA512 derivation
(256,000 iterations, the file's salt), which any SQLCipher tool accepts as x'…'.

During a rekey the seal file holds both keys (new first), so a kill part-way leaves a seal
for whichever passphrase then opens the store; after the rekey only the new one is kept.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from pace_desktop.safe_files import write_bytes
from pace_desktop.store.connection import derive_key
from pace_desktop.store.connection import raw_key_text as raw_key_text
from pace_desktop.store.errors import StoreError

FORMAT = "pace-recovery-seal"
PUBLIC_NAME = "pace-recovery-public.pem"
PRIVATE_NAME = "pace-recovery-PRIVATE.pem"
_OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(),
                     label=None)


class RecoveryError(StoreError):
    """A recovery key or seal that cannot be used; the message says why, plainly."""


def seal_path(store: Path) -> Path:
    return store.with_name(store.name + ".recovery")


def raw_key(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's own key derivation: what `PRAGMA key = 'passphrase'` computes."""
    return derive_key(passphrase, salt)


def make_keypair(folder: Path) -> tuple[Path, Path]:
    """A new authority key pair in `folder`: the public key for every store, the private key
    to be kept offline (both 0600; neither may replace an existing file)."""
    public, private = folder / PUBLIC_NAME, folder / PRIVATE_NAME
    for p in (public, private):
        if p.exists():
            raise RecoveryError(f"{p} already exists; a new key pair will not replace it.")
    folder.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    write_bytes(private, key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    write_bytes(public, public_pem(key.public_key()))
    return public, private


def public_pem(key: rsa.RSAPublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public(pem: bytes, where: str = "the recovery key") -> rsa.RSAPublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError:
        raise RecoveryError(f"{where} is not an authority's public recovery key.") from None
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 3072:
        raise RecoveryError(f"{where} is not an authority's public recovery key (RSA, 3072"
                            " bits or more).")
    return key


def load_private(path: Path) -> rsa.RSAPrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise RecoveryError(f"Cannot read the recovery key {path}: {exc.strerror}.") from None
    except (ValueError, TypeError):
        raise RecoveryError(f"{path} is not an authority's private recovery key.") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise RecoveryError(f"{path} is not an authority's private recovery key.")
    return key


def key_id(key: rsa.RSAPublicKey) -> str:
    der = key.public_bytes(serialization.Encoding.DER,
                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()[:16]


def write_seal(store: Path, public: rsa.RSAPublicKey, keys: list[bytes]) -> None:
    """Seal each raw key (the one that will open the store first) to the authority's key."""
    body = {"format": FORMAT, "version": 1, "key_id": key_id(public),
            "sealed": [base64.b64encode(public.encrypt(k, _OAEP)).decode() for k in keys]}
    write_bytes(seal_path(store), json.dumps(body).encode("utf-8"))


def _sealed_entries(store: Path) -> list[str]:
    try:
        return list(json.loads(seal_path(store).read_text(encoding="utf-8"))["sealed"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


def add_pending_seal(store: Path, public: rsa.RSAPublicKey, key: bytes) -> None:
    """Before a rekey: the new key's seal first, the current one kept after it."""
    body = {"format": FORMAT, "version": 1, "key_id": key_id(public),
            "sealed": [base64.b64encode(public.encrypt(key, _OAEP)).decode(),
                       *_sealed_entries(store)[:1]]}
    write_bytes(seal_path(store), json.dumps(body).encode("utf-8"))


def keep_only(store: Path, newest: bool) -> None:
    """After a rekey: keep the seal of the key that now opens the store (new or old)."""
    entries = _sealed_entries(store)
    if len(entries) < 2:
        return
    body = json.loads(seal_path(store).read_text(encoding="utf-8"))
    body["sealed"] = entries[:1] if newest else entries[1:2]
    write_bytes(seal_path(store), json.dumps(body).encode("utf-8"))


def unseal(store: Path, private: rsa.RSAPrivateKey) -> list[bytes]:
    """The raw keys sealed beside `store`, newest first."""
    path = seal_path(store)
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        sealed = [base64.b64decode(s) for s in body["sealed"]]
        their_id = str(body["key_id"])
    except FileNotFoundError:
        raise RecoveryError(f"There is no recovery seal ({path.name}) beside {store}: this store"
                            " was not set up with an authority recovery key.") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise RecoveryError(f"The recovery seal {path} cannot be read.") from None
    if their_id != key_id(private.public_key()):
        raise RecoveryError("That recovery key is not the one this store was sealed to.")
    try:
        return [private.decrypt(s, _OAEP) for s in sealed]
    except ValueError:
        raise RecoveryError("The recovery seal does not open with that key.") from None
