"""The command line: `pace-desktop COMMAND …` or `python -m pace_desktop COMMAND …`.

Every command that opens a store takes `--store PATH` (default: the store in the user data
folder) and `--passphrase-file` (see pace_desktop.cli.common). Success exits 0; a failure
prints plain lines on stderr and exits non-zero, never a traceback. The commands are listed
in pace_desktop.cli.table.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from pace_desktop import paths
from pace_desktop.cli.common import EXIT_FAIL, CommandError
from pace_desktop.cli.table import COMMANDS, Handler
from pace_desktop.exchange import InterchangeError
from pace_desktop.journey import RulesError
from pace_desktop.safe_files import WriteFailed
from pace_desktop.settings import SettingsError
from pace_desktop.store import ImportRefused, StoreError


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
    for command in COMMANDS:
        if command.name in handlers:
            raise ValueError(f"Two commands are called {command.name}.")
        handlers[command.name] = command.run
        command.add_arguments(sub.add_parser(command.name, parents=[common], help=command.help,
                                             description=command.help))
    return parser, handlers


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
