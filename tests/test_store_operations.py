"""Operations: one transaction, one audit entry, a Changes value; final records stay final."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.domain import Child, Decision, Event, LivingEpisode, Meeting, Person
from pace_desktop.store import CaseStore, ImportRefused, RecordIsFinal, RecordNotFound
from tests.conftest import PASSPHRASE


def isla(**changes: object) -> Child:
    base = Child(
        ref="OR-1",
        given_name="Isla",
        family_name="Brodie",
        date_of_birth=date(2021, 6, 2),
        people=(Person(id="c1", role="carer", name="Morag Flett", address="1 Harbour Road"),),
        living=(LivingEpisode(type="foster", start=date(2025, 1, 10), carer="c1"),),
        events=(
            Event(
                date=date(2025, 1, 10),
                title="Isla came to live with Morag",
                kind="looked_after",
                id="e1",
            ),
        ),
        meetings=(
            Meeting(
                kind="lac_review",
                date=date(2025, 2, 14),
                status="final",
                id="m1",
                decisions=(Decision("Plan for permanence", "permanence_recommendation", "po"),),
            ),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_every_write_is_one_audit_entry_with_who_and_what(store: CaseStore) -> None:
    start = len(store.audit_entries())
    ch = store.import_children([isla()], source="file.json")
    assert ch.children == {"OR-1"} and "events" in ch.parts
    store.add_move("OR-1", LivingEpisode(type="kinship", start=date(2025, 6, 1)))
    m = store.save_meeting("OR-1", Meeting(kind="lac_review", date=date(2025, 8, 1)))
    store.finalise_meeting("OR-1", m.record)
    store.amend_meeting("OR-1", m.record, "Ewan Rendall",
                         "The date of the next review was 1 March.")
    entries = store.audit_entries()
    assert len(entries) - start == 5
    assert [e.operation for e in entries[:5]] == [
        "amend meeting",
        "finalise meeting",
        "save meeting draft",
        "add a move",
        "import",
    ]
    assert all(e.who == "Test Owner" and e.at for e in entries)
    assert "Ewan Rendall" in (entries[0].after or "")


def test_a_failed_operation_writes_nothing(store: CaseStore) -> None:
    store.import_children([isla()])
    before = (len(store.audit_entries()), store.child("OR-1"))
    with pytest.raises(RecordIsFinal):
        store.save_meeting("OR-1", replace(isla().meetings[0], status="draft"))
    with pytest.raises(RecordNotFound):
        store.finalise_meeting("OR-1", "m99")
    assert (len(store.audit_entries()), store.child("OR-1")) == before


def test_finalised_meeting_is_amended_not_edited(store: CaseStore) -> None:
    store.import_children([isla()])
    with pytest.raises(RecordIsFinal):
        store.finalise_meeting("OR-1", "m1")
    store.amend_meeting("OR-1", "m1", "Ewan Rendall", "Chair was Ewan, not Jo.", date(2025, 3, 1))
    m = store.child("OR-1").meetings[0]
    assert m.decisions[0].text == "Plan for permanence"  # the original stays
    assert m.amendments[0].author == "Ewan Rendall" and m.amendments[0].at == date(2025, 3, 1)


def test_chronology_entries_are_final_corrections_are_amendments(store: CaseStore) -> None:
    store.import_children([isla()])
    with pytest.raises(RecordIsFinal):
        store.add_event("OR-1", Event(date=date(2025, 1, 1), title="Other", id="e1"))
    added = store.add_event("OR-1", Event(date=date(2025, 3, 3), title="Visit to school"))
    # A new record's id is a UUID (SYNC.md, Identity), never the next "e" number.
    assert str(uuid.UUID(added.record)) == added.record and added.records == (added.record,)
    store.amend_event("OR-1", "e1", "Morag Flett", "Isla arrived in the evening.")
    events = store.child("OR-1").events
    assert [e.title for e in events] == ["Isla came to live with Morag", "Visit to school"]
    assert events[0].amendments[0].text == "Isla arrived in the evening."


def test_import_refuses_existing_ref_by_name_unless_update(store: CaseStore) -> None:
    store.import_children([isla()])
    with pytest.raises(ImportRefused) as caught:
        store.import_children([isla(given_name="Islay")])
    assert caught.value.problems == [
        "children[0].ref: OR-1 is already in the store (import with --update to bring it up"
        " to date)"
    ]
    assert store.child("OR-1").given_name == "Isla"


def test_update_replaces_details_adds_entries_keeps_final_records(store: CaseStore) -> None:
    store.import_children([isla()])
    new_event = Event(date=date(2025, 4, 1), title="Contact with mum", id="e7")
    result = store.import_children(
        [isla(given_name="Islay", events=(new_event,), meetings=())], update=True
    )
    assert result.updated == ("OR-1",)
    child = store.child("OR-1")
    assert child.given_name == "Islay"
    assert [e.id for e in child.events] == ["e1", "e7"]  # nothing is deleted silently
    assert [m.id for m in child.meetings] == ["m1"]


def test_update_that_changes_a_final_record_is_refused_whole(store: CaseStore) -> None:
    store.import_children([isla()])
    changed = replace(isla().events[0], title="Something else")
    with pytest.raises(ImportRefused) as caught:
        store.import_children([isla(given_name="Islay", events=(changed,))], update=True)
    assert "children[0].events[0]: changes the chronology entry e1" in caught.value.problems[0]
    assert store.child("OR-1").given_name == "Isla"


def test_draft_meeting_is_replaced_by_update(store: CaseStore) -> None:
    draft = Meeting(kind="lac_review", date=date(2025, 9, 1), id="m2", chair="Jo")
    store.import_children([isla(meetings=(isla().meetings[0], draft))])
    store.import_children([isla(meetings=(replace(draft, chair="Ewan"),))], update=True)
    meetings = store.child("OR-1").meetings
    assert [(m.id, m.chair) for m in meetings] == [("m1", None), ("m2", "Ewan")]


def test_audit_log_is_append_only_and_tampering_shows(store: CaseStore, store_path: Path) -> None:
    store.import_children([isla()])
    store.amend_meeting("OR-1", "m1", "Ewan Rendall", "A correction.")
    assert store.check() == []
    with pytest.raises(Exception, match="append-only"):
        store._live().execute("UPDATE audit SET who = 'someone else' WHERE seq = 2")
    store.close()
    conn = sqlcipher.connect(str(store_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("DROP TRIGGER audit_no_update")  # someone with the passphrase and a SQL tool
    conn.execute("UPDATE audit SET who = 'someone else' WHERE seq = 2")
    conn.commit()
    conn.close()
    with CaseStore.open(store_path, PASSPHRASE) as s:
        problems = s.check()
        assert problems[0].startswith(
            f"audit entry 2 (import, {s.audit_entries(limit=10)[-2].at}) has been altered")
        assert "the safeguard audit_no_update has been removed from the store" in problems


def test_removed_audit_entry_shows(store: CaseStore, store_path: Path) -> None:
    store.import_children([isla()])
    store.amend_meeting("OR-1", "m1", "Ewan Rendall", "A correction.")
    store.close()
    conn = sqlcipher.connect(str(store_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq = 2")
    conn.commit()
    conn.close()
    with CaseStore.open(store_path, PASSPHRASE) as s:
        assert any("audit entry 2 is missing" in p for p in s.check())


def test_search_finds_children_and_entries_newest_first(store: CaseStore) -> None:
    events = tuple(
        Event(date=date(2024, 1, d), title=f"Ferry to Kirkwall day {d}") for d in (3, 1, 2)
    )
    store.import_children(
        [
            isla(events=events),
            Child(
                ref="SH-2",
                given_name="Eòghann",
                family_name="Mhoireach",
                date_of_birth=date(2018, 3, 3),
            ),
        ]
    )
    hits = store.search("ferry kirk")
    assert [h.event.date.day for h in hits.events] == [3, 2, 1]
    assert store.search("eoghann").children[0].ref == "SH-2"  # accents need not be typed
    assert store.search("Brodie").children[0].ref == "OR-1"
    assert store.search('"; DROP TABLE children; --').children == ()
    assert store.search("ferry", child_ref="SH-2").events == ()
    assert len(store.search("ferry", child_ref="OR-1").events) == 3


def test_caseload_shows_where_each_child_lives_now(store: CaseStore) -> None:
    store.import_children(
        [
            isla(
                living=(
                    LivingEpisode(
                        type="foster", start=date(2025, 1, 10), end=date(2025, 5, 1), id="l1"
                    ),
                    LivingEpisode(type="kinship", start=date(2025, 5, 1), id="l2"),
                )
            )
        ]
    )
    [row] = store.caseload()
    assert (row.ref, row.name, row.living_type, row.living_since) == (
        "OR-1",
        "Isla Brodie",
        "kinship",
        date(2025, 5, 1),
    )


def test_finalising_adds_the_decisions_to_the_chronology(store: CaseStore) -> None:
    store.import_children([isla(meetings=())])
    m = store.save_meeting("OR-1", Meeting(
        kind="lac_review", date=date(2025, 5, 10), chair="Ewan Rendall",
        decisions=(Decision("Isla stays with Morag while plans are made"),
                   Decision("Seek a permanence order", "permanence_recommendation", "po",
                            "Isla cannot return home safely"))))
    changes = store.finalise_meeting("OR-1", m.record)
    assert changes.parts == {"meetings", "events"}
    added = [e for e in store.child("OR-1").events if e.id.startswith(m.record)]
    assert [e.title for e in added] == ["Decision: Isla stays with Morag while plans are made",
                                        "Decision: Seek a permanence order"]
    assert all(e.kind == "note" and e.date == date(2025, 5, 10) for e in added)
    assert added[0].source == "Looked after child review, 10 May 2025, chaired by Ewan Rendall"


def test_drafts_survive_reopening_and_are_not_audited(store: CaseStore,
                                                      store_path: Path) -> None:
    store.import_children([isla()])
    audited = len(store.audit_entries())
    store.save_draft("meeting:OR-1:new", "OR-1", "lac_review", {"chair": "Ewan", "n": 1})
    store.save_draft("meeting:OR-1:new", "OR-1", "lac_review", {"chair": "Ewan R", "n": 2})
    assert len(store.audit_entries()) == audited
    store.close()
    with CaseStore.open(store_path, PASSPHRASE) as s:
        d = s.draft("meeting:OR-1:new")
        assert d is not None and d.body == {"chair": "Ewan R", "n": 2}
        assert [x.key for x in s.drafts("OR-1")] == ["meeting:OR-1:new"]
        s.discard_draft("meeting:OR-1:new")
        assert s.draft("meeting:OR-1:new") is None


def test_search_refs_names_the_children_a_search_finds(store: CaseStore) -> None:
    store.import_children([
        isla(events=(Event(date=date(2024, 1, 1), title="Ferry to Kirkwall"),)),
        Child(ref="SH-2", given_name="Eòghann", family_name="Mhoireach",
              date_of_birth=date(2018, 3, 3)),
    ])
    assert store.search_refs("kirk").refs == {"OR-1"}
    assert store.search_refs("Mhoir").refs == {"SH-2"}
    assert store.search_refs("").refs == frozenset()
    assert store.search_refs("ferry", limit=1).reached_limit


def test_short_searches_favour_names(store: CaseStore) -> None:
    store.import_children([
        isla(events=(Event(date=date(2024, 1, 1), title="Kirkwall ferry"),)),
        Child(ref="SH-2", given_name="Kenneth", family_name="Mhoireach",
              date_of_birth=date(2018, 3, 3)),
    ])
    assert store.search_refs("k").refs == {"SH-2"}  # a name, not the chronology's "Kirkwall"
    assert store.search_refs("ki").refs == set()  # two letters: whole words in the chronology
    assert store.search_refs("kir").refs == {"OR-1"}
    assert store.search_refs("Ke").refs == {"SH-2"}  # names match by prefix from the start
