"""A meeting record as read-only rich text: the original, then its dated amendments.

A finalised record is shown as a document, not as a form with its fields greyed out: it reads
better aloud, selects and copies as one piece, and cannot be mistaken for something to edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from pace_desktop.domain import Meeting
from pace_desktop.domain.date_words import long_date
from pace_desktop.domain.part_words import part_sections
from pace_desktop.domain.vocab import ATTENDANCE, MEETING_KINDS
from pace_desktop.forms import FormDef, records_badge


def _day(d: object) -> str:
    return long_date(d) if d else ""


def _para(heading: str, text: str | None) -> str:
    if not text:
        return ""
    body = escape(text).replace("\n", "<br>")
    return f"<h3>{escape(heading)}</h3><p>{body}</p>"


def record_html(meeting: Meeting, form: FormDef | None = None,
                names: Mapping[str, str] | None = None) -> str:
    title = form.title if form else MEETING_KINDS.get(meeting.kind, "Meeting")
    status = "Final record" if meeting.is_final else "Draft record"
    parts = [f"<h2>{escape(title)}, {_day(meeting.date)}</h2>",
             f"<p><b>{status}.</b>"
             + (f" Chaired by {escape(meeting.chair)}." if meeting.chair else "") + "</p>"]
    came = [a for a in meeting.attendees if a.present]
    away = [a for a in meeting.attendees if not a.present]

    def who(people: list) -> str:
        return "; ".join(escape(a.name + (f" ({a.role})" if a.role else "")
                                + (f", {ATTENDANCE.get(a.how, a.how).lower()}" if a.how else ""))
                         for a in people)

    if came:
        parts.append(f"<p><b>Came:</b> {who(came)}</p>")
    if away:
        parts.append(f"<p><b>Sent apologies:</b> {who(away)}</p>")
    parts.append(_para("What the child said", meeting.child_views))
    parts.append(_para("How the child's views were given", meeting.child_views_how))
    parts.append(_para("What parents and carers said", meeting.family_views))
    for title, lines in part_sections(meeting, names):
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        parts.append(f"<h3>{escape(title)}</h3><ul>{items}</ul>")
    if meeting.decisions:
        items = "".join(
            f"<li>{escape(d.text)}"
            + (f"<br><i>{escape(records_badge(d.milestone, d.route or ''))}</i>"
               if d.milestone else "")
            + (f"<br>Reasons: {escape(d.reasons)}" if d.reasons else "")
            + "</li>" for d in meeting.decisions)
        parts.append(f"<h3>Decisions</h3><ol>{items}</ol>")
    if meeting.actions:
        items = "".join(
            f"<li>{escape(a.text)}: {escape(a.owner or 'nobody named')}, due "
            f"{_day(a.due) or 'no date'}" + (f", done {_day(a.done)}" if a.done else "")
            + "</li>" for a in meeting.actions)
        parts.append(f"<h3>Actions</h3><ol>{items}</ol>")
    if meeting.next_review:
        parts.append(f"<p><b>Next review:</b> {_day(meeting.next_review)}</p>")
    if meeting.amendments:
        items = "".join(f"<li><b>{_day(a.at)}, {escape(a.author)}:</b> {escape(a.text)}</li>"
                        for a in meeting.amendments)
        parts.append("<h3>Amendments</h3><p>Added after the record was finalised; the "
                     f"record above is as it was finalised.</p><ul>{items}</ul>")
    return "".join(p for p in parts if p)
