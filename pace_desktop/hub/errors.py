"""What goes wrong with a hub, in one plain line each (never a traceback, never a password)."""

from __future__ import annotations

from typing import Any


class HubError(Exception):
    """A plain message for the person syncing or setting up the hub."""


class HubUnreachable(HubError):
    """The hub cannot be reached (no network, server down, refused login): working offline is
    normal, so callers say so plainly and carry on."""


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
