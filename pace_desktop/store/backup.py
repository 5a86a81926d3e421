"""Encrypted backups: `sqlcipher_export` into a new file keyed like the store.

A keyless ATTACH inherits the open store's key and salt, so a backup opens with the same
passphrase and the store never needs to keep the passphrase itself in memory.
Automatic backups roll in a `backups` folder beside the store; the newest few are kept.

A copy of a 10,000-child store takes seconds. Made on the store's one connection it would hold
every operation of the app for that long (a search typed just after unlock waited ~8 s), so
`export_from_file` reads through a connection of its own, keyed with the store's raw key:
in WAL mode that reader sees the store as it was when the copy began, whole, while the app's
connection goes on reading and writing.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pace_desktop.safe_files import WriteFailed, cause_of, writing
from pace_desktop.store.connection import DatabaseError, open_raw, plain_error, rollback
from pace_desktop.store.errors import StoreError

KEEP = 5
SUFFIX = ".pacebackup"


def backup_folder(store: Path) -> Path:
    return store.parent / "backups"


def backups_of(store: Path) -> list[Path]:
    """The store's automatic backups, oldest first."""
    folder = backup_folder(store)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{store.stem}.*{SUFFIX}"))


def next_backup_path(store: Path, why: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return backup_folder(store) / f"{store.stem}.{stamp}.{why}{SUFFIX}"


def export_to(conn: Any, out: Path) -> None:
    """Write an encrypted copy of the open store to `out` (which must not exist).

    Through `safe_files.writing`: a hidden 0600 file beside `out`, renamed into place only when
    whole; a full disk leaves no `.partial` file and says so plainly."""
    try:
        with writing(out) as tmp:
            conn.execute("ATTACH DATABASE ? AS backup_copy", (str(tmp),))
            try:
                conn.execute("SELECT sqlcipher_export('backup_copy')")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute(f"PRAGMA backup_copy.user_version = {int(version)}")
            finally:
                rollback(conn)
                conn.execute("DETACH DATABASE backup_copy")
    except DatabaseError as exc:
        place = plain_error(out, exc, "the backup")
        raise (place or StoreError(f"The backup {out} could not be made: {exc}.")) from None
    except WriteFailed as exc:
        raise StoreError(str(exc)) from None
    except OSError as exc:
        raise StoreError(str(WriteFailed(out, cause_of(exc)))) from None


def export_from_file(store: Path, key: bytes, out: Path) -> None:
    """`export_to` through a connection of its own (any thread), closed when done."""
    try:
        conn = open_raw(store, key)
    except DatabaseError as exc:
        place = plain_error(out, exc, "the backup")
        raise (place or StoreError(f"The backup {out} could not be made: {exc}.")) from None
    try:
        export_to(conn, out)
    finally:
        conn.close()


def prune(store: Path, keep: int = KEEP) -> None:
    """Keep the newest `keep` backups, and clear copies left half-made by an app that quit
    (or lost power) while making one: the copy runs on a thread that does not hold up
    quitting, so a 10,000-child store could otherwise leave hundreds of hidden megabytes
    behind each time. A half-made copy is encrypted like the store, but of no use to anyone."""
    for old in backups_of(store)[:-keep]:
        old.unlink(missing_ok=True)
    folder = backup_folder(store)
    for partial in folder.glob(f".{store.stem}.*.partial{SUFFIX}*") if folder.is_dir() else ():
        if not _writer_running(partial):
            partial.unlink(missing_ok=True)


def _writer_running(partial: Path) -> bool:
    """Whether the process that named `partial` (safe_files.temp_name) may still be writing."""
    pid_text = partial.name.split(".partial")[0].rsplit(".", 1)[-1]
    if not pid_text.isdigit():
        return True  # not ours to judge
    pid = int(pid_text)
    if pid == os.getpid():
        return True  # a copy of this app's own, perhaps being made now
    try:
        os.kill(pid, 0)  # asks whether it exists; sends nothing
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True
