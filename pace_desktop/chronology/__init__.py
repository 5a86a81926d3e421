"""Prints: chronologies, decision records, journey summaries and the caseload clocks report.

Rendered with reportlab, in memory: each function returns the PDF as bytes, and writing it to
a file is the caller's explicit act. Qt-free and SQL-free: callers hand in domain records.
"""

from __future__ import annotations

from pace_desktop.chronology.checks import Check, run_checks
from pace_desktop.chronology.chronology_doc import JourneyContext, Prepared, chronology_pdf, prepare
from pace_desktop.chronology.clocks_report_doc import clocks_report_pdf
from pace_desktop.chronology.decision_record_doc import (
    UnknownMeeting,
    WithheldMeeting,
    decision_record_pdf,
    find_meeting,
    meeting_title,
)
from pace_desktop.chronology.drawn import DRAWN, DrawnEntry, drawn_entries
from pace_desktop.chronology.journey_summary_doc import journey_summary_pdf
from pace_desktop.chronology.page_frame import PDF_ENCRYPTION_BITS, PrintOptions
from pace_desktop.chronology.recipients import (
    RECIPIENTS,
    Recipient,
    UnknownRecipient,
    check_for,
    check_recipient,
    parse_recipient,
    recipient_choices,
    recipient_label,
)
from pace_desktop.chronology.redaction import Redacted, redact
from pace_desktop.chronology.review import Finding
from pace_desktop.chronology.schedule import ScheduleRow, describe_item, schedule_rows
from pace_desktop.chronology.selection import EntryFilter, date_as_recorded, select_entries

__all__ = [
    "DRAWN",
    "PDF_ENCRYPTION_BITS",
    "RECIPIENTS",
    "Check",
    "DrawnEntry",
    "Finding",
    "Prepared",
    "Recipient",
    "ScheduleRow",
    "WithheldMeeting",
    "check_for",
    "describe_item",
    "drawn_entries",
    "parse_recipient",
    "prepare",
    "recipient_choices",
    "recipient_label",
    "run_checks",
    "schedule_rows",
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
