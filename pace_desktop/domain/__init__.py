"""Plain values and vocabularies of the case record; no I/O, no Qt, no SQL."""

from pace_desktop.domain.meeting_parts import (
    Assessment,
    FamilyTime,
    OrderMade,
    PanelRecord,
    RouteConsidered,
    SiblingNote,
    View,
)
from pace_desktop.domain.nondisclosure import Nondisclosure
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

__all__ = [
    "Assessment",
    "FamilyTime",
    "Nondisclosure",
    "OrderMade",
    "PanelRecord",
    "RouteConsidered",
    "SiblingNote",
    "View",
    "Action",
    "Amendment",
    "Attendee",
    "Child",
    "Decision",
    "Event",
    "LegalEpisode",
    "LivingEpisode",
    "Meeting",
    "Person",
]
