"""`self-test`: the bundle proves it works here (see pace_desktop.selftest)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from pace_desktop import selftest

    return selftest.run()
