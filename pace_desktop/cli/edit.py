"""`edit --child REF FIELD=VALUE …`: a child's own details changed from the command line, as
one operation with its author in the audit log (for scripts and tests)."""

from __future__ import annotations

import argparse

from pace_desktop.cli.common import EXIT_OK, CommandError, open_store, say
from pace_desktop.exchange.child_edits import EDITABLE, EditRefused, edited_child, parse_assignments


def run(args: argparse.Namespace) -> int:
    try:
        changes = parse_assignments(args.changes)
    except EditRefused as exc:
        raise CommandError(str(exc)) from None
    with open_store(args) as store:
        child = store.child(args.child)
        try:
            updated = edited_child(child, changes)
        except EditRefused as exc:
            raise CommandError(f"{args.child}: {exc}") from None
        if updated == child:
            say(f"{args.child}: nothing to change.")
            return EXIT_OK
        store.save_child_details(updated)
    say(f"Changed {', '.join(changes)} for {args.child}.")
    return EXIT_OK


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("changes", nargs="+", metavar="FIELD=VALUE",
                   help=f"one or more of {', '.join(EDITABLE)}")
