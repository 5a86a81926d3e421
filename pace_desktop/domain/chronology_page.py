"""A chronology's own page (DOMAIN.md, Chronologies): who compiled it and when, over what
period, from which sources, single- or multi-agency, and the worker's analysis at the end;
and the worker's choices kept with it: which entries drawn from the record are left out,
and which checks before printing were accepted as they stand.

Leaving an entry out is a choice kept here, never a deletion: the record it was drawn from
is untouched, and putting the entry back is removing its key from `left_out`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Final

AGENCIES: Final[dict[str, str]] = {
    "single": "Single-agency (social work)",
    "multi": "Multi-agency",
}


@dataclass(frozen=True, slots=True)
class ChronologyPage:
    compiled_by: str | None = None
    compiled_on: date | None = None
    period_from: date | None = None
    period_to: date | None = None
    sources: str | None = None
    agency: str = "single"
    analysis: str | None = None
    left_out: frozenset[str] = frozenset()  # keys of entries drawn from the record
    accepted_checks: frozenset[str] = frozenset()  # keys of checks accepted as they stand

    def leaving_out(self, key: str, out: bool = True) -> ChronologyPage:
        keys = self.left_out | {key} if out else self.left_out - {key}
        return replace(self, left_out=frozenset(keys))
