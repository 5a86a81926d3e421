"""Run by the kill tests in a child process: open the store, say "open", do one long piece of
work (an import or a backup), say "done". The parent kills it at a random moment."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from pace_desktop.demo import generate_caseload
from pace_desktop.store import CaseStore


def main(kind: str, path: str, passphrase: str, arg: str) -> None:
    store = CaseStore.open(path, passphrase)
    if kind == "import":
        batch = [replace(c, ref=f"{arg}-{c.ref}") for c in generate_caseload(40, seed=3)]
        print("open", flush=True)
        store.import_children(batch, source=f"batch {arg}")
    elif kind == "backup":
        print("open", flush=True)
        store.backup(Path(arg))
    print("done", flush=True)
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
