"""`nondisclosure --child REF`: the child's non-disclosure requests, as the schedule in the
Reporter's papers lists them; with --add, a new request; with --decide, the hearing's
decision on one. Each change is one audited store operation."""

from __future__ import annotations

import argparse
from datetime import date

from pace_desktop.chronology import schedule_rows
from pace_desktop.cli.common import CommandError, iso_date, open_store
from pace_desktop.domain.nondisclosure import DECISIONS, Nondisclosure
from pace_desktop.store import RuleBroken


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--add", metavar="ITEM",
                   help="ask for ITEM to be withheld: the id of an entry, meeting, person or"
                        " home, or address:ID for a person's or a home's address")
    p.add_argument("--withhold-from", nargs="+", metavar="PERSON",
                   help="with --add: the ids of the people it is withheld from")
    p.add_argument("--reason", metavar="TEXT",
                   help="with --add: why disclosure would harm the child")
    p.add_argument("--requested", type=iso_date, metavar="DATE",
                   help="with --add: when it was asked (today)")
    p.add_argument("--decide", metavar="ID", help="record the hearing's decision on request ID")
    p.add_argument("--decision", choices=tuple(DECISIONS), help="with --decide")
    p.add_argument("--on", type=iso_date, metavar="DATE",
                   help="with --decide: the date of the decision (today)")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            if args.add:
                if not args.withhold_from or not args.reason:
                    raise CommandError("--add needs --withhold-from PERSON… and --reason TEXT.")
                changes = store.save_nondisclosure(args.child, Nondisclosure(
                    item=args.add, withhold_from=tuple(args.withhold_from),
                    reason=args.reason, requested=args.requested or date.today()))
                print(f"Request {changes.record} kept; it is honoured until the hearing"
                      " decides.")
            elif args.decide:
                if not args.decision:
                    raise CommandError("--decide needs --decision pending|granted|refused.")
                store.decide_nondisclosure(args.child, args.decide, args.decision,
                                           args.on or date.today())
                print(f"Request {args.decide}: {DECISIONS[args.decision].lower()}.")
        except RuleBroken as exc:
            raise CommandError(f"{exc} Nothing was changed.") from None
        child = store.child(args.child)
    rows = schedule_rows(child)
    if not rows:
        print(f"{child.name} ({child.ref}) has no non-disclosure requests.")
        return 0
    print(f"Non-disclosure requests for {child.name} ({child.ref}):")
    for r in rows:
        print(f"{r.id}\n  What: {r.what}\n  From: {r.from_whom}\n  Why: {r.why}\n"
              f"  Asked: {r.asked}\n  Decision: {r.decision}")
    return 0
