"""Run by the receive kill tests in a child process: read the package, open the store, say
"open", receive (one operation), say "done". The parent kills it at a random moment."""

from __future__ import annotations

import sys

from pace_desktop.store import CaseStore
from pace_desktop.store.package_file import read_package


def main(path: str, passphrase: str, package: str, secret: str) -> None:
    got = read_package(package, secret)
    store = CaseStore.open(path, passphrase)
    print("open", flush=True)
    store.receive_package(got)
    print("done", flush=True)
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
