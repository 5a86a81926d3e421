"""Keeping the store safe: backups (made on request and rolling), and the check of the
encryption, the database and the audit log."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from pace_desktop.store import audit, backup, package_heads, schema_guard, witness
from pace_desktop.store.connection import DatabaseError
from pace_desktop.store.errors import StoreExists
from pace_desktop.store.frame import StoreFrame, guarded, jsonable


class Safekeeping(StoreFrame):
    """Backups and the store's check."""

    @guarded
    def backup(self, out: Path | str) -> Path:
        """An encrypted copy that opens with the store's passphrase."""
        out = Path(out)
        if out.exists():
            raise StoreExists(str(out))
        out.parent.mkdir(parents=True, exist_ok=True)
        backup.export_to(self._live(), out)
        return out

    @guarded
    def auto_backup(self, why: str = "auto") -> Path:
        """A rolling backup in `backups/` beside the store; the newest KEEP are kept."""
        return self.backup_job(why)()

    @guarded
    def backup_job(self, why: str = "auto") -> Callable[[], Path]:
        """A rolling backup, in two halves: this call (on the store's thread) chooses the file
        and counts the backup as made; the callable it returns makes the copy through a
        connection of its own and may run on any thread, so the store's operations go on
        meanwhile (backup.py). A store made in this session (no raw key kept) is copied here,
        on its own connection, at once: it is new, so the copy is small."""
        out = backup.next_backup_path(self.path, why)
        out.parent.mkdir(parents=True, exist_ok=True)
        self.changes_since_backup = 0
        self._backed_up_at = time.monotonic()
        path, key = self.path, self._raw_key
        if key is None:
            self.backup(out)
            backup.prune(path)
            return lambda: out

        def copy() -> Path:
            backup.export_from_file(path, key, out)
            backup.prune(path)
            return out
        return copy

    def auto_backup_if_due(self, every_changes: int, every_minutes: float) -> Path | None:
        """Back up after `every_changes` writes, or after `every_minutes` of work that changed
        something; None when nothing is due (an idle store is not copied again and again)."""
        job = self.backup_job_if_due(every_changes, every_minutes)
        return job() if job is not None else None

    def backup_job_if_due(self, every_changes: int, every_minutes: float
                          ) -> Callable[[], Path] | None:
        """`backup_job` when a backup is due (see auto_backup_if_due), else None."""
        if self.changes_since_backup == 0:
            return None
        minutes = (time.monotonic() - self._backed_up_at) / 60
        if self.changes_since_backup >= every_changes or minutes >= every_minutes:
            return self.backup_job()
        return None

    def last_backup(self) -> tuple[Path, datetime] | None:
        """The newest automatic backup and when it was written (local time), if any."""
        found = backup.backups_of(self.path)
        if not found:
            return None
        newest = max(found, key=lambda p: p.stat().st_mtime)
        return newest, datetime.fromtimestamp(newest.stat().st_mtime).astimezone()

    @guarded
    def check(self) -> list[str]:
        """Every problem found, in plain words; an empty list means the store is sound."""
        conn = self._live()
        problems: list[str] = []
        try:
            problems += [f"encryption check: {' '.join(map(str, r))}"
                         for r in conn.execute("PRAGMA cipher_integrity_check")]
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems += [f"database check: {r}" for r in result]
            problems += self._audit_problems(conn)
        except DatabaseError as exc:
            problems.append(f"the file could not be read through: {exc}")
        return problems

    def _audit_problems(self, conn: Any) -> list[str]:
        """The chain, the schema's protections, every record against its seal, the witness."""
        key = self._audit_key()
        report = audit.walk(conn, key)
        problems = list(report.problems)
        problems += schema_guard.trigger_problems(conn)
        seals = report.seals or {}
        present: set[str] = set()
        for child in self.children():
            present.add(child.ref)
            seal = seals.get(child.ref)
            if seal is None:
                problems.append(f"the record of {child.ref} has no audit entry: it was added"
                                " outside PACE Desktop")
            elif seal != audit.content_seal(key, jsonable(child)):
                problems.append(f"the record of {child.ref} does not match its last audit"
                                " entry: it was changed outside PACE Desktop")
        for ref in sorted(set(seals) - present):
            problems.append(f"the record of {ref} is in the audit log but not in the store:"
                            " it was deleted outside PACE Desktop")
        hashes = dict(conn.execute("SELECT seq, hash FROM audit"))
        last_seq = max(hashes, default=0)  # the table's end, even where the chain broke
        found, notes = witness.problems_and_notes(self.path, key, last_seq, hashes)
        # Another store's log, seen through its packages: not this store's fault, so a note
        # (check still passes), but never left unsaid.
        self.notes = notes + package_heads.findings(conn)
        return problems + found
