"""The command line: `pace-desktop COMMAND …` or `python -m pace_desktop COMMAND …`.

Every command that opens a store takes `--store PATH` (default: the store in the user data
folder). The passphrase comes from the `PACE_PASSPHRASE` environment variable (meant for
scripts and tests: anyone who can read the process environment can read it), else from
`--passphrase-file`, else from a prompt that does not echo. Success exits 0; a failure
prints plain lines on stderr and exits non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pace_desktop import paths
from pace_desktop.demo_store import make_demo_store
from pace_desktop.exchange import InterchangeError
from pace_desktop.journey import RulesError
from pace_desktop.safe_files import WriteFailed
from pace_desktop.settings import SettingsError, load_settings
from pace_desktop.store import CaseStore, ImportRefused, StoreError, passphrase_problem

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A plain message for the person at the terminal, and optionally a list of details."""

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)


# -- passphrases --------------------------------------------------------------------------


def _read_secret_file(path: str) -> str:
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
        return _read_secret_file(args.passphrase_file)
    if not sys.stdin.isatty():
        raise CommandError("No passphrase given: set PACE_PASSPHRASE or use --passphrase-file.")
    return getpass.getpass(prompt)


def new_passphrase(args: argparse.Namespace) -> str:
    """A new passphrase: PACE_NEW_PASSPHRASE, --new-passphrase-file, or typed twice."""
    if os.environ.get("PACE_NEW_PASSPHRASE"):
        return os.environ["PACE_NEW_PASSPHRASE"]
    if getattr(args, "new_passphrase_file", None):
        return _read_secret_file(args.new_passphrase_file)
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


# -- commands -----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = store_path(args)
    owner = args.owner or load_settings().audit_name
    # A new passphrase is typed twice, as rekey and the app ask: a typo here locks the store.
    if os.environ.get("PACE_PASSPHRASE") or getattr(args, "passphrase_file", None) \
            or not sys.stdin.isatty():
        chosen = passphrase(args)
    else:
        chosen = typed_twice("New passphrase: ", "The passphrase again: ")
    public = _read_key_file(args.recovery_key) if args.recovery_key else None
    CaseStore.create(path, chosen, owner, recovery_public=public).close()
    say(f"Created a new encrypted store at {path} for {owner}.")
    return EXIT_OK


def _read_key_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read the recovery key {path}: {exc.strerror}.") from None


def cmd_recovery_keygen(args: argparse.Namespace) -> int:
    from pace_desktop.store.recovery import make_keypair

    public, private = make_keypair(Path(args.out).expanduser())
    say(f"Made the authority's recovery key pair: give {public} to every store"
        f" (init --recovery-key, or recovery-enrol). Keep {private} offline and locked away:"
        " whoever holds it can open every store sealed to it.")
    return EXIT_OK


def cmd_recovery_enrol(args: argparse.Namespace) -> int:
    public = _read_key_file(args.key)
    secret = passphrase(args)
    with CaseStore.open(store_path(args), secret, load_settings().audit_name) as store:
        store.enrol_recovery(secret, public)
    say(f"The store's key is now sealed to the authority's recovery key ({args.key}); the seal"
        " is renewed whenever the passphrase changes.")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    path = store_path(args)
    new = new_passphrase(args)
    CaseStore.recover(path, Path(args.key).expanduser(), new,
                      load_settings().audit_name).close()
    say(f"Recovered {path} with the authority's key; it now opens with the new passphrase."
        " Backups made before now still open with the old one.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pace_desktop.exchange import read_interchange_file

    children = read_interchange_file(Path(args.file))
    with open_store(args) as store:
        result = store.import_children(children, update=args.update, source=Path(args.file).name)
    say(f"Imported {len(result.added)} new child record(s) and updated {len(result.updated)}"
        f" from {args.file}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from pace_desktop.exchange import write_interchange_file

    with open_store(args) as store:
        children = list(store.children(args.child or None))
    write_interchange_file(Path(args.out), children)
    say(f"Exported {len(children)} child record(s) to {args.out}. This file is not encrypted:"
        " keep it safe and delete it when it is no longer needed.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        problems = store.check()
        notes = store.notes
        count = store.count_children()
    if problems:
        raise CommandError(f"The store has {len(problems)} problem(s):", problems + notes)
    say(f"The store is sound: encryption, database and audit log checked ({count} children,"
        " each matching its last audit entry; the log's end matches its witness).")
    for note in notes:
        say(f"Note: {note}")
    return EXIT_OK


def cmd_rekey(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.rekey(new_passphrase(args))
    say("The passphrase has been changed. Backups made before now still open with the old one.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        out = store.backup(Path(args.out))
    say(f"Made an encrypted backup at {out}; it opens with the store's passphrase.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    path = store_path(args)
    made = make_demo_store(path, passphrase(args), args.children, args.seed,
                           args.events_per_child)
    say(f"The demo store at {path} now holds {made} more fictional children.")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from pace_desktop.gui.app import run_gui

    default = paths.default_store()
    chosen = Path(args.store).expanduser() if args.store else None
    return run_gui(store_path=chosen or (default if default.exists() else None),
                   default_path=default, make_demo=make_demo_store,
                   first_run=chosen is None and not default.exists(),
                   exit_when_ready=args.exit_when_ready)


# -- parsing ------------------------------------------------------------------------------

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = argparse.ArgumentParser(
        prog="pace-desktop",
        description="PACE Desktop: an encrypted, offline case store for permanence planning.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", metavar="PATH",
                        help=f"the store file (default: {paths.default_store()})")
    common.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from the first line of FILE")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Handler] = {}

    def add(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        handlers[name] = handler
        return sub.add_parser(name, parents=[common], help=text, description=text)

    p = add("init", cmd_init, "create a new, empty encrypted store")
    p.add_argument("--owner", help="the owner's name, recorded in the store")
    p.add_argument("--recovery-key", metavar="PUBLIC.pem",
                   help="seal the store's key to the authority's public recovery key")
    p = add("import", cmd_import, "import children from an interchange JSON file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--update", action="store_true",
                   help="bring children already in the store up to date from the file")
    p = add("export", cmd_export, "export children to an interchange JSON file (not encrypted)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--child", action="append", metavar="REF", help="only this child (repeatable)")
    add("check", cmd_check, "check the encryption, the database and the audit log")
    p = add("rekey", cmd_rekey, "change the store's passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE (or set PACE_NEW_PASSPHRASE)")
    p = add("recovery-keygen", cmd_recovery_keygen,
            "make the authority's recovery key pair (once, offline)")
    p.add_argument("--out", required=True, metavar="DIR")
    p = add("recovery-enrol", cmd_recovery_enrol,
            "seal this store's key to the authority's public recovery key")
    p.add_argument("--key", required=True, metavar="PUBLIC.pem")
    p = add("recover", cmd_recover,
            "open a store whose passphrase is lost with the authority's private key")
    p.add_argument("--key", required=True, metavar="PRIVATE.pem")
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE (or set PACE_NEW_PASSPHRASE)")
    p = add("backup", cmd_backup, "make an encrypted backup copy")
    p.add_argument("--out", required=True, metavar="FILE")
    p = add("demo", cmd_demo, "create a store holding a fictional demo caseload")
    p.add_argument("--children", type=int, default=40, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--events-per-child", type=int, default=None, metavar="N",
                   help="pad each child's chronology to N entries (for benchmarks)")
    p = add("gui", cmd_gui, "open the desktop app (the default)")
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    for extra in _extra_commands():
        extra(add)
    return parser, handlers


_COMMAND_MODULES = ("pace_desktop.cli_journey", "pace_desktop.cli_timeline",
                    "pace_desktop.cli_prints", "pace_desktop.cli_selftest",
                    "pace_desktop.cli_edit", "pace_desktop.cli_sync")


def _extra_commands() -> list[Callable[..., None]]:
    """Commands defined beside the parts they drive (clocks, timeline, prints)."""
    import importlib
    import importlib.util

    return [importlib.import_module(name).register for name in _COMMAND_MODULES
            if importlib.util.find_spec(name) is not None]


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or (words[0] not in handlers and words[0] not in ("-h", "--help")):
        words.insert(0, "gui")  # the app is what a double-click or a bare command means
    args = parser.parse_args(words)
    # Whatever SQLite or a library creates on our behalf is owner-only too.
    os.umask(0o077)
    try:
        return handlers[args.command](args)
    except CommandError as exc:
        _fail(str(exc), exc.details)
    except ImportRefused as exc:
        _fail(str(exc), exc.problems)
    except (StoreError, WriteFailed) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("Stopped.")
    except Exception as exc:  # noqa: BLE001 - the one place a stray error becomes a message
        if isinstance(exc, InterchangeError):
            _fail(str(exc), exc.problems)
        elif isinstance(exc, RulesError | SettingsError):
            _fail(str(exc))
        elif isinstance(exc, OSError):
            _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        else:
            if os.environ.get("PACE_DEBUG"):
                raise
            _fail(f"Something went wrong that PACE Desktop did not expect ({type(exc).__name__})."
                  " Nothing further was changed. Please report this.")
    return EXIT_FAIL


def _fail(message: str, details: Sequence[str] = ()) -> None:
    print(message, file=sys.stderr)
    for line in details:
        print(f"  {line}", file=sys.stderr)
