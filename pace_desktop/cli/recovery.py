"""The authority's recovery key: make the pair, seal a store to it, recover a store."""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop.cli.common import (
    EXIT_OK,
    new_passphrase,
    passphrase,
    read_key_file,
    say,
    store_path,
)
from pace_desktop.settings import load_settings
from pace_desktop.store import CaseStore


def keygen_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="DIR")


def run_keygen(args: argparse.Namespace) -> int:
    from pace_desktop.store.recovery import make_keypair

    public, private = make_keypair(Path(args.out).expanduser())
    say(f"Made the authority's recovery key pair: give {public} to every store"
        f" (init --recovery-key, or recovery-enrol). Keep {private} offline and locked away:"
        " whoever holds it can open every store sealed to it.")
    return EXIT_OK


def enrol_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--key", required=True, metavar="PUBLIC.pem")


def run_enrol(args: argparse.Namespace) -> int:
    public = read_key_file(args.key)
    secret = passphrase(args)
    with CaseStore.open(store_path(args), secret, load_settings().audit_name) as store:
        store.enrol_recovery(secret, public)
    say(f"The store's key is now sealed to the authority's recovery key ({args.key}); the seal"
        " is renewed whenever the passphrase changes.")
    return EXIT_OK


def recover_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--key", required=True, metavar="PRIVATE.pem")
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE (or set PACE_NEW_PASSPHRASE)")


def run_recover(args: argparse.Namespace) -> int:
    path = store_path(args)
    new = new_passphrase(args)
    CaseStore.recover(path, Path(args.key).expanduser(), new,
                      load_settings().audit_name).close()
    say(f"Recovered {path} with the authority's key; it now opens with the new passphrase."
        " Backups made before now still open with the old one.")
    return EXIT_OK
