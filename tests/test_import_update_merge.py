"""`import --update` merges against what the last import from the same source brought
(SYNC.md, transport 3): a change made only in the file arrives, a change made only here stays,
a field both changed is one conflict, and importing the same file again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.store import CaseStore
from tests.conftest import FIXTURES, PASSPHRASE


def test_an_update_merges_instead_of_replacing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = str(tmp_path / "s.pacestore")
    assert main(["init", "--store", store, "--owner", "Mairi Flett"]) == 0
    assert main(["import", str(FIXTURES / "journeys.json"), "--store", store]) == 0
    assert main(["edit", "--store", store, "--child", "FX-L", "known_as=Frey",
                 "allocated_worker=Tom Flett"]) == 0

    data = json.loads((FIXTURES / "journeys.json").read_text(encoding="utf-8"))
    child = next(c for c in data["children"] if c["ref"] == "FX-L")
    child["reviewing_officer"] = "Isla Tait"  # changed only in the main system
    child["allocated_worker"] = "Anna Sinclair"  # changed on both sides
    child["people"][1]["phone"] = "01856 555123"  # a carer's phone added there
    newer = tmp_path / "extract.json"
    newer.write_text(json.dumps(data), encoding="utf-8")

    capsys.readouterr()
    assert main(["import", str(newer), "--store", store, "--update"]) == 0
    assert "1 conflict(s) to resolve" in capsys.readouterr().out
    with CaseStore.open(store, PASSPHRASE) as s:
        got = s.child("FX-L")
        (conflict,) = s.conflicts()
        untouched = s.child("FX-A")
    assert (got.known_as, got.reviewing_officer) == ("Frey", "Isla Tait")
    assert got.allocated_worker == "Tom Flett"  # this store's value stays in force
    assert [p.phone for p in got.people] == [None, "01856 555123"]
    assert len(got.events) == 6 and len(got.living) == 2  # nothing else replaced
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "allocated_worker", "Tom Flett", "Anna Sinclair")
    assert untouched.known_as is None

    assert main(["import", str(newer), "--store", store, "--update"]) == 0
    with CaseStore.open(store, PASSPHRASE) as s:
        assert len(s.conflicts()) == 1 and s.child("FX-L") == got
        assert s.check() == []
