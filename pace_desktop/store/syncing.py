"""Bringing records together (SYNC.md): the store's operations for case packages and
conflicts. The work lives in case_packages.py, conflict_resolution.py and sync_state.py
(transport-neutral, for the hub too); these guard and delegate."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.domain.bounds import limit_for, too_long
from pace_desktop.store import sync_state
from pace_desktop.store.changes import Changes
from pace_desktop.store.errors import StoreError
from pace_desktop.store.frame import StoreFrame, guarded

if TYPE_CHECKING:
    from pace_desktop.store.case_packages import Received, Sent
    from pace_desktop.store.conflict_resolution import Resolved
    from pace_desktop.store.package_file import Package

Progress = Callable[[int, int], None]


class Syncing(StoreFrame):
    """Case packages out and in; conflicts listed and resolved."""

    @guarded
    def store_id(self) -> str:
        from pace_desktop.store.case_packages import store_id
        return store_id(self._live())

    @guarded
    def named_user(self) -> tuple[str, str]:
        """The store's named user: name and role ('' when none was given)."""
        meta = self.meta()
        return meta.get("user_name") or meta.get("owner", ""), meta.get("user_role", "")

    @guarded
    def set_named_user(self, name: str, role: str = "") -> Changes:
        """Name the person using this store (and their role); from now on every change, its
        amendments and the audit log carry this name, and packages say who sent them."""
        name, role = name.strip(), role.strip()
        if not name:
            raise StoreError("The named user needs a name.")
        for key, value in (("user_name", name), ("user_role", role)):
            if (long := too_long(value, limit_for(key))):
                raise StoreError(f"The named user's {key.split('_')[1]} {long}.")
        conn = self._live()
        with self._operation("set named user", "store") as op:
            op.before = dict(zip(("name", "role"), self.named_user(), strict=True))
            conn.executemany("INSERT INTO pace_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
                             " SET value = excluded.value",
                             [("user_name", name), ("user_role", role)])
            op.after = {"name": name, "role": role}
        self.user = name
        assert op.result is not None
        return op.result

    @guarded
    def conflicts(self, child_ref: str | None = None) -> list[sync_state.StoredConflict]:
        return sync_state.conflicts(self._live(), child_ref)

    @guarded
    def refs_with_conflicts(self) -> set[str]:
        return sync_state.refs_with_conflicts(self._live())

    @guarded
    def resolve_conflict(self, conflict_id: int, keep: str | None = None,
                         text: str | None = None) -> Resolved:
        from pace_desktop.store.conflict_resolution import resolve
        return resolve(self, conflict_id, keep, text)  # type: ignore[arg-type]

    @guarded
    def send_children(self, refs: Sequence[str], out: Path | str, passphrase: str,
                      progress: Progress | None = None) -> Sent:
        from pace_desktop.store.case_packages import send_children
        return send_children(self, refs, out, passphrase, progress)  # type: ignore[arg-type]

    @guarded
    def receive_package(self, package: Package, progress: Progress | None = None) -> Received:
        from pace_desktop.store.case_packages import receive
        return receive(self, package, progress)  # type: ignore[arg-type]
