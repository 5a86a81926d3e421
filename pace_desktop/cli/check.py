"""`check`: the encryption, the database and the audit log; with `--hub URL`, the audit log
is also compared with every head the team hub witnessed at this store's syncs
(hub/witness.py), which is what shows entries removed from the end, or an older copy put in
the store's place, even to someone who rewrote the witness beside the store too.

The hub is asked only when `--hub` is given: `check` works offline, and says when the store
has synced with a hub whose witness could be asked."""

from __future__ import annotations

import argparse

from pace_desktop.cli.common import EXIT_OK, CommandError, open_store, say


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--hub", metavar="URL",
                   help="also compare the audit log with what the team hub witnessed at each"
                        " sync (postgresql://LOGIN@HOST/DATABASE…, password from PGPASSFILE)")


def run(args: argparse.Namespace) -> int:
    from pace_desktop.hub.errors import HubError

    with open_store(args) as store:
        problems = store.check()
        notes = list(store.notes)
        count = store.count_children()
        hub_words = ""
        if args.hub:
            try:
                problems, notes, hub_words = _with_hub(store, args.hub, problems, notes)
            except HubError as exc:
                raise CommandError(f"{exc} The audit log was not compared with the hub's"
                                   " witness; " + ("the store's own check found it sound."
                                                   if not problems else
                                                   f"the store's own check found {len(problems)}"
                                                   " problem(s): run `check` without --hub."),
                                   ) from None
        else:
            notes += _unasked_hub(store)
    if problems:
        raise CommandError(f"The store has {len(problems)} problem(s):", problems + notes)
    say(f"The store is sound: encryption, database and audit log checked ({count} children,"
        " each matching its last audit entry; the log's end matches its witness"
        f"{hub_words}).")
    for note in notes:
        say(f"Note: {note}")
    return EXIT_OK


def _with_hub(store: object, url: str, problems: list[str], notes: list[str]
              ) -> tuple[list[str], list[str], str]:
    from pace_desktop.hub.witness import check_against

    found, words = check_against(store, url)
    return problems + found.problems, notes + found.notes, words


def _unasked_hub(store: object) -> list[str]:
    """A note when this store has synced with a hub whose witness was not asked."""
    from pace_desktop.store.audit_head import last_hub

    hub = last_hub(store)
    if hub is None:
        return []
    return [f"This store syncs with a team hub ({hub}), which witnessed its audit log at each"
            " sync; `check --hub URL` compares the log with that too."]
