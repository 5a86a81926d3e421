"""The shape of each record in an interchange file, and how a checked record is built.

JSON field names are the domain's field names, so checked values go straight to the
dataclasses (reading.py, reading_parts.py).
"""

from __future__ import annotations

from typing import Any

from pace_desktop.domain.meeting_parts import (
    ASSESSMENT_FIELDS,
    FamilyTime,
    OrderMade,
    RouteConsidered,
    SiblingNote,
    View,
)
from pace_desktop.domain.records import (
    Action,
    Amendment,
    Attendee,
    Child,
    Decision,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    Person,
)
from pace_desktop.domain.vocab import (
    ATTENDANCE,
    DATE_PRECISIONS,
    IMPACT_SIGNS,
    LEGAL_STATUSES,
    LIVING_TYPES,
    MEETING_KINDS,
    MEETING_STATUSES,
    MILESTONE_KINDS,
    NONDISCLOSURE_DECISIONS,
    ORDER_ACTIONS,
    ORDER_MEASURES,
    PERSON_ROLES,
    RECIPIENTS,
    ROUTE_OUTCOMES,
    ROUTED_MILESTONES,
    ROUTES,
    SEXES,
    TAKING_PART,
    VISIT,
)
from pace_desktop.exchange.building import builder
from pace_desktop.exchange.checks import (
    DAY,
    FLAG,
    INTEGER,
    LIST,
    OBJECT,
    REQUIRED_TEXT,
    TEXT,
    Shape,
    choice,
)

ROUTED = tuple(k for k in MILESTONE_KINDS if k in ROUTED_MILESTONES)
ROUTED_WORDS = f"{', '.join(ROUTED[:-1])} and {ROUTED[-1]}"
ROUTE = choice(ROUTES)

# JSON field names are the domain's field names, so checked values go straight to the
# dataclasses. `id` on living, legal, events and meetings, `source_person` on events and
# `amendments` on events and meetings are this product's optional additions to the format.
CHILD = Shape(
    {
        "id": TEXT,
        "ref": REQUIRED_TEXT,
        "given_name": REQUIRED_TEXT,
        "family_name": REQUIRED_TEXT,
        "known_as": TEXT,
        "date_of_birth": DAY,
        "chi": TEXT,
        "sex": choice(SEXES),
        "local_authority": TEXT,
        "allocated_worker": TEXT,
        "reviewing_officer": TEXT,
        "people": LIST,
        "living": LIST,
        "legal": LIST,
        "events": LIST,
        "meetings": LIST,
        "nondisclosure": LIST,
    },
    required=("ref", "given_name", "family_name", "date_of_birth"),
)
PERSON = Shape(
    {
        "id": REQUIRED_TEXT,
        "role": choice(PERSON_ROLES),
        "name": REQUIRED_TEXT,
        "relationship": TEXT,
        "address": TEXT,
        "address_confidential": FLAG,
        "phone": TEXT,
    },
    required=("id", "role", "name"),
)
LIVING = Shape(
    {
        "id": TEXT,
        "type": choice(LIVING_TYPES),
        "start": DAY,
        "end": DAY,
        "carer": TEXT,
        "address": TEXT,
        "address_confidential": FLAG,
        "reason_for_move": TEXT,
    },
    required=("type", "start"),
)
LEGAL = Shape(
    {"id": TEXT, "status": choice(LEGAL_STATUSES), "start": DAY, "end": DAY, "reference": TEXT},
    required=("status", "start"),
)
EVENT = Shape(
    {
        "id": TEXT,
        "date": DAY,
        "date_precision": choice(DATE_PRECISIONS),
        "seq": INTEGER,
        # Ordered for messages: "note", the milestones as INTERCHANGE.md lists them, "visit".
        "kind": choice(("note", *MILESTONE_KINDS, VISIT)),
        "route": ROUTE,
        "title": REQUIRED_TEXT,
        "detail": TEXT,
        "source": TEXT,
        "source_person": TEXT,
        "impact": TEXT,
        "impact_sign": choice(IMPACT_SIGNS),
        "action": TEXT,
        "significant": FLAG,
        "withhold_from": LIST,
        "amendments": LIST,
    },
    required=("date", "title"),
)
MEETING = Shape(
    {
        "id": TEXT,
        "kind": choice(MEETING_KINDS),
        "date": DAY,
        "chair": TEXT,
        "attendees": LIST,
        "child_views": TEXT,
        "child_views_how": TEXT,
        "family_views": TEXT,
        "decisions": LIST,
        "actions": LIST,
        "next_review": DAY,
        "status": choice(MEETING_STATUSES),
        "amendments": LIST,
        "views": LIST,
        "assessment": OBJECT,
        "family_time": LIST,
        "siblings": LIST,
        "routes_considered": LIST,
        "orders": LIST,
        "panel": OBJECT,
    },
    required=("kind", "date"),
)
ATTENDEE = Shape(
    {"name": REQUIRED_TEXT, "role": TEXT, "present": FLAG, "how": choice(ATTENDANCE)},
    required=("name",),
)
DECISION = Shape(
    {"text": REQUIRED_TEXT, "milestone": choice(MILESTONE_KINDS), "route": ROUTE,
     "reasons": TEXT},
    required=("text",),
)
VIEW = Shape({"person": REQUIRED_TEXT, "text": TEXT, "how": choice(TAKING_PART),
               "why_not": TEXT}, required=("person",))
ASSESSMENT = Shape({f: TEXT for f in ASSESSMENT_FIELDS})
FAMILY_TIME = Shape({"with": REQUIRED_TEXT, "how_often": TEXT, "supervised": FLAG,
                      "notes": TEXT}, required=("with",))
SIBLING = Shape({"person": REQUIRED_TEXT, "lives": TEXT, "together": FLAG, "why_apart": TEXT,
                  "views": TEXT}, required=("person",))
ROUTE_CONSIDERED = Shape({"route": ROUTE, "outcome": choice(ROUTE_OUTCOMES), "reasons": TEXT},
                          required=("route", "outcome"))
ORDER = Shape({"status": choice(LEGAL_STATUSES), "action": choice(ORDER_ACTIONS), "date": DAY,
                "measures": LIST, "residence": TEXT, "expires": DAY},
               required=("status", "action"))
MEASURE = choice(ORDER_MEASURES)
PANEL = Shape({"members": LIST, "quorate": FLAG, "medical_adviser": TEXT,
                "legal_adviser": TEXT, "question": TEXT, "dissent": TEXT})
NONDISCLOSURE = Shape({"id": TEXT, "item": REQUIRED_TEXT, "withhold_from": LIST,
                        "reason": REQUIRED_TEXT, "requested": DAY,
                        "decision": choice(NONDISCLOSURE_DECISIONS), "decided": DAY},
                       required=("item", "withhold_from", "reason"))
ACTION = Shape({"text": REQUIRED_TEXT, "owner": TEXT, "due": DAY, "done": DAY}, required=("text",))
AMENDMENT = Shape(
    {"at": DAY, "author": REQUIRED_TEXT, "text": REQUIRED_TEXT}, required=("at", "author", "text")
)
RECIPIENT = choice(RECIPIENTS)

new_child = builder(Child)
new_person = builder(Person)
new_living = builder(LivingEpisode)
new_legal = builder(LegalEpisode)
new_event = builder(Event)
new_meeting = builder(Meeting)
new_attendee = builder(Attendee)
new_decision = builder(Decision)
new_action = builder(Action)
new_amendment = builder(Amendment)
new_view = builder(View)
new_sibling = builder(SiblingNote)
new_route_considered = builder(RouteConsidered)


def new_family_time(values: dict[str, Any]) -> FamilyTime:
    return FamilyTime(values["with"], values.get("how_often"), values.get("supervised"),
                      values.get("notes"))


def new_order(values: dict[str, Any]) -> OrderMade:
    return OrderMade(values["status"], values["action"], values.get("date"),
                     tuple(values.get("measures", ())), values.get("residence"),
                     values.get("expires"))
