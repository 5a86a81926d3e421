"""The decision record of one meeting, as finalised, with any later amendments after it."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable

from pace_desktop.chronology.cells import Columns, wrapped_tables
from pace_desktop.chronology.page_frame import (
    FRAME_WIDTH,
    Heading,
    PrintOptions,
    build_pdf,
    child_line,
)
from pace_desktop.chronology.recipients import parse_recipient
from pace_desktop.chronology.redaction import redact
from pace_desktop.chronology.schedule import schedule_section
from pace_desktop.chronology.selection import long_date, short_date
from pace_desktop.chronology.styles import facts_table, heading, para, recipient_notice
from pace_desktop.domain.part_words import part_sections
from pace_desktop.domain.records import Attendee, Child, Meeting
from pace_desktop.domain.vocab import ATTENDANCE, MEETING_KINDS, ROUTES
from pace_desktop.journey.milestones import milestone_label


class UnknownMeeting(LookupError):
    def __init__(self, child: Child, meeting_id: str) -> None:
        super().__init__(f"{child.name} ({child.ref}) has no meeting with the id {meeting_id}."
                         " The command 'meetings --child REF' lists them.")


class WithheldMeeting(LookupError):
    """The whole record of this meeting is withheld from the recipient by a request."""

    def __init__(self, child: Child, label: str) -> None:
        super().__init__(f"The record of this meeting is withheld from {label} by a"
                         f" non-disclosure request for {child.name}, so there is no copy to"
                         " print for them.")


def find_meeting(child: Child, meeting_id: str) -> Meeting:
    for meeting in child.meetings:
        if meeting.id == meeting_id:
            return meeting
    raise UnknownMeeting(child, meeting_id)


def meeting_title(meeting: Meeting) -> str:
    return f"{MEETING_KINDS.get(meeting.kind, 'Meeting')}, {long_date(meeting.date)}"


def decision_record_pdf(child: Child, meeting_id: str, recipient: str,
                        options: PrintOptions,
                        decisions: Mapping[str, bool] | None = None) -> bytes:
    find_meeting(child, meeting_id)
    seen = redact(child, recipient, decisions)
    kid = seen.child
    try:
        meeting = find_meeting(kid, meeting_id)
    except UnknownMeeting:
        raise WithheldMeeting(child, seen.label) from None
    r = parse_recipient(recipient)
    story: list[Flowable] = [
        para(f"Decision record: {meeting_title(meeting)}", "title"),
        *recipient_notice(seen.label, seen.withheld, r),
    ]
    if not meeting.is_final:
        story.append(para("DRAFT: this record has not been finalised and may still change.",
                          "notice"))
    story += [
        facts_table([
            ("Child", f"{kid.name} (born {long_date(kid.date_of_birth)}, {kid.ref})"),
            ("Meeting", MEETING_KINDS.get(meeting.kind, meeting.kind)),
            ("Date", long_date(meeting.date)),
            ("Chair", meeting.chair or ""),
            ("Record", "Finalised" if meeting.is_final else "Draft"),
        ]),
        *_sections(meeting, {p.id: p.name for p in kid.people if p.id}),
    ]
    if r.with_schedule:
        # Every paper the Reporter (or the court, as directed) gets carries the requests: a
        # decision record may be sent on its own, and the ruling is on the whole record.
        story += schedule_section(child)
    title = f"Decision record for {kid.name}: {meeting_title(meeting)}"
    subject = (f"Decision record of a meeting, prepared for {seen.label}"
               f" ({options.marking})")
    line = child_line(kid.name, kid.date_of_birth, kid.ref)
    return build_pdf(story, Heading(title, subject, line), options)


def _sections(m: Meeting, names: dict[str, str]) -> list[Flowable]:
    out: list[Flowable] = [heading("Who took part")]
    present = [a for a in m.attendees if a.present]
    apologies = [a for a in m.attendees if not a.present]
    out += _people("Present", present) + _people("Apologies", apologies)
    out += [heading("The child's views"), para(m.child_views or "Not recorded.")]
    out.append(para(f"How the child's views were obtained: {m.child_views_how or 'not recorded'}"
                    ".", "small"))
    out += [heading("The family's views"), para(m.family_views or "Not recorded.")]
    # The fuller parts (what a review considered, each person's views, family time, brothers
    # and sisters, routes, orders, the permanence panel), each only when recorded.
    for title, lines in part_sections(m, names):
        out.append(heading(title))
        out += [para(line) for line in lines]
    out.append(heading("Decisions"))
    if not m.decisions:
        out.append(para("No decisions were recorded."))
    for n, d in enumerate(m.decisions, start=1):
        out.append(para(f"{n}. {d.text}"))
        extra = []
        if d.milestone:
            extra.append(f"Milestone: {milestone_label(d.milestone)}")
        if d.route:
            extra.append(f"Route to permanence: {ROUTES.get(d.route, d.route)}")
        if extra:
            out.append(para("    " + "; ".join(extra) + ".", "small"))
        if d.reasons:
            out.append(para(f"    Reasons: {d.reasons}", "small"))
    out.append(heading("Actions"))
    if m.actions:
        cols = Columns(("Action", "Who", "Due by", "Done"),
                       [FRAME_WIDTH * f for f in (0.52, 0.2, 0.14, 0.14)], size=8.5)
        out += wrapped_tables(cols, [(a.text, a.owner or "", short_date(a.due),
                                      short_date(a.done) or "not yet") for a in m.actions])
    else:
        out.append(para("No actions were recorded."))
    out += [heading("Next review"),
            para(long_date(m.next_review) if m.next_review else "No date set.")]
    if m.amendments:
        out += [heading("Amendments added after the record was finalised"),
                para("The record above is as it was finalised; these corrections were added"
                     " later, each dated and by a named person.", "small")]
        for a in m.amendments:
            out.append(para(f"{long_date(a.at)}, {a.author}: {a.text}"))
    return out


def _people(label: str, people: list[Attendee]) -> list[Flowable]:
    if not people:
        return [para(f"{label}: none recorded.", "small")]
    names = "; ".join(
        a.name + (f" ({', '.join(x for x in (a.role, _how(a.how)) if x)})"
                  if a.role or a.how else "") for a in people)
    return [para(f"{label}: {names}.")]


def _how(how: str | None) -> str:
    return ATTENDANCE.get(how, how).lower() if how else ""
