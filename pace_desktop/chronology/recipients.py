"""Who a print is for. The recipient decides what is withheld (see redaction.py)."""

from __future__ import annotations

from typing import Final

RECIPIENT_LABELS: Final[dict[str, str]] = {
    "panel": "the children's hearing panel",
    "relevant_person": "a relevant person",
    "child": "the child",
    "court": "the court",
    "internal": "internal use within the service",
}
RECIPIENTS: Final = tuple(RECIPIENT_LABELS)


class UnknownRecipient(ValueError):
    def __init__(self, recipient: str) -> None:
        super().__init__(f"There is no recipient called {recipient!r}. The recipients are: "
                         + ", ".join(RECIPIENTS) + ".")
        self.recipient = recipient


def check_recipient(recipient: str) -> str:
    if recipient not in RECIPIENT_LABELS:
        raise UnknownRecipient(recipient)
    return recipient
