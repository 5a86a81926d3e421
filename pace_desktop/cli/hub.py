"""`hub init | add-worker | allocate | share | status --url URL`: setting up and looking at the
team hub (SYNC.md, transport 2; README "Setting up a team hub").

The URL is libpq's (`postgresql://login@host/database?sslmode=verify-full&sslrootcert=…`);
the password comes from PGPASSFILE (~/.pgpass) or a certificate, never from PACE Desktop.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def _hub(args: argparse.Namespace, what: str) -> Iterator[Any]:
    """A hub connection; any hub error becomes the command line's plain one-line message."""
    from pace_desktop.cli.common import CommandError
    from pace_desktop.hub import HubError
    from pace_desktop.hub.connect import connect

    try:
        with connect(args.url, what=what) as conn:
            yield conn
    except HubError as exc:
        raise CommandError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from pace_desktop.cli.common import EXIT_OK, CommandError, say
    from pace_desktop.hub import HubError, admin
    from pace_desktop.hub.errors import explain
    from pace_desktop.hub.migrate import migrate

    action = args.hub_command
    if action is None:
        raise CommandError("Say what to do with the hub: init, add-worker, allocate, share or"
                           " status (pace-desktop hub --help).")
    try:
        with _hub(args, f"running hub {action}") as conn:
            if action == "init":
                try:
                    applied = migrate(conn)
                except HubError:
                    raise
                except Exception as exc:
                    raise explain(exc, "setting up the hub's tables and policies") from None
                say(f"The hub is set up (schema version {applied[-1]})." if applied
                    else "The hub was already set up; nothing changed.")
            elif action == "add-worker":
                new = admin.add_worker(conn, args.login, args.team, args.manager)
                what = "manager" if args.manager else "worker"
                say(f"{args.login} is a {what} of the team {args.team}"
                    + (" (a new login: give it a password in psql with \\password"
                       f" {args.login}, or a certificate)." if new else "."))
            elif action == "allocate":
                team = admin.allocate(conn, args.ref, args.to)
                say(f"{args.ref} is now allocated to {args.to} (team {team}).")
            elif action == "share":
                admin.share(conn, args.ref, args.with_login)
                say(f"{args.ref} is now shared with {args.with_login}.")
            else:
                _say_status(admin.status(conn), say)
    except HubError as exc:
        raise CommandError(str(exc)) from None
    return EXIT_OK


def _say_status(s: Any, say: Callable[[str], None]) -> None:
    who = (f"{s.login}, {'manager' if s.manager else 'worker'} of the team {s.team}"
           if s.is_worker else f"{s.login} (not a worker: the hub's administrator)")
    say(f"Hub schema version {s.schema_version}; signed in as {who}.")
    say(f"Teams {s.teams}, workers {s.workers}, children you can see {s.children}"
        + (f" ({s.shared_with_me} shared with you)" if s.is_worker else "") + ".")
    say(f"Last change: {s.last_change:%Y-%m-%d %H:%M %Z}." if s.last_change
        else "No changes yet.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="hub_command", metavar="ACTION")

    def action(name: str, text: str) -> argparse.ArgumentParser:
        a = sub.add_parser(name, help=text, description=text)
        a.add_argument("--url", required=True, metavar="URL",
                       help="postgresql://LOGIN@HOST/DATABASE?sslmode=verify-full&sslrootcert=CA"
                            " (password from PGPASSFILE)")
        return a

    action("init", "create the hub's tables, roles and policies (safe to run again)")
    a = action("add-worker", "make LOGIN a worker (or --manager) of TEAM")
    a.add_argument("login", metavar="LOGIN")
    a.add_argument("--team", required=True, metavar="TEAM")
    a.add_argument("--manager", action="store_true", help="the team's manager: sees the team")
    a = action("allocate", "allocate the child REF to the worker LOGIN")
    a.add_argument("ref", metavar="REF")
    a.add_argument("--to", required=True, metavar="LOGIN")
    a = action("share", "share the child REF with the worker LOGIN (same team)")
    a.add_argument("ref", metavar="REF")
    a.add_argument("--with", dest="with_login", required=True, metavar="LOGIN")
    action("status", "who you are on the hub and what you can see")
