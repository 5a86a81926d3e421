"""Reading the store: the caseload, children (whole or streamed), search, the audit log."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from pace_desktop.domain import Child
from pace_desktop.journey.judged import JudgedChild, rules_fingerprint
from pace_desktop.journey.rules import Rule
from pace_desktop.store import audit, judged_clocks
from pace_desktop.store import search as fts
from pace_desktop.store.errors import RecordNotFound
from pace_desktop.store.frame import CHUNK, StoreFrame, guarded
from pace_desktop.store.reads import CaseloadRow, caseload, child_ids, load_children


class Queries(StoreFrame):
    """Every read a caller needs (no caller reads SQL itself)."""

    @guarded
    def caseload(self, as_of: date | None = None) -> list[CaseloadRow]:
        """Every child's line, their legal status as it stands on `as_of` (today)."""
        return caseload(self._live(), as_of or date.today())

    @guarded
    def count_children(self) -> int:
        return self._live().execute("SELECT count(*) FROM children").fetchone()[0]

    @guarded
    def refs(self) -> list[str]:
        return [r[0] for r in self._live().execute("SELECT ref FROM children ORDER BY ref")]

    @guarded
    def child(self, ref: str) -> Child:
        found = child_ids(self._live(), [ref])
        if not found:
            raise RecordNotFound(f"There is no child with the reference {ref} in this store.")
        return next(load_children(self._live(), [found[0][0]]))

    @guarded
    def children(self, refs: Sequence[str] | None = None,
                 clock_facts_only: bool = False) -> Iterator[Child]:
        """Children in ref order (or the order of `refs`), streamed in chunks.

        With `clock_facts_only`, each child carries only what the journey engine reads:
        living and legal episodes, milestone entries, and the reviews and meetings whose
        decisions name a milestone (kind, date, status and those decisions)."""
        conn = self._live()
        found = child_ids(conn, refs)
        if refs is not None and len(found) < len(refs):
            missing = sorted(set(refs) - {r for _, r in found})
            raise RecordNotFound("No child with the reference " + ", ".join(missing) + ".")
        for i in range(0, len(found), CHUNK):
            yield from load_children(conn, [cid for cid, _ in found[i:i + CHUNK]],
                                     clock_facts_only)

    @guarded
    def judged_clocks(self, rules: Sequence[Rule], as_of: date,
                      refs: Sequence[str] | None = None) -> list[JudgedChild]:
        """Every child's (or `refs`') clock judgement holding on `as_of`, kept between sessions
        and judged again only where the record or the rules changed (`journey.judged`)."""
        return judged_clocks.judgements(self._live(), rules, rules_fingerprint(rules), as_of,
                                        refs)

    @guarded
    def search(self, text: str, limit: int = 50, child_ref: str | None = None
               ) -> fts.SearchResult:
        child_id = self._child_id(child_ref) if child_ref else None
        return fts.search(self._live(), text, limit, child_id)

    @guarded
    def search_refs(self, text: str, limit: int = 500) -> fts.MatchingRefs:
        """Refs of the children a search finds (by name, or in their newest matching entries)."""
        return fts.matching_refs(self._live(), text, limit)

    @guarded
    def audit_entries(self, target: str | None = None, limit: int = 1000
                      ) -> list[audit.AuditEntry]:
        return audit.entries(self._live(), target, limit)
