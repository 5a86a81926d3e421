"""Run by the rekey tests in a child process: open with the old passphrase, say so, rekey to
the new one, say so. The parent kills it at a random moment, or limits its file size."""

from __future__ import annotations

import sys

from pace_desktop.store import CaseStore, StoreError


def main(path: str, old: str, new: str) -> None:
    store = CaseStore.open(path, old)
    print("open", flush=True)
    try:
        store.rekey(new)
    except StoreError as exc:
        print("failed", exc, flush=True)
        return
    print("rekeyed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
