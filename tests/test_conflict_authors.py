"""Who changed each side of a conflict, and when, is per field (SYNC.md, Conflicts): two people
changing different fields of the same record on each laptop are each named for their own
field; a value that arrived keeps the author who made it on the other laptop; and a store
made before field stamps still names who last changed the child."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.domain import Event
from pace_desktop.exchange import read_interchange_file
from pace_desktop.store import CaseStore, schema
from pace_desktop.store.package_file import read_package
from tests.conftest import FIXTURES, PASSPHRASE
from tests.test_case_packages import PACKAGE_SECRET, _package, laptops  # noqa: F401 (fixture)


def _edit_as(store: str, who: str, *changes: str) -> str:
    """`changes` made by `who` (named in the store first); returns when, from the audit log."""
    assert main(["user", "--store", store, "--name", who]) == 0
    assert main(["edit", "--store", store, "--child", "FX-L", *changes]) == 0
    with CaseStore.open(store, PASSPHRASE) as s:
        entry = s.audit_entries(limit=1)[0]
        assert (entry.operation, entry.who) == ("edit child details", who)
        return entry.at


def test_each_field_names_its_own_author_on_both_sides(
        laptops: tuple[str, str, Path]) -> None:  # noqa: F811
    office, meeting, tmp = laptops
    _package(office, tmp / "out.pacepkg")
    assert main(["receive", str(tmp / "out.pacepkg"), "--store", meeting]) == 0
    # Two people on each laptop change two different fields of the child's own details.
    ruth_at = _edit_as(meeting, "Ruth Isbister", "known_as=Frey")
    anna_at = _edit_as(meeting, "Anna Sinclair", "allocated_worker=Anna Sinclair")
    mairi_at = _edit_as(office, "Mairi Flett", "known_as=Freya-Lou")
    isla_at = _edit_as(office, "Isla Tait", "allocated_worker=Tom Flett")
    # and a third person at the office touches the child afterwards, in another field
    tom_at = _edit_as(office, "Tom Flett", "reviewing_officer=Kirsty Moar")
    assert mairi_at < isla_at < tom_at

    _package(meeting, tmp / "back.pacepkg")
    assert main(["receive", str(tmp / "back.pacepkg"), "--store", office]) == 0
    with CaseStore.open(office, PASSPHRASE) as s:
        found = {c.field: c for c in s.conflicts()}
    assert set(found) == {"known_as", "allocated_worker"}
    k, a = found["known_as"], found["allocated_worker"]
    assert (k.mine_who, k.mine_at, k.theirs_who, k.theirs_at) == (
        "Mairi Flett", mairi_at, "Ruth Isbister", ruth_at)
    assert (a.mine_who, a.mine_at, a.theirs_who, a.theirs_at) == (
        "Isla Tait", isla_at, "Anna Sinclair", anna_at)
    assert main(["conflicts", "--store", office, "--json"]) == 0


def test_an_arrived_value_keeps_the_author_who_made_it(
        laptops: tuple[str, str, Path]) -> None:  # noqa: F811
    office, meeting, tmp = laptops
    _package(office, tmp / "out.pacepkg")
    assert main(["receive", str(tmp / "out.pacepkg"), "--store", meeting]) == 0
    # A third laptop is given the child by the meeting laptop, before anyone changes it.
    third = str(tmp / "third.pacestore")
    assert main(["init", "--store", third, "--owner", "Kirsty Moar"]) == 0
    _package(meeting, tmp / "to-third.pacepkg")
    assert main(["receive", str(tmp / "to-third.pacepkg"), "--store", third]) == 0
    # Ruth's change reaches the office, received there by Mairi.
    ruth_at = _edit_as(meeting, "Ruth Isbister", "known_as=Frey")
    _package(meeting, tmp / "back.pacepkg")
    assert main(["receive", str(tmp / "back.pacepkg"), "--store", office]) == 0
    # Kirsty changes the same field differently on the third laptop.
    kirsty_at = _edit_as(third, "Kirsty Moar", "known_as=Freya")
    _package(third, tmp / "from-third.pacepkg")
    with CaseStore.open(office, PASSPHRASE) as s:
        assert s.child("FX-L").known_as == "Frey"
        package = read_package(tmp / "from-third.pacepkg", PACKAGE_SECRET)
        s.receive_package(package)
        (c,) = s.conflicts()
    assert (c.field, c.mine, c.theirs) == ("known_as", "Frey", "Freya")
    assert (c.mine_who, c.mine_at) == ("Ruth Isbister", ruth_at)  # not Mairi, who received it
    assert (c.theirs_who, c.theirs_at) == ("Kirsty Moar", kirsty_at)


def test_a_child_from_before_field_stamps_falls_back_to_its_last_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.pacestore"
    stamps = next(i for i, m in enumerate(schema.MIGRATIONS) if "field_stamps" in m)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:stamps])
    monkeypatch.setattr(schema, "LATEST", stamps)
    with CaseStore.create(path, PASSPHRASE, "Mairi Flett") as s:
        s.import_children(read_interchange_file(FIXTURES / "journeys.json"))
    monkeypatch.undo()
    with CaseStore.open(path, PASSPHRASE) as s:
        from pace_desktop.store import field_stamps

        conn = s._live()
        uid = s.child("FX-L").id
        assert field_stamps.read(conn, uid) == {field_stamps.LEGACY: 1}
        s.add_event("FX-L", Event(date=date(2025, 1, 2), title="a visit"))
        # seen once: every field is there, its author not known (nothing says who)
        stamps = field_stamps.read(conn, uid)
        assert field_stamps.LEGACY not in stamps and stamps["child/"]["given_name"][1] is None
        assert field_stamps.mine_changed(conn, uid, "FX-L", "child", "", "given_name")[0] \
            == "Mairi Flett"
        assert s.check() == []
