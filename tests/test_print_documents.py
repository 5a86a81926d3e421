"""The decision record, journey summary and clocks report say what they must, in order."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pypdf
import pytest

from pace_desktop.chronology import (
    PrintOptions,
    UnknownMeeting,
    chronology_pdf,
    clocks_report_pdf,
    decision_record_pdf,
    journey_summary_pdf,
)
from pace_desktop.demo import DEFAULT_TODAY, generate_caseload
from pace_desktop.journey import due_list, load_rules
from tests.fixture_children import fixture_children, fixture_expected
from tests.test_print_fixtures import OPTIONS, all_text, child, page_texts


def test_decision_record_shows_everything_with_amendments_after_the_original() -> None:
    text = all_text(decision_record_pdf(child(), "m1", "internal", OPTIONS))
    for wanted in ("Present:", "Apologies: Dr Peat (GP)", "Eòghann said he likes his new school",
                   "Talked with his worker", "Mum would like more family time",
                   "Plan for Eòghann to stay where he is",
                   "Route to permanence: Permanence order", "Arrange family time",
                   "1 May 2024", "not yet", "10 October 2024"):
        assert wanted in text, wanted
    original = text.index("Next review")
    amendment = text.index("Corrected the date of the next review")
    assert original < amendment
    assert "20 April 2024, Mòrag Reviewer" in text


def test_a_draft_record_says_it_is_a_draft() -> None:
    kid = child()
    draft = replace(kid.meetings[0], status="draft", amendments=())
    text = all_text(decision_record_pdf(replace(kid, meetings=(draft,)), "m1", "panel",
                                        OPTIONS))
    assert "DRAFT" in text


def test_unknown_meeting_is_refused_plainly() -> None:
    with pytest.raises(UnknownMeeting, match="no meeting with the id m9"):
        decision_record_pdf(child(), "m9", "panel", OPTIONS)


def test_journey_summary_gives_statuses_in_words() -> None:
    kid = next(iter(generate_caseload(1)))
    text = all_text(journey_summary_pdf(kid, load_rules(None), DEFAULT_TODAY, "internal",
                                        OPTIONS))
    assert "About the child" in text and "Milestones" in text and "Clocks" in text
    assert any(word in text for word in ("✓ Met on", "▲ Overdue", "● Due in", "✓ Met "))


def test_clocks_report_lists_overdue_first_most_overdue_at_the_top() -> None:
    kids = list(generate_caseload(40))
    items = due_list(kids, load_rules(None), DEFAULT_TODAY, 28)
    assert any(i.clock.status == "overdue" for i in items)
    pdf = clocks_report_pdf(items, DEFAULT_TODAY, OPTIONS,
                            {k.ref: k.allocated_worker for k in kids})
    text = all_text(pdf)
    refs_in_order = [i.child_ref for i in items]
    found = []
    cursor = text.index("Lapsed orders")
    for ref in refs_in_order:
        cursor = text.index(f"({ref})", cursor)
        found.append(cursor)
    assert found == sorted(found)
    assert text.index("Lapsed orders") < text.index("Overdue (") < text.index("Due soon (")


def test_a_lapsed_order_reads_as_lapsed_in_the_clocks_report_and_summary() -> None:
    as_of, _ = fixture_expected()
    kids = fixture_children()
    items = due_list(kids, load_rules(None), as_of, 28)
    text = all_text(clocks_report_pdf(items, as_of, OPTIONS))
    lapsed = text[text.index("Lapsed orders"):text.index("Overdue (")]
    assert "(4)" in lapsed.splitlines()[0]
    assert "Eilidh Sinclair (FX-C)" in lapsed and "Ellie Groat (FX-K)" in lapsed
    assert "the order ceased on" in lapsed
    archie = next(k for k in kids if k.ref == "FX-J")
    summary = all_text(journey_summary_pdf(archie, load_rules(None), as_of, "internal",
                                           OPTIONS))
    assert "Lapsed" in summary and "the order ceased on 24 Feb 2026" in summary


def test_password_protected_pdf_needs_the_password() -> None:
    options = PrintOptions("Iseabail Tester", printed_on=OPTIONS.printed_on,
                           password="a good long password")
    pdf = chronology_pdf(child(), "panel", options)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.is_encrypted
    assert not reader.decrypt("wrong password")
    assert "Eòghann" in " ".join(page_texts(pdf, "a good long password"))
    assert b"Iseabail" not in pdf  # the metadata is encrypted too


def test_printed_date_is_as_given() -> None:
    other = PrintOptions("Someone Else", printed_on=date(2025, 1, 2))
    assert "Printed on 2 January 2025 by Someone Else" in all_text(
        chronology_pdf(child(), "internal", other))
