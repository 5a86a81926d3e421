"""Entries drawn from the record (DOMAIN.md, Chronologies): every change of legal status
(made, continued, varied, ended), every move of home, and the decisions of each finalised
review, panel, ADM decision, hearing and other meeting, each an entry of its own so that a
chronology for a hearing or the court leaves out nothing the record itself shows.

They are made afresh from the record every time, never stored, so they cannot fall out of
step with it; the worker's choice to leave one out is kept by its key on the chronology's
page (`ChronologyPage.left_out`), and the record is untouched. Keys are stable:
`legal:ID:made` (or `:continued`, `:varied`, `:began`), `legal:ID:ended`, `living:ID`,
`meeting:ID`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.date_words import long_date
from pace_desktop.domain.records import Child, Event, LegalEpisode, Meeting
from pace_desktop.domain.vocab import (
    LEGAL_STATUSES,
    MEETING_KINDS,
    ORDER_ACTIONS,
    ROUTES,
)

DRAWN = "Drawn from the record"
# How a chronology names a status at the head of an entry ("... made", "... ended"): the
# record's labels read as list items ("Voluntary (section 25)", "..., away from home").
_TITLES = {"s25": "Voluntary accommodation (section 25)",
           "cso_home": "Compulsory supervision order (at home)",
           "cso_away": "Compulsory supervision order (away from home)"}
_VARIABLE = frozenset({"cso_home", "cso_away"})  # a CSO varied between home and away
_NOT_ORDERS = frozenset({"s25", "none"})
_WHERE = {
    "at_home": "at home with {their} parents",
    "kinship": "with friends or relatives (kinship care)",
    "foster": "with foster carers",
    "prospective_adopters": "with prospective adopters",
    "other_community": "in another community setting",
    "residential_la": "in a council children's house",
    "residential_voluntary": "in a voluntary children's house",
    "residential_school": "at a residential school",
    "secure": "in secure care",
    "crisis_care": "in crisis care",
    "other_residential": "in other residential care",
}


@dataclass(frozen=True, slots=True)
class DrawnEntry:
    key: str
    event: Event
    origin: str  # "legal status", "where the child lives", "decision record"

    @property
    def left_out_words(self) -> str:
        e = self.event
        return f"{long_date(e.date)}: {e.title}"


def drawn_entries(child: Child, as_of: date | None = None) -> list[DrawnEntry]:
    """Every entry the record gives, oldest first; an order's end is an entry only once the
    day has come (a date ahead is when it will end, not that it has)."""
    today = as_of or date.today()
    out = [*_legal(child.legal, today), *_living(child), *_meetings(child.meetings)]
    out.sort(key=lambda d: d.event.date)
    return out


def _key(prefix: str, record_id: str, index: int) -> str:
    return f"{prefix}:{record_id}" if record_id else f"{prefix}@{index}"


def _entry(key: str, origin: str, day: date, title: str, detail: str | None = None,
           action: str | None = None) -> DrawnEntry:
    return DrawnEntry(key, Event(day, title, detail=detail or None,
                                 source=f"{DRAWN} ({origin})", action=action or None, id=key),
                      origin)


def _legal(episodes: Iterable[LegalEpisode], today: date) -> list[DrawnEntry]:
    ordered = sorted(enumerate(episodes), key=lambda pair: pair[1].start)
    out: list[DrawnEntry] = []
    for index, e in ordered:
        if e.status == "none":
            continue
        label = _status(e.status)
        before = next((p for _, p in ordered if p is not e and p.end == e.start
                       and _follows(p, e)), None)
        if before is None:
            action = "began" if e.status in _NOT_ORDERS else "made"
        elif before.status == e.status:
            action = "continued"
        else:
            action = "varied"
        words = action
        if before is not None and action == "varied":
            words = f"varied (it was {_status(before.status).lower()})"
        base = _key("legal", e.id, index)
        detail = f"Reference: {e.reference}" if e.reference else None
        out.append(_entry(f"{base}:{action}", "legal status", e.start, f"{label} {words}",
                          detail))
        after = next((n for _, n in ordered if n is not e and n.start == e.end
                      and _follows(e, n)), None)
        if e.end is not None and e.end <= today and after is None:
            out.append(_entry(f"{base}:ended", "legal status", e.end, f"{label} ended",
                              detail))
    return out


def _status(status: str) -> str:
    return _TITLES.get(status) or LEGAL_STATUSES.get(status, status)


def _follows(before: LegalEpisode, after: LegalEpisode) -> bool:
    """Whether `after` carries `before` on (continued, or varied between home and away)."""
    return before.status == after.status or {before.status, after.status} <= _VARIABLE


def _living(child: Child) -> list[DrawnEntry]:
    names = {p.id: p.name for p in child.people}
    their = {"female": "her", "male": "his"}.get(child.sex or "", "their")
    ordered = sorted(enumerate(child.living), key=lambda pair: pair[1].start)
    out: list[DrawnEntry] = []
    for n, (index, ep) in enumerate(ordered):
        where = _WHERE.get(ep.type, ep.type).format(their=their)
        carer = names.get(ep.carer or "")
        title = (f"Began living {where}" if n == 0 else f"Moved to live {where}")
        detail = " ".join(x for x in (carer and f"Carer: {carer}.",
                                      ep.reason_for_move and f"Why: {ep.reason_for_move}")
                          if x)
        out.append(_entry(_key("living", ep.id, index), "where the child lives", ep.start,
                          title, detail))
    return out


def _meetings(meetings: Iterable[Meeting]) -> list[DrawnEntry]:
    out: list[DrawnEntry] = []
    for index, m in enumerate(meetings):
        if not m.is_final:
            continue  # a draft's decisions are not decisions yet
        kind = MEETING_KINDS.get(m.kind, "Meeting")
        # One decision is the entry's title, and is not said again below it; several are
        # numbered below a title that counts them.
        one = len(m.decisions) == 1
        parts = []
        decided = []
        for n, d in enumerate(m.decisions, start=1):
            route = f"route: {ROUTES.get(d.route, d.route).lower()}" if d.route else ""
            if one:
                decided.append(f"Route to permanence: {route[7:]}." if route else "")
            else:
                decided.append(f"{n}. {d.text}" + (f" ({route})" if route else ""))
        if any(decided):
            parts.append(("" if one else "Decisions: ") + "; ".join(x for x in decided if x))
        orders = [f"{_status(o.status)} was {ORDER_ACTIONS.get(o.action, o.action).lower()}"
                  + (f", until {long_date(o.expires)}" if o.expires else "")
                  for o in m.orders]
        if orders:
            parts.append("Orders: " + "; ".join(orders) + ".")
        lines = parts
        title = f"{kind}: {m.decisions[0].text}" if one else (
            f"{kind}: {len(m.decisions)} decisions" if m.decisions else f"{kind} held")
        action = f"Next review by {long_date(m.next_review)}." if m.next_review else None
        if m.actions:
            action = ((action + " ") if action else "") + f"{len(m.actions)} action" + (
                "s" if len(m.actions) != 1 else "") + " agreed."
        source = "decision record" + (f", chaired by {m.chair}" if m.chair else "")
        out.append(_entry(_key("meeting", m.id, index), source, m.date, title,
                          "\n".join(lines) if lines else None, action))
    return out
