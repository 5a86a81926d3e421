"""The team hub on PostgreSQL (SYNC.md, transport 2), through psycopg 3.

With `store/`, the only code that speaks SQL. No Qt here: the command line and the app both
drive it. The hub holds the team's record in ordinary columns, PostgreSQL's roles and
row-level security decide who sees what, and every change names the login that made it.
"""

from pace_desktop.hub.errors import HubError, HubRefused, HubUnreachable

__all__ = ["HubError", "HubRefused", "HubUnreachable"]
