"""Command-line prints: chronology, decision record, journey summary, caseload clocks report.

Every print is made in memory (by pace_desktop.print_jobs, the same path as the app's) and
written only to the file named with --out; saving says plainly whether the file is encrypted.

A copy for anyone but the service goes through the same review as in the app. The command
line cannot show a highlighted preview, so it lists the identifiers it found and what it did
with each (the proposals, unless --keep-identifier or --leave-out-identifier says otherwise),
and the decisions are kept with the print in the store. A chronology with open checks is not
printed until they are fixed in the record or accepted with --accept-checks.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop import chronology, print_jobs
from pace_desktop.cli.common import CommandError, iso_date, open_store
from pace_desktop.safe_files import write_bytes
from pace_desktop.settings import load_settings
from pace_desktop.store import CaseStore


def _password(args: argparse.Namespace) -> str | None:
    if not getattr(args, "password_file", None):
        return None
    try:
        password = Path(args.password_file).read_text(encoding="utf-8").split("\n")[0].rstrip("\r")
    except OSError as exc:
        raise CommandError(f"Cannot read the password file {args.password_file}:"
                           f" {exc.strerror}.") from None
    if not password:
        raise CommandError(f"The password file {args.password_file} is empty.")
    return password


def _recipient(name: str) -> str:
    try:
        return chronology.check_recipient(name)
    except chronology.UnknownRecipient as exc:
        raise CommandError(str(exc)) from None


def _save(made: print_jobs.Made, out: str, encrypted: bool) -> None:
    path = Path(out).expanduser()
    write_bytes(path, made.pdf)  # hidden temp beside it, fsynced, 0600, renamed: whole or none
    print(f"Saved {made.about[0].lower() + made.about[1:]} to {path}.")
    if made.withheld:
        print("Some information is withheld from this copy; its first page says so.")
    if encrypted:
        print(f"The file is protected by the password you gave (AES"
              f" {chronology.PDF_ENCRYPTION_BITS}-bit). Keep it on an encrypted device all"
              " the same.")
    else:
        print("Warning: this file is not encrypted. Anyone who gets the file can read it: keep"
              " it on an encrypted device and delete it when it is no longer needed.")


def _make(args: argparse.Namespace, document: str, **choices: object) -> print_jobs.Made:
    """The print asked for, made from the store through the same path as the app's, saved to
    --out, and then (only once the file is whole) kept as a record with the decisions made
    about it."""
    settings = load_settings()
    request = print_jobs.PrintRequest.for_settings(
        document, getattr(args, "child", None), settings, **choices,
    ).with_password(_password(args))
    try:
        with open_store(args) as store:
            if request.child_ref and document in print_jobs.FOR_SOMEONE:
                request = _decided(store, request, args)
            made = print_jobs.make_pdf(store, request)
            if made.checks and document == "chronology":
                if not getattr(args, "accept_checks", False):
                    raise CommandError(
                        f"{len(made.checks)} {_plural(len(made.checks), 'check')} found"
                        " places where the chronology and the record disagree. Fix them in"
                        " the record, or run again with --accept-checks to accept them as"
                        " they stand.", [f"{c.where}: {c.says}" for c in made.checks])
                store.accept_checks(request.child_ref or "", [c.key for c in made.checks])
                made = print_jobs.make_pdf(store, request)
            if request.child_ref and document in print_jobs.FOR_SOMEONE:
                _tell_identifiers(made)
            _save(made, args.out, bool(_password(args)))
            if request.child_ref and document in print_jobs.FOR_SOMEONE:
                store.record_print(request.child_ref, print_jobs.print_record(
                    request, made, "command_line", store.user))
            return made
    except (print_jobs.PrintProblem, chronology.UnknownMeeting, chronology.WithheldMeeting,
            chronology.UnknownRecipient) as exc:
        raise CommandError(str(exc)) from None


def _decided(store: CaseStore, request: print_jobs.PrintRequest,
             args: argparse.Namespace) -> print_jobs.PrintRequest:
    """The request with the worker's --keep-identifier and --leave-out-identifier choices,
    matched against what the copy holds (any letter case)."""
    keep = [t.casefold() for t in getattr(args, "keep_identifier", None) or ()]
    leave = [t.casefold() for t in getattr(args, "leave_out_identifier", None) or ()]
    if not keep and not leave:
        return request
    made = print_jobs.make_pdf(store, request)
    decisions: dict[str, bool] = {}
    for wanted, out in ((keep, False), (leave, True)):
        for text in wanted:
            hits = [f for f in made.findings if f.text.casefold() == text
                    or text in (s.casefold() for s in f.seen_as)]
            if not hits:
                raise CommandError(f"No identifier {text!r} was found in this copy; the"
                                   " identifiers found are listed when it is printed.")
            for f in hits:
                if f.forced and not out:
                    raise CommandError(f"{f.text!r} is withheld from this recipient by a"
                                       " non-disclosure request, so it cannot be kept.")
                decisions[f.key] = out
    return request.deciding(decisions)


def _tell_identifiers(made: print_jobs.Made) -> None:
    if not made.findings:
        return
    out = [f for f in made.findings if f.leave_out]
    kept = [f for f in made.findings if not f.leave_out]
    print(f"Identifiers found in this copy for {made.recipient_label}: {len(out)} left out,"
          f" {len(kept)} kept (change with --keep-identifier or --leave-out-identifier).")
    for f in made.findings:
        why = " (withheld by a non-disclosure request)" if f.forced else ""
        print(f"  {'left out' if f.leave_out else 'kept    '}  {f.kind_words}: {f.text}"
              f" ({f.count}x){why}")


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def run_chronology(args: argparse.Namespace) -> int:
    _make(args, "chronology", recipient=_recipient(args.recipient),
          date_from=args.date_from, date_to=args.date_to,
          kinds=frozenset(args.kind) if args.kind else None,
          with_journey=args.with_timeline, as_of=args.as_of,
          with_clocks=True if args.with_clocks else None)
    return 0


def run_meetings(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        child = store.child(args.child)
    if not child.meetings:
        print(f"{child.name} ({child.ref}) has no meetings recorded.")
    for m in sorted(child.meetings, key=lambda m: m.date):
        print(f"{m.id:<14} {m.date.isoformat()}  {m.status:<6} {chronology.meeting_title(m)}")
    return 0


def run_record(args: argparse.Namespace) -> int:
    _make(args, "decision_record", recipient=_recipient(args.recipient),
          meeting_id=args.meeting)
    return 0


def run_summary(args: argparse.Namespace) -> int:
    _make(args, "summary", recipient=_recipient(args.recipient), as_of=args.as_of)
    return 0


def run_clocks_report(args: argparse.Namespace) -> int:
    _make(args, "clocks_report", worker=args.worker, as_of=args.as_of)
    return 0


RECIPIENTS = ", ".join(chronology.RECIPIENTS)


def _out_and_password(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    p.add_argument("--password-file", metavar="FILE",
                   help="protect the PDF with the password in FILE (first line)")


def _common(p: argparse.ArgumentParser) -> None:
    _out_and_password(p)
    # No default: what is left out depends on who the copy is for (DOMAIN.md).
    p.add_argument("--recipient", required=True, metavar="R",
                   help=f"who the copy is for: {RECIPIENTS} (person:ID and carer:ID name a"
                        " person in the child's record by id; court is as each relevant"
                        " person, court:full the complete copy, only when the court has"
                        " directed that it see everything)")
    p.add_argument("--keep-identifier", action="append", metavar="TEXT",
                   help="keep this identifier, which the review would leave out (repeatable)")
    p.add_argument("--leave-out-identifier", action="append", metavar="TEXT",
                   help="leave out this identifier, which the review would keep (repeatable)")


def chronology_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    _common(p)
    p.add_argument("--accept-checks", action="store_true",
                   help="accept the checks before printing as they stand (kept in the store)")
    p.add_argument("--with-clocks", action="store_true",
                   help="with --with-timeline, show the clocks on a copy for someone outside"
                        " the service too")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
    p.add_argument("--kind", nargs="+", metavar="KIND", help="only entries of these kinds")
    p.add_argument("--with-timeline", action="store_true",
                   help="open with the journey timeline and the clocks")
    p.add_argument("--as-of", type=iso_date, metavar="DATE",
                   help="judge the clocks as of DATE (today)")


def meetings_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")


def record_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--meeting", required=True, metavar="ID")
    _common(p)


def summary_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="as of DATE (today)")
    _common(p)


def clocks_report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--worker", metavar="NAME", help="only this social worker's children")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="as of DATE (today)")
    _out_and_password(p)
