"""Recipient redaction, checked in real PDFs: extracted text, decompressed bytes, metadata."""

from __future__ import annotations

from datetime import date

import pytest

from pace_desktop.chronology import (
    JourneyContext,
    UnknownRecipient,
    chronology_pdf,
    decision_record_pdf,
    journey_summary_pdf,
    redact,
)
from pace_desktop.journey import load_rules
from tests.test_print_fixtures import (
    CARER_ADDRESS,
    CARER_NAME,
    DAD_SECRET_ADDRESS,
    MUM_ADDRESS,
    NOT_SIGNIFICANT,
    OPTIONS,
    WITHHELD_FROM_PANEL,
    WITHHELD_FROM_PARENTS,
    all_text,
    child,
    metadata_text,
    page_texts,
    raw_bytes,
)

OUTSIDE = ("panel", "person:p1", "person:p3", "child", "court", "safeguarder", "curator",
           "carer:p2")
NOTICE = "Some information in the record has been withheld from this copy."
AS_OF = date(2024, 12, 1)


def _all_prints(recipient: str) -> list[bytes]:
    rules = load_rules(None)
    return [
        chronology_pdf(child(), recipient, OPTIONS,
                       journey=JourneyContext(tuple(rules), AS_OF)),
        decision_record_pdf(child(), "m1", recipient, OPTIONS),
        journey_summary_pdf(child(), rules, AS_OF, recipient, OPTIONS),
    ]


def _absent(pdf: bytes, secret: str) -> None:
    assert secret not in all_text(pdf)
    assert secret.encode() not in raw_bytes(pdf)
    assert secret not in metadata_text(pdf)


@pytest.mark.parametrize("recipient", OUTSIDE)
def test_confidential_addresses_never_reach_an_outside_copy(recipient: str) -> None:
    for pdf in _all_prints(recipient):
        for secret in (CARER_ADDRESS, DAD_SECRET_ADDRESS, "Hidden Lane"):
            _absent(pdf, secret)


def test_a_parent_s_copy_hides_the_carers_names_everywhere() -> None:
    chron, record, summary = _all_prints("person:p1")
    for pdf in (chron, record, summary):
        _absent(pdf, "Zebedee")
        _absent(pdf, WITHHELD_FROM_PARENTS)
    assert "The foster carers (Foster carers)" in all_text(record)  # the attendee, neutrally
    assert "the foster carers" in all_text(chron)  # the entry that named them


@pytest.mark.parametrize("recipient", ("panel", "child", "safeguarder"))
def test_other_outside_copies_keep_carers_names(recipient: str) -> None:
    chron = chronology_pdf(child(), recipient, OPTIONS)
    assert "Zebedee" in all_text(chron)


def test_entries_withheld_from_the_recipient_are_left_out_entirely() -> None:
    panel = chronology_pdf(child(), "panel", OPTIONS)
    _absent(panel, WITHHELD_FROM_PANEL)
    assert WITHHELD_FROM_PARENTS.split()[0] in all_text(panel)
    parents = chronology_pdf(child(), "person:p1", OPTIONS)
    _absent(parents, WITHHELD_FROM_PARENTS)
    assert "Quarrelsome" in all_text(parents)


def test_internal_copy_holds_everything_significant() -> None:
    text = all_text(chronology_pdf(child(), "internal", OPTIONS))
    for wanted in ("Quarrelsome", "harbour", "Zebedee", "Hidden Lane"):
        assert wanted in text
    assert NOTICE not in text


@pytest.mark.parametrize("recipient", OUTSIDE)
def test_first_page_says_something_was_withheld(recipient: str) -> None:
    for pdf in _all_prints(recipient):
        first = " ".join(page_texts(pdf)[0].split())
        assert NOTICE in first


def test_non_significant_entries_are_absent_for_every_recipient() -> None:
    for recipient in (*OUTSIDE, "internal"):
        _absent(chronology_pdf(child(), recipient, OPTIONS), NOT_SIGNIFICANT)


def test_mums_open_address_is_not_treated_as_secret() -> None:
    kept = redact(child(), "panel").child
    assert kept.people[0].address == MUM_ADDRESS
    assert kept.people[1].address is None and kept.people[1].phone is None
    assert kept.living[0].address is None


def test_title_and_metadata_carry_no_withheld_text() -> None:
    for pdf in _all_prints("person:p1"):
        meta = metadata_text(pdf)
        assert CARER_NAME not in meta and "harbour" not in meta


def test_unknown_recipient_is_refused() -> None:
    with pytest.raises(UnknownRecipient):
        chronology_pdf(child(), "neighbour", OPTIONS)
