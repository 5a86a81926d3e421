"""Entries drawn from the record: a record with legal changes, moves and finalised meetings
but no typed entries gives a chronology listing each, in date order, and any of them can be
left out (kept as a choice on the chronology, the record untouched) and put back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.chronology import PrintOptions, drawn_entries
from pace_desktop.print_jobs import PrintRequest, make_pdf
from pace_desktop.store import CaseStore
from tests.hearing_papers import REF, base_child, store_holding
from tests.test_print_fixtures import all_text

OPTIONS = PrintOptions(printed_by="Eilidh Munro", printed_on=date(2024, 10, 1))
# What the record shows, oldest first, as the chronology must say it.
EXPECTED = (
    ("2 March 2019", "Began living at home with her parents"),
    ("10 January 2023", "Voluntary accommodation (section 25) began"),
    ("10 January 2023", "Moved to live with foster carers"),
    ("7 February 2023", "Voluntary accommodation (section 25) ended"),
    ("7 February 2023", "Interim compulsory supervision order made"),
    ("20 February 2023", "Looked after child review: Skye to stay with her foster carer"),
    ("1 March 2023", "Interim compulsory supervision order continued"),
    ("2 May 2023", "Interim compulsory supervision order ended"),
    ("2 May 2023", "Compulsory supervision order (away from home) made"),
    ("15 November 2023", "Looked after child review: Recommend a permanence order"),
    ("1 February 2024", "Permanence panel: The panel recommends a permanence order"),
    ("12 February 2024", "Agency decision maker: The agency decision maker agrees"),
    ("1 May 2024", "Compulsory supervision order (away from home) continued"),
    ("1 May 2024", "Children's hearing: Advice to the sheriff"),
    ("1 June 2024", "Moved to live with friends or relatives (kinship care)"),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    s = store_holding(tmp_path / "papers.pacestore", base_child())
    yield s
    s.close()


def _chronology(store: CaseStore, recipient: str = "internal") -> tuple[str, object]:
    request = PrintRequest("chronology", REF, OPTIONS, recipient=recipient,
                           as_of=date(2024, 10, 1))
    made = make_pdf(store, request)
    return all_text(made.pdf), made


def test_the_record_alone_gives_every_entry_in_date_order(store: CaseStore) -> None:
    assert not store.child(REF).events  # nothing typed
    text, made = _chronology(store)
    places = []
    for day, title in EXPECTED:
        at = text.find(title)
        assert at >= 0, title
        assert text.rfind(day, 0, at) > (places[-1] if places else -1), (day, title)
        places.append(at)
    assert places == sorted(places)
    assert text.count("Drawn from the record") >= len(EXPECTED)
    assert "A draft decision nobody has agreed yet" not in text  # a draft decides nothing
    assert len(made.drawn) == len(EXPECTED) and not any(d.left_out for d in made.drawn)


def test_the_hearing_s_orders_and_each_decision_are_their_own_entries() -> None:
    keys = [d.key for d in drawn_entries(base_child(), date(2024, 10, 1))]
    assert {"meeting:review1", "meeting:review2", "meeting:panel", "meeting:adm",
            "meeting:hearing"} <= set(keys)
    assert "meeting:draft" not in keys
    assert {"legal:icso2:continued", "legal:cso2:continued", "legal:vol:ended",
            "living:with-gran"} <= set(keys)


def test_an_order_running_on_is_not_said_to_have_ended() -> None:
    keys = [d.key for d in drawn_entries(base_child(), date(2024, 10, 1))]
    assert "legal:cso2:ended" not in keys


def test_any_entry_can_be_left_out_and_put_back(store: CaseStore) -> None:
    before = store.child(REF)
    for _day, title in EXPECTED:
        key = next(d.key for d in drawn_entries(before, date(2024, 10, 1))
                   if d.event.title.startswith(title))
        store.leave_out_entry(REF, key)
        text, made = _chronology(store)
        assert title not in text, title
        assert next(d for d in made.drawn if d.key == key).left_out
        assert sum(1 for _, t in EXPECTED if t in text) == len(EXPECTED) - 1
        store.leave_out_entry(REF, key, left_out=False)
    text, _ = _chronology(store)
    assert all(t in text for _, t in EXPECTED)
    assert store.child(REF) == before  # leaving out never touched the record


def test_leaving_out_is_kept_in_the_store_and_audited(store: CaseStore,
                                                      tmp_path: Path) -> None:
    store.leave_out_entry(REF, "living:home")
    store.close()
    with CaseStore.open(tmp_path / "papers.pacestore", "correct horse battery staple") as again:
        assert again.chronology_page(REF).left_out == {"living:home"}
        names = [e.operation for e in again.audit_entries()]
        assert "leave out chronology entry" in names
        text, _ = _chronology(again)
        assert "Began living at home" not in text
        # The internal copy says how many were left out; an outside one does not.
        assert "1 drawn from the record left out by the compiler" in text
        panel, _ = _chronology(again, "panel")
        assert "left out by the compiler" not in panel


def test_a_meeting_s_one_decision_is_said_once() -> None:
    # A Reporter reads the entry, not the same words twice: the decision is the title, and
    # what it adds (the route, the orders) is below it.
    by_key = {d.key: d.event for d in drawn_entries(base_child(), date(2024, 10, 1))}
    review = by_key["meeting:review1"]
    assert review.title == ("Looked after child review: Skye to stay with her foster carer"
                            " while assessments go on")
    assert review.detail is None
    assert by_key["meeting:review2"].detail == "Route to permanence: permanence order."
    assert by_key["meeting:hearing"].detail == (
        "Orders: Compulsory supervision order (away from home) was continued.")
