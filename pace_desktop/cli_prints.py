"""Command-line prints: chronology, decision record, journey summary, caseload clocks report.

Every print is made in memory and written only to the file named with --out; saving says
plainly whether the file is encrypted.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pace_desktop import chronology, journey
from pace_desktop.cli_journey import iso_date
from pace_desktop.settings import Settings, load_settings

Handler = Callable[[argparse.Namespace], int]


def _options(args: argparse.Namespace, settings: Settings) -> chronology.PrintOptions:
    password = None
    if getattr(args, "password_file", None):
        from pace_desktop.cli import CommandError

        try:
            password = Path(args.password_file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CommandError(f"Cannot read the password file {args.password_file}:"
                               f" {exc.strerror}.") from None
        if not password:
            raise CommandError(f"The password file {args.password_file} is empty.")
    return chronology.PrintOptions(printed_by=settings.audit_name,
                                   marking=settings.protective_marking, password=password)


def _recipient(name: str) -> str:
    from pace_desktop.cli import CommandError

    try:
        return chronology.check_recipient(name)
    except chronology.UnknownRecipient as exc:
        raise CommandError(str(exc)) from None


def _save(pdf: bytes, out: str, what: str, encrypted: bool) -> None:
    path = Path(out).expanduser()
    path.write_bytes(pdf)
    print(f"Saved {what} to {path}.")
    if encrypted:
        print(f"The file is protected by the password you gave (PDF standard security,"
              f" RC4 {chronology.PDF_ENCRYPTION_BITS}-bit: this keeps out a casual reader,"
              " not a determined one). Keep it on an encrypted device.")
    else:
        print("Warning: this file is not encrypted. Anyone who gets the file can read it: keep"
              " it on an encrypted device and delete it when it is no longer needed.")


def _rules(settings: Settings) -> tuple[journey.Rule, ...]:
    return tuple(journey.load_rules(settings.rules_path()))


def cmd_chronology(args: argparse.Namespace) -> int:
    from pace_desktop.cli import open_store

    settings = load_settings()
    recipient = _recipient(args.recipient)
    options = _options(args, settings)
    kinds = frozenset(args.kind) if args.kind else None
    entry_filter = chronology.EntryFilter(args.date_from, args.date_to, kinds)
    with open_store(args) as store:
        child = store.child(args.child)
    context = (chronology.JourneyContext(_rules(settings), args.as_of or date.today(),
                                         settings.due_soon_days)
               if args.with_timeline else None)
    pdf = chronology.chronology_pdf(child, recipient, options, entry_filter, context)
    _save(pdf, args.out, f"the chronology for {child.name}", bool(options.password))
    return 0


def cmd_meetings(args: argparse.Namespace) -> int:
    from pace_desktop.cli import open_store

    with open_store(args) as store:
        child = store.child(args.child)
    if not child.meetings:
        print(f"{child.name} ({child.ref}) has no meetings recorded.")
    for m in sorted(child.meetings, key=lambda m: m.date):
        print(f"{m.id:<14} {m.date.isoformat()}  {m.status:<6} {chronology.meeting_title(m)}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from pace_desktop.cli import CommandError, open_store

    settings = load_settings()
    recipient = _recipient(args.recipient)
    options = _options(args, settings)
    with open_store(args) as store:
        child = store.child(args.child)
    try:
        pdf = chronology.decision_record_pdf(child, args.meeting, recipient, options)
    except chronology.UnknownMeeting as exc:
        raise CommandError(str(exc)) from None
    _save(pdf, args.out, f"the decision record for {child.name}", bool(options.password))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from pace_desktop.cli import open_store

    settings = load_settings()
    recipient = _recipient(args.recipient)
    options = _options(args, settings)
    with open_store(args) as store:
        child = store.child(args.child)
    pdf = chronology.journey_summary_pdf(child, _rules(settings), args.as_of or date.today(),
                                         recipient, options, settings.due_soon_days)
    _save(pdf, args.out, f"the journey summary for {child.name}", bool(options.password))
    return 0


def cmd_clocks_report(args: argparse.Namespace) -> int:
    from pace_desktop.cli import CommandError, open_store

    settings = load_settings()
    options = _options(args, settings)
    as_of = args.as_of or date.today()
    with open_store(args) as store:
        rows = store.caseload()
        if args.worker:
            wanted = args.worker.casefold()
            rows = [r for r in rows if (r.allocated_worker or "").casefold() == wanted]
            if not rows:
                raise CommandError(f"No children are allocated to {args.worker}.")
        workers = {r.ref: r.allocated_worker for r in rows}
        refs = sorted(workers) if args.worker else None
        items = journey.due_list(store.children(refs, clock_facts_only=True),
                                 _rules(settings), as_of, settings.due_soon_days)
    pdf = chronology.clocks_report_pdf(items, as_of, options, workers, args.worker,
                                       settings.due_soon_days)
    _save(pdf, args.out, "the caseload clocks report", bool(options.password))
    return 0


def register(add: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    recipients = ", ".join(chronology.RECIPIENTS)

    def common(p: argparse.ArgumentParser, recipient_required: bool = False) -> None:
        p.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
        p.add_argument("--password-file", metavar="FILE",
                       help="protect the PDF with the password in FILE (first line)")
        if recipient_required:
            p.add_argument("--recipient", required=True, metavar="R",
                           help=f"who the copy is for: {recipients}")
        else:
            p.add_argument("--recipient", default="internal", metavar="R",
                           help=f"who the copy is for: {recipients} (default internal)")

    p = add("chronology", cmd_chronology, "print a child's chronology to a PDF file")
    p.add_argument("--child", required=True, metavar="REF")
    common(p, recipient_required=True)
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
    p.add_argument("--kind", nargs="+", metavar="KIND", help="only entries of these kinds")
    p.add_argument("--with-timeline", action="store_true",
                   help="open with the journey timeline and the clocks")
    p.add_argument("--as-of", type=iso_date, metavar="DATE",
                   help="judge the clocks as of DATE (today)")
    p = add("meetings", cmd_meetings, "list a child's meetings with their ids")
    p.add_argument("--child", required=True, metavar="REF")
    p = add("record", cmd_record, "print the decision record of a meeting to a PDF file")
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--meeting", required=True, metavar="ID")
    common(p)
    p = add("summary", cmd_summary, "print a child's journey summary to a PDF file")
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="as of DATE (today)")
    common(p)
    p = add("clocks-report", cmd_clocks_report,
            "print the overdue and due-soon clocks across the caseload to a PDF file")
    p.add_argument("--worker", metavar="NAME", help="only this social worker's children")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="as of DATE (today)")
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    p.add_argument("--password-file", metavar="FILE",
                   help="protect the PDF with the password in FILE (first line)")
