"""What was decided for one print, kept with it (DOMAIN.md, hearing papers): for whom it was
made, by whom and when, how it left the laptop, each identifier the worker was shown and
whether it was left out, and the checks accepted as they stood."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Final

HOW: Final[dict[str, str]] = {
    "printed": "Printed",
    "saved": "Saved as a PDF file",
    "saved_protected": "Saved as a PDF file with a password",
    "command_line": "Saved from the command line",
}


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def phone_digits(text: str) -> str:
    """A phone number's digits, "+44 7700 900123" read as "07700900123"."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44") and text.strip().startswith("+"):
        digits = "0" + digits[2:]
    return digits


def identifier_key(kind: str, text: str) -> str:
    """How an identifier is known from one print to the next, whatever its spacing or case."""
    if kind == "phone":
        return f"phone:{phone_digits(text)}"
    return f"{kind}:{normalise(text)}"


@dataclass(frozen=True, slots=True)
class IdentifierChoice:
    """One identifier shown highlighted before printing, and what the worker decided."""

    kind: str  # name · phone · address · place · postcode · road · school
    text: str  # as it reads in the record ("Mrs Mitchell" is found as "Mitchell")
    leave_out: bool
    forced: bool = False  # withheld by a non-disclosure request: not the worker's choice

    @property
    def key(self) -> str:
        return identifier_key(self.kind, self.text)


@dataclass(frozen=True, slots=True)
class PrintRecord:
    document: str
    recipient: str
    made_by: str
    made: datetime
    how: str
    identifiers: tuple[IdentifierChoice, ...] = ()
    accepted_checks: tuple[str, ...] = ()
    withheld: bool = False
    id: str = ""
