"""A hand-made child for the print tests, and helpers that read PDFs back with pypdf.

The child holds one of everything a print must treat with care: entries withheld from some
recipients, carers with confidential addresses, a Gaelic name, approximate dates, same-day
entries, a finalised meeting with an amendment.
"""

from __future__ import annotations

import io
from datetime import date

import pypdf

from pace_desktop.chronology import PrintOptions
from pace_desktop.domain.records import (
    Action,
    Amendment,
    Attendee,
    Child,
    Decision,
    Event,
    LivingEpisode,
    Meeting,
    Person,
)

CARER_NAME = "Seonag and Tormod Zebedee"
CARER_ADDRESS = "7 Hidden Lane, Portree"
MUM_ADDRESS = "12 Open Street, Stornoway"
DAD_SECRET_ADDRESS = "3 Quiet Close, Dingwall"
WITHHELD_FROM_PARENTS = "Moved to a new foster home beside the harbour"
WITHHELD_FROM_PANEL = "Quarrelsome phone call logged for the team only"
NOT_SIGNIFICANT = "Routine office note about a diary change"
OPTIONS = PrintOptions(printed_by="Iseabail Tester", printed_on=date(2026, 11, 24))


def child() -> Child:
    events = (
        Event(date(2020, 1, 1), "Family moved to Skye", date_precision="circa",
              source="Family history"),
        Event(date(2016, 5, 1), "Health visitor offered extra support", date_precision="month",
              source="Health visitor"),
        Event(date(2017, 1, 1), "Family registered with a new GP", date_precision="year"),
        Event(date(2024, 3, 4), "Second same-day entry", seq=2, source="Social work"),
        Event(date(2024, 3, 4), "First same-day entry", seq=1, source="Social work",
              impact="A calmer week at home.", impact_sign="positive"),
        Event(date(2024, 3, 5), WITHHELD_FROM_PARENTS, withhold_from=("relevant_person",),
              source="Social work"),
        Event(date(2024, 3, 6), WITHHELD_FROM_PANEL, withhold_from=("panel", "court"),
              source="Duty team"),
        Event(date(2024, 3, 7), NOT_SIGNIFICANT, significant=False),
        Event(date(2024, 3, 8), f"Eòghann spent the weekend with {CARER_NAME}",
              detail=f"They took him to the beach near {CARER_ADDRESS}.", kind="note",
              source="Carers", amendments=(Amendment(date(2024, 4, 1), "Mòrag Reviewer",
                                                     "Date checked with the carers."),)),
        Event(date(2024, 2, 1), "Became looked after", kind="looked_after",
              source="Social work"),
    )
    meeting = Meeting(
        kind="lac_review", date=date(2024, 4, 10), chair="Mòrag Reviewer",
        attendees=(Attendee(CARER_NAME, "Foster carers"), Attendee("Ann Innes", "Mum"),
                   Attendee("Dr Peat", "GP", present=False)),
        child_views="Eòghann said he likes his new school.",
        child_views_how="Talked with his worker before the meeting",
        family_views="Mum would like more family time.",
        decisions=(Decision("Plan for Eòghann to stay where he is", "permanence_recommendation",
                            "po"),),
        actions=(Action("Arrange family time", "Ann Worker", date(2024, 5, 1), None),),
        next_review=date(2024, 10, 10), status="final",
        amendments=(Amendment(date(2024, 4, 20), "Mòrag Reviewer",
                              "Corrected the date of the next review."),),
        id="m1",
    )
    return Child(
        ref="TEST-001", given_name="Eòghann", family_name="MacLeòid",
        date_of_birth=date(2015, 6, 9), allocated_worker="Ann Worker",
        people=(
            Person("p1", "parent", "Ann Innes", "Mum", MUM_ADDRESS, address_confidential=False),
            Person("p2", "carer", CARER_NAME, "foster carers", CARER_ADDRESS, True, "0123 456"),
            Person("p3", "parent", "Iain MacLeòid", "Dad", DAD_SECRET_ADDRESS, True),
        ),
        living=(LivingEpisode("foster", date(2024, 2, 1), carer="p2", address=CARER_ADDRESS,
                              address_confidential=True),),
        events=events, meetings=(meeting,),
    )


def page_texts(pdf: bytes, password: str | None = None) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    return [p.extract_text() or "" for p in reader.pages]


def all_text(pdf: bytes) -> str:
    """Every page's text with line breaks as spaces, since table cells wrap anywhere."""
    return " ".join(" ".join(page_texts(pdf)).split())


def raw_bytes(pdf: bytes) -> bytes:
    """The file with every stream decompressed, so a search sees what a hex editor would."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    parts = [pdf]
    for num in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(num)
        if isinstance(obj, pypdf.generic.StreamObject):
            parts.append(obj.get_data())
    return b"\n".join(parts)


def metadata_text(pdf: bytes) -> str:
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata or {}
    return " ".join(str(v) for v in meta.values())
