"""`resolve ID --value TEXT` (SYNC.md, Conflicts): a typed value is for one field and is read
by the same rules as `edit` (a date that is not a date, a value the field does not allow: one
located line, the store byte for byte unchanged); a conflict about a whole record (deleted on
one side, edited on the other) can only be settled by keeping mine or theirs, and says so."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.store import CaseStore, sync_state
from pace_desktop.store.package_file import read_package, write_package
from pace_desktop.sync.merge import DELETED
from tests.conftest import PASSPHRASE
from tests.test_case_packages import PACKAGE_SECRET, _package, laptops  # noqa: F401 (fixture)


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _both_edit(office: str, meeting: str, tmp: Path, office_edit: list[str],
               meeting_edit: list[str]) -> None:
    _package(office, tmp / "out.pacepkg")
    assert main(["receive", str(tmp / "out.pacepkg"), "--store", meeting]) == 0
    assert main(["edit", "--store", office, "--child", "FX-B", *office_edit]) == 0
    assert main(["edit", "--store", meeting, "--child", "FX-B", *meeting_edit]) == 0
    _package(meeting, tmp / "back.pacepkg")
    assert main(["receive", str(tmp / "back.pacepkg"), "--store", office]) == 0


@pytest.mark.parametrize(("field", "mine", "theirs", "bad", "why"), [
    ("date_of_birth", "2015-03-02", "2015-03-12", "31/02/2015", "date"),
    ("sex", "female", "other", "sometimes", "sex"),
])
def test_a_typed_value_is_checked_like_an_edit(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str],  # noqa: F811
        field: str, mine: str, theirs: str, bad: str, why: str) -> None:
    office, meeting, tmp = laptops
    _both_edit(office, meeting, tmp, [f"{field}={mine}"], [f"{field}={theirs}"])
    with CaseStore.open(office, PASSPHRASE) as s:
        (c,) = s.conflicts()
    capsys.readouterr()
    # `edit` refuses the same value with the same rule
    assert main(["edit", "--store", office, "--child", "FX-B", f"{field}={bad}"]) == 1
    edit_err = capsys.readouterr().err.strip()
    before = _digest(office)
    assert main(["resolve", str(c.id), "--store", office, "--value", bad]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert f"conflict #{c.id}" in err and "FX-B" in err and field in err and bad in err
    assert why in err.lower() and "nothing was changed" in err
    assert edit_err.split(": ", 2)[-1].split(" (")[0][:20] in err  # the same rule's words
    assert _digest(office) == before
    with CaseStore.open(office, PASSPHRASE) as s:
        assert [k.id for k in s.conflicts()] == [c.id]
        assert getattr(s.child("FX-B"), field).__str__() == mine


def test_a_whole_record_conflict_is_kept_mine_or_theirs_only(
        laptops: tuple[str, str, Path], capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    office, meeting, tmp = laptops
    _package(office, tmp / "out.pacepkg")
    assert main(["receive", str(tmp / "out.pacepkg"), "--store", meeting]) == 0
    # Here a person's phone number changes; on the meeting laptop the person is removed (a
    # package saying so, as a laptop that deleted the record would send it).
    with CaseStore.open(office, PASSPHRASE) as s:
        person = s.child("FX-A").people[0]
        s.save_person("FX-A", replace(person, phone="01595 690000"))
    _package(meeting, tmp / "back.pacepkg")
    package = read_package(tmp / "back.pacepkg", PACKAGE_SECRET)
    packed = next(pc for pc in package.children if pc.ref == "FX-A")
    snap = sync_state.snapshot_from_json(packed.snapshot)
    del snap[("people", person.id)]
    write_package(tmp / "deleted.pacepkg", PACKAGE_SECRET, replace(package, children=tuple(
        replace(pc, snapshot=sync_state.snapshot_json(snap)) if pc is packed else pc
        for pc in package.children)))
    assert main(["receive", str(tmp / "deleted.pacepkg"), "--store", office]) == 0
    with CaseStore.open(office, PASSPHRASE) as s:
        (c,) = s.conflicts()
    assert (c.part, c.record, c.field, c.theirs) == ("people", person.id, DELETED, None)
    capsys.readouterr()
    before = _digest(office)
    assert main(["resolve", str(c.id), "--store", office, "--value", "01595 690001"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and f"Conflict #{c.id}" in err and "FX-A" in err
    assert f"people/{person.id}" in err and "--keep mine|theirs" in err
    assert "deleted on the other side" in err
    assert _digest(office) == before
    # Theirs would leave a chronology entry naming a person who is gone: refused, located.
    assert main(["resolve", str(c.id), "--store", office, "--keep", "theirs"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"Keeping theirs would break a rule: conflict #{c.id}, FX-A people/")
    assert _digest(office) == before
    assert main(["resolve", str(c.id), "--store", office, "--keep", "mine"]) == 0
    with CaseStore.open(office, PASSPHRASE) as s:
        assert s.child("FX-A").people[0].phone == "01595 690000"
        assert s.conflicts() == [] and s.check() == []


def test_resolve_help_says_what_a_value_is_for(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["resolve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "whole record" in out and "--keep" in out
