"""Every command, in the order `--help` lists them: adding one is one line here plus its own
module with a `run(args) -> int` and, if it takes options, an `add_arguments(parser)`.

The table names the functions themselves (not module names looked up at run time), so a
missing module fails at import, in the tests, and import-linter sees every command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from pace_desktop.cli import (
    app,
    check,
    chronology_page,
    edit,
    hub,
    hub_sync,
    journey,
    nondisclosure,
    prints,
    recovery,
    selftest,
    store_file,
    sync,
    timeline,
)

Handler = Callable[[argparse.Namespace], int]


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """A command that takes only the common options (--store, --passphrase-file)."""


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    run: Handler
    add_arguments: Callable[[argparse.ArgumentParser], None] = no_arguments


COMMANDS: tuple[Command, ...] = (
    Command("init", "create a new, empty encrypted store",
            store_file.run_init, store_file.init_arguments),
    Command("import", "import children from an interchange JSON file",
            store_file.run_import, store_file.import_arguments),
    Command("export", "export children to an interchange JSON file (not encrypted)",
            store_file.run_export, store_file.export_arguments),
    Command("check", "check the encryption, the database and the audit log",
            check.run, check.add_arguments),
    Command("rekey", "change the store's passphrase",
            store_file.run_rekey, store_file.rekey_arguments),
    Command("recovery-keygen", "make the authority's recovery key pair (once, offline)",
            recovery.run_keygen, recovery.keygen_arguments),
    Command("recovery-enrol", "seal this store's key to the authority's public recovery key",
            recovery.run_enrol, recovery.enrol_arguments),
    Command("recover", "open a store whose passphrase is lost with the authority's private key",
            recovery.run_recover, recovery.recover_arguments),
    Command("backup", "make an encrypted backup copy",
            store_file.run_backup, store_file.backup_arguments),
    Command("demo", "create a store holding a fictional demo caseload",
            app.run_demo, app.demo_arguments),
    Command("gui", "open the desktop app (the default)", app.run_gui, app.gui_arguments),
    Command("journey", "a child's milestones and clocks",
            journey.run_journey, journey.journey_arguments),
    Command("due", "every clock overdue or due soon, most urgent first",
            journey.run_due, journey.due_arguments),
    Command("cohort", "run chart data: days between PACE milestones",
            journey.run_cohort, journey.cohort_arguments),
    Command("timeline", "draw a child's journey timeline to a PNG or SVG file",
            timeline.run, timeline.add_arguments),
    Command("chronology", "print a child's chronology to a PDF file",
            prints.run_chronology, prints.chronology_arguments),
    Command("chronology-entries",
            "list the entries drawn from a child's record; leave some out or put them back",
            chronology_page.run_entries, chronology_page.entries_arguments),
    Command("chronology-page", "show or set a chronology's own page and its analysis",
            chronology_page.run_page, chronology_page.page_arguments),
    Command("nondisclosure", "list a child's non-disclosure requests; add one; decide one",
            nondisclosure.run, nondisclosure.add_arguments),
    Command("meetings", "list a child's meetings with their ids",
            prints.run_meetings, prints.meetings_arguments),
    Command("record", "print the decision record of a meeting to a PDF file",
            prints.run_record, prints.record_arguments),
    Command("summary", "print a child's journey summary to a PDF file",
            prints.run_summary, prints.summary_arguments),
    Command("clocks-report",
            "print the overdue and due-soon clocks across the caseload to a PDF file",
            prints.run_clocks_report, prints.clocks_report_arguments),
    Command("self-test",
            "create, fill, judge, draw, print, reopen and check a store in a temporary folder",
            selftest.run),
    Command("edit", "change a child's own details (FIELD=VALUE, '' clears)",
            edit.run, edit.add_arguments),
    Command("user", "the store's named user (and role): show, or name someone",
            sync.run_user, sync.user_arguments),
    Command("package", "write chosen children to an encrypted case package",
            sync.run_package, sync.package_arguments),
    Command("receive", "add or merge the children of a case package",
            sync.run_receive, sync.receive_arguments),
    Command("conflicts", "list the conflicts waiting to be resolved",
            sync.run_conflicts, sync.conflicts_arguments),
    Command("resolve", "resolve a conflict: keep mine, keep theirs or a new value",
            sync.run_resolve, sync.resolve_arguments),
    Command("sync", "send this store's changes to the team hub and bring its changes",
            hub_sync.run, hub_sync.add_arguments),
    Command("hub", "set up and look at the team hub (PostgreSQL)", hub.run, hub.add_arguments),
)
