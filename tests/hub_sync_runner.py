"""Run `sync --hub URL` on a store in a child process, so a test can SIGKILL it mid-sync."""

import sys

from pace_desktop.hub.laptop import sync
from pace_desktop.store import CaseStore

if __name__ == "__main__":
    path, passphrase, url = sys.argv[1:4]
    with CaseStore.open(path, passphrase) as store:
        print("started", flush=True)
        sync(store, url)
    print("done", flush=True)
