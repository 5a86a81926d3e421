"""The `hub` commands against a real hub: set up, workers, allocation, sharing, status, and
the plain one-line refusals (a worker doing a manager's job, a wrong password, no server)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from pace_desktop.cli import main
from pace_desktop.hub.records import write_child
from pace_desktop.hub.schema import LATEST
from tests.hub_data import child_snapshot


def _run(capsys: Any, *words: str) -> tuple[int, str, str]:
    code = main(list(words))
    out = capsys.readouterr()
    return code, out.out.strip(), out.err.strip()


def test_init_is_idempotent(hub: Any, capsys: Any) -> None:
    fresh = f"{hub.database}_fresh"
    with psycopg.connect(hub.server.admin_url.replace("/pace_hub", "/postgres"),
                         autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {fresh}")
    try:
        url = hub.server.url("postgres", fresh)
        assert _run(capsys, "hub", "init", "--url", url) == \
            (0, f"The hub is set up (schema version {LATEST}).", "")
        assert _run(capsys, "hub", "init", "--url", url) == \
            (0, "The hub was already set up; nothing changed.", "")
    finally:
        with psycopg.connect(hub.server.admin_url.replace("/pace_hub", "/postgres"),
                             autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {fresh} WITH (FORCE)")


def test_init_brings_a_version_1_hub_up_to_per_field_stamps(
        hub: Any, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: hub migration 2 (who changed each field) on a hub made at version 1."""
    fresh = f"{hub.database}_one"
    with psycopg.connect(hub.server.admin_url.replace("/pace_hub", "/postgres"),
                         autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {fresh}")
    try:
        url = hub.server.url("postgres", fresh)
        monkeypatch.setattr("pace_desktop.hub.migrate.LATEST", 1)
        assert _run(capsys, "hub", "init", "--url", url)[1] == \
            "The hub is set up (schema version 1)."
        monkeypatch.undo()
        assert _run(capsys, "hub", "init", "--url", url) == \
            (0, f"The hub is set up (schema version {LATEST}).", "")
        with psycopg.connect(url) as conn:
            tables = {r[0] for r in conn.execute(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'pace'"
                " AND column_name = 'field_stamps'")}
        assert tables == {"children", "people", "living_episodes", "legal_episodes",
                          "chronology_entries", "meetings", "amendments",
                          "nondisclosure_requests"}
    finally:
        with psycopg.connect(hub.server.admin_url.replace("/pace_hub", "/postgres"),
                             autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {fresh} WITH (FORCE)")


def test_workers_allocation_sharing_status(hub: Any, capsys: Any) -> None:
    url = hub.admin_url
    code, out, _ = _run(capsys, "hub", "add-worker", "ali", "--team", "north", "--url", url)
    assert code == 0 and out.startswith("ali is a worker of the team north (a new login")
    assert _run(capsys, "hub", "add-worker", "bea", "--team", "north", "--url", url)[0] == 0
    assert _run(capsys, "hub", "add-worker", "mo", "--team", "north", "--manager",
                "--url", url)[0] == 0
    for login in ("ali", "bea", "mo"):
        hub.password(login)
    with hub.login("bea") as conn, conn.transaction():
        write_child(conn, "uid-n1", child_snapshot("N1", "uid-n1"), None)
    # a worker may not allocate or share, nor add workers: one line each
    for words in (("hub", "allocate", "N1", "--to", "ali"),
                  ("hub", "share", "N1", "--with", "ali"),
                  ("hub", "add-worker", "zed", "--team", "north")):
        code, out, err = _run(capsys, *words, "--url", hub.url("ali"))
        assert code == 1 and len(err.splitlines()) == 1 and "Traceback" not in err, err
        assert "refused" in err or "no child N1" in err, err
    assert _run(capsys, "hub", "share", "N1", "--with", "ali", "--url", hub.url("mo")) == \
        (0, "N1 is now shared with ali.", "")
    code, out, _ = _run(capsys, "hub", "status", "--url", hub.url("ali"))
    assert code == 0 and "signed in as ali, worker of the team north" in out
    assert "children you can see 1 (1 shared with you)" in out
    assert _run(capsys, "hub", "allocate", "N1", "--to", "ali", "--url", hub.url("mo")) == \
        (0, "N1 is now allocated to ali (team north).", "")
    code, out, _ = _run(capsys, "hub", "status", "--url", hub.url("bea"))
    assert "children you can see 0" in out
    code, out, _ = _run(capsys, "hub", "status", "--url", url)
    assert "the hub's administrator" in out and "Teams 1, workers 3, children you can see 1" \
        in out


@pytest.mark.parametrize("problem", ["wrong password", "no such login", "no server",
                                     "password in the address", "not an address",
                                     "no TLS to a remote hub", "TLS not verified"])
def test_cannot_reach_is_one_plain_line(hub: Any, capsys: Any, problem: str) -> None:
    with hub.admin() as conn:
        from pace_desktop.hub import admin
        admin.add_worker(conn, "ali", "north", False)
    hub.password("ali")
    url = {"wrong password": hub.url("ali").replace(hub.database, hub.database),
           "no such login": hub.url("nobody"),
           "no server": "postgresql://ali@/pace_hub?host=/nonexistent&port=5",
           "password in the address": hub.url("ali").replace("ali@", "ali:secret@"),
           "not an address": "postgresql://ali@/x?nonsense_option=1",
           "no TLS to a remote hub": "postgresql://ali@hub.example.invalid/pace_north",
           "TLS not verified":
               "postgresql://ali@hub.example.invalid/pace_north?sslmode=require"}[problem]
    if problem == "wrong password":
        hub.passfile.write_text("*:*:*:ali:not-the-password\n", encoding="utf-8")
    code, out, err = _run(capsys, "hub", "status", "--url", url)
    assert code == 1 and out == "" and len(err.splitlines()) == 1, err
    assert "Traceback" not in err and "secret" not in err and "not-the-password" not in err
    expected = {"wrong password": "did not let ali in: check the password in your PGPASSFILE",
                "no such login": "asks for nobody's password",
                "no server": "Cannot reach the hub", "password in the address":
                "never keeps one", "not an address": "not a PostgreSQL address",
                "no TLS to a remote hub": "sslmode=verify-full",
                "TLS not verified": "sslmode=verify-full"}[problem]
    assert expected in err, err
