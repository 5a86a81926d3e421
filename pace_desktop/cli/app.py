"""The desktop app, and the fictional demo caseload it can start from."""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop import paths
from pace_desktop.cli.common import EXIT_OK, passphrase, say, store_path
from pace_desktop.demo_store import make_demo_store


def gui_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)


def run_gui(args: argparse.Namespace) -> int:
    from pace_desktop.gui.app import run_gui as run_app

    default = paths.default_store()
    chosen = Path(args.store).expanduser() if args.store else None
    return run_app(store_path=chosen or (default if default.exists() else None),
                   default_path=default, make_demo=make_demo_store,
                   first_run=chosen is None and not default.exists(),
                   exit_when_ready=args.exit_when_ready)


def demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--children", type=int, default=40, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--events-per-child", type=int, default=None, metavar="N",
                   help="pad each child's chronology to N entries (for benchmarks)")


def run_demo(args: argparse.Namespace) -> int:
    path = store_path(args)
    made = make_demo_store(path, passphrase(args), args.children, args.seed,
                           args.events_per_child)
    say(f"The demo store at {path} now holds {made} more fictional children.")
    return EXIT_OK
