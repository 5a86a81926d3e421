"""Rules the import applies to a record, worded for the person typing it in a dialog.

The interchange reader refuses a living episode whose carer is not one of the child's people
(INTERCHANGE.md: `carer` is a PERSON id), so the dialog asks the same question here, before
the record is saved: what the app accepts, its own import must accept too.
"""

from __future__ import annotations

from collections.abc import Sequence

from pace_desktop.domain.records import Person

CARER_NOT_A_PERSON = ("Choose the carers from the child's People. If they are not there yet, "
                      "add them in the People tab first.")


def carer_message(carer: str | None, people: Sequence[Person]) -> str | None:
    """None when `carer` is empty or one of `people`'s ids; else what to say."""
    if not carer or any(p.id == carer for p in people):
        return None
    return CARER_NOT_A_PERSON
