"""Opening, keying and configuring one SQLCipher 4 file; only `create_file` makes a file.

Key derivation is SQLCipher 4's standard (PBKDF2-HMAC-SHA512, 256,000 iterations, the salt in
the file's first 16 bytes), so standard SQLCipher tools can recover a store with the
passphrase alone.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.store.errors import (
    DamagedStore,
    DiskError,
    DiskFull,
    NotAPaceStore,
    ReadOnlyPlace,
    StoreError,
    StoreNotFound,
    WrongPassphrase,
)
from pace_desktop.store.verifier import pending_path, verify

Connection = sqlcipher.Connection
DatabaseError = sqlcipher.DatabaseError
IntegrityError = sqlcipher.IntegrityError
OperationalError = sqlcipher.OperationalError

_PLAIN_SQLITE = b"SQLite format 3\x00"
# 128 MB: with a big page cache an encrypted store reads as fast as a plain one (NOTES.md).
CACHE_KIB = 131_072


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _connect(target: str, uri: bool) -> Connection:
    # check_same_thread is off because the app hands the open store to one worker thread;
    # the store is still only ever used from one thread at a time.
    conn = sqlcipher.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher's stderr chatter is not for users
    return conn


def configure(conn: Connection) -> None:
    """The settings every open store runs with. Only called once the key is known good,
    because switching to WAL writes to the file."""
    conn.execute("PRAGMA temp_store = MEMORY")  # never FILE: SQLCipher temp files are plaintext
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def create_file(path: Path, passphrase: str) -> Connection:
    # Made owner-only before SQLite opens it; SQLite gives its -wal and -shm the same mode.
    # O_EXCL: never take over a file someone else made meanwhile.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = _connect(str(path), uri=False)
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    configure(conn)
    return conn


def plain_error(path: Path, exc: Any, what: str = "the change") -> StoreError | None:
    """The store's own error for a driver error caused by the place, not the data: a full
    disk, a read-only folder or file, an I/O error. None when it is none of these."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return DiskFull(str(path), what)
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) \
            or "readonly" in text or "unable to open" in text:
        return ReadOnlyPlace(str(path))
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        # SQLite calls only ENOSPC "full"; a quota or a file-size limit (EDQUOT, EFBIG) comes
        # back as a bare I/O error. Ask the system whether there is room before blaming the disk.
        return DiskFull(str(path), what) if no_room(path) else DiskError(str(path), str(exc))
    return None


def no_room(path: Path) -> bool:
    """Whether this process is out of room: under 1 MiB free, or a file-size limit set."""
    try:
        if shutil.disk_usage(path.parent).free < 1 << 20:
            return True
    except OSError:
        pass
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def rollback(conn: Connection) -> None:
    """Undo the open transaction, if SQLite has not already: after a full disk SQLite rolls
    back by itself, and a second ROLLBACK's "no transaction is active" must not replace the
    first error (the one that says why)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except DatabaseError:
            pass


def _uri(path: Path) -> str:
    # mode=rw: SQLite would otherwise create a missing file and call it an empty database.
    return "file:" + str(path.resolve()).replace("?", "%3F").replace("#", "%23") + "?mode=rw"


def latest_backup(path: Path) -> Path | None:
    from pace_desktop.store.backup import backups_of  # late: backup imports this module

    found = backups_of(path)
    return found[-1] if found else None


KDF_ITERATIONS = 256_000  # SQLCipher 4's default, which every SQLCipher tool uses
_RAW_TEXT = re.compile(r"x'([0-9a-fA-F]{64})'")


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's own key derivation: what `PRAGMA key = 'passphrase'` computes."""
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)


def raw_key_text(key: bytes) -> str:
    """The raw key as SQLCipher takes it in place of a passphrase."""
    return "x'" + key.hex() + "'"


def open_raw(path: Path, key: bytes) -> Connection:
    """A second connection to an open store, keyed with its raw key (no key derivation): a
    reader of its own, for work that must not hold the store's one connection (backups)."""
    conn = _connect(_uri(path), uri=True)
    try:
        conn.execute(f"PRAGMA key = {_quote(raw_key_text(key))}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")  # never FILE: temp files are plaintext
    except DatabaseError:
        conn.close()
        raise
    return conn


def open_keyed(path: Path, passphrase: str) -> Connection:
    """A keyed connection whose first page decrypted, or the error that says why not.

    Reads only: a wrong passphrase leaves the file and its folder byte for byte as they were.
    """
    return open_keyed_raw(path, passphrase)[0]


def open_keyed_raw(path: Path, passphrase: str) -> tuple[Connection, bytes]:
    """`open_keyed`, and the raw key it opened with. The key is derived here (SQLCipher's
    own derivation, once, as `PRAGMA key` would), so the store can open a second connection
    for its backups without the passphrase and without deriving it again."""
    if not path.exists():
        raise StoreNotFound(str(path))
    if path.is_dir():
        raise NotAPaceStore(str(path), "it is a folder")
    size = path.stat().st_size
    if size == 0:
        raise NotAPaceStore(str(path), "the file is empty")
    with open(path, "rb") as f:
        head = f.read(16)
    if head == _PLAIN_SQLITE:
        raise NotAPaceStore(str(path), "it is an unencrypted database")
    given = _RAW_TEXT.fullmatch(passphrase)
    key = bytes.fromhex(given.group(1)) if given else derive_key(passphrase, head)
    conn = _connect(_uri(path), uri=True)
    try:
        conn.execute(f"PRAGMA key = {_quote(raw_key_text(key))}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        raise _explain_failed_unlock(path, passphrase, exc, size) from None
    return conn, key


def _explain_failed_unlock(path: Path, passphrase: str, exc: Any, size: int) -> Exception:
    name = getattr(exc, "sqlite_errorname", "")
    if name != "SQLITE_NOTADB":
        place = plain_error(path, exc, "the store")
        if place is not None:
            return place
        return DamagedStore(str(path), str(exc), _backup_name(path))
    # SQLCipher cannot tell a wrong key from a damaged first page: ask the key-check file,
    # then the latest backup, which were written with the same passphrase.
    if pending_path(path).exists() and verify(path, passphrase):
        # An interrupted rekey: the file opens with exactly one of the two passphrases and a
        # key-check exists for each, so a match is no sign of damage: it is the other one.
        return WrongPassphrase(" A change of passphrase was interrupted: the store opens with"
                               " the other passphrase (the old one or the new one).")
    known = verify(path, passphrase)
    if known is None:
        known = _opens_backup(path, passphrase)
    if known:
        return DamagedStore(str(path), "its first page cannot be read", _backup_name(path))
    if known is None and size % 1024:
        return NotAPaceStore(str(path), "it is not an encrypted database")
    return WrongPassphrase()


def _backup_name(path: Path) -> str | None:
    found = latest_backup(path)
    return str(found) if found else None


def _opens_backup(path: Path, passphrase: str) -> bool | None:
    found = latest_backup(path)
    if found is None:
        return None
    conn = _connect(_uri(found), uri=True)
    try:
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DatabaseError:
        return False
    finally:
        conn.close()
