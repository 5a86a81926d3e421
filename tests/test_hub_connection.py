"""Reaching the hub the ways libpq allows, against the real PostgreSQL: the password from
PGPASSFILE or, without it, ~/.pgpass; the address from a pg_service.conf (PGSERVICEFILE,
`service=` in the address or PGSERVICE); and what goes wrong said in one plain line of the
right kind: a wrong password or unknown login (not "offline"), no password at all (the app
may ask), no such database, a hub whose schema is older or newer than this PACE Desktop's.
(The certificate check: tests/test_hub_tls.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pace_desktop.hub import admin
from pace_desktop.hub import migrate as hub_migrate
from pace_desktop.hub.connect import check_url, connect, hub_place
from pace_desktop.hub.errors import (
    HubError,
    HubLoginFailed,
    HubPasswordNeeded,
    HubSchema,
    HubUnreachable,
)
from pace_desktop.hub.laptop import hub_key, sync
from pace_desktop.hub.schema import LATEST
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE


@pytest.fixture
def ali(hub: Any) -> Any:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
    hub.password("ali", "ali-secret-1")
    return hub


def _whoami(url: str, **kw: Any) -> str:
    with connect(url, **kw) as conn:
        return str(conn.execute("SELECT session_user").fetchone()[0])


def test_password_from_home_pgpass_when_no_pgpassfile(ali: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".pgpass").write_text(ali.passfile.read_text())
    (home / ".pgpass").chmod(0o600)
    monkeypatch.delenv("PGPASSFILE")
    monkeypatch.setenv("HOME", str(home))
    assert _whoami(ali.url("ali")) == "ali"


def test_the_address_from_a_service_file(ali: Any, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    server = ali.server
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[north_hub]\nhost={server.socket_dir}\nport={server.port}\n"
                        f"dbname={ali.database}\nuser=ali\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    for url in ("postgresql:///?service=north_hub", "service=north_hub"):
        assert _whoami(url) == "ali"
        # The hub's name in the store's bookkeeping is where the service leads.
        assert hub_key(url) == f"ali@{server.socket_dir}:{server.port}/{ali.database}"
        assert hub_place(url) == f"this laptop/{ali.database}"
    monkeypatch.setenv("PGSERVICE", "north_hub")
    assert _whoami("postgresql://") == "ali"
    with CaseStore.create(tmp_path / "ali.pacestore", PASSPHRASE, "Ali") as store:
        assert sync(store, "postgresql://").changed_nothing


def test_a_service_leading_elsewhere_still_needs_verify_full(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    services = tmp_path / "pg_service.conf"
    services.write_text("[far]\nhost=hub.example.gov.uk\ndbname=pace\nuser=ali\n"
                        "[far_tls]\nhost=hub.example.gov.uk\ndbname=pace\nuser=ali\n"
                        "sslmode=verify-full\nsslrootcert=/etc/pace/ca.pem\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with pytest.raises(HubError, match="must ask for sslmode=verify-full"):
        check_url("postgresql:///?service=far")
    assert check_url("postgresql:///?service=far_tls")
    assert check_url("postgresql:///?service=far&sslmode=verify-full")
    with pytest.raises(HubError) as missing:
        check_url("postgresql:///?service=nowhere")
    assert str(missing.value).startswith("The hub address names the service 'nowhere', which"
                                         " is in no service file")


def test_a_wrong_password_is_a_login_problem_not_offline(ali: Any) -> None:
    ali.passfile.write_text(f"*:*:{ali.database}:ali:not-the-password\n")
    with pytest.raises(HubLoginFailed) as failed:
        _whoami(ali.url("ali"))
    assert not isinstance(failed.value, HubUnreachable | HubPasswordNeeded)
    assert str(failed.value) == (
        f"The hub at this laptop/{ali.database} did not let ali in: check the password in your"
        " PGPASSFILE (~/.pgpass), or ask the hub's administrator whether this login may sync.")
    with pytest.raises(HubLoginFailed, match="check the password typed"):
        _whoami(ali.url("ali"), password="also-wrong")
    assert _whoami(ali.url("ali"), password="ali-secret-1") == "ali"  # typed, this time only


def test_no_password_anywhere_can_be_asked_for(ali: Any) -> None:
    ali.passfile.write_text("")
    with pytest.raises(HubPasswordNeeded) as needed:
        _whoami(ali.url("ali"))
    assert str(needed.value) == (f"The hub at this laptop/{ali.database} asks for ali's"
                                 " password, and there is none in your PGPASSFILE (~/.pgpass).")


def test_an_unknown_login_or_database_is_said_plainly(ali: Any) -> None:
    ali.passfile.write_text(ali.passfile.read_text() + f"*:*:{ali.database}:nobody:x\n")
    with pytest.raises(HubLoginFailed, match="did not let nobody in"):
        _whoami(ali.url("nobody"))
    ali.passfile.write_text("*:*:*:ali:ali-secret-1\n")
    with pytest.raises(HubError) as nodb:
        _whoami(ali.server.url("ali", "no_such_hub"))
    assert str(nodb.value) == ("There is no hub database at this laptop/no_such_hub: check the"
                               " address with your team's administrator.")


def test_a_hub_with_another_schema_is_refused_before_anything_moves(
        ali: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ali.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Ali") as store:
        from pace_desktop.demo import generate_caseload

        store.import_children(list(generate_caseload(2, seed=1)))
    before = path.read_bytes()
    place = f"this laptop/{ali.database}"
    # This PACE Desktop one version ahead of the hub: the hub is older.
    monkeypatch.setattr(hub_migrate, "LATEST", LATEST + 1)
    with CaseStore.open(path, PASSPHRASE) as store, pytest.raises(HubSchema) as older:
        sync(store, ali.url("ali"))
    assert str(older.value) == (
        f"The hub at {place} has an older schema (version {LATEST}) than this PACE Desktop"
        f" needs ({LATEST + 1}): ask the hub's administrator to run `pace-desktop hub init`,"
        " which brings it up to date.")
    monkeypatch.undo()
    with ali.admin() as conn:
        conn.execute("INSERT INTO pace.schema_version (version) VALUES (%s)", (LATEST + 1,))
        conn.commit()
    monkeypatch.setenv("PGPASSFILE", str(ali.passfile))
    with CaseStore.open(path, PASSPHRASE) as store, pytest.raises(HubSchema) as newer:
        sync(store, ali.url("ali"))
    assert str(newer.value) == (
        f"The hub at {place} has a newer schema (version {LATEST + 1}) than this PACE Desktop"
        f" knows ({LATEST}): update PACE Desktop on this laptop before syncing.")
    assert path.read_bytes() == before  # nothing written on the laptop
    with ali.admin() as conn:
        assert conn.execute("SELECT count(*) FROM pace.children").fetchone()[0] == 0
