"""A case package on disk: a standard SQLCipher 4 file with its own passphrase (SYNC.md).

It holds, for each chosen child, the child's whole record as a snapshot, the ancestors the
sending store keeps for that child (so the receiver can find the common ancestor even when it
was the one that sent the last version), and who last changed it. Its header names the
sending store, its named user, its audit head (seq and hash: the receiver witnesses it) and a
digest of every child row, so a truncated or altered package is refused rather than half
read. Reading opens the file read-only and never changes it.

Every way a package can be wrong gives `PackageError`, one line saying what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.safe_files import cause_of, finish, temp_name
from pace_desktop.store.errors import StoreError

FORMAT = "pace-case-package"
VERSION = 1
MIN_PACKAGE_PASSPHRASE = 12
_PLAIN_SQLITE = b"SQLite format 3\x00"


class PackageError(StoreError):
    """The package cannot be read or used; nothing was changed."""


@dataclass(frozen=True, slots=True)
class PackedChild:
    uid: str
    ref: str
    snapshot: str  # canonical JSON (sync_state.snapshot_json)
    ancestors: str  # JSON list of [peer, snapshot JSON, peer_seq, local_seq, at]
    changed_by: str | None
    changed_at: str | None
    # who changed each field, where and when (store/field_stamps.py, without digests); ""
    # in a package made before stamps
    stamps: str = ""


@dataclass(frozen=True, slots=True)
class Package:
    package_id: str
    made: str
    sender_store: str
    sender_user: str
    sender_role: str
    audit_seq: int
    audit_head: str
    children: tuple[PackedChild, ...] = field(default=())
    # [seq, hash] of the sender's head at each package it sent before (package_heads.py);
    # None in a package from before them
    sent_heads: tuple[tuple[int, str], ...] | None = None


def package_passphrase_problem(passphrase: str) -> str | None:
    if len(passphrase) < MIN_PACKAGE_PASSPHRASE:
        return (f"A package passphrase needs at least {MIN_PACKAGE_PASSPHRASE} characters"
                f" (this one has {len(passphrase)}).")
    if passphrase.strip().lower().startswith("x'"):
        return "A package passphrase must not be written as x'…' (that is a raw key)."
    return None


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _stamps_digest(children: Sequence[PackedChild]) -> str:
    return hashlib.sha256(json.dumps([c.stamps for c in children], ensure_ascii=False
                                     ).encode("utf-8")).hexdigest()


def _digest(children: Sequence[PackedChild]) -> str:
    h = hashlib.sha256()
    for c in children:
        h.update(json.dumps([c.uid, c.ref, c.snapshot, c.ancestors, c.changed_by,
                             c.changed_at], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def write_package(path: Path | str, passphrase: str, package: Package,
                  progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the package atomically (a temporary file renamed into place, owner-only)."""
    path = Path(path)
    problem = package_passphrase_problem(passphrase)
    if problem:
        raise PackageError(problem)
    tmp = temp_name(path)
    try:
        tmp.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        conn = sqlcipher.connect(str(tmp), isolation_level=None)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_quote(passphrase)}")
            conn.execute("PRAGMA temp_store = MEMORY")  # never plaintext temp files
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("BEGIN")
            conn.execute("CREATE TABLE package_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute("CREATE TABLE package_children (position INTEGER PRIMARY KEY,"
                         " uid TEXT NOT NULL, ref TEXT NOT NULL, snapshot TEXT NOT NULL,"
                         " ancestors TEXT NOT NULL, changed_by TEXT, changed_at TEXT)")
            # Stamps in a table of their own, with their own digest: a package made before
            # them has neither and still reads; a reader from before them ignores both.
            conn.execute("CREATE TABLE package_stamps (position INTEGER PRIMARY KEY,"
                         " stamps TEXT NOT NULL)")
            total = len(package.children)
            for i, c in enumerate(package.children):
                conn.execute("INSERT INTO package_children VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (i, c.uid, c.ref, c.snapshot, c.ancestors, c.changed_by,
                              c.changed_at))
                conn.execute("INSERT INTO package_stamps VALUES (?, ?)", (i, c.stamps))
                if progress:
                    progress(i + 1, total)
            meta = {"format": FORMAT, "version": str(VERSION), "package_id": package.package_id,
                    "made": package.made, "sender_store": package.sender_store,
                    "sender_user": package.sender_user, "sender_role": package.sender_role,
                    "audit_seq": str(package.audit_seq), "audit_head": package.audit_head,
                    "children": str(total), "digest": _digest(package.children),
                    "stamps_digest": _stamps_digest(package.children)}
            if package.sent_heads is not None:  # a reader from before them ignores it
                meta["sent_heads"] = json.dumps([list(h) for h in package.sent_heads])
            conn.executemany("INSERT INTO package_meta VALUES (?, ?)", list(meta.items()))
            conn.execute("COMMIT")
        finally:
            conn.close()
        finish(tmp, path)
    except sqlcipher.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise PackageError(f"The package {path} could not be written: {exc}.") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PackageError(f"The package {path} could not be written: {cause_of(exc)}.") \
            from None
    return path


def read_package(path: Path | str, passphrase: str) -> Package:
    """The whole package, checked, or `PackageError` saying what is wrong with it."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise PackageError(f"There is no package at {name}.")
    if path.is_dir():
        raise PackageError(f"{name} is a folder, not a case package.")
    size = path.stat().st_size
    if size == 0:
        raise PackageError(f"{name} is empty: it is not a case package.")
    with open(path, "rb") as f:
        head = f.read(16)
    if head == _PLAIN_SQLITE:
        raise PackageError(f"{name} is an unencrypted database, not a case package.")
    uri = "file:" + str(path.resolve()).replace("?", "%3F").replace("#", "%23") + "?mode=ro"
    try:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None)
    except sqlcipher.DatabaseError as exc:
        raise PackageError(f"{name} cannot be opened: {exc}.") from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_NOTADB":
                raise PackageError(f"The package {name} is damaged or incomplete ({exc});"
                                   " nothing was received.") from None
            if size % 512:
                raise PackageError(f"{name} is not a case package (or it is cut short).") \
                    from None
            raise PackageError(f"The passphrase does not open the package {name} (or it is"
                               " not a case package).") from None
        return _read(conn, name)
    except sqlcipher.DatabaseError as exc:
        raise PackageError(f"The package {name} is damaged or incomplete ({exc}); nothing was"
                           " received.") from None
    finally:
        conn.close()


def _read(conn: Any, name: str) -> Package:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"package_meta", "package_children"} <= tables:
        raise PackageError(f"{name} is an encrypted database but not a case package.")
    meta = dict(conn.execute("SELECT key, value FROM package_meta"))
    if meta.get("format") != FORMAT:
        raise PackageError(f"{name} is an encrypted database but not a case package.")
    version = int(meta.get("version", "0") or 0)
    if version > VERSION:
        raise PackageError(f"{name} was made by a newer version of PACE Desktop (package"
                           f" version {version}; this one reads up to {VERSION}). Update PACE"
                           " Desktop to receive it.")
    bad = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
    if bad:
        raise PackageError(f"The package {name} is damaged ({bad[0]}); nothing was received.")
    children = tuple(PackedChild(*r[1:]) for r in conn.execute(
        "SELECT position, uid, ref, snapshot, ancestors, changed_by, changed_at"
        " FROM package_children ORDER BY position"))
    if str(len(children)) != meta.get("children") or _digest(children) != meta.get("digest"):
        raise PackageError(f"The package {name} is incomplete or was altered after it was made;"
                           " nothing was received.")
    if "stamps_digest" in meta:
        stamps = dict(conn.execute("SELECT position, stamps FROM package_stamps")) \
            if "package_stamps" in tables else {}
        children = tuple(replace(c, stamps=stamps.get(i, "")) for i, c in enumerate(children))
        if _stamps_digest(children) != meta["stamps_digest"]:
            raise PackageError(f"The package {name} is incomplete or was altered after it was"
                               " made; nothing was received.")
    try:
        return Package(meta["package_id"], meta["made"], meta["sender_store"],
                       meta.get("sender_user", ""), meta.get("sender_role", ""),
                       int(meta["audit_seq"]), meta["audit_head"], children,
                       _heads(meta["sent_heads"]) if "sent_heads" in meta else None)
    except (KeyError, ValueError, TypeError):
        raise PackageError(f"The package {name} lacks part of its header; nothing was"
                           " received.") from None


def _heads(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(s), str(h)) for s, h in json.loads(text))
