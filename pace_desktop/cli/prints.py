"""Command-line prints: chronology, decision record, journey summary, caseload clocks report.

Every print is made in memory (by pace_desktop.print_jobs, the same path as the app's) and
written only to the file named with --out; saving says plainly whether the file is encrypted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pace_desktop import chronology, print_jobs
from pace_desktop.cli.common import CommandError, iso_date, open_store
from pace_desktop.safe_files import write_bytes
from pace_desktop.settings import load_settings


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
    if encrypted:
        print(f"The file is protected by the password you gave (PDF standard security,"
              f" RC4 {chronology.PDF_ENCRYPTION_BITS}-bit: this keeps out a casual reader,"
              " not a determined one). Keep it on an encrypted device.")
    else:
        print("Warning: this file is not encrypted. Anyone who gets the file can read it: keep"
              " it on an encrypted device and delete it when it is no longer needed.")


def _make(args: argparse.Namespace, document: str, **choices: object) -> print_jobs.Made:
    """The print asked for, made from the store through the same path as the app's."""
    settings = load_settings()
    request = print_jobs.PrintRequest.for_settings(
        document, getattr(args, "child", None), settings, **choices,
    ).with_password(_password(args))
    try:
        with open_store(args) as store:
            return print_jobs.make_pdf(store, request)
    except (print_jobs.PrintProblem, chronology.UnknownMeeting) as exc:
        raise CommandError(str(exc)) from None


def run_chronology(args: argparse.Namespace) -> int:
    made = _make(args, "chronology", recipient=_recipient(args.recipient),
                 date_from=args.date_from, date_to=args.date_to,
                 kinds=frozenset(args.kind) if args.kind else None,
                 with_journey=args.with_timeline, as_of=args.as_of)
    _save(made, args.out, bool(_password(args)))
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
    made = _make(args, "decision_record", recipient=_recipient(args.recipient),
                 meeting_id=args.meeting)
    _save(made, args.out, bool(_password(args)))
    return 0


def run_summary(args: argparse.Namespace) -> int:
    made = _make(args, "summary", recipient=_recipient(args.recipient), as_of=args.as_of)
    _save(made, args.out, bool(_password(args)))
    return 0


def run_clocks_report(args: argparse.Namespace) -> int:
    made = _make(args, "clocks_report", worker=args.worker, as_of=args.as_of)
    _save(made, args.out, bool(_password(args)))
    return 0


RECIPIENTS = ", ".join(chronology.RECIPIENTS)


def _out_and_password(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    p.add_argument("--password-file", metavar="FILE",
                   help="protect the PDF with the password in FILE (first line)")


def _common(p: argparse.ArgumentParser, recipient_required: bool = False) -> None:
    _out_and_password(p)
    if recipient_required:
        p.add_argument("--recipient", required=True, metavar="R",
                       help=f"who the copy is for: {RECIPIENTS}")
    else:
        p.add_argument("--recipient", default="internal", metavar="R",
                       help=f"who the copy is for: {RECIPIENTS} (default internal)")


def chronology_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    _common(p, recipient_required=True)
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
