"""`self-test`: the bundle proves it works here (see pace_desktop.selftest)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def cmd_self_test(args: argparse.Namespace) -> int:
    from pace_desktop import selftest

    return selftest.run()


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    add("self-test", cmd_self_test,
        "create, fill, judge, draw, print, reopen and check a store in a temporary folder")
