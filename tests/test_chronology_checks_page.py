"""Before printing: contradictions between the text and the record are found and shown for
the worker to fix or accept; the chronology's own page says who compiled it, when, over what
period, from which sources, single- or multi-agency, and ends with the worker's analysis; the
clocks table is on internal copies only unless asked for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pace_desktop.chronology import (
    JourneyContext,
    PrintOptions,
    chronology_pdf,
    prepare,
    run_checks,
)
from pace_desktop.domain import Event, Person
from pace_desktop.domain.chronology_page import ChronologyPage
from pace_desktop.journey import load_rules
from pace_desktop.print_jobs import PrintRequest, make_pdf
from tests.hearing_papers import REF, base_child, store_holding
from tests.test_identifier_leaks import _cli
from tests.test_print_fixtures import all_text

OPTIONS = PrintOptions(printed_by="Eilidh Munro", printed_on=date(2024, 10, 1))
TODAY = date(2024, 10, 1)
CPO_ENTRY = Event(date(2023, 1, 20), "A child protection order was granted at the sheriff"
                  " court", id="e-cpo", source="Duty worker")
PRESENT = Event(date(2023, 3, 15), "Home visit", detail="The children were present and"
                " played together.", id="e-present")
FINE = Event(date(2023, 3, 1), "The ICSO was continued at the hearing", id="e-fine")
TALK = Event(date(2023, 1, 20), "The team will consider applying for a permanence order",
             id="e-talk")


def _child() -> object:
    return replace(base_child(), events=(CPO_ENTRY, PRESENT, FINE, TALK))


def test_text_that_contradicts_the_legal_status_is_found() -> None:
    checks = run_checks(_child(), _child().events, today=TODAY)
    cpo = [c for c in checks if c.item == "e-cpo"]
    assert len(cpo) == 1
    assert "child protection order" in cpo[0].says
    assert "voluntary (section 25)" in cpo[0].says  # what the record says on that day
    assert not [c for c in checks if c.item in ("e-fine", "e-talk")]


def test_brothers_and_sisters_spoken_of_but_not_recorded_are_found() -> None:
    checks = run_checks(_child(), _child().events, today=TODAY)
    assert [c.item for c in checks if c.key.startswith("siblings:")] == ["e-present"]
    kid = replace(_child(), people=(*base_child().people,
                                    Person("bro", "sibling", "Callum Brodie", "Brother")))
    assert not [c for c in run_checks(kid, kid.events, today=TODAY)
                if c.key.startswith("siblings:")]


def test_a_chronology_for_others_needs_its_analysis() -> None:
    kid = _child()
    assert any(c.key == "page:analysis" for c in run_checks(kid, (), outside=True))
    assert not run_checks(kid, (), ChronologyPage(analysis="A pattern of..."), outside=True)
    assert not run_checks(kid, (), outside=False)


def test_checks_are_accepted_in_the_store_and_stay_accepted(tmp_path: Path) -> None:
    with store_holding(tmp_path / "s.pacestore", _child()) as store:
        request = PrintRequest("chronology", REF, OPTIONS, recipient="panel")
        made = make_pdf(store, request)
        assert {c.item for c in made.checks} == {"e-cpo", "e-present", ""}
        store.accept_checks(REF, [c.key for c in made.checks if c.item == "e-cpo"])
        again = make_pdf(store, request)
        assert {c.item for c in again.checks} == {"e-present", ""}
        assert len(again.accepted_checks) == 1


def test_the_command_line_will_not_print_past_open_checks(tmp_path: Path) -> None:
    path = tmp_path / "s.pacestore"
    store_holding(path, _child()).close()
    out = tmp_path / "c.pdf"
    refused = _cli(path, "chronology", "--child", REF, "--recipient", "panel", "--out",
                   str(out))
    assert refused.returncode == 1
    assert "--accept-checks" in refused.stderr and "child protection order" in refused.stderr
    assert not out.exists()
    done = _cli(path, "chronology", "--child", REF, "--recipient", "panel", "--out", str(out),
                "--accept-checks")
    assert done.returncode == 0, done.stderr
    assert out.exists()
    again = _cli(path, "chronology", "--child", REF, "--recipient", "panel", "--out",
                 str(tmp_path / "d.pdf"))
    assert again.returncode == 0, again.stderr  # accepted once, kept


def test_the_chronology_s_own_page_and_its_analysis() -> None:
    page = ChronologyPage(compiled_by="Eilidh Munro, social worker",
                          compiled_on=date(2024, 9, 30), period_from=date(2023, 1, 1),
                          period_to=date(2024, 6, 30),
                          sources="Social work records, health visitor, nursery, police",
                          agency="multi",
                          analysis="Skye's moves followed each change of order: two homes"
                                   " in eighteen months, and settled since June 2024.")
    text = all_text(chronology_pdf(base_child(), "panel", OPTIONS, page=page, as_of=TODAY))
    for words in ("Compiled by Eilidh Munro, social worker", "Compiled on 30 September 2024",
                  "Period 1 January 2023 to 30 June 2024", "Social work records, health",
                  "Multi-agency"):
        assert words in text, words
    assert "Began living at home" not in text  # 2019: outside the period
    analysis = text.index("Analysis: what the pattern of events shows")
    assert text.index("settled since June 2024") > analysis
    assert text.index("Moved to live with friends") < analysis  # at the end


def test_the_page_worked_out_when_nothing_is_written() -> None:
    kid = replace(base_child(), events=(CPO_ENTRY,))
    text = all_text(chronology_pdf(kid, "internal", OPTIONS, as_of=TODAY))
    assert "Compiled by Eilidh Munro" in text  # who printed it
    assert "Period 2 March 2019 to 1 June 2024" in text
    assert "The case record held by Highland Council" in text and "Duty worker" in text
    assert "Single-agency (social work)" in text
    assert "No analysis has been written." in text


def test_the_clocks_table_only_on_internal_copies_unless_asked() -> None:
    journey = JourneyContext(tuple(load_rules(None)), TODAY)
    kid = base_child()
    internal = all_text(chronology_pdf(kid, "internal", OPTIONS, journey=journey))
    panel = all_text(chronology_pdf(kid, "panel", OPTIONS, journey=journey))
    asked = all_text(chronology_pdf(kid, "panel", OPTIONS, journey=journey, with_clocks=True))
    assert "Clock Started Due" in internal
    assert "Clock Started Due" not in panel
    assert "Clock Started Due" in asked


def test_prepare_reports_what_the_dialog_shows() -> None:
    p = prepare(_child(), "person:mum", as_of=TODAY)
    assert p.checks and p.seen.findings and p.drawn_count == 15
