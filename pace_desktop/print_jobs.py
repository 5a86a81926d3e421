"""What a print is (a frozen request) and how it is turned into PDF bytes from the store.

One path for every print, used by the app's print dialog and by the command line. Qt-free:
in the app `make_pdf` runs on the store worker's thread, where the connection lives, and
does both the store read and the reportlab layout there, so the interface thread only ever
receives finished bytes. Nothing here touches the disk except the clock rules file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

from pace_desktop import chronology, journey
from pace_desktop.chronology import (
    Check,
    EntryFilter,
    Finding,
    JourneyContext,
    PrintOptions,
    UnknownMeeting,
    UnknownRecipient,
    WithheldMeeting,
)
from pace_desktop.domain.print_record import PrintRecord
from pace_desktop.journey import RulesError
from pace_desktop.settings import Settings
from pace_desktop.store import CaseStore, RecordNotFound, StoreClosed, StoreError

DOCUMENTS: Final[dict[str, str]] = {
    "chronology": "Chronology",
    "decision_record": "Decision record",
    "summary": "Journey summary",
    "clocks_report": "Caseload clocks report",
}

# Documents about one child, which are for someone: the print dialog asks who, every time.
FOR_SOMEONE: Final = frozenset({"chronology", "decision_record", "summary"})
ASK_WHO = ("Choose who this copy is for: what is left out depends on it, so there is no"
           " default.")


def default_recipient(document: str) -> str | None:
    # Papers about a child have no default: the dialog asks (DOMAIN.md, hearing papers). The
    # caseload's clocks report names many children and never leaves the office.
    return "internal" if document == "clocks_report" else None


def suggested_file_name(document: str, child_ref: str | None, recipient: str) -> str:
    """A file name that says what the copy is and who it is for, so two recipients' copies
    are never saved over each other or mixed up."""
    who = recipient.replace("_", "-").replace(":", "-")
    return f"{document.replace('_', '-')}-{child_ref or 'caseload'}-for-{who}.pdf"


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """Everything needed to make one print; a snapshot of the dialog's controls."""

    document: str
    child_ref: str | None
    options: PrintOptions
    recipient: str | None = None  # None until chosen: no copy is made for nobody
    meeting_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    kinds: frozenset[str] | None = None  # chronology: only entries of these kinds
    with_journey: bool = False
    worker: str | None = None
    as_of: date | None = None
    due_soon_days: int = 28
    rules_path: Path | None = None
    record_visits: bool = False
    # The worker's decisions on identifiers shown highlighted, by key (leave out: True).
    decisions: tuple[tuple[str, bool], ...] = ()
    with_clocks: bool | None = None  # None: the clocks only on internal copies

    def deciding(self, decisions: Mapping[str, bool]) -> PrintRequest:
        return replace(self, decisions=tuple(sorted(decisions.items())))

    @classmethod
    def for_settings(cls, document: str, child_ref: str | None, settings: Settings,
                     **choices: object) -> PrintRequest:
        # Empty unless named in Settings: make_pdf then signs with the store's own user.
        options = PrintOptions(printed_by=settings.user_name,
                               marking=settings.protective_marking)
        base = cls(document, child_ref, options, due_soon_days=settings.due_soon_days,
                   rules_path=settings.rules_path(), record_visits=settings.record_visits)
        return replace(base, **choices)  # type: ignore[arg-type]

    def with_password(self, password: str | None) -> PrintRequest:
        return replace(self, options=replace(self.options, password=password or None))


@dataclass(frozen=True, slots=True)
class DrawnChoice:
    """An entry drawn from the record, as the worker sees it when choosing what to leave out."""

    key: str
    words: str
    left_out: bool


@dataclass(frozen=True, slots=True)
class Made:
    """A finished print: the PDF bytes and a line saying what it is, for the dialog's header;
    the identifiers shown highlighted (with their proposals or decisions), the checks still
    open, and the entries drawn from the record (chronology)."""

    pdf: bytes
    about: str
    recipient_label: str = ""
    withheld: bool = False
    findings: tuple[Finding, ...] = ()
    checks: tuple[Check, ...] = ()
    drawn: tuple[DrawnChoice, ...] = field(default=())
    accepted_checks: tuple[str, ...] = ()

    @property
    def decisions(self) -> dict[str, bool]:
        return {f.key: f.leave_out for f in self.findings}


def make_pdf(store: CaseStore, request: PrintRequest) -> Made:
    """Read what the print needs from the store and lay it out; runs on the store worker."""
    r = request
    if not r.options.printed_by:  # the store's named user, never the login name if one is known
        r = replace(r, options=replace(r.options, printed_by=store.user))
    as_of = r.as_of or date.today()
    if r.document not in DOCUMENTS:
        raise PrintProblem(f"There is no print called {r.document!r}.")
    if r.document == "clocks_report":
        return _clocks_report(store, r, as_of)
    if not r.child_ref:
        raise PrintProblem("No child was chosen, so there is nothing to print.")
    if not r.recipient:
        raise PrintProblem(ASK_WHO)
    child = store.child(r.child_ref)
    chronology.check_for(child, r.recipient)  # a person named must be in the record
    label = chronology.recipient_label(child, r.recipient)
    # The worker's last decisions for this recipient, then any made in this dialog.
    decisions = {**store.identifier_decisions(child.ref, r.recipient), **dict(r.decisions)}
    if r.document == "chronology":
        page = store.chronology_page(child.ref)
        entry_filter = EntryFilter(r.date_from or page.period_from,
                                   r.date_to or page.period_to, r.kinds, significant_only=True)
        context = (JourneyContext(_rules(r), as_of, r.due_soon_days)
                   if r.with_journey else None)
        prepared = chronology.prepare(child, r.recipient, page, decisions, entry_filter)
        pdf = chronology.chronology_pdf(child, r.recipient, r.options, entry_filter, context,
                                        with_clocks=r.with_clocks, prepared=prepared)
        drawn = tuple(DrawnChoice(d.key, d.left_out_words, d.key in page.left_out)
                      for d in chronology.drawn_entries(child))
        seen = prepared.seen
        return Made(pdf, f"Chronology for {child.name}, for {label}", label, seen.withheld,
                    seen.findings, tuple(prepared.checks), drawn,
                    tuple(sorted(page.accepted_checks)))
    seen = chronology.redact(child, r.recipient, decisions)
    if r.document == "decision_record":
        if not r.meeting_id:
            raise PrintProblem("No meeting was chosen, so there is no decision record to print.")
        pdf = chronology.decision_record_pdf(child, r.meeting_id, r.recipient, r.options,
                                             decisions)
        meeting = chronology.find_meeting(child, r.meeting_id)
        return Made(pdf, f"Decision record for {child.name}: {chronology.meeting_title(meeting)},"
                         f" for {label}", label, seen.withheld, seen.findings)
    pdf = chronology.journey_summary_pdf(child, _rules(r), as_of, r.recipient, r.options,
                                         r.due_soon_days, decisions)
    return Made(pdf, f"Journey summary for {child.name}, for {label}", label, seen.withheld,
                seen.findings)


def print_record(request: PrintRequest, made: Made, how: str, by: str) -> PrintRecord:
    """What to keep about a print that leaves the laptop: the decisions shown with it."""
    return PrintRecord(request.document, request.recipient or "internal", by,
                       datetime.now(UTC), how, tuple(f.choice() for f in made.findings),
                       made.accepted_checks, made.withheld)


def _clocks_report(store: CaseStore, r: PrintRequest, as_of: date) -> Made:
    rows = store.caseload()
    if r.worker:
        wanted = r.worker.casefold()
        rows = [row for row in rows if (row.allocated_worker or "").casefold() == wanted]
        if not rows:
            raise PrintProblem(f"No children are allocated to {r.worker} at the moment.")
    workers = {row.ref: row.allocated_worker for row in rows}
    refs = sorted(workers) if r.worker else None
    items = journey.due_list(store.children(refs, clock_facts_only=True), _rules(r), as_of,
                             r.due_soon_days)
    pdf = chronology.clocks_report_pdf(items, as_of, r.options, workers, r.worker,
                                       r.due_soon_days)
    whose = f"{r.worker}'s children" if r.worker else "the whole caseload"
    return Made(pdf, f"Caseload clocks report for {whose}")


def _rules(r: PrintRequest) -> tuple[journey.Rule, ...]:
    return tuple(journey.load_rules(r.rules_path, record_visits=r.record_visits))


def allocated_workers(store: CaseStore) -> list[str]:
    """The social workers with children allocated, for the clocks report's choice."""
    names = {row.allocated_worker.strip() for row in store.caseload() if row.allocated_worker}
    return sorted((n for n in names if n), key=str.casefold)


class PrintProblem(Exception):
    """Something about the request itself, said in words fit for the dialog."""


def explain(exc: BaseException) -> str:
    """A plain sentence for the dialog; never a traceback."""
    if isinstance(exc, PrintProblem):
        return str(exc)
    if isinstance(exc, UnknownMeeting):
        return ("This meeting is not in the child's record any more, so its decision record"
                " cannot be printed. Close this window and choose the meeting again.")
    if isinstance(exc, RecordNotFound):
        return "This child's record is not in the store any more, so it cannot be printed."
    if isinstance(exc, StoreClosed):
        return "The store is locked. Unlock it, then try printing again."
    if isinstance(exc, RulesError):
        return ("Your authority's clock rules could not be read, so the clocks cannot be"
                f" shown: {exc}")
    if isinstance(exc, UnknownRecipient | WithheldMeeting):
        return str(exc)
    if isinstance(exc, StoreError):
        return f"The store could not be read: {exc}"
    if isinstance(exc, OSError):
        return f"A file could not be read: {exc.strerror or exc}."
    return f"The print could not be made ({type(exc).__name__}: {exc})."


__all__ = [
    "ASK_WHO",
    "DOCUMENTS",
    "FOR_SOMEONE",
    "DrawnChoice",
    "Made",
    "PrintProblem",
    "PrintRequest",
    "allocated_workers",
    "default_recipient",
    "print_record",
    "explain",
    "make_pdf",
]
