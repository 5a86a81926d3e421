"""What every command shares: the passphrase, the store, a plain message, a date argument.

The passphrase comes from the `PACE_PASSPHRASE` environment variable (meant for scripts and
tests: anyone who can read the process environment can read it), else from
`--passphrase-file`, else from a prompt that does not echo.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pace_desktop import paths
from pace_desktop.settings import load_settings
from pace_desktop.store import CaseStore, passphrase_problem

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A plain message for the person at the terminal, and optionally a list of details."""

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)


def read_secret_file(path: str) -> str:
    """The file's first line, without its line ending: as the help says, so a file that ends
    with a newline, or holds a note on a later line, still gives the passphrase alone."""
    try:
        with open(path, encoding="utf-8") as f:
            first = f.readline()
    except OSError as exc:
        raise CommandError(f"Cannot read the passphrase file {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise CommandError(f"The passphrase file {path} is not text (UTF-8).") from None
    return first.rstrip("\r\n")


def passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    if os.environ.get("PACE_PASSPHRASE"):
        return os.environ["PACE_PASSPHRASE"]
    if getattr(args, "passphrase_file", None):
        return read_secret_file(args.passphrase_file)
    if not sys.stdin.isatty():
        raise CommandError("No passphrase given: set PACE_PASSPHRASE or use --passphrase-file.")
    return getpass.getpass(prompt)


def new_passphrase(args: argparse.Namespace) -> str:
    """A new passphrase: PACE_NEW_PASSPHRASE, --new-passphrase-file, or typed twice."""
    if os.environ.get("PACE_NEW_PASSPHRASE"):
        return os.environ["PACE_NEW_PASSPHRASE"]
    if getattr(args, "new_passphrase_file", None):
        return read_secret_file(args.new_passphrase_file)
    if not sys.stdin.isatty():
        raise CommandError("No new passphrase given: set PACE_NEW_PASSPHRASE or use"
                           " --new-passphrase-file.")
    return typed_twice("New passphrase: ", "The new passphrase again: ")


def typed_twice(prompt: str, again: str) -> str:
    """A new passphrase typed twice (no echo), judged before the second asking."""
    first = getpass.getpass(prompt)
    problem = passphrase_problem(first)
    if problem is not None:
        raise CommandError(problem + " Nothing was changed.")
    if getpass.getpass(again) != first:
        raise CommandError("The two passphrases are not the same; nothing was changed.")
    return first


def store_path(args: argparse.Namespace) -> Path:
    return Path(args.store).expanduser() if args.store else paths.default_store()


def open_store(args: argparse.Namespace) -> CaseStore:
    """The store, unlocked; the audit log names the user of the settings (or the login)."""
    # No name in Settings: the store's own named user signs, not the login name.
    return CaseStore.open(store_path(args), passphrase(args),
                          load_settings().user_name or None)


def say(text: str) -> None:
    print(text, flush=True)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (expected YYYY-MM-DD): {text!r}") from None


def read_key_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read the recovery key {path}: {exc.strerror}.") from None
