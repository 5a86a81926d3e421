"""The command line (`pace-desktop COMMAND …`): the table of commands in `table`, one module
per group of commands, what they share in `common`, parsing and plain failures in `entry`."""

from pace_desktop.cli.entry import build_parser, main

__all__ = ["build_parser", "main"]
