"""`sync --hub URL`: send this store's changes to the team hub and bring the hub's here
(pace_desktop/hub/laptop.py). A hub that cannot be reached is one plain line: working
offline is normal, and the store is unchanged."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from pace_desktop.cli.common import EXIT_OK, CommandError, open_store, say
    from pace_desktop.hub import HubError
    from pace_desktop.hub.laptop import sync
    from pace_desktop.settings import load_settings

    url = args.hub or load_settings().hub_url
    if not url:
        raise CommandError("No hub address: give --hub URL, or set hub_url in Settings.")
    try:
        with open_store(args) as store:
            report = sync(store, url)
    except HubError as exc:
        raise CommandError(str(exc)) from None
    parts = [(report.pulled, "new from the hub"), (report.sent_new, "sent to the hub as new"),
             (report.received, "brought up to date from the hub"),
             (report.sent, "sent with this laptop's changes")]
    said = [f"{len(refs)} {what} ({', '.join(refs[:10])}{', …' if len(refs) > 10 else ''})"
            for refs, what in parts if refs]
    say("Synced: " + "; ".join(said) + "." if said else "Synced: nothing new on either side.")
    for ref, c in report.conflicts:
        place = "the child's details" if c.key[0] == "child" else f"{c.key[0]} {c.key[1]}"
        say(f"Conflict in {ref}, {place}, {c.field}: here {c.mine!r}, on the hub {c.theirs!r}"
            " (this laptop's value stays until someone resolves it: `conflicts`, `resolve`).")
    for ref in report.not_on_hub:
        say(f"{ref} is no longer on the hub for you (allocated elsewhere or no longer shared);"
            " this laptop's copy is kept.")
    if report.audit_problems:
        raise CommandError("Synced, but this store's audit log does not match what the hub"
                           " witnessed at earlier syncs (the hub keeps what it saw; tell your"
                           " manager):", report.audit_problems)
    if report.problems:
        raise CommandError(f"{len(report.problems)} child(ren) could not be synced; everything"
                           " else was:", report.problems)
    return EXIT_OK


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--hub", metavar="URL",
                   help="postgresql://LOGIN@HOST/DATABASE?sslmode=verify-full&sslrootcert=CA"
                        " (password from PGPASSFILE; default: hub_url in Settings)")
