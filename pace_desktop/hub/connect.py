"""Opening a connection to the hub, with libpq's own conventions: a `postgresql://` URL (or a
key=value string), the password from PGPASSFILE (~/.pgpass) or a prompt-free environment,
`sslmode` and `sslrootcert` in the URL or the PG* environment, `service=` (or PGSERVICE) with
a pg_service.conf (PGSERVICEFILE, ~/.pg_service.conf, PGSYSCONFDIR): the service's settings
are read here too, so the TLS rule below and the hub's name see where it really leads.
The product never stores a password: a URL that holds one is refused, so it cannot end up in
Settings or a shell history the product wrote. A password the app asks for (none found by
libpq) is passed to this one connection and forgotten with it.
A hub on another machine must be reached with `sslmode=verify-full` (in the URL or
PGSSLMODE): case data goes over TLS, to a server whose certificate the authority's CA
signed and whose name matches. A local socket or localhost (an authority's own tunnel, the
tests) needs no TLS."""

from __future__ import annotations

import configparser
import os
from pathlib import Path
from typing import Any

from pace_desktop.hub.errors import (
    HubCertificate,
    HubError,
    HubLoginFailed,
    HubPasswordNeeded,
    HubUnreachable,
    explain,
)

CONNECT_TIMEOUT = 10  # seconds: a laptop on a poor line says "cannot reach" soon enough


def settings(url: str) -> dict[str, Any]:
    """The address's settings, with those of its service (if it names one) beneath them, as
    libpq combines them: what the address says wins."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - psycopg raises ProgrammingError for any bad string
        raise HubError(f"The hub address is not a PostgreSQL address: {_safe(url)}"
                       " (expected postgresql://login@host/database).") from None
    service = parts.get("service") or os.environ.get("PGSERVICE")
    if service:
        parts = {**_service(str(service)), **parts}
    return parts


def _service(name: str) -> dict[str, str]:
    """The settings of the service `name`, from the files libpq reads, in libpq's order."""
    user_file = os.environ.get("PGSERVICEFILE") or str(Path.home() / ".pg_service.conf")
    system_dir = os.environ.get("PGSYSCONFDIR") or "/etc/postgresql-common"
    for path in (Path(user_file), Path(system_dir) / "pg_service.conf"):
        if not path.is_file():
            continue
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError) as exc:
            raise HubError(f"The service file {path} cannot be read: {exc}".splitlines()[0]
                           ) from None
        if parser.has_section(name):
            return dict(parser.items(name))
    raise HubError(f"The hub address names the service {name!r}, which is in no service file"
                   f" ({user_file} or {Path(system_dir) / 'pg_service.conf'}).")


def check_url(url: str) -> str:
    parts = settings(url)
    if parts.get("password") and "password" in _own(url):
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


def _own(url: str) -> dict[str, Any]:
    """The settings written in the address itself (not its service file's)."""
    from psycopg.conninfo import conninfo_to_dict

    return conninfo_to_dict(url)


def connect(url: str, store_id: str | None = None, what: str = "connecting",
            password: str | None = None) -> Any:
    """An open psycopg connection (autocommit off), with this laptop's store id attached to
    every change it makes (`pace.store`, read by the hub's triggers). `password`: one the
    person typed for this sync only (libpq's own sources come first when it is None)."""
    import psycopg

    check_url(url)
    extra = {"password": password} if password else {}
    try:
        conn = psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT,
                               application_name="pace-desktop", **extra)
    except psycopg.OperationalError as exc:
        raise failed_login(exc, url, typed=bool(password)) from None
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


def failed_login(exc: Exception, url: str, typed: bool = False) -> HubError:
    """Why the hub could not be reached or would not let us in, as the kind of HubError that
    says what to do: offline (try later), the login, or the certificate."""
    text = str(exc)
    who = settings(url).get("user") or os.environ.get("PGUSER") or "this login"
    place = hub_place(url)
    if "no password supplied" in text:
        return HubPasswordNeeded(f"The hub at {place} asks for {who}'s password, and there is"
                                 " none in your PGPASSFILE (~/.pgpass).")
    if any(phrase in text for phrase in _LOGIN_REFUSED) or (
            'role "' in text and "does not exist" in text):
        where = "the password typed" if typed else "the password in your PGPASSFILE (~/.pgpass)"
        return HubLoginFailed(f"The hub at {place} did not let {who} in: check {where}, or"
                              " ask the hub's administrator whether this login may sync.")
    if any(phrase in text for phrase in _CERTIFICATE):
        return HubCertificate(f"The hub at {place} could not be trusted, so nothing was sent:"
                              f" {_reason(exc)}.")
    if "does not exist" in text and "database" in text:
        return HubError(f"There is no hub database at {place}: check the address with your"
                        " team's administrator.")
    return HubUnreachable(f"Cannot reach the hub at {_safe(url)}: {_reason(exc)}.")


_LOGIN_REFUSED = ("password authentication failed", "authentication failed",
                  "pg_hba.conf rejects", "no pg_hba.conf entry", "password is too long")
_CERTIFICATE = ("certificate", "does not match host name", "SSL was required",
                "SSL is not enabled", "server does not support SSL")


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
    ("does not match host name", "the hub's certificate is for another server name"),
    ("root certificate file", "the CA certificate file given in sslrootcert is missing"),
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
    try:
        parts = settings(url)
    except HubError:  # an address psycopg cannot read is shown as typed
        return url
    host = str(parts.get("host") or os.environ.get("PGHOST") or "this laptop")
    if host.startswith("/"):
        host = "this laptop"  # a local socket (an authority's tunnel, the tests)
    return f"{host}/{parts['dbname']}" if parts.get("dbname") else host


def _safe(url: str) -> str:
    """The address as it may be shown (check_url has refused any with a password)."""
    return url
