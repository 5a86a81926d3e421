"""Prints: chronologies, decision records, journey summaries and the caseload clocks report.

Rendered with reportlab, in memory: each function returns the PDF as bytes, and writing it to
a file is the caller's explicit act. Qt-free and SQL-free: callers hand in domain records.
"""

from __future__ import annotations

from pace_desktop.chronology.chronology_doc import JourneyContext, chronology_pdf
from pace_desktop.chronology.clocks_report_doc import clocks_report_pdf
from pace_desktop.chronology.decision_record_doc import (
    UnknownMeeting,
    decision_record_pdf,
    find_meeting,
    meeting_title,
)
from pace_desktop.chronology.journey_summary_doc import journey_summary_pdf
from pace_desktop.chronology.page_frame import PDF_ENCRYPTION_BITS, PrintOptions
from pace_desktop.chronology.recipients import RECIPIENTS, UnknownRecipient, check_recipient
from pace_desktop.chronology.redaction import Redacted, redact
from pace_desktop.chronology.selection import EntryFilter, date_as_recorded, select_entries

__all__ = [
    "PDF_ENCRYPTION_BITS",
    "RECIPIENTS",
    "EntryFilter",
    "JourneyContext",
    "PrintOptions",
    "Redacted",
    "UnknownMeeting",
    "UnknownRecipient",
    "check_recipient",
    "chronology_pdf",
    "clocks_report_pdf",
    "date_as_recorded",
    "decision_record_pdf",
    "find_meeting",
    "journey_summary_pdf",
    "meeting_title",
    "redact",
    "select_entries",
]
