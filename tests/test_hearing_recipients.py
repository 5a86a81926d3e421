"""Non-disclosure as the Reporter handles it: one copy per recipient, read back from real PDFs
(text, every stream decompressed, metadata). Each named person's copy leaves out exactly
what is withheld from them; the Reporter's papers keep every item and add the schedule."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pytest

from pace_desktop.chronology import (
    JourneyContext,
    PrintOptions,
    UnknownRecipient,
    chronology_pdf,
    decision_record_pdf,
    journey_summary_pdf,
)
from pace_desktop.chronology.styles import WITHHELD_NOTICE
from pace_desktop.journey import load_rules
from tests.hearing_papers import (
    DAD_HEALTH,
    FOR_ADULTS,
    GRAN_FORMS,
    GRAN_PHONES,
    full_child,
)
from tests.test_print_fixtures import all_text, metadata_text, page_texts, raw_bytes

OPTIONS = PrintOptions(printed_by="Eilidh Munro", printed_on=date(2024, 10, 1))
AS_OF = date(2024, 10, 1)
DAD_ADDRESS = ("2 Croft Road", "Croft Road", "Alness")  # marked confidential in the record
CARER_ADDRESS = ("Birchwood Cottage", "9 Harbour Road", "IV20 1YS")
OUTSIDE = ("panel", "child", "person:mum", "person:dad", "safeguarder", "curator",
           "carer:carer", "court")
# What each recipient must never see: (text of the item, its words in every form).
WITHHELD: dict[str, tuple[str, ...]] = {
    "panel": (*DAD_ADDRESS, *CARER_ADDRESS),
    "child": (FOR_ADULTS, *DAD_ADDRESS, *CARER_ADDRESS),
    "person:mum": (DAD_HEALTH, *DAD_ADDRESS, *CARER_ADDRESS),
    "person:dad": (*GRAN_FORMS, *GRAN_PHONES, "friends or relatives (kinship care)",
                   *CARER_ADDRESS),
    "safeguarder": (*DAD_ADDRESS, *CARER_ADDRESS),
    "curator": (*DAD_ADDRESS, *CARER_ADDRESS),
    "carer:carer": (*DAD_ADDRESS,),
    "court": (DAD_HEALTH, *GRAN_FORMS, *GRAN_PHONES, *DAD_ADDRESS, *CARER_ADDRESS),
}
# What each recipient must still get: withholding is exact, not a blanket.
KEPT: dict[str, tuple[str, ...]] = {
    "panel": (DAD_HEALTH, FOR_ADULTS, "Jean Sutherland"),
    "child": (DAD_HEALTH, "Jean Sutherland"),
    "person:mum": (FOR_ADULTS, "Jean Sutherland", "Skye to stay with her foster carer"),
    "person:dad": (DAD_HEALTH, FOR_ADULTS),
    "safeguarder": (DAD_HEALTH, FOR_ADULTS),
    "curator": (DAD_HEALTH, FOR_ADULTS),
    "carer:carer": (DAD_HEALTH, "Morag Mitchell", "Jean Sutherland"),
    "court": (FOR_ADULTS,),
}


@cache
def _prints(recipient: str) -> list[bytes]:
    rules = load_rules(None)
    kid = full_child()
    return [
        chronology_pdf(kid, recipient, OPTIONS, journey=JourneyContext(tuple(rules), AS_OF),
                       as_of=AS_OF),
        decision_record_pdf(kid, "hearing", recipient, OPTIONS),
        journey_summary_pdf(kid, rules, AS_OF, recipient, OPTIONS),
    ]


def _nowhere(pdf: bytes, secret: str, recipient: str) -> None:
    """Not as it is written, nor in another letter case as a word of its own."""
    text = all_text(pdf)
    assert secret not in text, (recipient, secret)
    assert not re.search(r"(?<!\w)" + re.escape(secret) + r"(?!\w)", text, re.I), (
        recipient, secret)
    assert secret.encode() not in raw_bytes(pdf), (recipient, secret)
    assert secret not in metadata_text(pdf), (recipient, secret)


@pytest.mark.parametrize("recipient", OUTSIDE)
def test_each_copy_leaves_out_what_is_withheld_from_that_recipient(recipient: str) -> None:
    for pdf in _prints(recipient):
        for secret in WITHHELD[recipient]:
            _nowhere(pdf, secret, recipient)
        first = " ".join(page_texts(pdf)[0].split())
        assert WITHHELD_NOTICE in first, recipient
    chronology = all_text(_prints(recipient)[0])
    for kept in KEPT[recipient]:
        assert kept in chronology, (recipient, kept)


def test_the_mother_and_the_father_get_different_copies() -> None:
    mum = all_text(_prints("person:mum")[0])
    dad = all_text(_prints("person:dad")[0])
    assert DAD_HEALTH in dad and DAD_HEALTH not in mum
    assert "Jean Sutherland" in mum and "Jean Sutherland" not in dad
    assert "Prepared for Lorna Brodie (Mum)" in mum
    assert "Prepared for Gary Innes (Dad)" in dad


def test_the_reporter_gets_every_item_and_the_schedule() -> None:
    chronology, record, summary = _prints("reporter")
    text = all_text(chronology)
    for item in (DAD_HEALTH, FOR_ADULTS, *GRAN_FORMS[:3], "Morag Mitchell",
                 "friends or relatives (kinship care)"):
        assert item in text, item
    assert WITHHELD_NOTICE not in text
    assert "These papers are complete" in text
    schedule = text[text.index("Schedule of non-disclosure requests"):]
    for what in ("Jean Sutherland (Gran), in every form", "Where Skye Brodie lives (since 1 June"
                 " 2024)", f"Entry of 1 June 2023: {DAD_HEALTH}",
                 "The record of the looked after child review on 20 February 2023",
                 f"Entry of 1 July 2023: {FOR_ADULTS}"):
        assert what in schedule, what
    for why in ("Gary has threatened to take Skye from her gran.",
                "Health information about Gary himself."):
        assert why in schedule
    assert "Waiting for the hearing's decision" in schedule
    assert "Granted on 20 June 2024" in schedule and "Refused on 20 June 2024" in schedule
    assert "Gary Innes (Dad)" in schedule and "Lorna Brodie (Mum)" in schedule
    assert "the child" in schedule  # the entry withheld by role, read as a request
    assert "Addresses the record marks confidential" in schedule
    assert "2 Croft Road, Alness" in schedule
    for pdf in (record, summary):
        assert WITHHELD_NOTICE not in all_text(pdf)


def test_internal_copy_is_complete_without_a_schedule() -> None:
    text = all_text(_prints("internal")[0])
    assert DAD_HEALTH in text and "Jean Sutherland" in text
    assert "Schedule of non-disclosure requests" not in text
    assert WITHHELD_NOTICE not in text


def test_a_refused_request_withholds_nothing() -> None:
    mum = all_text(_prints("person:mum")[0])
    assert "Skye to stay with her foster carer while assessments go on" in mum


def test_a_meeting_withheld_has_no_copy_for_that_person() -> None:
    from dataclasses import replace

    from pace_desktop.chronology import WithheldMeeting
    from pace_desktop.domain import Nondisclosure

    kid = full_child()
    kid = replace(kid, nondisclosure=(*kid.nondisclosure, Nondisclosure(
        "panel", ("dad",), "The panel's discussion names the carers.", id="nd-panel")))
    with pytest.raises(WithheldMeeting, match="Gary Innes"):
        decision_record_pdf(kid, "panel", "person:dad", OPTIONS)
    assert "The panel recommends" not in all_text(chronology_pdf(kid, "person:dad", OPTIONS))
    assert "The panel recommends" in all_text(chronology_pdf(kid, "person:mum", OPTIONS))


@pytest.mark.parametrize("code", ("neighbour", "person", "person:nobody", "carer:mum",
                                  "panel:mum"))
def test_a_recipient_the_record_does_not_have_is_refused(code: str) -> None:
    with pytest.raises(UnknownRecipient):
        chronology_pdf(full_child(), code, OPTIONS)
