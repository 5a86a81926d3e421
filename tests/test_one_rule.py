"""One rule, one answer, wherever it is asked (issue 12): each test here failed on the main
branch before the rule was moved into one place."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.domain import Child, Event, LegalEpisode, LivingEpisode, Meeting
from pace_desktop.domain.episode_rules import legal_now
from pace_desktop.gui.forms.meeting_editor import draft_key
from pace_desktop.store import CaseStore, ImportRefused, RuleBroken
from pace_desktop.views.record_summary import legal_now as legal_now_words

PASSPHRASE = "correct horse battery"
ROOT = Path(__file__).resolve().parent.parent


def a_child(ref: str = "R-1", **parts: object) -> Child:
    return Child(ref=ref, given_name="Ailsa", family_name="Brodie",
                 date_of_birth=date(2018, 6, 2), **parts)  # type: ignore[arg-type]


# -- the legal status now --------------------------------------------------------------------


def test_an_order_that_ended_is_not_the_legal_status_now(store: CaseStore) -> None:
    ended = LegalEpisode("cso", date(2019, 1, 10), date(2021, 5, 1))
    running = LegalEpisode("icso", date(2024, 3, 3), date.today().replace(year=2199))
    store.import_children([a_child("ENDED", legal=(ended,)),
                           a_child("RUNNING", legal=(ended, running))])
    rows = {r.ref: r for r in store.caseload()}
    # The caseload once showed the order that ended in 2021 as the child's status now.
    assert rows["ENDED"].legal_status is None
    assert rows["RUNNING"].legal_status == "icso"
    assert legal_now_words(store.child("ENDED"), date.today()) == "No order recorded now"
    # As it stood while the order ran, it was the status (the same rule, asked for a day).
    assert {r.ref: r.legal_status for r in store.caseload(date(2020, 1, 1))}["ENDED"] == "cso"


def test_the_caseload_and_the_record_agree_on_the_legal_status(store: CaseStore) -> None:
    """The caseload asks SQL and the record asks the domain: the same answer, every time."""
    rng = random.Random(12)
    children = []
    for n in range(60):
        legal = []
        for _ in range(rng.randint(0, 4)):
            start = date(2015, 1, 1).fromordinal(date(2015, 1, 1).toordinal()
                                                 + rng.randint(0, 3000))
            end = None if rng.random() < 0.4 else start.fromordinal(
                start.toordinal() + rng.randint(0, 900))
            legal.append(LegalEpisode(rng.choice(["cso", "icso", "pco", "s25"]), start, end))
        children.append(a_child(f"R-{n:02}", legal=tuple(legal)))
    store.import_children(children)
    for as_of in (date(2016, 6, 1), date(2019, 2, 2), date(2022, 12, 31), date.today()):
        rows = {r.ref: r.legal_status for r in store.caseload(as_of)}
        for child in store.children():
            now = legal_now(child.legal, as_of)
            assert rows[child.ref] == (now.status if now else None), (child.ref, as_of)


# -- the chronology's order ------------------------------------------------------------------


def test_the_chronology_tab_lists_entries_in_the_order_the_print_does(
    qtbot: object, tmp_path: Path
) -> None:
    from pace_desktop.chronology.selection import EntryFilter, select_entries
    from tests.gui_helpers import WAIT_MS, make_store, running_app, unlock

    later, earlier = (Event(date(2024, 5, 1), "Moved to her aunt's", kind="note"),
                      Event(date(2023, 2, 1), "First seen by the health visitor", kind="note"))
    path = make_store(tmp_path / "c.pacestore", [a_child(events=(later, earlier))])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)  # type: ignore[arg-type]
        window.open_child("R-1")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)  # type: ignore[attr-defined]
        shown = [e.title for e in window.record.chronology.model.items]
        printed = [e.title for e in select_entries(window.record.view.child.events,
                                                   EntryFilter(significant_only=False))]
    # Recorded later-first, the tab once listed them as recorded while the print sorted them.
    assert shown == printed == ["First seen by the health visitor", "Moved to her aunt's"]


# -- a child lives in one place at a time ----------------------------------------------------


def test_an_overlap_written_straight_through_the_store_is_refused(store: CaseStore) -> None:
    home = LivingEpisode("foster", date(2023, 1, 1), date(2024, 1, 1))
    store.import_children([a_child(living=(home,))])
    before = store.child("R-1")
    entries = len(store.audit_entries())
    with pytest.raises(RuleBroken, match="overlaps the time with foster carers"):
        store.save_living("R-1", LivingEpisode("kinship", date(2023, 6, 1)))
    with pytest.raises(RuleBroken, match="end date .* is before the start date"):
        store.save_legal("R-1", LegalEpisode("cso", date(2023, 6, 1), date(2023, 5, 1)))
    # A move day is both the last day in one place and the first in the next.
    store.save_living("R-1", LivingEpisode("kinship", date(2024, 1, 1)))
    # Whole children too, however they come (a script, the demo, a file): all or nothing.
    two_homes = a_child("R-2", living=(LivingEpisode("foster", date(2020, 1, 1)),
                                       LivingEpisode("kinship", date(2021, 1, 1))))
    with pytest.raises(ImportRefused) as refused:
        store.import_children([two_homes])
    assert refused.value.problems == [
        "children[0].living[1]: This overlaps the time with foster carers, from 1 Jan 2020 and"
        " still going on. A child lives in one place at a time: change the dates here or"
        " there."]
    assert store.refs() == ["R-1"]
    assert len(store.child("R-1").living) == len(before.living) + 1
    assert len(store.audit_entries()) == entries + 1  # only the move that keeps the rule
    assert store.check() == []


# -- one user action, one operation ----------------------------------------------------------


def test_a_crash_between_save_and_discard_cannot_make_a_duplicate_meeting(
    store_path: Path,
) -> None:
    with CaseStore.create(store_path, PASSPHRASE, "Owner") as s:
        s.import_children([a_child()])
    key = draft_key("R-1", "lac_review", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.meeting_crash_writer", str(store_path), PASSPHRASE,
         "R-1", key], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stdout + done.stderr  # it died where it was meant to
    with CaseStore.open(store_path, PASSPHRASE) as s:
        left = s.draft(key)
        meetings = s.child("R-1").meetings
        # Both or neither: never a saved record beside the "new meeting" draft it came from.
        assert (left is None) == (len(meetings) == 1)
        if left is not None:  # the person opens the draft again and saves it, as offered
            s.save_meeting("R-1", Meeting(kind="lac_review", date=date(2024, 5, 1),
                                          child_views="Wants to stay"), drafts=(key,))
        assert len(s.child("R-1").meetings) == 1 and s.draft(key) is None
        assert s.check() == []


def test_finalising_is_one_operation_with_its_drafts(store: CaseStore) -> None:
    store.import_children([a_child()])
    new_key = draft_key("R-1", "lac_review", None)
    store.save_draft(new_key, "R-1", "lac_review", {"values": {}})
    entries = len(store.audit_entries())
    meeting = Meeting(kind="lac_review", date=date(2021, 6, 2), chair="Morag",
                      decisions=())
    changes = store.save_meeting("R-1", meeting, drafts=(new_key,), finalise=True)
    assert changes.operation == "finalise meeting"
    assert changes.parts == {"meetings", "events", "drafts"}
    assert len(store.audit_entries()) == entries + 1
    assert store.child("R-1").meetings[0].is_final and store.draft(new_key) is None
    assert changes.record == store.child("R-1").meetings[0].id


def test_a_move_ends_the_old_home_and_starts_the_new_in_one_operation(store: CaseStore) -> None:
    store.import_children([a_child(living=(LivingEpisode("foster", date(2023, 1, 1)),))])
    entries = len(store.audit_entries())
    changes = store.add_move("R-1", LivingEpisode("kinship", date(2024, 2, 1)))
    old, new = sorted(store.child("R-1").living, key=lambda e: e.start)
    assert (old.end, new.start, new.end) == (date(2024, 2, 1), date(2024, 2, 1), None)
    assert changes.children == {"R-1"} and changes.parts == {"living"}
    assert len(store.audit_entries()) == entries + 1
    with pytest.raises(RuleBroken):  # a move into the middle of the past is still refused
        store.add_move("R-1", LivingEpisode("foster", date(2022, 6, 1)))
