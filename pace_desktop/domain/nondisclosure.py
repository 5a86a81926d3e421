"""Non-disclosure requests (INTERCHANGE.md NONDISCLOSURE; DOMAIN.md, hearing papers).

Withholding is a record, not a silent filter: what is withheld (`item`), from which named
people, why, when it was asked and what the hearing decided. A copy for a person leaves out
every item whose request names that person and is pending or granted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

ADDRESS_PREFIX: Final = "address:"
DECISIONS: Final[dict[str, str]] = {
    "pending": "Waiting for the hearing's decision",
    "granted": "Granted",
    "refused": "Refused",
}


@dataclass(frozen=True, slots=True)
class Nondisclosure:
    item: str  # the id of an entry, meeting, person or living episode, or "address:" + id
    withhold_from: tuple[str, ...]  # PERSON ids
    reason: str
    requested: date | None = None
    decision: str = "pending"
    decided: date | None = None
    id: str = ""

    @property
    def in_force(self) -> bool:
        """Pending requests are honoured until the hearing decides (DOMAIN.md)."""
        return self.decision in ("pending", "granted")
