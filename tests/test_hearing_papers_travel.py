"""Non-disclosure requests are part of the child's record (INTERCHANGE.md NONDISCLOSURE), so
they travel wherever the record does: export and import, a case package to another laptop
and back, and the team hub; a decision made on one laptop arrives on the other, and a copy
printed there withholds the same. The chronology's own page and the print records are this
laptop's (README, "What travels with a child"): they stay where they were made.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pace_desktop.chronology import PrintOptions
from pace_desktop.cli import main
from pace_desktop.domain.chronology_page import ChronologyPage
from pace_desktop.exchange import read_interchange_file
from pace_desktop.hub import admin
from pace_desktop.hub.laptop import sync
from pace_desktop.print_jobs import PrintRequest, make_pdf
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.hearing_papers import REF, full_child
from tests.test_print_fixtures import all_text

OPTIONS = PrintOptions(printed_by="Eilidh Munro", printed_on=date(2024, 10, 1))
SECRET = "heather on the hill 42"


def _requests(store: CaseStore) -> list[tuple[str, str, tuple[str, ...], str, date | None]]:
    return sorted((n.id, n.item, n.withhold_from, n.decision, n.decided)
                  for n in store.child(REF).nondisclosure)


def _dad_copy(store: CaseStore) -> str:
    return all_text(make_pdf(store, PrintRequest("chronology", REF, OPTIONS,
                                                 recipient="person:dad")).pdf)


def test_export_and_import_keep_every_request(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    first, second = str(tmp_path / "a.pacestore"), str(tmp_path / "b.pacestore")
    with CaseStore.create(first, PASSPHRASE, "Eilidh Munro") as store:
        store.import_children([full_child()])
        want = _requests(store)
    assert len(want) == 4
    assert main(["export", "--store", first, "--out", str(tmp_path / "out.json")]) == 0
    (kid,) = read_interchange_file(tmp_path / "out.json")
    assert sorted((n.id, n.item, n.withhold_from, n.decision, n.decided)
                  for n in kid.nondisclosure) == want
    assert main(["init", "--store", second, "--owner", "Ruth Isbister"]) == 0
    assert main(["import", str(tmp_path / "out.json"), "--store", second]) == 0
    with CaseStore.open(second, PASSPHRASE) as store:
        assert _requests(store) == want


def test_a_case_package_carries_the_requests_and_their_decisions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PACE_PACKAGE_PASSPHRASE", SECRET)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    office, meeting = str(tmp_path / "office.pacestore"), str(tmp_path / "meeting.pacestore")
    with CaseStore.create(office, PASSPHRASE, "Eilidh Munro") as store:
        store.import_children([full_child()])
        store.save_chronology_page(REF, ChronologyPage(analysis="Skye is settled."))
        want = _requests(store)
        assert "Jean Sutherland" not in _dad_copy(store)
    assert main(["init", "--store", meeting, "--owner", "Ruth Isbister"]) == 0
    assert main(["package", "--store", office, "--child", REF,
                 "--out", str(tmp_path / "to-meeting.pacepkg")]) == 0
    assert main(["receive", str(tmp_path / "to-meeting.pacepkg"), "--store", meeting]) == 0
    with CaseStore.open(meeting, PASSPHRASE) as store:
        assert _requests(store) == want
        assert "Jean Sutherland" not in _dad_copy(store)  # withheld here too
        # The hearing refuses the request about Gran; the meeting laptop records it.
        store.decide_nondisclosure(REF, "nd-gran", "refused", date(2024, 10, 2))
        # The chronology's page stays with the laptop it was written on.
        assert store.chronology_page(REF) == ChronologyPage()
    assert main(["package", "--store", meeting, "--child", REF,
                 "--out", str(tmp_path / "to-office.pacepkg")]) == 0
    assert main(["receive", str(tmp_path / "to-office.pacepkg"), "--store", office]) == 0
    with CaseStore.open(office, PASSPHRASE) as store:
        decided = {n.id: (n.decision, n.decided) for n in store.child(REF).nondisclosure}
        assert decided["nd-gran"] == ("refused", date(2024, 10, 2))
        assert store.chronology_page(REF).analysis == "Skye is settled."


def test_the_hub_carries_the_requests_and_their_decisions(hub: Any, tmp_path: Path) -> None:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
        admin.add_worker(conn, "mo", "north", True)
    for login in ("ali", "mo"):
        hub.password(login)
    kid = replace(full_child(), allocated_worker="ali")
    with CaseStore.create(tmp_path / "ali.pacestore", PASSPHRASE, "ali") as laptop:
        laptop.import_children([kid])
        assert not sync(laptop, hub.url("ali")).problems
        want = _requests(laptop)
    with CaseStore.create(tmp_path / "mo.pacestore", PASSPHRASE, "mo") as other:
        assert REF in sync(other, hub.url("mo")).pulled
        assert _requests(other) == want
        other.decide_nondisclosure(REF, "nd-gran", "granted", date(2024, 10, 3))
        assert not sync(other, hub.url("mo")).problems
    with CaseStore.open(tmp_path / "ali.pacestore", PASSPHRASE) as laptop:
        sync(laptop, hub.url("ali"))
        decided = {n.id: (n.decision, n.decided) for n in laptop.child(REF).nondisclosure}
        assert decided["nd-gran"] == ("granted", date(2024, 10, 3))
        assert "Jean Sutherland" not in _dad_copy(laptop)
