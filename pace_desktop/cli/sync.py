"""Case packages and conflicts on the command line (SYNC.md):

- `package --child REF … --out FILE`: an encrypted package of these children;
- `receive FILE`: add or merge its children, all or nothing; prints what arrived and every
  conflict;
- `conflicts [--child REF] [--json]`: the unresolved conflicts;
- `resolve ID --keep mine|theirs` or `--value TEXT`: a named person's resolution.

The package passphrase comes from `PACE_PACKAGE_PASSPHRASE`, else `--package-passphrase-file`,
else a prompt (typed twice when making a package). It is never the store's passphrase's
business and never written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from pace_desktop.cli.common import EXIT_OK, CommandError, open_store, read_secret_file, say
from pace_desktop.store.package_file import package_passphrase_problem
from pace_desktop.sync_summary import conflict_line, received_lines, show_value


def _package_passphrase(args: argparse.Namespace, twice: bool) -> str:
    if os.environ.get("PACE_PACKAGE_PASSPHRASE"):
        chosen = os.environ["PACE_PACKAGE_PASSPHRASE"]
    elif args.package_passphrase_file:
        chosen = read_secret_file(args.package_passphrase_file)
    elif not sys.stdin.isatty():
        raise CommandError("No package passphrase given: set PACE_PACKAGE_PASSPHRASE or use"
                           " --package-passphrase-file.")
    else:
        chosen = getpass.getpass("Package passphrase: ")
        if twice:
            problem = package_passphrase_problem(chosen)
            if problem:
                raise CommandError(problem + " Nothing was written.")
            if getpass.getpass("The package passphrase again: ") != chosen:
                raise CommandError("The two package passphrases are not the same; nothing was"
                                   " written.")
    if twice:
        problem = package_passphrase_problem(chosen)
        if problem:
            raise CommandError(problem + " Nothing was written.")
    return chosen


def run_package(args: argparse.Namespace) -> int:

    secret = _package_passphrase(args, twice=True)
    with open_store(args) as store:
        sent = store.send_children(args.child, Path(args.out), secret)
    say(f"Packed {len(sent.refs)} child record(s) ({', '.join(sent.refs)}) into {sent.path}."
        " It is encrypted with the package passphrase: give that separately from the file.")
    return EXIT_OK


def run_receive(args: argparse.Namespace) -> int:
    from pace_desktop.store.package_file import read_package

    secret = _package_passphrase(args, twice=False)
    package = read_package(Path(args.file), secret)  # before the store is even opened
    with open_store(args) as store:
        got = store.receive_package(package)
    for line in received_lines(got):
        say(line)
    return EXIT_OK


def run_conflicts(args: argparse.Namespace) -> int:

    with open_store(args) as store:
        if args.child and args.child not in store.refs():
            raise CommandError(f"There is no child with the reference {args.child} in this"
                               " store.")
        found = store.conflicts(args.child)
    if args.json:
        say(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        say("No conflicts to resolve.")
    for c in found:
        say(conflict_line(c))
    return EXIT_OK


def run_resolve(args: argparse.Namespace) -> int:

    if (args.keep is None) == (args.value is None):
        raise CommandError("Give either --keep mine|theirs or --value TEXT.")
    with open_store(args) as store:
        done = store.resolve_conflict(args.id, keep=args.keep, text=args.value)
    c = done.conflict
    say(f"Conflict #{c.id} resolved by {c.resolved_by}: {c.child} {c.field} is now"
        f" {show_value(done.value)}.")
    return EXIT_OK


def run_user(args: argparse.Namespace) -> int:
    """Show the store's named user and its id, or name someone (an audited change)."""
    with open_store(args) as store:
        if args.name is not None or args.role is not None:
            name, role = store.named_user()
            store.set_named_user(args.name if args.name is not None else name,
                                 args.role if args.role is not None else role)
        name, role = store.named_user()
        say(f"{name}{f' ({role})' if role else ''}, store {store.store_id()}")
    return EXIT_OK


def user_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", help="the name every change in this store is signed with")
    p.add_argument("--role", help="their role, e.g. reviewing officer")


SECRET_HELP = "read the package passphrase from FILE (or set PACE_PACKAGE_PASSPHRASE)"


def package_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", action="append", required=True, metavar="REF",
                   help="a child to send (repeatable)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--package-passphrase-file", metavar="FILE", help=SECRET_HELP)


def receive_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--package-passphrase-file", metavar="FILE", help=SECRET_HELP)


def conflicts_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", metavar="REF")
    p.add_argument("--json", action="store_true", help="as a JSON list")


def resolve_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--keep", choices=("mine", "theirs"),
                   help="keep this store's value (mine) or the other side's (theirs)")
    p.add_argument("--value", metavar="TEXT",
                   help="a new value for one field, checked as `edit` checks it; a conflict"
                        " about a whole record (deleted on one side, changed on the other)"
                        " can only be settled with --keep")
