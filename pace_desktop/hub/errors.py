"""What goes wrong with a hub, in one plain line each (never a traceback, never a password)."""

from __future__ import annotations

from typing import Any


class HubError(Exception):
    """A plain message for the person syncing or setting up the hub."""


class HubUnreachable(HubError):
    """The hub cannot be reached (no network, server down, refused login): working offline is
    normal, so callers say so plainly and carry on."""


class HubLoginFailed(HubError):
    """The hub answered but did not let this login in (a wrong or missing password, a login
    it does not know): not offline, something for the worker or the administrator to put
    right."""


class HubPasswordNeeded(HubLoginFailed):
    """The hub asks for a password and libpq found none (no PGPASSFILE line, no ~/.pgpass):
    the app may ask for it, for this sync only."""


class HubCertificate(HubError):
    """The TLS check failed: the hub's certificate is not signed by the CA given, does not
    name the host, or the CA file is missing. Never "offline": it may be an impostor."""


class HubSchema(HubError):
    """The hub's schema is older or newer than this PACE Desktop's (or not a hub at all)."""


class HubRefused(HubError):
    """The hub refused what was asked: a role without the right, a row-level policy."""


def explain(exc: Exception, what: str) -> HubError:
    """A psycopg error as a HubError about `what` (e.g. "allocating C123 to ali")."""
    import psycopg
    from psycopg import errors as pg

    detail = _first_line(getattr(getattr(exc, "diag", None), "message_primary", None)
                         or str(exc))
    if isinstance(exc, pg.InsufficientPrivilege):
        return HubRefused(f"The hub refused {what}: {detail}.")
    if isinstance(exc, pg.CheckViolation | pg.ForeignKeyViolation | pg.UniqueViolation
                  | pg.NotNullViolation | pg.RaiseException):
        return HubRefused(f"The hub refused {what}: {detail}.")
    if isinstance(exc, psycopg.OperationalError):
        return HubUnreachable(f"Cannot reach the hub while {what}: {detail}.")
    return HubError(f"The hub could not finish {what}: {detail}.")


def _first_line(text: Any) -> str:
    line = str(text).strip().splitlines()[0] if str(text).strip() else "no reason given"
    return line.rstrip(".")
