"""The rules a decision record must meet before it is finalised, and what finalising a
hearing's record does to the child's legal status. Plain Python: the store applies them in
the finalising operation, the forms show them beside the fields before anyone gets that far.

Reasons (INTERCHANGE.md, `decisions[].reasons`): every decision that records a milestone or
chooses a route needs its reasons; so does every decision of an agency decision maker's
record that differs from the permanence panel's recommendation. "Differs" is read from the
routes: the route the ADM chose (a decision's route, or a route considered marked chosen)
against the route the latest finalised permanence panel before it chose the same way. When
there is no such panel record, nothing can be compared and only the first rule applies.

Orders (INTERCHANGE.md, `orders`): a hearing or court record that says an order was made,
continued, varied or ended brings the LEGAL episodes up to date when it is finalised, so the
order is never typed twice. `legal_changes` works out the change (to show and confirm);
the store makes it in the same transaction as the finalisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from pace_desktop.domain.records import LegalEpisode, Meeting
from pace_desktop.domain.vocab import LEGAL_STATUSES, ORDER_ACTIONS, ROUTES

ORDER_MEETING_KINDS = frozenset({"hearing", "court"})


@dataclass(frozen=True, slots=True)
class MissingReasons:
    """Decision `number` (1-based) needs reasons; `message` says why, in plain words."""

    number: int
    message: str


def chosen_route(meeting: Meeting) -> str | None:
    """The route a record chose: a decision's route, else a route considered marked chosen."""
    for d in meeting.decisions:
        if d.route:
            return d.route
    return next((r.route for r in meeting.routes_considered if r.outcome == "chosen"), None)


def panel_route_before(meetings: Sequence[Meeting], adm: Meeting) -> str | None:
    """The route the latest finalised permanence panel on or before the ADM's date chose."""
    panels = [m for m in meetings if m.kind == "panel" and m.is_final and m.date <= adm.date
              and m.id != adm.id]
    for m in sorted(panels, key=lambda m: m.date, reverse=True):
        route = chosen_route(m)
        if route:
            return route
    return None


def missing_reasons(meeting: Meeting, panel_route: str | None = None) -> list[MissingReasons]:
    """Each decision of `meeting` that needs reasons and has none."""
    differs = (meeting.kind == "adm" and panel_route is not None
               and chosen_route(meeting) not in (None, panel_route))
    found = []
    for n, d in enumerate(meeting.decisions, 1):
        if d.reasons and d.reasons.strip():
            continue
        if differs:
            found.append(MissingReasons(n, (
                f"Decision {n}: the agency decision maker's decision differs from the "
                f"permanence panel's recommendation ({ROUTES.get(panel_route or '', '')}); "
                "give the reasons")))
        elif d.milestone or d.route:
            found.append(MissingReasons(n, f"Decision {n}: give the reasons for it"))
    return found


def reasons_message(found: Sequence[MissingReasons]) -> str:
    return ("The record cannot be finalised without reasons. "
            + "; ".join(m.message for m in found) + ".")


@dataclass(frozen=True, slots=True)
class LegalChange:
    """One change to the legal status: `ends` (an episode ended on `on`) and/or `starts`
    (a new episode from `on`). `words` says it for a person to confirm."""

    on: date
    ends: LegalEpisode | None
    starts: LegalEpisode | None
    words: str


def _label(status: str) -> str:
    return LEGAL_STATUSES.get(status, status)


def _current(legal: Sequence[LegalEpisode], on: date, status: str | None = None
             ) -> LegalEpisode | None:
    open_ = [e for e in legal if e.start <= on and (e.end is None or e.end > on)
             and (status is None or e.status == status)]
    return max(open_, key=lambda e: e.start, default=None)


def legal_changes(meeting: Meeting, legal: Sequence[LegalEpisode]) -> list[LegalChange]:
    """What finalising `meeting` does to the child's legal status ([] when nothing).

    made: the order starts on its date, ending whatever status was current. continued: the
    current episode of that status (else the current one) ends and the same order starts
    again, so its clocks (cso_expiry) restart from the hearing. varied: the current episode
    ends and the order, as varied, starts. ended: the current episode of that status ends.
    """
    if meeting.kind not in ORDER_MEETING_KINDS:
        return []
    out: list[LegalChange] = []
    episodes = list(legal)
    for o in meeting.orders:
        on = o.date or meeting.date
        old = _current(episodes, on, o.status) or (
            None if o.action == "ended" else _current(episodes, on))
        if old is not None and o.action != "ended" and old.status == o.status \
                and old.start == on:
            continue  # already in the legal status (typed there first): never twice
        if o.action == "ended":
            if old is None:
                continue
            new = None
            words = f"{_label(old.status)} ends on {on:%d/%m/%Y}."
        else:
            new = LegalEpisode(status=o.status, start=on,
                               reference=old.reference if old and o.action != "made" else None)
            verb = ORDER_ACTIONS[o.action].lower()
            words = f"{_label(o.status)} {verb} on {on:%d/%m/%Y}"
            if old is not None:
                words += f"; {_label(old.status)} (from {old.start:%d/%m/%Y}) ends that day"
            words += "."
        out.append(LegalChange(on, old, new, words))
        if old is not None:
            episodes = [e for e in episodes if e is not old]
            if old.start < on:
                episodes.append(replace(old, end=on))
        if new is not None:
            episodes.append(new)
    return out
