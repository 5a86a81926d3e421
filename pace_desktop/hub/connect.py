"""Opening a connection to the hub, with libpq's own conventions: a `postgresql://` URL (or a
key=value string), the password from PGPASSFILE (~/.pgpass) or a prompt-free environment,
`sslmode` and `sslrootcert` in the URL. The product never stores a password: a URL that holds
one is refused, so it cannot end up in Settings or a shell history the product wrote.
A hub on another machine must be reached with `sslmode=verify-full` (in the URL or
PGSSLMODE): case data goes over TLS, to a server whose certificate the authority's CA
signed and whose name matches. A local socket or localhost (an authority's own tunnel, the
tests) needs no TLS."""

from __future__ import annotations

import os
from typing import Any

from pace_desktop.hub.errors import HubError, HubUnreachable, explain

CONNECT_TIMEOUT = 10  # seconds: a laptop on a poor line says "cannot reach" soon enough


def check_url(url: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - psycopg raises ProgrammingError for any bad string
        raise HubError(f"The hub address is not a PostgreSQL address: {_safe(url)}"
                       " (expected postgresql://login@host/database).") from None
    if parts.get("password"):
        raise HubError("The hub address holds a password; PACE Desktop never keeps one."
                       " Put it in your PGPASSFILE (~/.pgpass) instead.")
    hosts = [h for h in str(parts.get("host") or os.environ.get("PGHOST", "")).split(",") if h]
    remote = [h for h in hosts if not h.startswith("/") and h not in _LOCAL]
    sslmode = parts.get("sslmode") or os.environ.get("PGSSLMODE", "")
    if (remote or parts.get("hostaddr")) and sslmode != "verify-full":
        raise HubError("The hub address must ask for sslmode=verify-full (with sslrootcert="
                       "the authority's CA certificate), so case data goes over TLS and only"
                       " to the authority's own hub.")
    return url


_LOCAL = ("localhost", "127.0.0.1", "::1")


def connect(url: str, store_id: str | None = None, what: str = "connecting") -> Any:
    """An open psycopg connection (autocommit off), with this laptop's store id attached to
    every change it makes (`pace.store`, read by the hub's triggers)."""
    import psycopg

    check_url(url)
    try:
        conn = psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT,
                               application_name="pace-desktop")
    except psycopg.OperationalError as exc:
        raise HubUnreachable(f"Cannot reach the hub at {_safe(url)}: "
                             f"{_reason(exc)}.") from None
    except psycopg.Error as exc:
        raise explain(exc, what) from None
    if store_id:
        try:
            conn.execute("SELECT set_config('pace.store', %s, false)", (store_id,))
            conn.commit()
        except psycopg.OperationalError as exc:
            # The hub went away between answering and the first statement (stopped, its
            # network dropped): the same plain line as a hub that never answered.
            conn.close()
            raise HubUnreachable(f"Cannot reach the hub at {_safe(url)}: "
                                 f"{_reason(exc)}.") from None
    return conn


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # libpq repeats "connection to server at ... failed:"; the last part is the reason.
    last = lines[-1] if lines else "no reason given"
    if "failed:" in last:
        last = last.rsplit("failed:", 1)[1].strip()
    for phrase, plain in _PLAIN:
        if phrase in last:
            return plain
    return last.rstrip(".?")


_PLAIN = (
    ("certificate verify failed", "the hub's certificate is not signed by the CA given in"
                                  " sslrootcert (is it the authority's CA?)"),
    ("no password supplied", "no password for this login: put it in your PGPASSFILE"
                             " (~/.pgpass)"),
    ("Is the server running", "no server answers there (is the address right, and the hub"
                              " running?)"),
    ("timeout expired", f"no answer within {CONNECT_TIMEOUT} seconds"),
    ("No such file or directory", "no server answers there (is the address right, and the hub"
                                  " running?)"),
    ("Connection refused", "no server answers there (is the address right, and the hub"
                           " running?)"),
)


def hub_place(url: str) -> str:
    """The hub as a person knows it: its host and database, not the whole address (which may
    carry certificate paths and options)."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - an address psycopg cannot read is shown as typed
        return url
    host = str(parts.get("host") or os.environ.get("PGHOST") or "this laptop")
    if host.startswith("/"):
        host = "this laptop"  # a local socket (an authority's tunnel, the tests)
    return f"{host}/{parts['dbname']}" if parts.get("dbname") else host


def _safe(url: str) -> str:
    """The address as it may be shown (check_url has refused any with a password)."""
    return url
