"""`chronology-entries` and `chronology-page`: the choices kept on a child's chronology.

`chronology-entries --child REF` lists the entries drawn from the record (legal status,
moves, decisions) with their keys and whether each is left out; --leave-out and --put-back
change that, one audited operation each time. `chronology-page --child REF` shows or sets
the chronology's own page: who compiled it, the period, the sources, single- or multi-agency,
and the analysis at its end (from a text file, so it can be written at leisure).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from pace_desktop.chronology import drawn_entries
from pace_desktop.cli.common import CommandError, iso_date, open_store
from pace_desktop.domain.chronology_page import AGENCIES
from pace_desktop.domain.date_words import long_date
from pace_desktop.store import RuleBroken


def entries_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--leave-out", nargs="+", default=[], metavar="KEY",
                   help="leave these entries drawn from the record out of the chronology")
    p.add_argument("--put-back", nargs="+", default=[], metavar="KEY",
                   help="put these entries back")


def run_entries(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        child = store.child(args.child)
        keys = {d.key for d in drawn_entries(child)}
        for key in [*args.leave_out, *args.put_back]:
            if key not in keys:
                raise CommandError(f"{key!r} is not an entry drawn from {child.name}'s record;"
                                   f" 'chronology-entries --child {child.ref}' lists them.")
        for key in args.leave_out:
            store.leave_out_entry(child.ref, key, True)
        for key in args.put_back:
            store.leave_out_entry(child.ref, key, False)
        page = store.chronology_page(child.ref)
    drawn = drawn_entries(child)
    if not drawn:
        print(f"Nothing is drawn from {child.name}'s record yet.")
    for d in drawn:
        mark = "left out" if d.key in page.left_out else "in      "
        print(f"{mark}  {d.key}\n          {d.left_out_words}")
    return 0


def page_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--compiled-by", metavar="NAME")
    p.add_argument("--compiled-on", type=iso_date, metavar="DATE")
    p.add_argument("--from", dest="period_from", type=iso_date, metavar="DATE")
    p.add_argument("--to", dest="period_to", type=iso_date, metavar="DATE")
    p.add_argument("--sources", metavar="TEXT", help="the sources, in words")
    p.add_argument("--agency", choices=tuple(AGENCIES), help="single- or multi-agency")
    p.add_argument("--analysis-file", metavar="FILE",
                   help="the analysis at the end of the chronology, from a UTF-8 text file")


def run_page(args: argparse.Namespace) -> int:
    changes = {k: getattr(args, k) for k in ("compiled_by", "compiled_on", "period_from",
                                              "period_to", "sources", "agency")
               if getattr(args, k) is not None}
    if args.analysis_file:
        try:
            changes["analysis"] = Path(args.analysis_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read the analysis from {args.analysis_file}:"
                               f" {getattr(exc, 'strerror', None) or exc}.") from None
    with open_store(args) as store:
        if changes:
            try:
                store.save_chronology_page(args.child, replace(
                    store.chronology_page(args.child), **changes))
            except RuleBroken as exc:
                raise CommandError(f"{exc} Nothing was changed.") from None
        page = store.chronology_page(args.child)
    def day(d: object) -> str:
        return long_date(d) if d else "not set"  # type: ignore[arg-type]
    print(f"Compiled by: {page.compiled_by or 'the person printing'}\n"
          f"Compiled on: {day(page.compiled_on)}\n"
          f"Period: {day(page.period_from)} to {day(page.period_to)}\n"
          f"Sources: {page.sources or 'worked out from the entries'}\n"
          f"Agency: {AGENCIES[page.agency]}\n"
          f"Entries left out: {len(page.left_out)}; checks accepted: {len(page.accepted_checks)}\n"
          f"Analysis: {page.analysis or 'not written'}")
    return 0
