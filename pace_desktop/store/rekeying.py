"""Changing the passphrase, and the authority's recovery key that opens a store whose
passphrase is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from pace_desktop.safe_files import cause_of
from pace_desktop.store import recovery
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.connection import (
    DatabaseError,
    derive_key,
    open_keyed,
    plain_error,
    rollback,
)
from pace_desktop.store.errors import StoreError, WrongPassphrase
from pace_desktop.store.frame import StoreFrame, guarded
from pace_desktop.store.passphrases import check_passphrase
from pace_desktop.store.verifier import pending_path, promote, settle, write_verifier


class RekeyFailed(StoreError):
    """A passphrase change did not finish; the message says which passphrase opens the store."""


class Rekeying(StoreFrame):
    """The passphrase changed, and the authority's recovery key."""

    @guarded
    def rekey(self, new_passphrase: str) -> None:
        """Change the passphrase, so that at every moment one known passphrase opens the store.

        SQLCipher re-encrypts every page in one transaction: a kill part-way leaves a file that
        opens with exactly one of the two passphrases. The new key-check is written beside the
        old one first (pending), so whichever passphrase opens the file is recognised; the
        pending file is moved into place, and the audit entry written, once the rekey is done
        (or at the next open, if a kill came first)."""
        check_passphrase(new_passphrase)
        conn = self._live()
        public = self._recovery_public()
        try:
            nonce = write_verifier(self.path, new_passphrase, pending=True)
            if public is not None:  # the seal renewed: both keys sealed until the rekey ends
                recovery.add_pending_seal(self.path, public,
                                          recovery.raw_key(new_passphrase, self._salt))
        except OSError as exc:
            raise StoreError(f"The passphrase was not changed: {cause_of(exc)}. The old"
                             " passphrase still opens the store.") from None
        self._raw_key = None  # backups go through this connection until the next open
        try:
            conn.execute("PRAGMA rekey = " + "'" + new_passphrase.replace("'", "''") + "'")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            rollback(conn)
            raise self._failed_rekey(new_passphrase, exc, public is not None) from None
        self._record_rekey(nonce, interrupted=False)
        promote(self.path)
        if public is not None:
            recovery.keep_only(self.path, newest=True)
        # The new raw key (a rekey keeps the file's salt): backups, and the bounds' look at
        # what a child held before an operation, go on through a connection of their own
        # rather than waiting for the next open.
        self._raw_key = derive_key(new_passphrase, self._salt)

    def _recovery_public(self) -> Any:
        row = self._live().execute(
            "SELECT value FROM pace_meta WHERE key = 'recovery_public_key'").fetchone()
        return recovery.load_public(row[0].encode("ascii")) if row else None

    @guarded
    def enrol_recovery(self, passphrase: str, public_pem: bytes) -> OpChanges:
        """Seal this store's key to the authority's public key (and renew it on every rekey).
        `passphrase` must be the one that opens the store: its raw key is what is sealed."""
        public = recovery.load_public(public_pem)
        key = recovery.raw_key(passphrase, self._salt)
        probe = open_keyed(self.path, recovery.raw_key_text(key))  # the right passphrase?
        probe.close()
        with self._operation("set up recovery key", "store") as op:
            self._live().execute(
                "INSERT INTO pace_meta VALUES ('recovery_public_key', ?) ON CONFLICT (key)"
                " DO UPDATE SET value = excluded.value", (public_pem.decode("ascii"),))
            op.after = {"recovery_key_id": recovery.key_id(public)}
        recovery.write_seal(self.path, public, [key])
        assert op.result is not None
        return op.result

    @classmethod
    def recover(cls, path: Path | str, private_key: Path, new_passphrase: str,
                user: str | None = None) -> Self:
        """Open a store whose passphrase is lost with the authority's private key, and give it
        `new_passphrase` (the seal is renewed for it)."""
        path = Path(path)
        check_passphrase(new_passphrase)
        keys = recovery.unseal(path, recovery.load_private(private_key))
        for key in keys:
            try:
                store = cls.open(path, recovery.raw_key_text(key), user, _raw=True)
            except WrongPassphrase:
                continue
            with store._operation("recover with the authority's key", "store") as op:
                op.after = {"recovery_key_id": recovery.key_id(
                    recovery.load_private(private_key).public_key())}
            for stale in (pending_path(path),):
                stale.unlink(missing_ok=True)
            store.rekey(new_passphrase)
            return store
        raise StoreError("The recovery seal beside the store does not open it: the store may"
                         " have been replaced since it was sealed.")

    def _record_rekey(self, nonce: str, interrupted: bool) -> None:
        last = self._live().execute(
            "SELECT operation, after FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        if last and last[0] == "change passphrase" and nonce and nonce in (last[1] or ""):
            return  # already recorded before the interruption
        with self._operation("change passphrase", "store") as op:
            op.after = {"key_check": nonce, **({"finished_at_next_open": True}
                                               if interrupted else {})}

    def _failed_rekey(self, new_passphrase: str, exc: Any, sealed: bool) -> StoreError:
        """Which passphrase opens the store now, asked of the file itself, and the key-check
        left agreeing with it."""
        try:
            probe = open_keyed(self.path, new_passphrase)
            probe.close()
            now_new = True
        except StoreError:
            now_new = False
        if now_new:
            settle(self.path, new_passphrase)
            which = "the NEW passphrase now opens the store"
        else:
            pending_path(self.path).unlink(missing_ok=True)
            which = "the OLD passphrase still opens the store"
        if sealed:  # not asked of the connection: after a failed rekey its key is unusable
            recovery.keep_only(self.path, newest=now_new)
        place = plain_error(self.path, exc, "the new passphrase")
        cause = str(place) if place is not None else f"The passphrase change failed ({exc})."
        return RekeyFailed(f"{cause} Nothing is lost: {which}.")
