"""A fresh hub database on the throwaway server for one test, and logins with passwords
given the way libpq expects (a PGPASSFILE), as a worker's laptop would."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from pace_desktop.hub.connect import connect
from pace_desktop.hub.migrate import migrate

_numbers = itertools.count(1)


class Hub:
    def __init__(self, server: Any, tmp_path: Path) -> None:
        self.server = server
        self.database = f"hub_{next(_numbers)}"
        self.logins: list[str] = []
        self.passfile = tmp_path / "pgpass"
        self.passfile.write_text("", encoding="utf-8")
        self.passfile.chmod(0o600)
        with self._super("postgres") as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.database)))
        self.admin_url = server.url("postgres", self.database)
        with connect(self.admin_url) as conn:
            migrate(conn)

    def _super(self, database: str) -> Any:
        return psycopg.connect(self.server.url("postgres", database), autocommit=True)

    def url(self, login: str) -> str:
        return self.server.url(login, self.database)

    def admin(self) -> Any:
        return connect(self.admin_url)

    def login(self, login: str) -> Any:
        return connect(self.url(login), store_id=f"laptop-of-{login}")

    def password(self, login: str, secret: str | None = None) -> None:
        """Give `login` a password (as the authority would in psql) and put it in the
        PGPASSFILE, so connecting by URL alone works."""
        secret = secret or f"pw-{login}-{self.database}"
        with self._super("postgres") as conn:
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                sql.Identifier(login), sql.Literal(secret)))
        with self.passfile.open("a", encoding="utf-8") as f:
            f.write(f"*:*:{self.database}:{login}:{secret}\n")
        self.logins.append(login)

    def drop(self) -> None:
        with self._super("postgres") as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(self.database)))
            for login in self.logins:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))
