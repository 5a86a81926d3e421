"""What an operation changed, so views refresh only what they show."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    operation: str
    children: frozenset[str]
    parts: frozenset[str]
    audit_seq: int

    def touches(self, ref: str, part: str | None = None) -> bool:
        return ref in self.children and (part is None or part in self.parts)


@dataclass(frozen=True, slots=True)
class ImportResult:
    changes: Changes
    added: tuple[str, ...]
    updated: tuple[str, ...]
