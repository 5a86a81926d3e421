"""For every kind of recipient and every paper about a child (chronology, decision record,
journey summary): nothing withheld from that recipient is in the PDF's extracted text, in the
strings its content streams draw (each stream decompressed and decoded with its font's
ToUnicode map), in any decompressed stream's bytes, or in its metadata (/Info and XMP).

A leak test that cannot fail is a defect, so each secret is first shown to be in the internal
copy of the same paper, in the text and in the decoded streams; and the reader of each
channel is shown to find a secret put there on purpose.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from functools import cache

import pypdf
import pytest
from pypdf.generic import NameObject, StreamObject

from pace_desktop.chronology import (
    JourneyContext,
    PrintOptions,
    chronology_pdf,
    decision_record_pdf,
    journey_summary_pdf,
)
from pace_desktop.chronology.styles import COURT_NOTICE, REPORTER_NOTICE, WITHHELD_NOTICE
from pace_desktop.domain import Event
from pace_desktop.domain.records import Child
from pace_desktop.journey import load_rules
from tests.hearing_papers import (
    CARER_LEAKS,
    DAD_HEALTH,
    FOR_ADULTS,
    GRAN_FORMS,
    GRAN_PHONES,
    full_child,
)
from tests.pdf_channels import Channels, channels

OPTIONS = PrintOptions(printed_by="Eilidh Munro", printed_on=date(2024, 10, 1))
AS_OF = date(2024, 10, 1)
DAD_ADDRESS = ("2 Croft Road", "Croft Road", "Alness")  # marked confidential in the record
CARER_ADDRESS = ("Birchwood Cottage", "9 Harbour Road", "IV20 1YS")
# Everything said about the carers and Gran in the hearing's record, so the decision record
# has something to leak too.
HEARING_VIEWS = ("Skye told the panel that Mrs Mitchell takes her to Pinewood Nursery along"
                 " Harbour Road past Birchwood Cottage (9 Harbour Road, IV20 1YS) in"
                 " Portmahomack; ring 01862 871 234. She loves Jean Sutherland's house at"
                 " 5 Shore Lane in Tain and calls Gran on 07700 900 789. Dad's flat is at"
                 " 2 Croft Road, Alness.")
FOR_RELEVANT = (*CARER_LEAKS, *CARER_ADDRESS)  # the carers' whereabouts: the commonest item
WITHHELD: dict[str, tuple[str, ...]] = {
    "panel": (*DAD_ADDRESS, *CARER_ADDRESS),
    "child": (FOR_ADULTS, *DAD_ADDRESS, *CARER_ADDRESS),
    "person:mum": (DAD_HEALTH, *DAD_ADDRESS, *FOR_RELEVANT),
    "person:dad": (*GRAN_FORMS, *GRAN_PHONES, "friends or relatives (kinship care)",
                   *FOR_RELEVANT),
    "safeguarder": (*DAD_ADDRESS, *CARER_ADDRESS),
    "curator": (*DAD_ADDRESS, *CARER_ADDRESS),
    "carer:carer": DAD_ADDRESS,
    "court": (DAD_HEALTH, *GRAN_FORMS, *GRAN_PHONES, "friends or relatives (kinship care)",
              *DAD_ADDRESS, *FOR_RELEVANT),
}
COMPLETE = ("reporter", "court:full", "internal")
EVERY_SECRET = tuple(dict.fromkeys(s for v in WITHHELD.values() for s in v))
LABELS = {"panel": "the children's hearing panel members", "child": "the child",
          "person:mum": "Lorna Brodie (Mum)", "person:dad": "Gary Innes (Dad)",
          "safeguarder": "the safeguarder", "curator": "the curator ad litem",
          "carer:carer": "Morag Mitchell (Foster carer)",
          "court": "the sheriff court (as each relevant person)",
          "reporter": "the Children's Reporter",
          "court:full": "the sheriff court (complete, as the court directed)",
          "internal": "internal use within the service"}
PAPERS = ("chronology", "decision record", "journey summary")


def record() -> Child:
    """The hearing-papers child, with the confidential addresses also typed into an entry
    and everything about the carers and Gran said in the hearing's record."""
    kid = full_child()
    extra = Event(date(2024, 8, 1), "Gary asked for his post to go to his flat at 2 Croft"
                  " Road, Alness", id="e-post", source="Social worker",
                  detail="The carers live at Birchwood Cottage, 9 Harbour Road, IV20 1YS.")
    meetings = tuple(replace(m, child_views=HEARING_VIEWS) if m.id == "hearing" else m
                     for m in kid.meetings)
    return replace(kid, events=(*kid.events, extra), meetings=meetings)


@cache
def papers(recipient: str) -> dict[str, Channels]:
    kid, rules = record(), load_rules(None)
    return {
        "chronology": channels(chronology_pdf(
            kid, recipient, OPTIONS, journey=JourneyContext(tuple(rules), AS_OF), as_of=AS_OF)),
        "decision record": channels(decision_record_pdf(kid, "hearing", recipient, OPTIONS)),
        "journey summary": channels(journey_summary_pdf(kid, rules, AS_OF, recipient,
                                                        OPTIONS)),
    }


def _in(c: Channels, secret: str) -> list[str]:
    """Where `secret` shows: as written anywhere, or in another letter case as a word of its
    own in the text or the drawn strings ("Tain" is not found in "maintain")."""
    found = set(c.holds(secret)) - {"text", "streams"}
    word = re.compile(r"(?<!\w)" + re.escape(" ".join(secret.split())) + r"(?!\w)", re.I)
    for name, text in (("text", c.text), ("streams", c.streams)):
        if secret in text or word.search(text):
            found.add(name)
    digits = re.sub(r"\D", "", secret)
    if len(digits) >= 9 and digits in re.sub(r"\D", "", c.text + " " + c.streams):
        found.add("digits")
    return sorted(found)


def _internal_holds(paper: str, secret: str) -> bool:
    """In the internal copy's text and drawn strings (a phone number: its digits, written in
    another spacing somewhere)."""
    found = set(_in(papers("internal")[paper], secret))
    return {"text", "streams"} <= found or "digits" in found


def test_the_internal_chronology_holds_every_secret_the_leak_tests_look_for() -> None:
    missing = [s for s in EVERY_SECRET if not _internal_holds("chronology", s)]
    assert missing == []


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("recipient", tuple(WITHHELD))
def test_nothing_withheld_from_a_recipient_is_anywhere_in_their_copy(
        recipient: str, paper: str) -> None:
    checked = [s for s in WITHHELD[recipient] if _internal_holds(paper, s)]
    if paper == "chronology":
        assert checked == list(WITHHELD[recipient])  # every secret is there to leak
    elif paper == "decision record":
        assert len(checked) >= 3, checked  # the hearing's record says them too
    elif recipient in ("person:dad", "court"):
        # The summary has no free text; what it could leak is where Skye lives now (Gran's
        # house, withheld from Dad). For the others it shows none of their secrets at all.
        assert {"Jean Sutherland", "5 Shore Lane", "Tain",
                "friends or relatives (kinship care)"} <= set(checked), checked
    copy = papers(recipient)[paper]
    leaks = {s: _in(copy, s) for s in checked}
    assert {s: where for s, where in leaks.items() if where} == {}
    # The copy says who it is for, in its text and its metadata, and that something is
    # withheld (never what).
    assert f"Prepared for {LABELS[recipient]}." in copy.text
    assert LABELS[recipient] in copy.metadata
    assert WITHHELD_NOTICE in copy.text


@pytest.mark.parametrize("recipient", COMPLETE)
def test_the_complete_copies_keep_every_item(recipient: str) -> None:
    for paper in PAPERS:
        internal, copy = papers("internal")[paper], papers(recipient)[paper]
        for secret in EVERY_SECRET:
            if _internal_holds(paper, secret):
                found = set(_in(copy, secret))
                assert {"text", "streams"} <= found or "digits" in found, (paper, secret)
        assert WITHHELD_NOTICE not in copy.text
        assert LABELS[recipient] in copy.metadata
        assert internal.text  # the comparison above had a copy to compare with


@pytest.mark.parametrize("recipient", ("reporter", "court:full"))
def test_every_paper_for_the_reporter_or_the_court_as_directed_ends_with_the_schedule(
        recipient: str) -> None:
    notice = REPORTER_NOTICE if recipient == "reporter" else COURT_NOTICE
    for paper in PAPERS:
        text = papers(recipient)[paper].text
        assert notice in text, paper
        schedule = text[text.index("Schedule of non-disclosure requests"):]
        assert "Gary has threatened to take Skye from her gran." in schedule, paper
        assert "Gary Innes (Dad)" in schedule and "Lorna Brodie (Mum)" in schedule, paper
        assert "2 Croft Road, Alness" in schedule, paper  # the confidential addresses


@pytest.mark.parametrize("recipient", (*WITHHELD, "internal"))
def test_no_other_copy_carries_the_schedule(recipient: str) -> None:
    for paper in PAPERS:
        assert "Schedule of non-disclosure requests" not in papers(recipient)[paper].text


def test_the_court_as_each_relevant_person_leaves_out_what_either_parent_is_denied() -> None:
    court = papers("court")["chronology"]
    for secret in (DAD_HEALTH, "Jean Sutherland"):  # from Mum; from Dad
        assert _in(court, secret) == []
        assert _in(papers("court:full")["chronology"], secret)


# -- the readers themselves find what is put there ---------------------------------------------

SECRET = "Catriona Quarrie"


def _with(pdf: bytes, *, info: bool = False, xmp: bool = False, drawn: bool = False) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    if info:
        writer.add_metadata({"/Keywords": SECRET})
    if xmp:
        stream = StreamObject()
        stream.set_data(f"<x:xmpmeta><dc:subject>{SECRET}</dc:subject></x:xmpmeta>".encode())
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    if drawn:
        # Drawn off the page, where a reader's layout never shows it.
        page = writer.pages[0]
        font = next(iter(page["/Resources"]["/Font"]))
        extra = StreamObject()
        extra.set_data(f"BT {font} 9 Tf -500 -500 Td ({SECRET}) Tj ET".encode())
        contents = page.get_contents()
        assert contents is not None
        joined = StreamObject()
        joined.set_data(contents.get_data() + b"\n" + extra.get_data())
        page[NameObject("/Contents")] = writer._add_object(joined)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_each_reader_finds_a_secret_put_in_its_channel() -> None:
    base = chronology_pdf(record(), "panel", OPTIONS)
    assert _in(channels(base), SECRET) == []
    assert "metadata" in _in(channels(_with(base, info=True)), SECRET)
    assert "metadata" in _in(channels(_with(base, xmp=True)), SECRET)
    assert "streams" in _in(channels(_with(base, drawn=True)), SECRET)


def test_the_analysis_and_the_page_are_reviewed_like_any_entry() -> None:
    # The worker's analysis is free text too: Gran, withheld from Dad in every form, is not
    # named, called "Gran" or described as the kinship carer anywhere in his copy.
    from pace_desktop.domain.chronology_page import ChronologyPage

    page = ChronologyPage(analysis="Since June 2024 Skye has lived with her gran, Jean"
                          " Sutherland, in Tain, and sees Mrs Mitchell at Pinewood Nursery.",
                          sources="Gran; foster carer; GP")
    internal = channels(chronology_pdf(record(), "internal", OPTIONS, page=page))
    dad = channels(chronology_pdf(record(), "person:dad", OPTIONS, page=page))
    for secret in ("her gran, Jean Sutherland, in Tain", "Gran; foster carer"):
        assert {"text", "streams"} <= set(_in(internal, secret)), secret
    for secret in ("Gran", "Jean", "Sutherland", "Tain", "kinship carer", "Mitchell",
                   "Pinewood Nursery"):
        assert _in(dad, secret) == [], secret
    assert "Since June 2024 Skye has lived with her [name withheld]" in dad.text
