"""Judging the caseload in chunks gives the same due list, routes and run chart points as
judging it in one go."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pace_desktop.demo import generate_caseload
from pace_desktop.gui import caseload_clocks
from pace_desktop.journey import load_rules
from pace_desktop.store import CaseStore
from pace_desktop.views.caseload_facts import gather
from tests.gui_helpers import PASSPHRASE, make_store, running_app, unlock


def test_chunked_judging_matches_one_pass(qtbot: QtBot, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(caseload_clocks, "FACTS_CHUNK", 3)
    path = make_store(tmp_path / "caseload.pacestore", list(generate_caseload(13, seed=9)))
    with CaseStore.open(path, PASSPHRASE) as store:
        whole = gather(store, load_rules(), date.today(), 28)
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        facts = window.facts
        assert facts is not None
    assert [(i.child_ref, i.clock) for i in facts.due] == [
        (i.child_ref, i.clock) for i in whole.due]
    assert facts.routes == whole.routes
    assert {m: sorted(p, key=str) for m, p in facts.cohort.items()} == {
        m: sorted(p, key=str) for m, p in whole.cohort.items()}
    assert whole.due  # the demo caseload has clocks to compare
