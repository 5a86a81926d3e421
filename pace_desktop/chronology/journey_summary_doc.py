"""A child's journey on a page or two: details, the timeline picture, milestones, clocks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from reportlab.platypus import Flowable, Spacer

from pace_desktop.chronology.clock_words import clocks_table, milestones_table
from pace_desktop.chronology.page_frame import Heading, PrintOptions, build_pdf, child_line
from pace_desktop.chronology.recipients import parse_recipient
from pace_desktop.chronology.redaction import redact
from pace_desktop.chronology.schedule import schedule_section
from pace_desktop.chronology.selection import long_date
from pace_desktop.chronology.styles import facts_table, heading, para, recipient_notice
from pace_desktop.chronology.timeline_part import timeline_picture
from pace_desktop.domain.dates import age_in_years
from pace_desktop.domain.records import Child
from pace_desktop.domain.vocab import LEGAL_STATUSES, LIVING_TYPES
from pace_desktop.journey import Rule, child_milestones, judge_child


def journey_summary_pdf(child: Child, rules: Iterable[Rule], as_of: date, recipient: str,
                        options: PrintOptions, due_soon_days: int = 28,
                        decisions: Mapping[str, bool] | None = None) -> bytes:
    """Everything is worked out from what the recipient may see, so a withheld entry cannot
    show through as a milestone or a clock's date."""
    rules = tuple(rules)
    seen = redact(child, recipient, decisions)
    kid, r = seen.child, parse_recipient(recipient)
    story: list[Flowable] = [
        para(f"Journey summary for {kid.name}", "title"),
        *recipient_notice(seen.label, seen.withheld, r),
        para(f"As of {long_date(as_of)}.", "small"),
        heading("About the child"),
        facts_table(_details(kid, as_of, recipient)),
        heading("The journey so far"),
    ]
    picture = timeline_picture(kid, rules, as_of, due_soon_days)
    story.append(picture if picture is not None else para(
        "The timeline picture is not available in this version.", "small"))
    story += [Spacer(1, 4), heading("Milestones")]
    milestones = child_milestones(kid, as_of)
    story += milestones_table(milestones) if milestones else [
        para("No milestones recorded yet.", "small")]
    story.append(heading("Clocks"))
    clocks = judge_child(kid, rules, as_of, due_soon_days)
    story += clocks_table(clocks, as_of) if clocks else [para("No clocks apply yet.", "small")]
    if r.with_schedule:
        story += schedule_section(child)  # as on every paper for the Reporter
    title = f"Journey summary for {kid.name}"
    subject = (f"Journey summary, prepared for {seen.label}"
               f" ({options.marking})")
    line = child_line(kid.name, kid.date_of_birth, kid.ref)
    return build_pdf(story, Heading(title, subject, line), options)


def _details(kid: Child, as_of: date, recipient: str) -> list[tuple[str, str]]:
    people = {p.id: p for p in kid.people}
    now = [ep for ep in kid.living if ep.start <= as_of and (ep.end is None or ep.end >= as_of)]
    living = "not recorded"
    if now:
        ep = now[-1]
        carer = people.get(ep.carer or "")
        living = LIVING_TYPES.get(ep.type, ep.type)
        if carer is not None:
            living += f", with {carer.name}"
        if ep.address:
            living += f", {ep.address}"
        living += f" (since {long_date(ep.start)})"
    legal_now = [ep for ep in kid.legal
                 if ep.start <= as_of and (ep.end is None or ep.end >= as_of)]
    legal = (f"{LEGAL_STATUSES.get(legal_now[-1].status, legal_now[-1].status)}"
             f" (since {long_date(legal_now[-1].start)})") if legal_now else "not recorded"
    rows = [
        ("Name", kid.name + (f" (known as {kid.known_as})" if kid.known_as else "")),
        ("Full name", f"{kid.given_name} {kid.family_name}"),
        ("Date of birth", f"{long_date(kid.date_of_birth)}"
                          f" (age {age_in_years(kid.date_of_birth, as_of)})"),
        ("Reference", kid.ref),
    ]
    if recipient == "internal" and kid.chi:
        rows.append(("CHI number", kid.chi))
    rows += [
        ("Local authority", kid.local_authority or ""),
        ("Social worker", kid.allocated_worker or ""),
        ("Reviewing officer", kid.reviewing_officer or ""),
        ("Lives", living),
        ("Legal status", legal),
    ]
    return rows
