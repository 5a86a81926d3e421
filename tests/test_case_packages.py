"""Case packages on the command line, end to end on real SQLCipher files (SYNC.md): the worked
round trip, conflicts listed and resolved by a named person, twice-received and older-after-
newer packages, and every bad package refused in one line with the store byte for byte as it
was."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.cli import main
from pace_desktop.exchange.snapshot import DETAILS, to_snapshot
from pace_desktop.store import CaseStore, sync_state
from pace_desktop.store.package_file import read_package, write_package
from tests.conftest import FIXTURES, PASSPHRASE

PACKAGE_SECRET = "heather on the hill 42"
REFS = ["FX-A", "FX-B", "FX-L"]


@pytest.fixture
def laptops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, Path]:
    """The office laptop with the fixture caseload, and an empty meeting laptop."""
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PACE_PACKAGE_PASSPHRASE", PACKAGE_SECRET)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    office, meeting = str(tmp_path / "office.pacestore"), str(tmp_path / "meeting.pacestore")
    assert main(["init", "--store", office, "--owner", "Mairi Flett"]) == 0
    assert main(["import", str(FIXTURES / "journeys.json"), "--store", office]) == 0
    assert main(["init", "--store", meeting, "--owner", "Ruth Isbister"]) == 0
    return office, meeting, tmp_path


def _package(store: str, out: Path, refs: list[str] = REFS) -> None:
    words = ["package", "--store", store, "--out", str(out)]
    for ref in refs:
        words += ["--child", ref]
    assert main(words) == 0


def _snapshots(store: str, refs: list[str] = REFS) -> dict[str, dict]:
    with CaseStore.open(store, PASSPHRASE) as s:
        return {c.ref: to_snapshot(c) for c in s.children(refs)}


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and "pacestore" in p.name}


def test_the_worked_round_trip(laptops: tuple[str, str, Path],
                               capsys: pytest.CaptureFixture[str]) -> None:
    office, meeting, tmp = laptops
    _package(office, tmp / "to-meeting.pacepkg")
    assert main(["receive", str(tmp / "to-meeting.pacepkg"), "--store", meeting]) == 0
    out = capsys.readouterr().out
    assert "FX-A: new to this laptop, added" in out and "No conflicts." in out
    assert _snapshots(meeting) == _snapshots(office)

    # Both sides edit FX-L: one field each, and one field both.
    assert main(["edit", "--store", office, "--child", "FX-L",
                 "reviewing_officer=Isla Tait", "allocated_worker=Tom Flett"]) == 0
    assert main(["edit", "--store", meeting, "--child", "FX-L",
                 "known_as=Frey", "allocated_worker=Anna Sinclair"]) == 0
    _package(meeting, tmp / "to-office.pacepkg")
    capsys.readouterr()
    assert main(["receive", str(tmp / "to-office.pacepkg"), "--store", office]) == 0
    out = capsys.readouterr().out
    assert "FX-L: 1 change(s) arrived (child)" in out
    assert "1 conflict(s) to resolve" in out and "allocated_worker" in out

    with CaseStore.open(office, PASSPHRASE) as s:
        child = s.child("FX-L")
        (conflict,) = s.conflicts()
        entry = s.audit_entries()[0]
    assert (child.known_as, child.reviewing_officer) == ("Frey", "Isla Tait")  # both arrived
    assert child.allocated_worker == "Tom Flett"  # mine stays in force until resolved
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "allocated_worker", "Tom Flett", "Anna Sinclair")
    assert conflict.theirs_who == "Ruth Isbister" and conflict.mine_who == "Mairi Flett"
    assert entry.operation == "receive children" and entry.who == "Mairi Flett"
    after = json.loads(entry.after or "{}")
    assert after["from_user"] == "Ruth Isbister" and after["their_audit_head"]["hash"]
    assert after["conflicts"][0]["field"] == "allocated_worker"

    # Nothing else differs between the two laptops.
    mine, theirs = _snapshots(office), _snapshots(meeting)
    assert {k: v for k, v in mine.items() if k != "FX-L"} == \
        {k: v for k, v in theirs.items() if k != "FX-L"}
    m, t = mine["FX-L"], theirs["FX-L"]
    assert {k: v for k, v in m.items() if k != DETAILS} == \
        {k: v for k, v in t.items() if k != DETAILS}
    differs = {f for f in set(m[DETAILS]) | set(t[DETAILS])
               if m[DETAILS].get(f) != t[DETAILS].get(f)}
    assert differs == {"allocated_worker", "reviewing_officer"}  # the office's edit not yet sent

    # Back out again: the meeting laptop now has everything, with the office's value in force.
    _package(office, tmp / "to-meeting-2.pacepkg")
    assert main(["receive", str(tmp / "to-meeting-2.pacepkg"), "--store", meeting]) == 0
    t = _snapshots(meeting)["FX-L"]
    assert t[DETAILS]["reviewing_officer"] == "Isla Tait" and t[DETAILS]["known_as"] == "Frey"


def test_conflicts_json_and_resolving_is_a_change_with_an_author(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    office, meeting, tmp = laptops
    _package(office, tmp / "a.pacepkg")
    assert main(["receive", str(tmp / "a.pacepkg"), "--store", meeting]) == 0
    assert main(["edit", "--store", office, "--child", "FX-A", "known_as=Ally"]) == 0
    assert main(["edit", "--store", meeting, "--child", "FX-A", "known_as=Al"]) == 0
    _package(meeting, tmp / "b.pacepkg")
    assert main(["receive", str(tmp / "b.pacepkg"), "--store", office]) == 0
    capsys.readouterr()
    assert main(["conflicts", "--store", office, "--json"]) == 0
    (c,) = json.loads(capsys.readouterr().out)
    assert {"id", "child", "record", "field", "mine", "theirs", "ancestor", "mine_changed_by",
            "mine_changed_at", "theirs_changed_by", "theirs_changed_at"} <= set(c)
    assert (c["child"], c["field"], c["mine"], c["theirs"]) == ("FX-A", "known_as", "Ally", "Al")
    assert main(["conflicts", "--store", office, "--child", "FX-B", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    assert main(["resolve", str(c["id"]), "--store", office, "--keep", "theirs"]) == 0
    assert "resolved by Mairi Flett" in capsys.readouterr().out
    with CaseStore.open(office, PASSPHRASE) as s:
        assert s.child("FX-A").known_as == "Al" and s.conflicts() == []
        entry = s.audit_entries()[0]
        assert (entry.operation, entry.who, entry.target) == (
            "resolve conflict", "Mairi Flett", "FX-A")
        assert s.check() == []
    assert main(["resolve", str(c["id"]), "--store", office, "--keep", "mine"]) == 1
    assert "already resolved" in capsys.readouterr().err


def test_resolve_with_a_typed_value_and_a_value_that_breaks_a_rule(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    office, meeting, tmp = laptops
    _package(office, tmp / "a.pacepkg")
    assert main(["receive", str(tmp / "a.pacepkg"), "--store", meeting]) == 0
    assert main(["edit", "--store", office, "--child", "FX-B", "sex=female"]) == 0
    assert main(["edit", "--store", meeting, "--child", "FX-B", "sex=other"]) == 0
    _package(meeting, tmp / "b.pacepkg")
    assert main(["receive", str(tmp / "b.pacepkg"), "--store", office]) == 0
    with CaseStore.open(office, PASSPHRASE) as s:
        (c,) = s.conflicts()
    capsys.readouterr()
    assert main(["resolve", str(c.id), "--store", office, "--value", "sometimes"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("That value would break a rule") and "\n" not in err
    assert main(["resolve", str(c.id), "--store", office, "--value", "not_known"]) == 0
    with CaseStore.open(office, PASSPHRASE) as s:
        assert s.child("FX-B").sex == "not_known" and s.conflicts() == []


def test_receiving_twice_changes_nothing_and_older_after_newer_loses_nothing(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    office, meeting, tmp = laptops
    _package(office, tmp / "a.pacepkg")
    assert main(["receive", str(tmp / "a.pacepkg"), "--store", meeting]) == 0
    assert main(["edit", "--store", meeting, "--child", "FX-A", "known_as=Ally"]) == 0
    _package(meeting, tmp / "older.pacepkg")
    assert main(["edit", "--store", meeting, "--child", "FX-A", "known_as=Al",
                 "allocated_worker=Anna Sinclair"]) == 0
    _package(meeting, tmp / "newer.pacepkg")

    assert main(["receive", str(tmp / "newer.pacepkg"), "--store", office]) == 0
    files = _files(tmp)
    capsys.readouterr()
    assert main(["receive", str(tmp / "newer.pacepkg"), "--store", office]) == 0
    assert "Nothing new" in capsys.readouterr().out
    assert _files(tmp) == files  # byte for byte: not even an audit entry
    assert main(["receive", str(tmp / "older.pacepkg"), "--store", office]) == 0
    with CaseStore.open(office, PASSPHRASE) as s:
        child = s.child("FX-A")
        assert (child.known_as, child.allocated_worker) == ("Al", "Anna Sinclair")
        assert s.conflicts() == []


def _tampered(tmp: Path, source: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    """A package rewritten by someone who knows its passphrase (digest made to match)."""
    package = read_package(source, PACKAGE_SECRET)
    out = tmp / name
    write_package(out, PACKAGE_SECRET, change(package))
    return out


def _newer(tmp: Path, source: Path) -> Path:
    out = tmp / "newer-version.pacepkg"
    out.write_bytes(source.read_bytes())
    conn = sqlcipher.connect(str(out))
    conn.execute(f"PRAGMA key = '{PACKAGE_SECRET}'")
    conn.execute("UPDATE package_meta SET value = '2' WHERE key = 'version'")
    conn.commit()
    conn.close()
    return out


def _altered_final(tmp: Path, source: Path) -> Path:
    def change(package):  # type: ignore[no-untyped-def]
        first = package.children[0]
        snap = sync_state.snapshot_from_json(first.snapshot)
        key = next(k for k in snap if k[0] == "events")
        snap[key] = {**snap[key], "title": "Something that never happened"}
        return replace(package, audit_seq=package.audit_seq + 100, children=(
            replace(first, snapshot=sync_state.snapshot_json(snap)), *package.children[1:]))
    return _tampered(tmp, source, "altered.pacepkg", change)


def _bad_package(kind: str, tmp: Path, good: Path) -> tuple[Path, str]:
    data = good.read_bytes()
    if kind == "wrong passphrase":
        return good, "The passphrase does not open the package"
    if kind == "newer version":
        return _newer(tmp, good), "was made by a newer version of PACE Desktop"
    if kind == "truncated":
        cut = tmp / "cut.pacepkg"
        cut.write_bytes(data[: len(data) - 4096])
        return cut, "incomplete"
    if kind == "truncated mid-page":
        cut = tmp / "cut2.pacepkg"
        cut.write_bytes(data[: len(data) // 2 + 77])
        return cut, "is damaged or incomplete"
    if kind == "damaged":
        bad = bytearray(data)
        bad[len(bad) - 3000] ^= 0xFF
        out = tmp / "damaged.pacepkg"
        out.write_bytes(bytes(bad))
        return out, "is damaged"
    if kind == "plain file renamed":
        out = tmp / "notes.pacepkg"
        out.write_text(json.dumps({"format": "pace-interchange", "children": []}))
        return out, "is not a case package"
    if kind == "altered final record":
        return _altered_final(tmp, good), "a final record arrived with different content"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["wrong passphrase", "newer version", "truncated",
                                  "truncated mid-page", "damaged", "plain file renamed",
                                  "altered final record"])
def test_a_bad_package_is_one_line_and_the_store_is_unchanged(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    office, meeting, tmp = laptops
    _package(office, tmp / "a.pacepkg")
    assert main(["receive", str(tmp / "a.pacepkg"), "--store", meeting]) == 0
    _package(office, tmp / "good.pacepkg")
    bad, message = _bad_package(kind, tmp, tmp / "good.pacepkg")
    if kind == "wrong passphrase":
        monkeypatch.setenv("PACE_PACKAGE_PASSPHRASE", "not the right phrase at all")
    before = _files(tmp)
    capsys.readouterr()
    assert main(["receive", str(bad), "--store", meeting]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err, err
    assert _files(tmp) == before


def test_a_short_package_passphrase_is_refused_and_nothing_is_written(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    office, _meeting, tmp = laptops
    monkeypatch.setenv("PACE_PACKAGE_PASSPHRASE", "too short")
    assert main(["package", "--store", office, "--child", "FX-A",
                 "--out", str(tmp / "x.pacepkg")]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
    assert not (tmp / "x.pacepkg").exists()
    assert main(["package", "--store", office, "--child", "NOPE", "--out",
                 str(tmp / "x.pacepkg")]) == 1


def test_the_named_user_and_role_sign_changes_and_packages(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    office, meeting, tmp = laptops
    assert main(["user", "--store", meeting, "--name", "Ruth Isbister",
                 "--role", "reviewing officer"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ruth Isbister (reviewing officer), store ")
    with CaseStore.open(meeting, PASSPHRASE) as s:
        assert s.audit_entries()[0].operation == "set named user"
    assert main(["init", "--store", str(tmp / "third.pacestore"), "--owner", "Ewan Rendall",
                 "--role", "team manager"]) == 0
    capsys.readouterr()
    assert main(["user", "--store", str(tmp / "third.pacestore")]) == 0
    assert capsys.readouterr().out.startswith("Ewan Rendall (team manager)")
    _package(office, tmp / "a.pacepkg")
    assert main(["receive", str(tmp / "a.pacepkg"), "--store", meeting]) == 0
    assert main(["edit", "--store", meeting, "--child", "FX-A", "known_as=Al"]) == 0
    _package(meeting, tmp / "b.pacepkg", ["FX-A"])
    package = read_package(tmp / "b.pacepkg", PACKAGE_SECRET)
    assert (package.sender_user, package.sender_role) == ("Ruth Isbister", "reviewing officer")
    with CaseStore.open(meeting, PASSPHRASE) as s:
        entry = s.audit_entries()[0]
        assert (entry.operation, entry.who) == ("send children", "Ruth Isbister")
