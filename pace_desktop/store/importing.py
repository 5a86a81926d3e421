"""Whole children written at once: an import (new children, or existing ones brought up to
date, all or nothing) and a new child."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pace_desktop.domain import Child
from pace_desktop.domain.episode_rules import living_problems, period_problem
from pace_desktop.exchange.child_merge import ChildMerge, MergeBroken, merge_child
from pace_desktop.exchange.snapshot import to_snapshot
from pace_desktop.store import field_stamps, rows, sync_state
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.child_rewrite import rewrite_child
from pace_desktop.store.errors import DuplicateChild, StoreError
from pace_desktop.store.frame import StoreFrame, guarded, utc_now
from pace_desktop.store.inserts import BulkWriter, child_search_values, next_ids, with_ids
from pace_desktop.store.reads import load_children, refresh_now_columns
from pace_desktop.store.sync_state import snapshot_json
from pace_desktop.sync import MergeRefused


class ImportRefused(StoreError):
    """The import would break a rule of the store; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        n = len(problems)
        super().__init__(f"The import was refused ({n} problem{'s' * (n != 1)});"
                         " nothing was imported.")
        self.problems = problems


class Importing(StoreFrame):
    """Whole children written in one operation."""

    @guarded
    def import_children(self, children: Sequence[Child], update: bool = False,
                        source: str = "", sync_source: str | None = "main system"
                        ) -> OpChanges:
        """Add new children and, with `update`, merge existing ones; all or nothing.

        Updating is the three-way merge of SYNC.md (transport 3), against what the last
        import from the same `sync_source` brought (kept per child as the ancestor of peer
        ``import:SOURCE``): a change made only in the file arrives, a change made only here
        stays, a field changed on both sides differently is a conflict (this store's value
        stays in force), final records only grow (a file that changes one is refused, naming
        it), and nothing is replaced wholesale. Without an ancestor (no earlier import from
        that source), every field that differs is a conflict. `sync_source` None keeps no
        ancestor (bulk loads: the demo store, benchmarks).
        Records a file gives no id get the same ids on every import of it (by position),
        so the same file matches itself.
        """
        conn = self._live()
        existing = dict(conn.execute("SELECT ref, id FROM children"))
        problems = []
        for i, c in enumerate(children):
            if c.ref in existing and not update:
                problems.append(f"children[{i}].ref: {c.ref} is already in the store"
                                " (import with --update to bring it up to date)")
            # The rules every record keeps, however it came (a file, the demo, a script).
            problems += [f"children[{i}].living[{j}]: {problem}"
                         for j, problem in living_problems(c.living)]
            problems += [f"children[{i}].legal[{j}]: {problem}" for j, e in enumerate(c.legal)
                         if (problem := period_problem(e.start, e.end)) is not None]
        if problems:
            raise ImportRefused(problems)
        peer = f"import:{sync_source}" if sync_source is not None else None
        merges = self._plan_updates(children, existing, peer)
        added: list[str] = []
        updated: list[str] = []
        with self._operation("import", source or "import") as op:
            now = utc_now()
            local_seq = sync_state.next_audit_seq(conn)
            writer = BulkWriter(conn, now)
            next_child = next_ids(conn, "children")
            new_rows, search_rows, kept = [], [], []
            found_conflicts: list[int] = []
            for c in children:
                if c.ref in existing:
                    updated.append(c.ref)
                    continue
                c = with_ids(c)
                cid = next_child
                next_child += 1
                new_rows.append((cid, c.id, *rows.child_values(c), now, now, 1))
                search_rows.append(child_search_values(cid, c))
                writer.add_lists(cid, c)
                added.append(c.ref)
                if peer is not None:
                    kept.append((c.id, snapshot_json(to_snapshot(c))))
            conn.executemany(
                f"INSERT INTO children (id, uid, {', '.join(rows.CHILD_COLUMNS)}, created, updated,"
                f" version) VALUES ({rows.placeholders(5 + len(rows.CHILD_COLUMNS))})", new_rows)
            conn.executemany("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                             search_rows)
            writer.flush()
            for ref, (old, theirs, merged) in merges.items():
                if merged.changed:
                    rewrite_child(conn, existing[ref], old, merged.child, now)
                found_conflicts += sync_state.add_conflicts(conn, [
                    sync_state.NewConflict(old.id, k.key[0], k.key[1], k.field, k.ancestor,
                                           k.mine, k.theirs, *self._mine_changed(
                                               conn, old.id, ref, k.key, k.field),
                                           f"import of {source or sync_source}", now)
                    for k in merged.conflicts], peer or "import", now)
                if peer is not None:
                    kept.append((old.id, theirs))
            for uid, snap in kept:
                sync_state.keep_ancestor(conn, uid, peer or "", snap, local_seq, local_seq, now)
            refresh_now_columns(conn, ",".join(str(r[0]) for r in new_rows))
            op.after = {"source": source, "added": added, "updated": updated,
                        "events": sum(len(c.events) for c in children),
                        "conflicts": found_conflicts}
            op.children.update(added + updated)
            op.added.extend(added)
            op.updated.extend(updated)
            op.parts.update({"children", "people", "living", "legal", "events", "meetings",
                             "nondisclosure", "conflicts"})
        assert op.result is not None
        return op.result

    def _mine_changed(self, conn: Any, uid: str, ref: str, key: tuple[str, str], name: str
                      ) -> tuple[str, str | None]:
        who, at = field_stamps.mine_changed(conn, uid, ref, key[0], key[1], name)
        return who or self.user, at

    def _plan_updates(self, children: Sequence[Child], existing: dict[str, int],
                      peer: str | None) -> dict[str, tuple[Child, str, ChildMerge]]:
        """Every update worked out from reads alone, before anything is written."""
        conn = self._live()
        plans: dict[str, tuple[Child, str, ChildMerge]] = {}
        problems: list[str] = []
        for i, c in enumerate(children):
            if c.ref not in existing:
                continue
            (old,) = load_children(conn, [existing[c.ref]])
            new = with_ids(replace(c, id=old.id))
            theirs = to_snapshot(new)
            found = sync_state.ancestor(conn, old.id, peer) if peer else None
            base = found.snapshot if found else {}
            try:
                plans[c.ref] = (old, snapshot_json(theirs),
                                merge_child(base, to_snapshot(old), theirs))
            except MergeRefused as exc:
                part, rid = exc.key
                j = next((n for n, x in enumerate(getattr(new, part, ())) if x.id == rid), 0)
                what = "chronology entry" if part == "events" else "meeting"
                problems.append(f"children[{i}].{part}[{j}]: changes the {what} {rid}, which"
                                " is final; add an amendment instead")
            except MergeBroken as exc:
                problems.append(f"children[{i}]: {exc}")
        if problems:
            raise ImportRefused(problems)
        return plans

    @guarded
    def add_child(self, child: Child) -> OpChanges:
        if self._live().execute("SELECT 1 FROM children WHERE ref = ?",
                                (child.ref,)).fetchone():
            raise DuplicateChild(f"A child with the reference {child.ref} is already recorded.")
        result = self.import_children([child], source=f"new child {child.ref}")
        return replace(result, operation="add child")
