"""Every page of every print: marking top and bottom, the child, page N of M, fonts, metadata."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, timedelta

import pypdf

from pace_desktop.chronology import (
    EntryFilter,
    JourneyContext,
    PrintOptions,
    chronology_pdf,
    clocks_report_pdf,
    decision_record_pdf,
    journey_summary_pdf,
)
from pace_desktop.domain.records import Event
from pace_desktop.journey import load_rules
from tests.test_print_fixtures import OPTIONS, all_text, child, page_texts

CHILD_LINE = "Eòghann MacLeòid · born 9 June 2015 · TEST-001"


def _long_child(entries: int = 400):
    start = date(2018, 1, 1)
    events = tuple(
        Event(start + timedelta(days=i // 3), f"Entry number {i:04d} about the week",
              seq=i % 3, source="Social work", detail="A fuller account of what happened. " * 3,
              impact="Some effect on the child.", action="Followed up.")
        for i in range(entries))
    return replace(child(), events=events)


def _check_frame(pdf: bytes, marking: str, child_line: str | None) -> int:
    pages = page_texts(pdf)
    assert pages
    for number, text in enumerate(pages, start=1):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        assert lines[0] == marking, f"page {number} does not start with the marking"
        assert lines[-1] == marking, f"page {number} does not end with the marking"
        assert f"Page {number} of {len(pages)}" in text
        assert "Printed on 24 November 2026 by Iseabail Tester" in text
        if child_line:
            assert child_line in text, f"page {number} lacks the child's name and birth date"
    return len(pages)


def test_long_chronology_frames_every_page() -> None:
    pdf = chronology_pdf(_long_child(), "panel", OPTIONS)
    assert _check_frame(pdf, "OFFICIAL-SENSITIVE", CHILD_LINE) > 5


def test_marking_comes_from_the_setting() -> None:
    options = PrintOptions("Iseabail Tester", "OFFICIAL-SENSITIVE PERSONAL",
                           OPTIONS.printed_on)
    pdf = chronology_pdf(_long_child(60), "internal", options)
    _check_frame(pdf, "OFFICIAL-SENSITIVE PERSONAL", CHILD_LINE)


def test_other_documents_frame_every_page() -> None:
    rules = load_rules(None)
    as_of = date(2024, 12, 1)
    _check_frame(decision_record_pdf(child(), "m1", "panel", OPTIONS), "OFFICIAL-SENSITIVE",
                 CHILD_LINE)
    _check_frame(journey_summary_pdf(child(), rules, as_of, "panel", OPTIONS),
                 "OFFICIAL-SENSITIVE", CHILD_LINE)
    _check_frame(clocks_report_pdf([], as_of, OPTIONS), "OFFICIAL-SENSITIVE", None)


def test_entries_are_in_date_order_and_same_day_entries_keep_their_order() -> None:
    kid = _long_child(120)
    shuffled = replace(kid, events=tuple(reversed(kid.events)))
    text = "".join(page_texts(chronology_pdf(shuffled, "internal", OPTIONS)))
    numbers = [int(n) for n in re.findall(r"Entry number (\d{4})", text)]
    assert numbers == list(range(120))


def test_fixture_entries_in_order_with_approximate_dates_as_recorded() -> None:
    text = "\n".join(page_texts(chronology_pdf(child(), "internal", OPTIONS)))
    flat = text.replace("\n", " ")
    for shown in ("May 2016", "circa 2020", "2017", "4 March 2024"):
        assert shown in flat
    assert "1 May 2016" not in flat and "1 January 2020" not in flat
    order = ["Health visitor", "new GP", "Family moved to Skye", "Became looked after",
             "First same-day entry", "Second same-day entry"]
    positions = [flat.index(o) for o in order]
    assert positions == sorted(positions)


def test_date_and_kind_filters() -> None:
    narrow = EntryFilter(date_from=date(2024, 3, 4), date_to=date(2024, 3, 4))
    text = "\n".join(page_texts(chronology_pdf(child(), "internal", OPTIONS, narrow)))
    assert "First same-day entry" in text and "Became looked after" not in text
    by_kind = EntryFilter(kinds=frozenset({"looked_after"}))
    text = "\n".join(page_texts(chronology_pdf(child(), "internal", OPTIONS, by_kind)))
    assert "Became looked after" in text and "First same-day entry" not in text
    month = EntryFilter(date_from=date(2016, 5, 20), date_to=date(2016, 6, 1))
    text = "\n".join(page_texts(chronology_pdf(child(), "internal", OPTIONS, month)))
    assert "Health visitor offered extra support" in text  # "May 2016" overlaps the range


def test_fonts_are_embedded_truetype() -> None:
    pdf = chronology_pdf(child(), "internal", OPTIONS,
                         journey=JourneyContext(tuple(load_rules(None)), date(2024, 12, 1)))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    descriptors = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors.append(font.get("/FontDescriptor").get_object()
                               if "/FontDescriptor" in font else None)
    assert descriptors and all(d is not None and "/FontFile2" in d for d in descriptors)


def test_metadata_names_the_document() -> None:
    pdf = chronology_pdf(child(), "panel", OPTIONS)
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == "Chronology for Eòghann MacLeòid"
    assert meta.author == "Iseabail Tester"
    assert "children's hearing panel" in meta.subject
    assert "OFFICIAL-SENSITIVE" in meta.subject


def test_gaelic_names_are_real_text() -> None:
    text = all_text(chronology_pdf(child(), "internal", OPTIONS))
    assert "Eòghann" in text and "Mòrag Reviewer" in text


def test_an_entry_taller_than_a_page_continues_on_the_next() -> None:
    huge = Event(date(2024, 1, 1), "A very long account", detail="Line of detail.\n" * 150)
    pdf = chronology_pdf(replace(child(), events=(huge,)), "internal", OPTIONS)
    assert len(page_texts(pdf)) >= 2
