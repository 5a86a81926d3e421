"""Commands on the store file itself: create, import, export, check, change the passphrase,
back up."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pace_desktop.cli.common import (
    EXIT_OK,
    new_passphrase,
    open_store,
    passphrase,
    read_key_file,
    say,
    store_path,
    typed_twice,
)
from pace_desktop.settings import load_settings
from pace_desktop.store import CaseStore


def init_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--owner", help="the owner's name, recorded in the store")
    p.add_argument("--role", default="", help="the owner's role (reviewing officer, social"
                   " worker, …): packages and conflicts show it")
    p.add_argument("--recovery-key", metavar="PUBLIC.pem",
                   help="seal the store's key to the authority's public recovery key")


def run_init(args: argparse.Namespace) -> int:
    path = store_path(args)
    owner = args.owner or load_settings().audit_name
    # A new passphrase is typed twice, as rekey and the app ask: a typo here locks the store.
    if os.environ.get("PACE_PASSPHRASE") or getattr(args, "passphrase_file", None) \
            or not sys.stdin.isatty():
        chosen = passphrase(args)
    else:
        chosen = typed_twice("New passphrase: ", "The passphrase again: ")
    public = read_key_file(args.recovery_key) if args.recovery_key else None
    with CaseStore.create(path, chosen, owner, recovery_public=public) as made:
        if args.role:
            made.set_named_user(owner, args.role)
    say(f"Created a new encrypted store at {path} for {owner}.")
    return EXIT_OK


def import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--update", action="store_true",
                   help="merge children already in the store with the file: changes made on"
                   " one side arrive, changes made on both are conflicts (see `conflicts`)")
    p.add_argument("--source", default="main system", metavar="NAME",
                   help="where the file comes from; an update merges against what the last"
                   " import from the same source brought (default: %(default)s)")


def run_import(args: argparse.Namespace) -> int:
    from pace_desktop.exchange import read_interchange_file

    children = read_interchange_file(Path(args.file))
    with open_store(args) as store:
        before = len(store.conflicts())
        result = store.import_children(children, update=args.update, source=Path(args.file).name,
                                        sync_source=args.source)
        found = len(store.conflicts()) - before
    say(f"Imported {len(result.added)} new child record(s) and updated {len(result.updated)}"
        f" from {args.file}.")
    if found:
        say(f"{found} conflict(s) to resolve: see `conflicts`.")
    return EXIT_OK


def export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--child", action="append", metavar="REF", help="only this child (repeatable)")


def run_export(args: argparse.Namespace) -> int:
    from pace_desktop.exchange import write_interchange_file

    with open_store(args) as store:
        children = list(store.children(args.child or None))
    write_interchange_file(Path(args.out), children)
    say(f"Exported {len(children)} child record(s) to {args.out}. This file is not encrypted:"
        " keep it safe and delete it when it is no longer needed.")
    return EXIT_OK


def rekey_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE (or set PACE_NEW_PASSPHRASE)")


def run_rekey(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.rekey(new_passphrase(args))
    say("The passphrase has been changed. Backups made before now still open with the old one.")
    return EXIT_OK


def backup_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE")


def run_backup(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        out = store.backup(Path(args.out))
    say(f"Made an encrypted backup at {out}; it opens with the store's passphrase.")
    return EXIT_OK
