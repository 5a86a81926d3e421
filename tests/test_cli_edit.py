"""`edit --child REF FIELD=VALUE`: one operation with its author; a wrong field or value is a
one-line error naming it, and the store is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.store import CaseStore
from tests.conftest import FIXTURES, PASSPHRASE


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = str(tmp_path / "s.pacestore")
    assert main(["init", "--store", path, "--owner", "Mairi Flett"]) == 0
    assert main(["import", str(FIXTURES / "journeys.json"), "--store", path]) == 0
    return path


def test_edit_changes_details_as_one_operation_with_its_author(
        store: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["edit", "--store", store, "--child", "FX-L", "known_as=Frey",
                 "allocated_worker=Tom Flett"]) == 0
    assert "Changed known_as, allocated_worker for FX-L." in capsys.readouterr().out
    with CaseStore.open(store, PASSPHRASE) as s:
        child = s.child("FX-L")
        entry = s.audit_entries()[0]
    assert (child.known_as, child.allocated_worker) == ("Frey", "Tom Flett")
    assert entry.operation == "edit child details" and entry.target == "FX-L"
    assert len(child.living) == 2 and len(child.events) == 6  # the lists are untouched
    assert main(["edit", "--store", store, "--child", "FX-L", "known_as="]) == 0
    with CaseStore.open(store, PASSPHRASE) as s:
        assert s.child("FX-L").known_as is None


@pytest.mark.parametrize(("words", "message"), [
    (["nickname=Frey"], "nickname: not a detail that can be edited here"),
    (["known_as"], "known_as: write each change as FIELD=VALUE"),
    (["date_of_birth=31/02/2017"], "FX-L: date_of_birth: not a date (expected YYYY-MM-DD)"),
    (["date_of_birth="], "FX-L: date_of_birth: cannot be left empty"),
    (["sex=unknown"], 'FX-L: sex: "unknown" is not one of female, male, other, not_known'),
    (["chi=123"], "FX-L: chi: "),
])
def test_a_wrong_field_or_value_is_one_plain_line(
        store: str, capsys: pytest.CaptureFixture[str], words: list[str], message: str) -> None:
    capsys.readouterr()
    assert main(["edit", "--store", store, "--child", "FX-L", *words]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(message) and "\n" not in err and "Traceback" not in err
    with CaseStore.open(store, PASSPHRASE) as s:
        assert s.child("FX-L").known_as is None
        assert s.audit_entries()[0].operation == "import"  # nothing was written
