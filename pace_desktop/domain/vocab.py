"""The fixed vocabularies of INTERCHANGE.md, with plain labels for people to read.

Codes are what files and the store hold; labels are what a person sees. Labels follow
The Promise: plain words, no jargon where a plain word exists.
"""

from __future__ import annotations

from typing import Final

SEXES: Final = ("female", "male", "other", "not_known")

PERSON_ROLES: Final = ("parent", "relevant_person", "carer", "sibling", "professional", "other")

LIVING_TYPES: Final[dict[str, str]] = {
    "at_home": "At home with parents",
    "kinship": "With friends or relatives (kinship care)",
    "foster": "With foster carers",
    "prospective_adopters": "With prospective adopters",
    "other_community": "Other community setting",
    "residential_la": "Council children's house",
    "residential_voluntary": "Voluntary children's house",
    "residential_school": "Residential school",
    "secure": "Secure care",
    "crisis_care": "Crisis care",
    "other_residential": "Other residential care",
}
AWAY_FROM_HOME: Final = frozenset(t for t in LIVING_TYPES if t != "at_home")

LEGAL_STATUSES: Final[dict[str, str]] = {
    "s25": "Voluntary (section 25)",
    "icso": "Interim compulsory supervision order",
    "cso_home": "Compulsory supervision order, at home",
    "cso_away": "Compulsory supervision order, away from home",
    "cpo": "Child protection order",
    "po": "Permanence order",
    "poa": "Permanence order with authority to adopt",
    "s11": "Kinship care order (section 11)",
    "adoption_order": "Adoption order",
    "none": "No order",
}

DATE_PRECISIONS: Final = ("day", "month", "year", "circa")

IMPACT_SIGNS: Final = ("positive", "negative", "neutral")

RECIPIENTS: Final = ("relevant_person", "child", "panel", "court")

MILESTONE_KINDS: Final[dict[str, str]] = {
    "referral": "Referral or concern",
    "ird": "Inter-agency referral discussion",
    "reporter_referral": "Referral to the Children's Reporter",
    "cpo_granted": "Child protection order granted",
    "looked_after": "Became looked after",
    "permanence_recommendation": "Permanence recommended",
    "kinship_options_decided": "Kinship options decided",
    "panel_recommendation": "Permanence panel recommendation",
    "adm_decision": "Agency decision maker's decision",
    "advice_hearing": "Advice hearing",
    "petition_lodged": "Petition lodged in court",
    "order_granted": "Order granted",
    "cso_terminated": "Supervision order ended",
    "returned_home": "Returned home",
}
VISIT: Final = "visit"
"""A statutory visit to the child by their worker (CLOCKS.md): an entry, not a milestone."""
EVENT_KINDS: Final = frozenset(MILESTONE_KINDS) | {"note", VISIT}
ROUTED_MILESTONES: Final = frozenset(
    {"permanence_recommendation", "petition_lodged", "order_granted"}
)

ROUTES: Final[dict[str, str]] = {
    "home": "Remain at or return home",
    "po": "Permanence order",
    "poa": "Permanence order with authority to adopt",
    "s11": "Kinship care order",
    "adoption": "Adoption",
}

MEETING_KINDS: Final[dict[str, str]] = {
    "lac_review": "Looked after child review",
    "two_week_planning": "Two week planning meeting",
    "permanence_planning": "Permanence planning meeting",
    "cp_planning": "Child protection planning meeting",
    "panel": "Permanence panel",
    "adm": "Agency decision maker",
    "hearing": "Children's hearing",
    "court": "Court",
    "other": "Other meeting",
}
REVIEW_MEETING_KINDS: Final = frozenset({"lac_review", "two_week_planning"})

MEETING_STATUSES: Final = ("draft", "final")

ATTENDANCE: Final[dict[str, str]] = {
    "in_person": "In person",
    "video": "By video",
    "phone": "By phone",
}
TAKING_PART: Final[dict[str, str]] = {
    **ATTENDANCE,
    "written": "In writing",
    "advocate": "Through an advocate",
    "not_obtained": "Views not obtained",
}
ROUTE_OUTCOMES: Final[dict[str, str]] = {
    "chosen": "Chosen",
    "parallel": "Planned in parallel",
    "ruled_out": "Ruled out",
}
ORDER_ACTIONS: Final[dict[str, str]] = {
    "made": "Made",
    "continued": "Continued",
    "varied": "Varied",
    "ended": "Ended",
}
ORDER_MEASURES: Final[dict[str, str]] = {
    "residence": "Where the child must live",
    "non_disclosure_of_place": "Where the child lives is not to be disclosed",
    "contact_direction": "A direction about family time",
    "secure": "Secure accommodation authorised",
    "other": "Another measure",
}
NONDISCLOSURE_DECISIONS: Final = ("pending", "granted", "refused")
