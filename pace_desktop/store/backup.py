"""Encrypted backups: `sqlcipher_export` into a new file keyed like the store.

A keyless ATTACH inherits the open store's key and salt, so a backup opens with the same
passphrase and the store never needs to keep the passphrase itself in memory.
Automatic backups roll in a `backups` folder beside the store; the newest few are kept.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

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


def export_to(conn: object, out: Path) -> None:
    """Write an encrypted copy of the open store to `out` (which must not exist)."""
    tmp = out.with_name(out.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    conn.execute("ATTACH DATABASE ? AS backup_copy", (str(tmp),))  # type: ignore[attr-defined]
    try:
        conn.execute("SELECT sqlcipher_export('backup_copy')")  # type: ignore[attr-defined]
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # type: ignore[attr-defined]
        conn.execute(f"PRAGMA backup_copy.user_version = {int(version)}")  # type: ignore[attr-defined]
    finally:
        conn.execute("DETACH DATABASE backup_copy")  # type: ignore[attr-defined]
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, out)


def prune(store: Path, keep: int = KEEP) -> None:
    for old in backups_of(store)[:-keep]:
        old.unlink(missing_ok=True)
