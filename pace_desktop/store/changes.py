"""What an operation changed: one typed, frozen shape returned by every store operation, so
a view refreshes only what it shows (`touches`) and no caller tests which kind it got."""

from __future__ import annotations

from dataclasses import dataclass

# The parts of a child's record an operation may change (the tables' names), and "drafts"
# for the autosaved form text an operation discards with the record it became.
PARTS = frozenset({"children", "people", "living", "legal", "events", "meetings",
                   "nondisclosure", "drafts", "chronology", "prints"})


@dataclass(frozen=True, slots=True)
class OpChanges:
    operation: str  # as the audit log names it: "save meeting draft", "import", …
    children: frozenset[str]  # the refs of the children whose records changed
    parts: frozenset[str]  # which parts of those records (PARTS)
    audit_seq: int  # the operation's entry in the audit log
    records: tuple[str, ...] = ()  # ids of the records made or changed (a meeting, an entry)
    added: tuple[str, ...] = ()  # refs of children added (an import, a new child)
    updated: tuple[str, ...] = ()  # refs of children brought up to date by an import

    def touches(self, ref: str, part: str | None = None) -> bool:
        """Whether this changed the record of `ref` (in `part`, if one is named)."""
        return ref in self.children and (part is None or part in self.parts)

    def touches_any(self, parts: frozenset[str] | set[str]) -> bool:
        return bool(self.parts & parts)

    @property
    def record(self) -> str:
        """The one record this operation made or changed ('' when it was not one record)."""
        return self.records[0] if len(self.records) == 1 else ""


Changes = OpChanges  # the name the first operations were written with
