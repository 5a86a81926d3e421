"""The record behind the hearing-papers tests (tests/fixtures/hearing_papers.json): legal
changes, moves and finalised meetings, no typed entries; and the same child with typed
entries full of identifiers and with non-disclosure requests that give the mother and the
father different copies."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pace_desktop.domain import Event, Nondisclosure
from pace_desktop.domain.records import Child
from pace_desktop.exchange import read_interchange_file
from pace_desktop.store import CaseStore
from tests.conftest import FIXTURES, PASSPHRASE

FIXTURE = FIXTURES / "hearing_papers.json"
REF = "HP-001"

# Withheld from Dad (a PERSON, in every form; pending) and where Skye lives now (granted).
GRAN_FORMS = ("Jean Sutherland", "Jean", "Sutherland", "Mrs Sutherland", "SUTHERLAND",
              "5 Shore Lane", "Shore Lane", "Tain")
GRAN_PHONES = ("07700 900789", "07700900789", "+44 7700 900 789", "07700 900 789")
# Withheld from Mum (granted).
DAD_HEALTH = "Health report on Gary from his GP"
# Withheld from the child by role.
FOR_ADULTS = "Police investigation details shared with the team"
# Identifiers of the carer, whose address is confidential, typed into free text.
CARER_LEAKS = ("Mitchell", "MITCHELL", "Mrs Mitchell", "01862 871 234", "01862871234",
               "Pinewood Nursery", "Harbour Road", "Portmahomack")


def base_child() -> Child:
    return read_interchange_file(FIXTURE)[0]


def typed_entries() -> tuple[Event, ...]:
    return (
        Event(date(2023, 3, 6), "Mrs Mitchell took Skye to Pinewood Nursery for her first day",
              source="Foster carer", id="e-nursery",
              detail="MITCHELL says she settled well. Ring the carer on 01862 871 234 if"
                     " she is unwell, or 01862871234 after six."),
        Event(date(2023, 4, 10), "Skye walked along Harbour Road with her carer",
              impact="Settling well", action="Mitchell to keep a diary", id="e-walk",
              detail="They watched the boats at Portmahomack."),
        Event(date(2023, 6, 1), DAD_HEALTH, source="Dr Fiona Ross", id="e-dad-health"),
        Event(date(2023, 7, 1), FOR_ADULTS, withhold_from=("child",), id="e-police"),
        Event(date(2024, 3, 2), "Family time at Jean Sutherland's house in Tain",
              id="e-gran", source="Gran",
              detail="Gran (Mrs Sutherland) lives at 5 Shore Lane; call Jean on 07700900789"
                     " or +44 7700 900 789, or 07700 900 789. SUTHERLAND was warm and kind."),
    )


def requests() -> tuple[Nondisclosure, ...]:
    return (
        Nondisclosure("gran", ("dad",), "Gary has threatened to take Skye from her gran.",
                      date(2024, 6, 3), id="nd-gran"),
        Nondisclosure("with-gran", ("dad",), "Where Skye lives must not reach Gary.",
                      date(2024, 6, 3), "granted", date(2024, 6, 20), id="nd-home"),
        Nondisclosure("e-dad-health", ("mum",), "Health information about Gary himself.",
                      date(2024, 6, 5), "granted", date(2024, 6, 20), id="nd-health"),
        Nondisclosure("review1", ("mum",), "Asked by the carer; the hearing refused it.",
                      date(2024, 6, 5), "refused", date(2024, 6, 20), id="nd-refused"),
    )


def full_child() -> Child:
    return replace(base_child(), events=typed_entries(), nondisclosure=requests())


def store_holding(path: Path, child: Child) -> CaseStore:
    store = CaseStore.create(path, PASSPHRASE, "Eilidh Munro")
    store.import_children([child])
    return store
