"""Shared fixtures: real SQLCipher stores on disk in pytest's tmp_path, and the shared fixtures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pace_desktop.store import CaseStore

PASSPHRASE = "correct horse battery staple"
SHARED = Path(__file__).resolve().parents[2] / "shared"
# The tests read the project's own copy, so `make test` passes on a clone alone;
# test_fixture_copy.py checks it against ../shared/fixtures whenever that is beside us.
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "stores" / "caseload.pacestore"


@pytest.fixture
def store(store_path: Path) -> Iterator[CaseStore]:
    s = CaseStore.create(store_path, PASSPHRASE, "Test Owner")
    yield s
    s.close()


@pytest.fixture
def journeys_data() -> dict[str, Any]:
    return json.loads((FIXTURES / "journeys.json").read_text(encoding="utf-8"))


# -- the team hub: a throwaway PostgreSQL server (tests/pg_server.py) -----------------------


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    from tests import pg_server as pg

    if pg.find_bin() is None:
        pytest.skip("PostgreSQL 15+ is not installed and could not be (make test installs"
                    " Debian's postgresql package when run as root)")
    server = pg.start_server()
    yield server
    server.stop()


@pytest.fixture
def hub(pg_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A fresh hub database, `hub init`-ed, with a PGPASSFILE for the logins tests make."""
    from tests.hub_helpers import Hub

    h = Hub(pg_server, tmp_path)
    monkeypatch.setenv("PGPASSFILE", str(h.passfile))
    yield h
    h.drop()
