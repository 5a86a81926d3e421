"""The store holds every record to the bounds (domain.bounds) itself, whoever calls it: each
operation that writes a person's text or a date refuses an over-long text and an out-of-range
date with one sentence naming the child, the record and the field, and writes nothing (the
real SQLCipher file's every table the same before and after)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.domain import Decision, Event, LegalEpisode, Meeting, Person
from pace_desktop.domain.bounds import problems, within
from pace_desktop.domain.chronology_page import ChronologyPage
from pace_desktop.domain.nondisclosure import Nondisclosure
from pace_desktop.domain.print_record import PrintRecord
from pace_desktop.store import CaseStore, RuleBroken, StoreError, hub_sync
from pace_desktop.store.package_file import PackageError, read_package
from tests.conftest import PASSPHRASE
from tests.strategies import children
from tests.test_store_operations import isla

LONG_NAME = "N" * 201
LONG_TEXT = "t" * 100_001
FAR = date(9999, 12, 31)
PACKAGE_SECRET = "heather on the hill 42"


def _everything(store: CaseStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the file, read back through its own connection."""
    conn = store._live()
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}


@pytest.fixture
def kept(store: CaseStore) -> CaseStore:
    """Isla's record, with a legal status, a draft meeting and a non-disclosure request."""
    store.import_children([isla(
        legal=(LegalEpisode("cso_home", date(2025, 1, 10), id="g1"),),
        meetings=(*isla().meetings, Meeting(kind="lac_review", date=date(2025, 9, 1), id="m2")),
        nondisclosure=(Nondisclosure("e1", ("c1",), "Her safety", date(2025, 2, 1), id="n1"),),
    )], source="file.json")
    return store


def _refused(store: CaseStore, write: Callable[[], object], *words: str,
             kind: type[StoreError] = RuleBroken, nothing: str = "nothing was saved") -> str:
    before = _everything(store)
    with pytest.raises(kind) as caught:
        write()
    message = str(caught.value)
    assert "\n" not in message and nothing in message.lower()
    for word in words:
        assert word in message, (word, message)
    assert _everything(store) == before
    return message


Write = Callable[[], object] | None


def _child_ops(s: CaseStore) -> dict[str, tuple[Write, Write, tuple[str, ...], tuple[str, ...]]]:
    """operation: (with an over-long text, with an out-of-range date, the words each names);
    None where the operation takes no text (a decision) or no date (a person)."""
    child = next(iter(s.children(["OR-1"])))
    return {
        "add_child": (lambda: s.add_child(isla(ref="OR-2", given_name=LONG_NAME)),
                      lambda: s.add_child(isla(ref="OR-2", date_of_birth=FAR)),
                      ("child OR-2", "given name"), ("child OR-2", "date of birth")),
        "import_children": (
            lambda: s.import_children([isla(ref="OR-2"), isla(ref="OR-3", people=(
                Person("c1", "carer", LONG_NAME),))]),
            lambda: s.import_children([isla(ref="OR-2"), isla(ref="OR-3", events=(
                Event(date(2025, 1, 10), "Came"), Event(date(1, 1, 1), "Far off")))]),
            ("child OR-3, person in the child's life 1", "the name"),
            ("child OR-3, chronology entry 2", "0001-01-01")),
        "save_child_details": (
            lambda: s.save_child_details(replace(child, known_as=LONG_NAME)),
            lambda: s.save_child_details(replace(child, date_of_birth=date(1, 1, 1))),
            ("child OR-1", "known as"), ("date of birth", "0001-01-01")),
        "save_person": (
            lambda: s.save_person("OR-1", Person("", "social_worker", LONG_NAME)),
            None, ("person in the child's life 2", "the name"), ()),
        "save_living": (
            lambda: s.save_living("OR-1", replace(child.living[0], reason_for_move=LONG_TEXT)),
            lambda: s.save_living("OR-1", replace(child.living[0], end=FAR)),
            ("place the child lived 1", "reason for move"), ("the end date", "9999-12-31")),
        "save_legal": (
            lambda: s.save_legal("OR-1", replace(child.legal[0], reference=LONG_NAME)),
            lambda: s.save_legal("OR-1", replace(child.legal[0], end=FAR)),
            ("legal status 1", "the reference"), ("legal status 1", "the end date")),
        "add_move": (
            lambda: s.add_move("OR-1", child.living[0].__class__(
                "kinship", date(2025, 6, 1), carer=LONG_NAME)),
            lambda: s.add_move("OR-1", child.living[0].__class__("kinship", FAR)),
            ("place the child lived 2", "the carer"), ("place the child lived", "9999-12-31")),
        "continue_order": (
            lambda: s.continue_order("OR-1", "g1", date(2025, 6, 1), reference=LONG_NAME),
            lambda: s.continue_order("OR-1", "g1", FAR),
            ("legal status 2", "the reference"), ("legal status 1", "9999-12-31")),
        "add_event": (
            lambda: s.add_event("OR-1", Event(date(2025, 3, 1), "Visit", detail=LONG_TEXT)),
            lambda: s.add_event("OR-1", Event(FAR, "Visit")),
            ("chronology entry 2 of 2025-03-01", "the detail"), ("chronology entry 2",
                                                                 "9999-12-31")),
        "save_meeting": (
            lambda: s.save_meeting("OR-1", Meeting(kind="lac_review", date=date(2025, 9, 1),
                                                   id="m2", decisions=(Decision(LONG_TEXT),))),
            lambda: s.save_meeting("OR-1", Meeting(kind="lac_review", date=date(2025, 9, 1),
                                                   id="m2", next_review=FAR)),
            ("meeting 2 of 2025-09-01, decision 1", "the text"),
            ("meeting 2 of 2025-09-01", "the next review date")),
        "amend_event": (lambda: s.amend_event("OR-1", "e1", "Ewan Rendall", LONG_TEXT),
                        lambda: s.amend_event("OR-1", "e1", "Ewan Rendall", "Fix", at=FAR),
                        ("chronology entry 1 of 2025-01-10, amendment 1", "the text"),
                        ("amendment 1", "the date (9999-12-31)")),
        "amend_meeting": (lambda: s.amend_meeting("OR-1", "m1", LONG_NAME, "Fix"),
                          lambda: s.amend_meeting("OR-1", "m1", "Ewan", "Fix", at=date(1, 1, 1)),
                          ("meeting 1 of 2025-02-14, amendment 1", "the author"),
                          ("amendment 1", "0001-01-01")),
        "save_nondisclosure": (
            lambda: s.save_nondisclosure("OR-1", replace(child.nondisclosure[0],
                                                         reason=LONG_TEXT)),
            lambda: s.save_nondisclosure("OR-1", replace(child.nondisclosure[0],
                                                         requested=FAR)),
            ("non-disclosure request 1", "the reason"), ("non-disclosure request 1",
                                                          "the date of the request")),
        "decide_nondisclosure": (
            None, lambda: s.decide_nondisclosure("OR-1", "n1", "granted", FAR),
            (), ("non-disclosure request 1", "the date of the decision", "9999-12-31")),
        "record_print": (
            lambda: s.record_print("OR-1", PrintRecord("chronology", LONG_NAME, "Mairi",
                                                       datetime(2025, 3, 1), "printed")),
            lambda: s.record_print("OR-1", PrintRecord("chronology", "Reporter", "Mairi",
                                                       datetime(9999, 3, 1), "printed")),
            ("child OR-1, print record", "the recipient"),
            ("print record", "the time it was made")),
        "save_chronology_page": (
            lambda: s.save_chronology_page("OR-1", ChronologyPage(analysis=LONG_TEXT)),
            lambda: s.save_chronology_page("OR-1", ChronologyPage(period_to=FAR)),
            ("child OR-1, chronology page", "the analysis"), ("the period to", "9999")),
    }


@pytest.mark.parametrize("operation", [
    "add_child", "import_children", "save_child_details", "save_person", "save_living",
    "save_legal", "add_move", "continue_order", "add_event", "save_meeting", "amend_event",
    "amend_meeting", "save_nondisclosure", "decide_nondisclosure", "record_print",
    "save_chronology_page"])
def test_each_operation_refuses_what_is_out_of_bounds(kept: CaseStore, operation: str) -> None:
    long_text, far_date, text_words, date_words = _child_ops(kept)[operation]
    assert long_text or far_date
    if long_text is not None:
        said = _refused(kept, long_text, *text_words)
        assert "too long" in said and "at most" in said
    if far_date is not None:
        said = _refused(kept, far_date, *date_words)
        assert "out of range" in said and "between the years 1900 and 2200" in said


def test_the_bounds_themselves_are_kept(kept: CaseStore) -> None:
    """At the bounds exactly, every operation above still writes (the test can tell)."""
    kept.add_event("OR-1", Event(date(2200, 12, 31), "Far", detail="t" * 100_000))
    kept.add_event("OR-1", Event(date(1900, 1, 1), "N" * 100_000, source_person="N" * 200))
    assert len(next(iter(kept.children(["OR-1"]))).events) == 3


def test_finalising_a_meeting_written_behind_the_stores_back_is_refused(kept: CaseStore) -> None:
    """A value that reached the file by plain SQL (a script, an older version) is held to
    the bounds by the next operation that writes its record."""
    kept._live().execute("UPDATE meetings SET chair = ? WHERE uid = 'm2'", (LONG_NAME,))
    _refused(kept, lambda: kept.finalise_meeting("OR-1", "m2"),
             "meeting 2 of 2025-09-01", "the chair", "too long")


def test_the_named_user_is_bounded(kept: CaseStore) -> None:
    before = _everything(kept)
    with pytest.raises(StoreError, match="named user's name is too long"):
        kept.set_named_user(LONG_NAME)
    assert _everything(kept) == before


def test_a_package_out_of_bounds_is_not_received(tmp_path: Path, kept: CaseStore) -> None:
    """A sender whose file holds a year-9999 date (written by plain SQL) sends it; the
    receiving store refuses the whole package and says where."""
    kept._live().execute("UPDATE events SET date = '9999-01-01' WHERE uid = 'e1'")
    out = tmp_path / "out.pacepkg"
    kept.send_children(["OR-1"], out, PACKAGE_SECRET)
    with CaseStore.create(tmp_path / "other.pacestore", PASSPHRASE, "Ruth") as other:
        package = read_package(out, PACKAGE_SECRET)
        # (a package's children are read by the interchange's own checks before the store's)
        _refused(other, lambda: other.receive_package(package), "OR-1", "events[0].date",
                 "9999-01-01", "out of range", kind=PackageError, nothing="nothing was received")


def test_a_hub_pull_out_of_bounds_is_not_written(kept: CaseStore) -> None:
    """What a sync brings from the hub is written by `record_sync`: held to the same bounds."""
    child = next(iter(kept.children(["OR-1"])))
    pulled = hub_sync.Agreed(child.id, 7, {}, replace(child, chi="9" * 201))
    _refused(kept, lambda: hub_sync.record_sync(kept, "hub.example", [pulled]),
             "child OR-1", "the CHI number", "too long")
    other = hub_sync.Agreed("a-new-uid", 1, {}, replace(child, id="a-new-uid", ref="OR-9",
                                                        date_of_birth=FAR))
    _refused(kept, lambda: hub_sync.record_sync(kept, "hub.example", [other]),
             "child OR-9", "the date of birth")


def test_keeping_an_over_long_value_from_a_conflict_is_refused(kept: CaseStore) -> None:
    """A conflict can hold the other side's over-long value (the record never did): keeping
    it is written through the same check, and a typed value is refused by resolve's own."""
    from pace_desktop.store import sync_state
    child = next(iter(kept.children(["OR-1"])))
    conn = kept._live()
    conn.execute("BEGIN")
    sync_state.add_conflicts(conn, [sync_state.NewConflict(
        child.id, "child", "", "allocated_worker", None, "Ann", LONG_NAME, "me", None, "them",
        None)], "hub.example", "2025-01-01T00:00:00")
    conn.execute("COMMIT")
    (conflict,) = kept.conflicts()
    # (resolve checked these itself before the store did; the store's check stands behind it)
    _refused(kept, lambda: kept.resolve_conflict(conflict.id, keep="theirs"),
             "OR-1", "allocated_worker", "too long", kind=StoreError,
             nothing="nothing was changed")
    before = _everything(kept)
    with pytest.raises(StoreError, match="allocated_worker: is too long"):
        kept.resolve_conflict(conflict.id, text=LONG_NAME)
    assert _everything(kept) == before


def test_a_value_from_before_the_bounds_never_locks_its_child(store_path: Path) -> None:
    """Values already in the file (a store from before the bounds; here put in with plain
    SQL) are not what an operation brought: the child can still be worked on and put right,
    and only a new value out of bounds is refused. A final entry cannot be edited, so this is
    the only way its child stays usable."""
    with CaseStore.create(store_path, PASSPHRASE, "Mairi") as s:
        s.import_children([isla()], source="file.json")
    with CaseStore.open(store_path, PASSPHRASE) as s:
        conn = s._live()
        conn.execute("UPDATE events SET detail = ? WHERE uid = 'e1'", (LONG_TEXT,))
        conn.execute("UPDATE children SET given_name = ?, allocated_worker = ?",
                     (LONG_NAME, LONG_NAME))
    with CaseStore.open(store_path, PASSPHRASE) as s:
        s.add_event("OR-1", Event(date(2025, 3, 1), "Visit"))
        s.amend_event("OR-1", "e1", "Ewan Rendall", "The entry was cut short in the print.")
        child = next(iter(s.children(["OR-1"])))
        s.save_child_details(replace(child, given_name="Isla"))  # one put right
        _refused(s, lambda: s.add_event("OR-1", Event(date(2025, 3, 2), "x", detail=LONG_TEXT)),
                 "chronology entry 3 of 2025-03-02", "the detail")
        _refused(s, lambda: s.save_child_details(replace(child, given_name="Isla",
                                                         known_as=LONG_NAME)),
                 "child OR-1", "the known as")
        child = next(iter(s.children(["OR-1"])))
        assert child.given_name == "Isla" and len(child.events) == 2
        assert child.allocated_worker == LONG_NAME and child.events[0].detail == LONG_TEXT


@settings(max_examples=60, deadline=None)
@given(child=children(), where=st.integers(0, 50), far=st.booleans())
def test_the_quick_answer_agrees_with_the_walk(child: Any, where: int, far: bool) -> None:
    """`within` (asked of every child an operation writes) and `problems` (which says where)
    agree, on children in bounds and on the same children with one value pushed out."""
    assert within(child) == (next(problems(child), None) is None)
    if child.events:
        e = child.events[where % len(child.events)]
        bad = replace(e, date=FAR) if far else replace(e, source_person=LONG_NAME)
        pushed = replace(child, events=tuple(bad if x is e else x for x in child.events))
        assert not within(pushed) and next(problems(pushed), None) is not None


def test_after_a_change_of_passphrase_an_old_value_still_never_locks_its_child(
        store_path: Path) -> None:
    """The look at what a child held before an operation goes through a connection of its
    own, keyed with the raw key: after a rekey that is the new key, not none until the next
    open (which refused the child's every change in the meantime)."""
    with CaseStore.create(store_path, PASSPHRASE, "Mairi") as s:
        s.import_children([isla()], source="file.json")
    with CaseStore.open(store_path, PASSPHRASE) as s:
        s._live().execute("UPDATE events SET detail = ? WHERE uid = 'e1'", (LONG_TEXT,))
    new = PASSPHRASE + " and a new one"
    with CaseStore.open(store_path, PASSPHRASE) as s:
        s.rekey(new)
        s.add_event("OR-1", Event(date(2025, 3, 1), "Visit"))
        _refused(s, lambda: s.add_event("OR-1", Event(date(2025, 3, 2), "x", detail=LONG_TEXT)),
                 "the detail")
        backup = s.auto_backup("after the change")  # through its own connection, new key
    with CaseStore.open(backup, new) as b:
        assert len(next(iter(b.children(["OR-1"]))).events) == 2
    with CaseStore.open(store_path, new) as s:
        assert s.check() == []
