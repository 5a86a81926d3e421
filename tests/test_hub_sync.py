"""`sync --hub URL` between real encrypted stores and a real hub: the first sync sends a
laptop's children (allocated to its worker) and pulls them on another; changes go both ways,
merged field by field; conflicts are kept with the laptop's value in force; a second sync
changes nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pace_desktop.demo import generate_caseload
from pace_desktop.hub import admin
from pace_desktop.hub.laptop import hub_key, sync
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE


@pytest.fixture
def north(hub: Any) -> Any:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
        admin.add_worker(conn, "mo", "north", True)
        admin.add_worker(conn, "sam", "south", False)
    for login in ("ali", "mo", "sam"):
        hub.password(login)
    return hub


def _store(tmp_path: Path, name: str) -> CaseStore:
    return CaseStore.create(tmp_path / f"{name}.pacestore", PASSPHRASE, name)


def test_first_sync_sends_and_pulls_and_second_changes_nothing(north: Any, tmp_path: Path
                                                               ) -> None:
    children = list(generate_caseload(3, seed=4))
    with _store(tmp_path, "ali") as laptop:
        laptop.import_children(children)
        report = sync(laptop, north.url("ali"))
        assert sorted(report.sent_new) == sorted(c.ref for c in children)
        assert not report.problems and not report.conflicts
        again = sync(laptop, north.url("ali"))
        assert again.changed_nothing and not again.conflicts
        sent = {c.ref: c for c in laptop.children()}
    with north.admin() as conn:
        rows = conn.execute("SELECT ref, allocated_to, team, changed_by FROM pace.children"
                            " ORDER BY ref").fetchall()
        assert rows == [(c.ref, "ali", "north", "ali") for c in sorted(children,
                                                                       key=lambda c: c.ref)]
        events = conn.execute("SELECT count(*) FROM pace.chronology_entries").fetchone()[0]
        assert events == sum(len(c.events) for c in children) > 0
    # the manager's laptop: the first sync pulls the team's children, exactly as sent
    with _store(tmp_path, "mo") as other:
        report = sync(other, north.url("mo"))
        assert sorted(report.pulled) == sorted(sent)
        assert {c.ref: c for c in other.children()} == sent
        assert sync(other, north.url("mo")).changed_nothing
    # another team's worker pulls nothing
    with _store(tmp_path, "sam") as far:
        assert sync(far, north.url("sam")).changed_nothing
        assert far.count_children() == 0


def test_changes_both_ways_and_a_conflict(north: Any, tmp_path: Path) -> None:
    (child,) = generate_caseload(1, seed=7)
    ref = child.ref
    with _store(tmp_path, "ali") as ali, _store(tmp_path, "mo") as mo:
        ali.import_children([child])
        sync(ali, north.url("ali"))
        sync(mo, north.url("mo"))
        # different fields on each side: both arrive
        ali.save_child_details(replace(ali.child(ref), known_as="Robbie"))
        mo.save_child_details(replace(mo.child(ref), reviewing_officer="Jean Muir"))
        sent = sync(ali, north.url("ali"))
        assert sent.sent == [ref]
        got = sync(mo, north.url("mo"))
        assert got.received == [ref] and got.sent == [ref] and not got.conflicts
        assert sync(ali, north.url("ali")).received == [ref]
        for store in (ali, mo):
            assert (store.child(ref).known_as, store.child(ref).reviewing_officer) == \
                ("Robbie", "Jean Muir")
        # the same field on both sides: a conflict, the laptop's value in force, kept
        ali.save_child_details(replace(ali.child(ref), known_as="Rab"))
        mo.save_child_details(replace(mo.child(ref), known_as="Bobby"))
        sync(ali, north.url("ali"))
        report = sync(mo, north.url("mo"))
        assert [(r, c.field, c.mine, c.theirs) for r, c in report.conflicts] == \
            [(ref, "known_as", "Bobby", "Rab")]
        assert mo.child(ref).known_as == "Bobby"
        kept = mo.conflicts()
        assert [(c.child, c.field, c.ancestor, c.mine, c.theirs, c.theirs_who, c.peer)
                for c in kept] == [(ref, "known_as", "Robbie", "Bobby", "Rab", "ali",
                                    hub_key(north.url("mo")))]
        assert sync(mo, north.url("mo")).changed_nothing and len(mo.conflicts()) == 1
        # resolving is a change like any other: the next sync sends it, and it arrives
        resolved = mo.resolve_conflict(kept[0].id, keep="theirs")
        assert resolved.conflict.resolved_by and mo.child(ref).known_as == "Rab"
        assert not mo.conflicts() and mo.refs_with_conflicts() == set()
        assert sync(mo, north.url("mo")).sent == [ref]
        assert sync(ali, north.url("ali")).changed_nothing  # the hub already had Rab from ali
        assert ali.child(ref).known_as == mo.child(ref).known_as == "Rab"
        # the sync that found it says so in the audit log, with the hub and its revision
        found = [json.loads(e.after or "{}") for e in mo.audit_entries(ref)
                 if e.operation == "sync from hub"]
        merge = next(a for a in found if a["conflicts"])
        assert merge["hub"] == hub_key(north.url("mo")) and ref in merge["revisions"]
        assert [(c["child"], c["field"]) for c in merge["conflicts"]] == [(ref, "known_as")]
        assert any(e.operation == "resolve conflict" for e in mo.audit_entries(ref))
    with north.admin() as conn:
        who = conn.execute("SELECT login, store IS NOT NULL FROM pace.changes"
                           " WHERE table_name = 'children' AND operation = 'update'"
                           " ORDER BY seq").fetchall()
    assert {login for login, _ in who} == {"ali", "mo"} and all(s for _, s in who)


def test_unreachable_hub_is_one_plain_line_and_changes_nothing(north: Any, tmp_path: Path,
                                                               capsys: Any) -> None:
    from pace_desktop.cli import main

    path = tmp_path / "ali.pacestore"
    _store(tmp_path, "ali").close()
    before = path.read_bytes()
    env_url = north.server.url("ali", "no_such_database")
    import os
    os.environ["PACE_PASSPHRASE"] = PASSPHRASE
    try:
        assert main(["sync", "--store", str(path), "--hub", env_url]) == 1
        assert main(["sync", "--store", str(path), "--hub",
                     "postgresql://ali@/x?host=/nonexistent-dir"]) == 1
    finally:
        del os.environ["PACE_PASSPHRASE"]
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("Cannot reach the hub") for line in err), err
    assert "Traceback" not in "".join(err)
    assert path.read_bytes() == before


def test_entries_two_laptops_add_to_one_child_both_arrive(north: Any, tmp_path: Path) -> None:
    """Every new record gets a UUID (SYNC.md, Identity), so two laptops adding a chronology
    entry to the same child between syncs never make the same id: both entries arrive on
    the hub and on both laptops."""
    from datetime import date

    from pace_desktop.domain import Event

    (child,) = generate_caseload(1, seed=5)
    with _store(tmp_path, "ali") as ali, _store(tmp_path, "mo") as mo:
        ali.import_children([child])
        sync(ali, north.url("ali"))
        sync(mo, north.url("mo"))
        a = ali.add_event(child.ref, Event(date=date(2026, 2, 1), title="Ali's visit")).record
        m = mo.add_event(child.ref, Event(date=date(2026, 2, 2), title="Mo's visit")).record
        assert a != m
        assert sync(ali, north.url("ali")).sent == [child.ref]
        assert sync(mo, north.url("mo")).problems == []
        sync(ali, north.url("ali"))
        for laptop in (ali, mo):
            titles = {e.id: e.title for e in laptop.child(child.ref).events}
            assert (titles[a], titles[m]) == ("Ali's visit", "Mo's visit")
    with north.admin() as conn:
        assert sorted(conn.execute("SELECT title FROM pace.chronology_entries"
                                   " WHERE uid IN (%s, %s)", (a, m)).fetchall()) == [
            ("Ali's visit",), ("Mo's visit",)]


def test_sync_command_uses_the_hub_in_settings(north: Any, tmp_path: Path, capsys: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from pace_desktop.cli import main

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "ali.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Ali") as store:
        store.import_children(list(generate_caseload(1, seed=2)))
    assert main(["sync", "--store", str(path)]) == 1
    assert capsys.readouterr().err.strip() == \
        "No hub address: give --hub URL, or set hub_url in Settings."
    folder = tmp_path / "config" / "PACE Desktop"
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text(f'hub_url = "{north.url("ali")}"\n')
    assert main(["sync", "--store", str(path)]) == 0
    assert capsys.readouterr().out.startswith("Synced: 1 sent to the hub as new (DEMO-")
    assert main(["sync", "--store", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "Synced: nothing new on either side."


def test_the_same_reference_made_separately_is_told_not_merged(north: Any,
                                                                tmp_path: Path) -> None:
    """A child typed in on two laptops under one reference is two records (two ids): the sync
    says so in one line for that child, merges neither into the other, and goes on."""
    first, second = generate_caseload(2, seed=9)
    with _store(tmp_path, "ali") as ali, _store(tmp_path, "mo") as mo:
        ali.import_children([first, second])
        sync(ali, north.url("ali"))
        mo.import_children([replace(first, id="")])  # the same child, typed in again
        report = sync(mo, north.url("mo"))
        assert report.pulled == [second.ref]
        assert report.problems == [
            f"{first.ref}: the hub has a different child record with this reference (made"
            " separately from this laptop's); nothing was merged for it. Ask the hub's"
            " administrator which is the child's record."]
        assert mo.child(first.ref).id != ali.child(first.ref).id
        assert mo.count_children() == 2


def test_conflicts_and_resolve_commands_after_a_sync(north: Any, tmp_path: Path, capsys: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The package issue's `conflicts` and `resolve` work the same on what a sync found, and
    `sync` then sends the resolution."""
    from pace_desktop.cli import main

    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    (child,) = generate_caseload(1, seed=12)
    ref = child.ref
    mo_path = tmp_path / "mo.pacestore"
    with _store(tmp_path, "ali") as ali:
        ali.import_children([child])
        sync(ali, north.url("ali"))
        _store(tmp_path, "mo").close()
        assert main(["sync", "--store", str(mo_path), "--hub", north.url("mo")]) == 0
        ali.save_child_details(replace(ali.child(ref), known_as="Dot"))
        sync(ali, north.url("ali"))
    with CaseStore.open(mo_path, PASSPHRASE) as mo:
        mo.save_child_details(replace(mo.child(ref), known_as="Dottie"))
    capsys.readouterr()
    assert main(["sync", "--store", str(mo_path), "--hub", north.url("mo")]) == 0
    assert f"Conflict in {ref}, the child's details, known_as" in capsys.readouterr().out
    assert main(["conflicts", "--store", str(mo_path), "--json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)
    assert (found["child"], found["field"], found["mine"], found["theirs"],
            found["theirs_changed_by"], found["from"]) == (ref, "known_as", "Dottie", "Dot",
                                                           "ali", hub_key(north.url("mo")))
    assert main(["resolve", str(found["id"]), "--store", str(mo_path), "--value",
                 "Dorothy"]) == 0
    assert "is now" in capsys.readouterr().out
    assert main(["sync", "--store", str(mo_path), "--hub", north.url("mo")]) == 0
    assert capsys.readouterr().out.startswith(f"Synced: 1 sent with this laptop's changes ({ref})")
    with CaseStore.open(tmp_path / "ali.pacestore", PASSPHRASE) as ali:
        assert sync(ali, north.url("ali")).received == [ref]
        assert ali.child(ref).known_as == "Dorothy"


def test_a_hub_conflict_names_who_changed_each_field(north: Any, tmp_path: Path) -> None:
    """Issue 13: on each side, the person who changed *that field* and when: the hub keeps
    who changed each field of a row (its own trigger, from the login); the laptop its field
    stamps. Two people change different fields of the same child on each side."""
    (child,) = generate_caseload(1, seed=11)
    ref = child.ref
    with _store(tmp_path, "ali") as ali, _store(tmp_path, "mo") as mo, \
            _store(tmp_path, "mo-2") as mo2:
        ali.import_children([child])
        for laptop, login in ((ali, "ali"), (mo, "mo"), (mo2, "mo")):
            sync(laptop, north.url(login))
        # on the hub's side: ali changes known_as, then mo (another laptop) the reviewing
        # officer, so mo is who last changed the child there
        ali.save_child_details(replace(ali.child(ref), known_as="Rab"))
        sync(ali, north.url("ali"))
        mo2.save_child_details(replace(mo2.child(ref), reviewing_officer="Jean Muir"))
        sync(mo2, north.url("mo"))
        # on this laptop: two named people, one field each
        mo.set_named_user("Mo Rendall")
        mo.save_child_details(replace(mo.child(ref), known_as="Bobby"))
        mo_at = mo.audit_entries(limit=1)[0].at
        mo.set_named_user("Jo Tait")
        mo.save_child_details(replace(mo.child(ref), reviewing_officer="Isla Moar"))
        jo_at = mo.audit_entries(limit=1)[0].at
        sync(mo, north.url("mo"))
        found = {c.field: c for c in mo.conflicts()}
        uid = mo.child(ref).id
    assert set(found) == {"known_as", "reviewing_officer"}
    k, r = found["known_as"], found["reviewing_officer"]
    assert (k.mine_who, k.mine_at, r.mine_who, r.mine_at) == ("Mo Rendall", mo_at, "Jo Tait",
                                                              jo_at)
    assert (k.theirs_who, r.theirs_who) == ("ali", "mo")
    assert k.theirs_at and r.theirs_at and k.theirs_at < r.theirs_at
    with north.admin() as conn:
        stamps = conn.execute("SELECT field_stamps FROM pace.children WHERE uid = %s",
                              (uid,)).fetchone()[0]
    assert stamps["known_as"][0] == "mo" and stamps["given_name"][0] == "ali"  # mo sent Bobby
